import type { Db } from "../../db/client.ts";
import type { PeerRequest, Prisma } from "../../generated/prisma/client.ts";
import { BERAKHLAK_VALUES, type BerakhlakValue, type Rating } from "../../scoring/index.ts";
import { recordAudit } from "../audit.ts";
import type { DeadlinePolicy } from "../policy/sections.ts";
import type { Period } from "../skp/periods.ts";
import { mayRate, requestOpen } from "./rules.ts";

/**
 * Answering a peer-feedback request (docs/domain.md, "Peer feedback"). Every call re-checks in the
 * database that the one answering is the request's giver, that the request is still open and that
 * the giver may still rate the receiver; a button's data is never trusted.
 */

const PERSON = { id: true, unitId: true, supervisorId: true, active: true, name: true, nip: true };

export type CheckedRequest =
  | { kind: "ok"; request: PeerRequest; receiverName: string; answered: Set<BerakhlakValue> }
  | { kind: "unknown" }
  | { kind: "closed" }
  | { kind: "not-allowed" };

export interface Rules {
  today: string;
  deadlines: DeadlinePolicy;
  upwardFeedback: boolean;
}

/** The giver's own request, when it is open and the giver may still rate its receiver. */
export async function checkRequest(
  db: Pick<Db, "peerRequest" | "employee">,
  requestId: number,
  giverId: number,
  rules: Rules,
): Promise<CheckedRequest> {
  const request = await db.peerRequest.findFirst({
    where: { id: requestId, giverId },
    include: { answers: { select: { value: true } } },
  });
  if (!request) return { kind: "unknown" };
  if (!requestOpen(request, rules.today, rules.deadlines)) return { kind: "closed" };
  const [giver, receiver] = await Promise.all([
    db.employee.findUnique({ where: { id: giverId }, select: PERSON }),
    db.employee.findUnique({ where: { id: request.receiverId }, select: PERSON }),
  ]);
  if (!giver || !receiver || !mayRate(giver, receiver, rules.upwardFeedback)) return { kind: "not-allowed" };
  const { answers, ...row } = request;
  return {
    kind: "ok",
    request: row,
    receiverName: receiver.name,
    answered: new Set(answers.map((a) => a.value as BerakhlakValue)),
  };
}

/** The first value without an answer yet, in BerAKHLAK order. */
export const nextValue = (answered: ReadonlySet<BerakhlakValue>) => BERAKHLAK_VALUES.find((v) => !answered.has(v));

export type AnswerOutcome =
  | { kind: "next"; value: BerakhlakValue; receiverName: string; requestId: number }
  | { kind: "complete"; requestId: number }
  | Exclude<CheckedRequest, { kind: "ok" }>;

/**
 * One press: the value's answer (null: "tidak tahu") saved at once; the seventh marks the request
 * answered and writes the audit row, which names the giver and the period, never the receiver.
 */
export async function answerValue(
  db: Db,
  input: {
    requestId: number;
    giver: { id: number; nip: string; telegramId: bigint };
    value: BerakhlakValue;
    rating: Rating | null;
    rules: Rules;
    now: Date;
    record?: (tx: Prisma.TransactionClient) => Promise<void>;
  },
): Promise<AnswerOutcome> {
  return db.$transaction(async (tx) => {
    const checked = await checkRequest(tx, input.requestId, input.giver.id, input.rules);
    if (checked.kind !== "ok") return checked;
    const { request } = checked;
    await tx.peerAnswer.upsert({
      where: { requestId_value: { requestId: request.id, value: input.value } },
      create: { requestId: request.id, value: input.value, rating: input.rating },
      update: { rating: input.rating },
    });
    await input.record?.(tx);
    const next = nextValue(new Set([...checked.answered, input.value]));
    if (next) return { kind: "next", value: next, receiverName: checked.receiverName, requestId: request.id };
    const { count } = await tx.peerRequest.updateMany({
      where: { id: request.id, answeredAt: null },
      data: { answeredAt: input.now },
    });
    if (count === 1)
      await recordAudit(tx, {
        actor: `telegram:${input.giver.telegramId}`,
        action: "peer.give",
        entity: "PeerFeedback",
        after: { giverNip: input.giver.nip, year: request.year, period: request.period },
        at: input.now,
      });
    return { kind: "complete", requestId: request.id };
  });
}

/** The optional note of an answered request of the giver's, once; false when there is none to add it to. */
export async function addNote(
  db: Db,
  input: { requestId: number; giverId: number; note: string; clear?: (tx: Prisma.TransactionClient) => Promise<void> },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.peerRequest.updateMany({
      where: { id: input.requestId, giverId: input.giverId, answeredAt: { not: null }, note: null },
      data: { note: input.note },
    });
    await input.clear?.(tx);
    return count === 1;
  });
}

/** The giver's requests still to answer, oldest first, with the receiver's name. */
export async function openRequestsOf(db: Db, giverId: number, rules: Rules) {
  const rows = await db.peerRequest.findMany({
    where: { giverId, answeredAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const open = rows.filter((r) => requestOpen(r, rules.today, rules.deadlines));
  const names = await db.employee.findMany({
    where: { id: { in: open.map((r) => r.receiverId) } },
    select: { id: true, name: true },
  });
  return open.map((r) => ({ id: r.id, name: names.find((n) => n.id === r.receiverId)?.name ?? "" }));
}

/** Colleagues the giver may pick for the period: allowed, and not yet asked of them this period. */
export async function pickableColleagues(db: Db, giverId: number, period: Period, upwardFeedback: boolean) {
  const giver = await db.employee.findUnique({ where: { id: giverId }, select: PERSON });
  if (!giver) return [];
  const asked = await db.peerRequest.findMany({
    where: { giverId, year: period.year, period: period.code },
    select: { receiverId: true },
  });
  const skip = new Set(asked.map((r) => r.receiverId));
  const people = await db.employee.findMany({
    where: { active: true, OR: [{ unitId: giver.unitId }, { id: giver.supervisorId ?? -1 }] },
    select: PERSON,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return people.filter((p) => !skip.has(p.id) && mayRate(giver, p, upwardFeedback));
}

export type ChooseOutcome = { kind: "opened"; requestId: number } | { kind: "not-allowed" };

/** The giver picks a colleague: a request for the period, unless one exists already (then that one). */
export async function chooseColleague(
  db: Db,
  input: { giverId: number; receiverId: number; period: Period; upwardFeedback: boolean; now: Date },
): Promise<ChooseOutcome> {
  const [giver, receiver] = await Promise.all([
    db.employee.findUnique({ where: { id: input.giverId }, select: PERSON }),
    db.employee.findUnique({ where: { id: input.receiverId }, select: PERSON }),
  ]);
  if (!giver || !receiver || !mayRate(giver, receiver, input.upwardFeedback)) return { kind: "not-allowed" };
  const key = { year: input.period.year, period: input.period.code, giverId: giver.id, receiverId: receiver.id };
  await db.peerRequest.createMany({ data: [{ ...key, source: "chosen", createdAt: input.now }], skipDuplicates: true });
  const request = await db.peerRequest.findUniqueOrThrow({ where: { year_period_giverId_receiverId: key } });
  return { kind: "opened", requestId: request.id };
}
