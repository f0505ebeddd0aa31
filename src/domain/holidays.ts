import type { Db } from "../db/client.ts";
import { recordAudit } from "./audit.ts";

/**
 * Regional holidays and office closures an admin records (docs/domain.md, "Working calendar"): for
 * every unit (no unit) or one unit. One day off per date and scope: recording it again changes
 * nothing, so a script may run twice.
 */
export type AddHolidayOutcome =
  { kind: "added"; id: number } | { kind: "exists"; name: string } | { kind: "unknown-unit" };

export type RemoveHolidayOutcome = { kind: "removed"; names: string[] } | { kind: "none" } | { kind: "unknown-unit" };

interface Scope {
  date: string;
  unitCode?: string;
  actor: string;
  at: Date;
}

const dbDate = (date: string) => new Date(`${date}T00:00:00Z`);

async function unitIdOf(db: Db, code: string | undefined): Promise<number | null | undefined> {
  if (!code) return null;
  return (await db.unit.findUnique({ where: { code }, select: { id: true } }))?.id;
}

export async function addRegionalHoliday(db: Db, input: Scope & { name: string }): Promise<AddHolidayOutcome> {
  const unitId = await unitIdOf(db, input.unitCode);
  if (unitId === undefined) return { kind: "unknown-unit" };
  return db.$transaction(async (tx) => {
    const existing = await tx.regionalHoliday.findFirst({ where: { date: dbDate(input.date), unitId } });
    if (existing) return { kind: "exists", name: existing.name };
    const row = await tx.regionalHoliday.create({ data: { date: dbDate(input.date), name: input.name, unitId } });
    await recordAudit(tx, {
      actor: input.actor,
      action: "holiday.add",
      entity: "RegionalHoliday",
      entityId: row.id,
      after: row,
      at: input.at,
    });
    return { kind: "added", id: row.id };
  });
}

export async function removeRegionalHoliday(db: Db, input: Scope): Promise<RemoveHolidayOutcome> {
  const unitId = await unitIdOf(db, input.unitCode);
  if (unitId === undefined) return { kind: "unknown-unit" };
  return db.$transaction(async (tx) => {
    const rows = await tx.regionalHoliday.findMany({ where: { date: dbDate(input.date), unitId } });
    if (rows.length === 0) return { kind: "none" };
    await tx.regionalHoliday.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    for (const row of rows) {
      await recordAudit(tx, {
        actor: input.actor,
        action: "holiday.remove",
        entity: "RegionalHoliday",
        entityId: row.id,
        before: row,
        at: input.at,
      });
    }
    return { kind: "removed", names: rows.map((r) => r.name) };
  });
}
