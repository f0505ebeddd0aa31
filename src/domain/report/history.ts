import type { Db } from "../../db/client.ts";
import { enqueueMessage, reportOrderGroup } from "../outbox.ts";
import { recordAudit } from "../audit.ts";
import { notificationKeys, reviewRequestKey, withdrawnCardKey } from "../review/card.ts";

/** The employee's own reports in /riwayat: the list, one report, taking one back, revising one. */

export const HISTORY_PAGE_SIZE = 5;

export async function listReports(db: Db, employeeId: number, page: number) {
  const where = { employeeId, status: { not: "DRAFT" as const } };
  const [total, rows] = await Promise.all([
    db.report.count({ where }),
    db.report.findMany({
      where,
      orderBy: [{ date: "desc" }, { id: "desc" }],
      skip: page * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)), rows };
}

export async function reportDetail(db: Db, employeeId: number, reportId: number) {
  return db.report.findFirst({
    where: { id: reportId, employeeId },
    include: {
      indicator: true,
      evidence: { where: { removedAt: null }, orderBy: { position: "asc" } },
      versions: { orderBy: { version: "asc" } },
    },
  });
}
export type ReportDetail = NonNullable<Awaited<ReturnType<typeof reportDetail>>>;

/** Whether the employee's report is waiting for their revision (its "revise" button still counts). */
export async function awaitsRevision(db: Db, employeeId: number, reportId: number): Promise<boolean> {
  const row = await db.report.findFirst({ where: { id: reportId, employeeId, status: "REVISION_REQUESTED" } });
  return row !== null;
}

/**
 * Takes back a SUBMITTED report before the supervisor decided. It becomes WITHDRAWN (kept for
 * the record, never counted) and a review request not yet sent is cancelled.
 */
export async function withdrawReport(
  db: Db,
  employeeId: number,
  reportId: number,
  now: Date,
): Promise<"withdrawn" | "not-allowed"> {
  return db.$transaction(async (tx) => {
    const row = await tx.report.findFirst({ where: { id: reportId, employeeId } });
    if (!row) return "not-allowed" as const;
    const updated = await tx.report.updateMany({
      where: { id: reportId, employeeId, status: "SUBMITTED" },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    if (updated.count === 0) return "not-allowed" as const;
    await tx.outbox.updateMany({
      where: { dedupeKey: { in: notificationKeys(reportId, row.version) }, status: "PENDING" },
      data: { status: "FAILED", lastError: "report withdrawn before it was sent" },
    });
    // A card already delivered loses its buttons (a press would only be told the report was withdrawn).
    const card = await tx.outbox.findUnique({ where: { dedupeKey: reviewRequestKey(reportId, row.version) } });
    const messageId = (card?.result as { message_id?: unknown } | null)?.message_id;
    if (card?.status === "SENT" && typeof messageId === "number") {
      await enqueueMessage(tx, {
        dedupeKey: withdrawnCardKey(reportId, row.version),
        kind: "review-edit",
        chatId: card.chatId,
        orderGroup: reportOrderGroup(reportId),
        method: "editMessageReplyMarkup",
        params: { chat_id: card.chatId.toString(), message_id: messageId, reply_markup: { inline_keyboard: [] } },
        now,
      });
    }
    await recordAudit(tx, {
      at: now,
      actor: `employee:${employeeId}`,
      action: "report.withdraw",
      entity: "Report",
      entityId: reportId,
    });
    return "withdrawn" as const;
  });
}
