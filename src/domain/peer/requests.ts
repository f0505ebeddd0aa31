import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { translatorFor } from "../../lib/i18n.ts";
import { enqueueMessage } from "../outbox.ts";
import type { PeerFeedbackPolicy } from "../policy/sections.ts";
import { periodLabel } from "../skp/period-label.ts";
import type { Period } from "../skp/periods.ts";
import { mayRate, type PeerPerson } from "./rules.ts";

/**
 * Opening peer-feedback requests (docs/domain.md, "Peer feedback"): the scheduled round, a
 * supervisor's `/rekan minta`, and a colleague an employee picks. Each request is unique per
 * period, giver and receiver, so a re-run or a second press opens nothing twice.
 */

export type PeerSource = "round" | "supervisor" | "chosen";

type Person = PeerPerson & { name: string; telegramId: bigint | null; language: string };

const PERSON = {
  id: true,
  unitId: true,
  supervisorId: true,
  active: true,
  name: true,
  telegramId: true,
  language: true,
};

/**
 * The receivers picked for one giver: those who received the fewest requests this period first;
 * ties go to the ids that follow the giver's (wrapping round), so a unit whose members all start
 * equal gives each the next few colleagues in turn and everyone receives about as many.
 */
export function pickColleagues(
  giverId: number,
  candidates: readonly number[],
  received: ReadonlyMap<number, number>,
  wanted: number,
): number[] {
  const after = (id: number) => (id > giverId ? id - giverId : id - giverId + 2 ** 31);
  return [...candidates]
    .sort((a, b) => (received.get(a) ?? 0) - (received.get(b) ?? 0) || after(a) - after(b))
    .slice(0, Math.max(0, wanted));
}

export interface OpenRequestsInput {
  giverIds: readonly number[];
  period: Period;
  policy: PeerFeedbackPolicy;
  source: Exclude<PeerSource, "chosen">;
  now: Date;
}

/**
 * Tops up each giver's requests for the period to *policy* `colleagues`, picking by rotation
 * within the giver's unit, and tells each linked giver of their new ones through the outbox (in the
 * same transaction; the key names the first new request, so nothing is told twice). Returns how
 * many requests were opened.
 */
export async function openRequests(db: Db, input: OpenRequestsInput): Promise<number> {
  const members = new Map<number, Person[]>();
  const received = new Map<number, Map<number, number>>();
  let opened = 0;
  const givers = await db.employee.findMany({
    where: { id: { in: [...input.giverIds] }, active: true },
    select: PERSON,
    orderBy: { id: "asc" },
  });
  for (const giver of givers) {
    const giverId = giver.id;
    if (!members.has(giver.unitId)) {
      const unit = await db.employee.findMany({ where: { unitId: giver.unitId, active: true }, select: PERSON });
      members.set(giver.unitId, unit);
      received.set(
        giver.unitId,
        await receivedCounts(
          db,
          unit.map((m) => m.id),
          input.period,
        ),
      );
    }
    const counts = received.get(giver.unitId)!;
    const created = await db.$transaction(async (tx) => {
      const mine = await tx.peerRequest.findMany({
        where: { giverId, year: input.period.year, period: input.period.code },
        select: { receiverId: true },
      });
      const asked = new Set(mine.map((r) => r.receiverId));
      const candidates = members
        .get(giver.unitId)!
        .filter((m) => !asked.has(m.id) && mayRate(giver, m, input.policy.upwardFeedback))
        .map((m) => m.id);
      const picked = pickColleagues(giverId, candidates, counts, input.policy.colleagues - mine.length);
      if (picked.length === 0) return [];
      const rows = await tx.peerRequest.createManyAndReturn({
        data: picked.map((receiverId) => ({
          year: input.period.year,
          period: input.period.code,
          giverId,
          receiverId,
          source: input.source,
          createdAt: input.now,
        })),
        skipDuplicates: true,
        select: { id: true, receiverId: true },
      });
      await notifyGiver(tx, giver, rows, members.get(giver.unitId)!, input);
      return rows;
    });
    for (const row of created) counts.set(row.receiverId, (counts.get(row.receiverId) ?? 0) + 1);
    opened += created.length;
  }
  return opened;
}

/** Requests each employee received this period, whatever opened them. */
async function receivedCounts(db: Db, ids: number[], period: Period): Promise<Map<number, number>> {
  const groups = await db.peerRequest.groupBy({
    by: ["receiverId"],
    where: { receiverId: { in: ids }, year: period.year, period: period.code },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.receiverId, g._count._all]));
}

async function notifyGiver(
  tx: Prisma.TransactionClient,
  giver: Person,
  rows: Array<{ id: number; receiverId: number }>,
  unit: Person[],
  input: OpenRequestsInput,
): Promise<void> {
  if (giver.telegramId === null || rows.length === 0) return;
  const t = translatorFor(giver.language);
  const names = rows.map((r) => unit.find((m) => m.id === r.receiverId)?.name ?? "").sort();
  const text = t(input.source === "round" ? "peer-request-round" : "peer-request-supervisor", {
    period: periodLabel(t, input.period, giver.language),
    names: names.map((name) => `• ${name}`).join("\n"),
  });
  await enqueueMessage(tx, {
    dedupeKey: `peer-requests:${giver.id}:${Math.min(...rows.map((r) => r.id))}`,
    kind: "peer-request",
    chatId: giver.telegramId,
    method: "sendMessage",
    params: { chat_id: giver.telegramId.toString(), text },
    now: input.now,
  });
}

/** `/rekan minta`: opens requests now for the supervisor's direct subordinates; how many were opened (undefined: no team). */
export async function openForTeam(
  db: Db,
  input: Omit<OpenRequestsInput, "giverIds" | "source"> & { supervisorId: number },
): Promise<number | undefined> {
  const team = await db.employee.findMany({
    where: { supervisorId: input.supervisorId, active: true, id: { not: input.supervisorId } },
    select: { id: true, telegramId: true },
  });
  if (team.length === 0) return undefined;
  // Only members who can answer, as in the round: a request to someone unlinked would wait for nobody.
  const givers = team.filter((e) => e.telegramId !== null).map((e) => e.id);
  return openRequests(db, { ...input, giverIds: givers, source: "supervisor" });
}
