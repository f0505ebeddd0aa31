// Service counters (layanan) in the import: read, checked, compared and written like the other kinds.
import { newPublicCode } from "../counters/public-code.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;
import type { Message } from "../../lib/i18n.ts";
import { duplicateOf, inColumn, unitUnknown } from "./problems.ts";
import type { CounterRecord, KindCounts, Origin } from "./types.ts";

export interface ExistingCounter {
  id: number;
  unitCode: string;
  name: string;
  staffNips: string[];
}

export interface CounterPlan {
  create: CounterRecord[];
  update: CounterRecord[];
  unchanged: number;
}

/** Every stored counter by its code, with its staff's NIPs sorted. */
export async function readCounters(tx: Tx): Promise<Map<string, ExistingCounter>> {
  const rows = await tx.$queryRaw<{ id: number; code: string; name: string; unitCode: string; nips: string[] }[]>`
    SELECT c."id", c."code", c."name", u."code" AS "unitCode",
           COALESCE(array_agg(e."nip" ORDER BY e."nip") FILTER (WHERE e."nip" IS NOT NULL), '{}') AS "nips"
    FROM "ServiceCounter" c JOIN "Unit" u ON u."id" = c."unitId"
    LEFT JOIN "ServiceCounterStaff" s ON s."counterId" = c."id"
    LEFT JOIN "Employee" e ON e."id" = s."employeeId"
    GROUP BY c."id", u."code"`;
  return new Map(rows.map((r) => [r.code, { id: r.id, unitCode: r.unitCode, name: r.name, staffNips: r.nips }]));
}

/** Duplicate codes, and units or NIPs that are neither in the files nor in the database. */
export function checkCounters(
  counters: CounterRecord[],
  known: { unit: (code: string) => boolean; nip: (nip: string) => Message | null },
  report: (at: Origin, message: Message) => void,
): CounterRecord[] {
  const first = new Map<string, CounterRecord>();
  for (const counter of counters) {
    const earlier = first.get(counter.code);
    if (earlier) {
      report(counter.at, duplicateOf({ key: "import-duplicate-counter", args: { code: counter.code } }, earlier.at));
      continue;
    }
    first.set(counter.code, counter);
    if (!known.unit(counter.unitCode)) report(counter.at, unitUnknown(counter.unitCode));
    for (const nip of counter.staffNips) {
      const problem = known.nip(nip);
      if (problem) report(counter.at, inColumn("nip_petugas", problem));
    }
  }
  return [...first.values()];
}

export function planCounters(records: CounterRecord[], stored: Map<string, ExistingCounter>): CounterPlan {
  const plan: CounterPlan = { create: [], update: [], unchanged: 0 };
  for (const record of records) {
    const existing = stored.get(record.code);
    if (!existing) plan.create.push(record);
    else if (
      existing.unitCode !== record.unitCode ||
      existing.name !== record.name ||
      existing.staffNips.join(";") !== record.staffNips.join(";")
    )
      plan.update.push(record);
    else plan.unchanged += 1;
  }
  return plan;
}

export const counterCounts = (plan: CounterPlan): KindCounts => ({
  created: plan.create.length,
  updated: plan.update.length,
  unchanged: plan.unchanged,
});

/**
 * New counters get a fresh random public code; a changed counter keeps its code, so its printed
 * poster stays valid. The staff of a new or changed counter is replaced by the file's list.
 */
export async function writeCounters(
  tx: Tx,
  plan: CounterPlan,
  stored: Map<string, ExistingCounter>,
  ids: { units: Map<string, number>; employees: Map<string, number> },
): Promise<number> {
  const counterIds = new Map<string, number>();
  for (const c of plan.create) {
    const row = await tx.serviceCounter.create({
      data: { code: c.code, publicCode: newPublicCode(), unitId: ids.units.get(c.unitCode)!, name: c.name },
      select: { id: true },
    });
    counterIds.set(c.code, row.id);
  }
  for (const c of plan.update) {
    const id = stored.get(c.code)!.id;
    await tx.serviceCounter.update({ where: { id }, data: { unitId: ids.units.get(c.unitCode)!, name: c.name } });
    counterIds.set(c.code, id);
  }
  const touched = [...plan.create, ...plan.update];
  await tx.serviceCounterStaff.deleteMany({
    where: { counterId: { in: touched.map((c) => counterIds.get(c.code)!) } },
  });
  await tx.serviceCounterStaff.createMany({
    data: touched.flatMap((c) =>
      c.staffNips.map((nip) => ({ counterId: counterIds.get(c.code)!, employeeId: ids.employees.get(nip)! })),
    ),
  });
  return touched.length;
}
