import { z } from "zod";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Db } from "../db/client.ts";
import type { Prisma, ReviewDecision, ReviewRating, ReviewerRole } from "../generated/prisma/client.ts";
import { enqueueMessage } from "./outbox.ts";
import { recordAudit } from "./audit.ts";
import { fromDbDate, localDate } from "../lib/time.ts";
import { formatQuantity } from "../lib/number.ts";

/**
 * A supervisor's decision on a submitted report, without Telegram: who may decide, whether a
 * button is still valid, and the decision itself (one transaction). Texts come in through a
 * `ReviewRenderer`, so every message is rendered in its recipient's language when it is queued.
 */

/** The outbox keys of the supervisor's notification of one version: the card, and the evidence sent before it. */
export const notificationKeys = (reportId: number, version: number) => [
  `report-submitted:${reportId}:${version}`,
  `report-photos:${reportId}:${version}`,
  `report-photos:${reportId}:${version}:1`,
];

export type Rating = ReviewRating;
export type Decision = ReviewDecision;

// --- callback data --------------------------------------------------------------------------
// At most 64 bytes (Telegram), ids only; never trusted: every press is re-checked in the database.

const id = z.coerce.number().int().positive().max(2_147_483_647);
const page = z.coerce.number().int().min(0).max(100_000);
const RATING_CODES = { A: "ABOVE", M: "MEETS", B: "BELOW" } as const satisfies Record<string, Rating>;
const ids = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,10}){0,9}$/)
  .transform((s) => s.split(".").map(Number))
  .pipe(z.array(z.number().int().positive().max(2_147_483_647)));

const ReviewData = z.union([
  z
    .tuple([z.literal("rv"), z.literal("a"), id, id])
    .transform(([, , reportId, version]) => ({ kind: "ask-rating" as const, reportId, version })),
  z
    .tuple([z.literal("rv"), z.literal("a"), id, id, z.enum(["A", "M", "B"])])
    .transform(([, , reportId, version, r]) => ({
      kind: "approve" as const,
      reportId,
      version,
      rating: RATING_CODES[r],
    })),
  z
    .tuple([z.literal("rv"), z.literal("r"), id, id])
    .transform(([, , reportId, version]) => ({ kind: "revise" as const, reportId, version })),
  z
    .tuple([z.literal("rv"), z.literal("x"), id, id])
    .transform(([, , reportId, version]) => ({ kind: "reject" as const, reportId, version })),
  z
    .tuple([z.literal("rv"), z.literal("b"), id, id])
    .transform(([, , reportId, version]) => ({ kind: "back" as const, reportId, version })),
  z.tuple([z.literal("rv"), z.literal("o"), id]).transform(([, , reportId]) => ({ kind: "open" as const, reportId })),
  z.tuple([z.literal("rv"), z.literal("l"), page]).transform(([, , p]) => ({ kind: "list" as const, page: p })),
  z
    .tuple([z.literal("rv"), z.literal("all"), page, ids])
    .transform(([, , p, reportIds]) => ({ kind: "approve-all-ask" as const, page: p, reportIds })),
  z
    .tuple([z.literal("rv"), z.literal("ok"), ids])
    .transform(([, , reportIds]) => ({ kind: "approve-all" as const, reportIds })),
]);
export type ReviewAction = z.infer<typeof ReviewData>;

export function parseReviewData(data: string): ReviewAction | undefined {
  if (Buffer.byteLength(data) > 64) return undefined;
  const parsed = ReviewData.safeParse(data.split(":"));
  return parsed.success ? parsed.data : undefined;
}

const RATING_LETTER: Record<Rating, string> = { ABOVE: "A", MEETS: "M", BELOW: "B" };
export const reviewData = {
  askRating: (reportId: number, version: number) => `rv:a:${reportId}:${version}`,
  approve: (reportId: number, version: number, rating: Rating) =>
    `rv:a:${reportId}:${version}:${RATING_LETTER[rating]}`,
  revise: (reportId: number, version: number) => `rv:r:${reportId}:${version}`,
  reject: (reportId: number, version: number) => `rv:x:${reportId}:${version}`,
  back: (reportId: number, version: number) => `rv:b:${reportId}:${version}`,
  open: (reportId: number) => `rv:o:${reportId}`,
  list: (p: number) => `rv:l:${p}`,
  approveAllAsk: (p: number, reportIds: number[]) => `rv:all:${p}:${reportIds.join(".")}`,
  approveAll: (reportIds: number[]) => `rv:ok:${reportIds.join(".")}`,
};

// --- what a supervisor sees -----------------------------------------------------------------

/** The facts of a report as a reviewer sees them; plain JSON. */
export interface ReviewCard {
  reportId: number;
  version: number;
  number: string;
  employeeName: string;
  unitName: string;
  /** The local date of the work, YYYY-MM-DD. */
  date: string;
  indicator: string | null;
  description: string;
  output: string;
  minutes: number;
  photos: number;
  reusedEvidence: boolean;
}

export interface OutcomeFacts {
  decision: Decision;
  rating: Rating | null;
  comment: string | null;
  reviewerName: string;
  actingAs: ReviewerRole;
}

/** Renders, in the recipient's language, the messages a decision queues. */
export interface ReviewRenderer {
  /** The supervisor's notification text (also the card opened from /persetujuan). */
  card(locale: string, card: ReviewCard): string;
  /** The decision buttons, as Bot API reply_markup JSON. */
  buttons(locale: string, reportId: number, version: number): InlineKeyboardMarkup;
  /** The card with the outcome, shown once decided (without buttons). */
  outcome(locale: string, card: ReviewCard, outcome: OutcomeFacts): string;
  /** What the employee receives. */
  employeeNotice(locale: string, card: ReviewCard, outcome: OutcomeFacts): string;
}

export const reviewInclude = {
  employee: { include: { unit: true } },
  indicator: true,
  evidence: { where: { removedAt: null }, orderBy: { position: "asc" } },
} as const satisfies Prisma.ReportInclude;
export type ReviewTarget = Prisma.ReportGetPayload<{ include: typeof reviewInclude }>;

/** What a review card shows of a report: a ReviewTarget has it, and so has what Submit has just read. */
export interface CardSource {
  id: number;
  version: number;
  number: string | null;
  employee: { name: string; unit: { name: string } };
  date: Date | null;
  indicator: { indicator: string } | null;
  description: string | null;
  outputQuantity: Prisma.Decimal | number | null;
  outputUnit: string | null;
  minutes: number | null;
  evidence: readonly unknown[];
  reusedEvidence: boolean;
}

export function cardOf(row: CardSource): ReviewCard {
  return {
    reportId: row.id,
    version: row.version,
    number: row.number ?? "-",
    employeeName: row.employee.name,
    unitName: row.employee.unit.name,
    date: fromDbDate(row.date) ?? "-",
    indicator: row.indicator?.indicator ?? null,
    description: row.description ?? "",
    output:
      row.outputQuantity === null
        ? "-"
        : `${formatQuantity(Number(row.outputQuantity))} ${row.outputUnit ?? ""}`.trim(),
    minutes: row.minutes ?? 0,
    photos: row.evidence.length,
    reusedEvidence: row.reusedEvidence,
  };
}

/**
 * The evidence as Bot API calls to a reviewer's chat, sent before the card: photos as one album
 * (or one photo), documents likewise (Telegram does not mix the two in an album).
 */
export function evidenceCalls(chatId: bigint | number, evidence: Array<{ fileId: string; width: number | null }>) {
  const calls: Array<{ method: "sendPhoto" | "sendMediaGroup" | "sendDocument"; params: Record<string, unknown> }> = [];
  const chat_id = chatId.toString();
  for (const [type, files] of [
    ["photo", evidence.filter((e) => e.width !== null)],
    ["document", evidence.filter((e) => e.width === null)],
  ] as const) {
    if (files.length === 1) {
      calls.push(
        type === "photo"
          ? { method: "sendPhoto", params: { chat_id, photo: files[0]!.fileId } }
          : { method: "sendDocument", params: { chat_id, document: files[0]!.fileId } },
      );
    } else if (files.length > 1) {
      calls.push({
        method: "sendMediaGroup",
        params: { chat_id, media: files.slice(0, 10).map((e) => ({ type, media: e.fileId })) },
      });
    }
  }
  return calls;
}

// --- who may decide -------------------------------------------------------------------------

export interface Reviewer {
  /** The presser's employee record, if linked. */
  employeeId?: number;
  telegramId: bigint;
  /** ADMIN_TELEGRAM_IDS or the ADMIN role. */
  isAdmin: boolean;
}

export type Authority =
  | { kind: "allowed"; actingAs: ReviewerRole }
  | { kind: "denied"; reason: "own-report" | "former-supervisor" | "not-reviewer" };

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** Delegations in force on a local date: the supervisors `delegateId` acts for. */
export async function delegatorsOf(
  db: Db | Prisma.TransactionClient,
  delegateId: number,
  today: string,
): Promise<number[]> {
  const rows = await db.delegation.findMany({
    where: { delegateId, revokedAt: null, from: { lte: asDate(today) }, to: { gte: asDate(today) } },
    select: { supervisorId: true },
  });
  return [...new Set(rows.map((r) => r.supervisorId))];
}

/**
 * The employee's current supervisor, an active delegate of that supervisor (the delegation covers
 * today in the employee's unit's time zone) or an admin. Nobody decides on their own report.
 */
export async function authorityOver(
  db: Db | Prisma.TransactionClient,
  reviewer: Reviewer,
  report: { id: number; employeeId: number; employee: { supervisorId: number | null; unit: { timeZone: string } } },
  now: Date,
): Promise<Authority> {
  if (reviewer.employeeId === report.employeeId) return { kind: "denied", reason: "own-report" };
  const supervisorId = report.employee.supervisorId;
  if (reviewer.employeeId !== undefined && supervisorId !== null) {
    if (reviewer.employeeId === supervisorId) return { kind: "allowed", actingAs: "SUPERVISOR" };
    const today = localDate(now, report.employee.unit.timeZone);
    if ((await delegatorsOf(db, reviewer.employeeId, today)).includes(supervisorId))
      return { kind: "allowed", actingAs: "DELEGATE" };
  }
  if (reviewer.isAdmin) return { kind: "allowed", actingAs: "ADMIN" };
  // Was this person sent the review request (the supervisor then)? Then say the button is stale.
  const notified = await db.outbox.findFirst({
    where: { dedupeKey: { startsWith: `report-submitted:${report.id}:` }, chatId: reviewer.telegramId },
    select: { id: true },
  });
  return { kind: "denied", reason: notified ? "former-supervisor" : "not-reviewer" };
}

export type Standing =
  | { kind: "pending" }
  | { kind: "decided"; decision: Decision; by: string }
  | { kind: "withdrawn" }
  | { kind: "newer-version" }
  | { kind: "not-submitted" };

/** Whether a button for `version` of the report may still decide it, and if not, why. */
export async function standingOf(
  db: Db | Prisma.TransactionClient,
  report: { id: number; status: string; version: number },
  version: number,
): Promise<Standing> {
  if (report.version !== version) return { kind: "newer-version" };
  if (report.status === "SUBMITTED") return { kind: "pending" };
  if (report.status === "WITHDRAWN") return { kind: "withdrawn" };
  const review = await db.review.findUnique({
    where: { reportId_version: { reportId: report.id, version } },
    include: { reviewer: true },
  });
  if (review) return { kind: "decided", decision: review.decision, by: review.reviewer?.name ?? "Admin" };
  return { kind: "not-submitted" };
}

export type CheckOutcome =
  | { kind: "ok"; target: ReviewTarget; actingAs: ReviewerRole }
  | { kind: "unknown" }
  | { kind: "denied"; reason: Extract<Authority, { kind: "denied" }>["reason"] }
  | { kind: "stale"; standing: Exclude<Standing, { kind: "pending" }> };

/** Who presses, on which version: the checks every review button goes through, in this order. */
export async function checkReview(
  db: Db | Prisma.TransactionClient,
  reviewer: Reviewer,
  reportId: number,
  version: number,
  now: Date,
): Promise<CheckOutcome> {
  const target = await db.report.findUnique({ where: { id: reportId }, include: reviewInclude });
  if (!target || target.status === "DRAFT") return { kind: "unknown" };
  const authority = await authorityOver(db, reviewer, target, now);
  if (authority.kind === "denied") return { kind: "denied", reason: authority.reason };
  const standing = await standingOf(db, target, version);
  if (standing.kind !== "pending") return { kind: "stale", standing };
  return { kind: "ok", target, actingAs: authority.actingAs };
}

// --- the decision ---------------------------------------------------------------------------

export interface DecideInput {
  reviewer: Reviewer;
  reportId: number;
  version: number;
  decision: Decision;
  /** Required for APPROVED. */
  rating?: Rating;
  /** Required for REVISION_REQUESTED and REJECTED: it goes to the employee. */
  comment?: string;
  now: Date;
  /** The message the decision was made from; it is edited by the caller, so not queued again. */
  from?: { chatId: bigint; messageId: number };
  render: ReviewRenderer;
}

export type DecideOutcome =
  | Exclude<CheckOutcome, { kind: "ok" }>
  | { kind: "decided"; reviewId: number; card: ReviewCard; outcome: OutcomeFacts; reviewerLocale: string };

/**
 * One transaction: the conditional update of the report (SUBMITTED at this version → decided),
 * the Review row, the audit entry, the employee's notification and the edit of the supervisor's
 * notification. Of two presses at once exactly one update matches the row (the other waits for
 * its lock, then finds the status changed), so exactly one decision is recorded; the unique
 * (reportId, version) of Review is the second guard. Outbox keys carry the review id, so a replay
 * of the winning update cannot queue anything twice.
 */
export async function decide(db: Db, input: DecideInput): Promise<DecideOutcome> {
  if (input.decision === "APPROVED" && !input.rating) throw new Error("an approval needs a rating");
  if (input.decision !== "APPROVED" && !input.comment?.trim())
    throw new Error("a revision or rejection needs a comment");
  return db.$transaction(async (tx) => {
    const check = await checkReview(tx, input.reviewer, input.reportId, input.version, input.now);
    if (check.kind !== "ok") return check;
    const { target, actingAs } = check;
    const rating = input.decision === "APPROVED" ? input.rating! : null;
    const comment = input.comment?.trim() || null;
    const updated = await tx.report.updateMany({
      where: { id: target.id, status: "SUBMITTED", version: input.version },
      data: { status: input.decision, decidedAt: input.now, rating, reviewerComment: comment },
    });
    if (updated.count !== 1) {
      const now = await tx.report.findUniqueOrThrow({ where: { id: target.id } });
      const standing = await standingOf(tx, now, input.version);
      return {
        kind: "stale" as const,
        standing: standing.kind === "pending" ? { kind: "not-submitted" as const } : standing,
      };
    }
    const reviewerEmployee =
      input.reviewer.employeeId === undefined
        ? null
        : await tx.employee.findUnique({ where: { id: input.reviewer.employeeId } });
    const review = await tx.review.create({
      data: {
        reportId: target.id,
        version: input.version,
        reviewerId: reviewerEmployee?.id ?? null,
        reviewerTelegramId: input.reviewer.telegramId,
        actingAs,
        decision: input.decision,
        rating,
        comment,
        decidedAt: input.now,
      },
    });
    await recordAudit(tx, {
      at: input.now,
      actor: `telegram:${input.reviewer.telegramId}`,
      action: `report.${input.decision.toLowerCase()}`,
      entity: "Report",
      entityId: target.id,
      before: { status: "SUBMITTED", version: input.version },
      after: { status: input.decision, rating, comment, reviewId: review.id, actingAs },
    });
    const card = cardOf(target);
    const outcome: OutcomeFacts = {
      decision: input.decision,
      rating,
      comment,
      reviewerName: reviewerEmployee?.name ?? "Admin",
      actingAs,
    };

    const employee = target.employee;
    if (employee.telegramId !== null && employee.active) {
      await enqueueMessage(tx, {
        dedupeKey: `review-decided:${review.id}`,
        kind: "review-decision",
        chatId: employee.telegramId,
        method: "sendMessage",
        params: {
          chat_id: employee.telegramId.toString(),
          text: input.render.employeeNotice(employee.language, card, outcome),
        },
        now: input.now,
      });
    }
    await closeNotification(tx, target.id, input.version, review.id, card, outcome, input);
    return {
      kind: "decided" as const,
      reviewId: review.id,
      card,
      outcome,
      reviewerLocale: reviewerEmployee?.language ?? "id",
    };
  });
}

/**
 * The supervisor's notification of this version loses its buttons: a sent one is edited (unless
 * it is the message the decision was made from, which the caller edits at once); one not yet
 * sent is cancelled with its photos, since its buttons would only be stale.
 */
async function closeNotification(
  tx: Prisma.TransactionClient,
  reportId: number,
  version: number,
  reviewId: number,
  card: ReviewCard,
  outcome: OutcomeFacts,
  input: DecideInput,
) {
  const key = `report-submitted:${reportId}:${version}`;
  await tx.outbox.updateMany({
    where: { dedupeKey: { in: notificationKeys(reportId, version) }, status: "PENDING" },
    data: { status: "FAILED", lastError: "report decided before the notification was sent" },
  });
  const sent = await tx.outbox.findUnique({ where: { dedupeKey: key } });
  const messageId = (sent?.result as { message_id?: unknown } | null)?.message_id;
  if (!sent || sent.status !== "SENT" || typeof messageId !== "number") return;
  if (input.from && input.from.chatId === sent.chatId && input.from.messageId === messageId) return;
  const recipient = await tx.employee.findFirst({ where: { telegramId: sent.chatId }, select: { language: true } });
  await enqueueMessage(tx, {
    dedupeKey: `review-edit:${reviewId}`,
    kind: "review-edit",
    chatId: sent.chatId,
    method: "editMessageText",
    params: {
      chat_id: sent.chatId.toString(),
      message_id: messageId,
      text: input.render.outcome(recipient?.language ?? "id", card, outcome),
    },
    now: input.now,
  });
}

// --- /persetujuan ---------------------------------------------------------------------------

/**
 * The SUBMITTED reports this person may decide: of their direct subordinates, of the subordinates
 * of supervisors they are an active delegate for, or (an admin) all. Oldest submission first.
 */
export async function pendingFor(
  db: Db,
  reviewer: Reviewer & { timeZone: string },
  now: Date,
  pageIndex: number,
  pageSize: number,
) {
  let where: Prisma.ReportWhereInput;
  if (reviewer.isAdmin) where = { status: "SUBMITTED" };
  else if (reviewer.employeeId === undefined) return { total: 0, pages: 1, rows: [] as ReviewTarget[] };
  else {
    const delegators = await delegatorsOf(db, reviewer.employeeId, localDate(now, reviewer.timeZone));
    where = {
      status: "SUBMITTED",
      employee: { supervisorId: { in: [reviewer.employeeId, ...delegators] } },
      employeeId: { not: reviewer.employeeId },
    };
  }
  if (reviewer.employeeId !== undefined) where = { ...where, employeeId: { not: reviewer.employeeId } };
  const [total, rows] = await Promise.all([
    db.report.count({ where }),
    db.report.findMany({
      where,
      include: reviewInclude,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: pageIndex * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / pageSize)), rows };
}

// --- delegations ----------------------------------------------------------------------------

export class DelegationError extends Error {}

/** Sets an acting delegate for a supervisor over local dates (inclusive), audit-logged. */
export async function createDelegation(
  db: Db,
  input: {
    supervisorNip: string;
    delegateNip: string;
    from: string;
    to: string;
    reason?: string;
    actor: string;
    now: Date;
  },
) {
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && asDate(d).toISOString().slice(0, 10) === d;
  if (!valid(input.from)) throw new DelegationError(`--from must be a date YYYY-MM-DD, got "${input.from}".`);
  if (!valid(input.to)) throw new DelegationError(`--to must be a date YYYY-MM-DD, got "${input.to}".`);
  if (input.to < input.from) throw new DelegationError("--to is before --from.");
  return db.$transaction(async (tx) => {
    const supervisor = await tx.employee.findUnique({ where: { nip: input.supervisorNip } });
    if (!supervisor || !supervisor.active)
      throw new DelegationError(`No active employee with NIP ${input.supervisorNip} (--supervisor).`);
    const delegate = await tx.employee.findUnique({ where: { nip: input.delegateNip } });
    if (!delegate || !delegate.active)
      throw new DelegationError(`No active employee with NIP ${input.delegateNip} (--delegate).`);
    if (delegate.id === supervisor.id) throw new DelegationError("A supervisor cannot be their own delegate.");
    const row = await tx.delegation.create({
      data: {
        supervisorId: supervisor.id,
        delegateId: delegate.id,
        from: asDate(input.from),
        to: asDate(input.to),
        reason: input.reason ?? null,
        createdBy: input.actor,
      },
    });
    await recordAudit(tx, {
      at: input.now,
      actor: input.actor,
      action: "delegation.create",
      entity: "Delegation",
      entityId: row.id,
      after: {
        supervisor: supervisor.nip,
        delegate: delegate.nip,
        from: input.from,
        to: input.to,
        reason: input.reason ?? null,
      },
    });
    return { id: row.id, supervisor: supervisor.name, delegate: delegate.name };
  });
}
