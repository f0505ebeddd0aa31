import type { Db } from "../../db/client.ts";
import type { Prisma, ReviewerRole } from "../../generated/prisma/client.ts";
import { localDate } from "../../lib/time.ts";
import { reviewRequestKeyPrefix, type Decision } from "./card.ts";
import { delegatorsOf } from "./delegation.ts";

/**
 * Who may decide on a submitted report, and whether a button is still valid: the checks every
 * review button goes through (docs/domain.md, "Review"). Button data is never trusted.
 */

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

export const reviewInclude = {
  employee: { include: { unit: true } },
  indicator: true,
  evidence: { where: { removedAt: null }, orderBy: { position: "asc" } },
} as const satisfies Prisma.ReportInclude;
export type ReviewTarget = Prisma.ReportGetPayload<{ include: typeof reviewInclude }>;

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
    where: { dedupeKey: { startsWith: reviewRequestKeyPrefix(report.id) }, chatId: reviewer.telegramId },
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
