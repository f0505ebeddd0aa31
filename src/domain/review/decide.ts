import type { Db } from "../../db/client.ts";
import type { Employee, Prisma, ReviewerRole } from "../../generated/prisma/client.ts";
import { enqueueMessage, reportOrderGroup } from "../outbox.ts";
import { recordAudit } from "../audit.ts";
import {
  cardOf,
  notificationKeys,
  reviewRequestKey,
  type Decision,
  type OutcomeFacts,
  type Rating,
  type ReviewCard,
  type ReviewRenderer,
} from "./card.ts";
import { checkReview, standingOf, type CheckOutcome, type Reviewer, type ReviewTarget } from "./check.ts";

/**
 * A revision or rejection note's bounds, in chat and in the dashboard alike: long enough to say
 * what to mend, short enough for the employee's message and the card's edit to fit Telegram's 4,096.
 */
export const NOTE_CHARS = { min: 5, max: 1000 } as const;

/**
 * A supervisor's decision on a submitted report, without Telegram (docs/domain.md, "Review").
 * Texts come in through a `ReviewRenderer`, so every message is rendered in its recipient's
 * language when it is queued.
 */

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
  /**
   * Writes that stand or fall with the decision, run first in its transaction whatever its
   * outcome: the chat side drops the note being asked for and records the update as applied.
   */
  alongside?: (tx: Prisma.TransactionClient) => Promise<void>;
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
    await input.alongside?.(tx);
    const check = await checkReview(tx, input.reviewer, input.reportId, input.version, input.now);
    if (check.kind !== "ok") return check;
    const { target, actingAs } = check;
    const rating = input.decision === "APPROVED" ? input.rating! : null;
    const comment = input.comment?.trim() || null;
    const updated = await tx.report.updateMany({
      where: { id: target.id, status: "SUBMITTED", version: input.version },
      data: { status: input.decision, decidedAt: input.now, rating, reviewerComment: comment },
    });
    if (updated.count !== 1) return lostTheRace(tx, target.id, input.version);
    const reviewerEmployee =
      input.reviewer.employeeId === undefined
        ? null
        : await tx.employee.findUnique({ where: { id: input.reviewer.employeeId } });
    const reviewId = await recordReview(tx, input, { target, actingAs, rating, comment, reviewerEmployee });
    const card = cardOf(target);
    const outcome: OutcomeFacts = {
      decision: input.decision,
      rating,
      comment,
      reviewerName: reviewerEmployee?.name ?? "Admin",
      actingAs,
    };
    await notifyEmployee(tx, target.employee, reviewId, card, outcome, input);
    await closeNotification(tx, target.id, input.version, reviewId, card, outcome, input);
    return {
      kind: "decided" as const,
      reviewId,
      card,
      outcome,
      reviewerLocale: reviewerEmployee?.language ?? "id",
    };
  });
}

/** The report changed between the check and the update: why, as a stale button. */
async function lostTheRace(tx: Prisma.TransactionClient, reportId: number, version: number) {
  const now = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
  const standing = await standingOf(tx, now, version);
  return {
    kind: "stale" as const,
    standing: standing.kind === "pending" ? { kind: "not-submitted" as const } : standing,
  };
}

/** The Review row and its audit entry; returns the review's id. */
async function recordReview(
  tx: Prisma.TransactionClient,
  input: DecideInput,
  decided: {
    target: ReviewTarget;
    actingAs: ReviewerRole;
    rating: Rating | null;
    comment: string | null;
    reviewerEmployee: Employee | null;
  },
): Promise<number> {
  const { target, actingAs, rating, comment } = decided;
  const review = await tx.review.create({
    data: {
      reportId: target.id,
      version: input.version,
      reviewerId: decided.reviewerEmployee?.id ?? null,
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
  return review.id;
}

/** The employee is told the decision, in their language, if they can be reached. */
async function notifyEmployee(
  tx: Prisma.TransactionClient,
  employee: ReviewTarget["employee"],
  reviewId: number,
  card: ReviewCard,
  outcome: OutcomeFacts,
  input: DecideInput,
) {
  if (employee.telegramId === null || !employee.active) return;
  await enqueueMessage(tx, {
    dedupeKey: `review-decided:${reviewId}`,
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
  await tx.outbox.updateMany({
    where: { dedupeKey: { in: notificationKeys(reportId, version) }, status: "PENDING" },
    data: { status: "FAILED", lastError: "report decided before the notification was sent" },
  });
  const sent = await tx.outbox.findUnique({ where: { dedupeKey: reviewRequestKey(reportId, version) } });
  const messageId = (sent?.result as { message_id?: unknown } | null)?.message_id;
  if (!sent || sent.status !== "SENT" || typeof messageId !== "number") return;
  if (input.from && input.from.chatId === sent.chatId && input.from.messageId === messageId) return;
  const recipient = await tx.employee.findFirst({ where: { telegramId: sent.chatId }, select: { language: true } });
  await enqueueMessage(tx, {
    dedupeKey: `review-edit:${reviewId}`,
    kind: "review-edit",
    chatId: sent.chatId,
    orderGroup: reportOrderGroup(reportId),
    method: "editMessageText",
    params: {
      chat_id: sent.chatId.toString(),
      message_id: messageId,
      text: input.render.outcome(recipient?.language ?? "id", card, outcome),
    },
    now: input.now,
  });
}
