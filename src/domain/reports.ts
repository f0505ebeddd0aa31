import type { Db } from "../db/client.ts";
import type { Prisma, ReportStatus } from "../generated/prisma/client.ts";
import { enqueueMessage } from "./outbox.ts";
import { recordAudit } from "./audit.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "./policy.ts";
import { cardOf, evidenceCalls, reviewInclude, type ReviewRenderer } from "./review.ts";

/**
 * Daily activity reports: the rules, without Telegram. Every value crossing into a conversation
 * is plain JSON (dates as "YYYY-MM-DD" strings, quantities as numbers), because the conversation
 * plugin stores what `external` returns.
 */
export interface DraftView {
  id: number;
  date: string | null;
  indicatorId: number | null;
  isAdditional: boolean;
  indicatorLabel: string | null;
  defaultUnit: string | null;
  description: string | null;
  outputQuantity: number | null;
  outputUnit: string | null;
  minutes: number | null;
  photos: number;
  status: ReportStatus;
  number: string | null;
  version: number;
}

export type DraftField = "date" | "indicator" | "description" | "output" | "minutes" | "photos";
export const DRAFT_FIELDS: DraftField[] = ["date", "indicator", "description", "output", "minutes", "photos"];

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
export const fromDbDate = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);

const draftInclude = { indicator: true, _count: { select: { evidence: { where: { removedAt: null } } } } } as const;
type DraftRow = Prisma.ReportGetPayload<{ include: typeof draftInclude }>;

function view(row: DraftRow): DraftView {
  return {
    id: row.id,
    date: fromDbDate(row.date),
    indicatorId: row.indicatorId,
    isAdditional: row.isAdditional,
    indicatorLabel: row.indicator ? row.indicator.indicator : null,
    defaultUnit: row.indicator?.unitOfMeasure ?? null,
    description: row.description,
    outputQuantity: row.outputQuantity === null ? null : Number(row.outputQuantity),
    outputUnit: row.outputUnit,
    minutes: row.minutes,
    photos: row._count.evidence,
    status: row.status,
    number: row.number,
    version: row.version,
  };
}

/** The employee's unfinished draft, if any: the next /lapor offers to resume it. */
export async function findDraft(db: Db, employeeId: number): Promise<DraftView | undefined> {
  // Asked on every /lapor: one statement, without the indicator (loadDraft has it when resuming).
  const row = await db.report.findFirst({
    where: { employeeId, status: "DRAFT" },
    orderBy: { updatedAt: "desc" },
    include: { _count: { select: { evidence: { where: { removedAt: null } } } } },
  });
  return row ? view({ ...row, indicator: null }) : undefined;
}

export async function loadDraft(db: Db, employeeId: number, reportId: number): Promise<DraftView | undefined> {
  const row = await db.report.findFirst({ where: { id: reportId, employeeId }, include: draftInclude });
  return row ? view(row) : undefined;
}

/** A new, empty draft: one INSERT (an include would cost a transaction and two more statements). */
export async function createDraft(db: Db, employeeId: number): Promise<DraftView> {
  const row = await db.report.create({ data: { employeeId } });
  return view({ ...row, indicator: null, _count: { evidence: 0 } });
}

/** The first question still unanswered, or undefined when the draft is complete. */
export function missingField(draft: DraftView, policy: Pick<ReportPolicy, "minPhotos"> = DEFAULT_POLICY): DraftField | undefined {
  if (!draft.date) return "date";
  if (!draft.indicatorId && !draft.isAdditional) return "indicator";
  if (!draft.description) return "description";
  if (draft.outputQuantity === null || !draft.outputUnit) return "output";
  if (draft.minutes === null) return "minutes";
  if (draft.photos < policy.minPhotos) return "photos";
  return undefined;
}

export type DraftPatch = Partial<{
  date: string;
  indicatorId: number | null;
  isAdditional: boolean;
  description: string;
  outputQuantity: number;
  outputUnit: string;
  minutes: number;
}>;

/** Saves answers as they come, only while the report is still editable by its owner. One statement. */
export async function saveDraft(db: Db, employeeId: number, reportId: number, patch: DraftPatch): Promise<boolean> {
  const data: Prisma.ReportUpdateManyMutationInput & { indicatorId?: number | null } = {};
  if (patch.date !== undefined) data.date = toDate(patch.date);
  if (patch.indicatorId !== undefined) data.indicatorId = patch.indicatorId;
  if (patch.isAdditional !== undefined) data.isAdditional = patch.isAdditional;
  if (patch.description !== undefined) data.description = patch.description;
  if (patch.outputQuantity !== undefined) data.outputQuantity = patch.outputQuantity;
  if (patch.outputUnit !== undefined) data.outputUnit = patch.outputUnit;
  if (patch.minutes !== undefined) data.minutes = patch.minutes;
  const updated = await db.report.updateMany({ where: { id: reportId, employeeId, status: { in: ["DRAFT", "REVISION_REQUESTED"] } }, data });
  return updated.count === 1;
}

/** A cancelled /lapor: a never-submitted draft is deleted with its photos; anything else is left. */
export async function discardDraft(db: Db, employeeId: number, reportId: number): Promise<void> {
  await db.report.deleteMany({ where: { id: reportId, employeeId, status: "DRAFT", number: null } });
}

export interface IndicatorChoice {
  id: number;
  code: string;
  label: string;
  unitOfMeasure: string;
}

/** The employee's SKP indicators of a year, the most recently reported first, then in plan order. */
export async function indicatorChoices(db: Db, employeeId: number, year: number): Promise<IndicatorChoice[]> {
  const plan = await db.skpPlan.findUnique({ where: { employeeId_year: { employeeId, year } }, include: { indicators: { orderBy: { code: "asc" } } } });
  if (!plan) return [];
  const recent = await db.report.groupBy({
    by: ["indicatorId"],
    where: { employeeId, indicatorId: { in: plan.indicators.map((i) => i.id) }, status: { not: "DRAFT" } },
    _max: { createdAt: true },
  });
  const lastUsed = new Map(recent.map((r) => [r.indicatorId, r._max.createdAt?.getTime() ?? 0]));
  return plan.indicators
    .map((i, order) => ({ i, order, used: lastUsed.get(i.id) ?? 0 }))
    .sort((a, b) => b.used - a.used || a.order - b.order)
    .map(({ i }) => ({ id: i.id, code: i.code, label: i.indicator, unitOfMeasure: i.unitOfMeasure }));
}

/** An indicator the employee may report on (their own plan, that year), or undefined. */
export async function ownIndicator(db: Db, employeeId: number, indicatorId: number, year: number): Promise<IndicatorChoice | undefined> {
  const i = await db.skpIndicator.findFirst({ where: { id: indicatorId, plan: { employeeId, year } } });
  return i ? { id: i.id, code: i.code, label: i.indicator, unitOfMeasure: i.unitOfMeasure } : undefined;
}

/** Minutes already logged on a day by the employee's other live reports. */
export async function minutesOnDay(db: Db, employeeId: number, date: string, exceptReportId: number): Promise<number> {
  const sum = await db.report.aggregate({
    where: { employeeId, date: toDate(date), id: { not: exceptReportId }, status: { in: ["SUBMITTED", "APPROVED", "REVISION_REQUESTED"] } },
    _sum: { minutes: true },
  });
  return sum._sum.minutes ?? 0;
}

export interface IncomingPhoto {
  fileId: string;
  fileUniqueId: string;
  mediaGroupId?: string;
  mimeType?: string;
  size?: number;
  width?: number;
  height?: number;
}

/**
 * Adds a photo to a report being written. The same photo twice (a re-delivered update) is one
 * row; above the policy maximum it is refused. Returns how many photos the report now has.
 * The caller passes its own draft's id (never one from the chat), and updates of one chat are
 * handled one at a time, so counting and inserting need no transaction.
 */
export async function addPhoto(
  db: Db,
  reportId: number,
  photo: IncomingPhoto,
  now: Date,
  policy: Pick<ReportPolicy, "maxPhotos"> = DEFAULT_POLICY,
): Promise<{ kind: "added" | "duplicate" | "full"; count: number }> {
  const count = await db.evidence.count({ where: { reportId, removedAt: null } });
  if (count >= policy.maxPhotos) return { kind: "full", count };
  const data = {
    reportId,
    fileUniqueId: photo.fileUniqueId,
    fileId: photo.fileId,
    mediaGroupId: photo.mediaGroupId ?? null,
    mimeType: photo.mimeType ?? null,
    size: photo.size ?? null,
    width: photo.width ?? null,
    height: photo.height ?? null,
    position: count + 1,
    nextAttemptAt: now,
  };
  const inserted = await db.evidence.createMany({ data: [data], skipDuplicates: true });
  if (inserted.count === 1) return { kind: "added", count: count + 1 };
  // Already there: live (a duplicate update), or removed by "edit photos" and now sent again.
  const revived = await db.evidence.updateMany({ where: { reportId, fileUniqueId: photo.fileUniqueId, removedAt: { not: null } }, data: { removedAt: null, position: count + 1 } });
  return revived.count === 1 ? { kind: "added", count: count + 1 } : { kind: "duplicate", count };
}

/** "Edit photos": a draft's photos are dropped; a submitted report's are kept for its earlier version. */
export async function clearPhotos(db: Db, employeeId: number, reportId: number, now: Date): Promise<void> {
  const report = await db.report.findFirst({ where: { id: reportId, employeeId } });
  if (!report) return;
  if (report.status === "DRAFT" && report.number === null) await db.evidence.deleteMany({ where: { reportId } });
  else await db.evidence.updateMany({ where: { reportId, removedAt: null }, data: { removedAt: now } });
}

export type SubmitOutcome =
  | { kind: "submitted"; number: string; version: number; supervisorNotified: boolean; reusedEvidence: boolean }
  | { kind: "already"; number: string | null; status: ReportStatus }
  | { kind: "incomplete"; missing: DraftField }
  | { kind: "not-found" };

export interface SubmitInput {
  reportId: number;
  employeeId: number;
  now: Date;
  /** Renders the supervisor's notification (text and decision buttons) in the supervisor's language. */
  render: Pick<ReviewRenderer, "card" | "buttons">;
  policy?: Pick<ReportPolicy, "minPhotos">;
}

/** The outbox keys of the supervisor's notification of one version: the card, and the evidence sent before it. */
export const notificationKeys = (reportId: number, version: number) => [
  `report-submitted:${reportId}:${version}`,
  `report-photos:${reportId}:${version}`,
  `report-photos:${reportId}:${version}:1`,
];

export const reportNumber = (id: number, submittedAt: Date) => `LK-${submittedAt.getUTCFullYear()}-${String(id).padStart(6, "0")}`;

/**
 * Submits a draft (or resubmits a report sent back for revision) in one transaction: the status,
 * the number and the supervisor's notification in the outbox are written together, so after a
 * crash there is either all or nothing. The conditional update makes a second Submit (a
 * re-delivered update, a double press, another instance) find nothing to do.
 */
export async function submitReport(db: Db, input: SubmitInput): Promise<SubmitOutcome> {
  return db.$transaction(async (tx) => {
    const row = await tx.report.findFirst({
      where: { id: input.reportId, employeeId: input.employeeId },
      include: { ...draftInclude, employee: { include: { supervisor: true } } },
    });
    if (!row) return { kind: "not-found" as const };
    if (row.status !== "DRAFT" && row.status !== "REVISION_REQUESTED") return { kind: "already" as const, number: row.number, status: row.status };
    const draft = view(row);
    const missing = missingField(draft, input.policy);
    if (missing) return { kind: "incomplete" as const, missing };

    const version = row.status === "REVISION_REQUESTED" ? row.version + 1 : row.version;
    const number = row.number ?? reportNumber(row.id, input.now);
    const reused = await reusedByFile(tx, row.id);
    const supervisor = row.employee.supervisor;
    const notify = supervisor?.telegramId != null && supervisor.active;
    const updated = await tx.report.updateMany({
      where: { id: row.id, status: row.status, version: row.version },
      data: { status: "SUBMITTED", submittedAt: input.now, version, number, reusedEvidence: row.reusedEvidence || reused, supervisorNotified: notify },
    });
    if (updated.count === 0) {
      const now = await tx.report.findUniqueOrThrow({ where: { id: row.id } });
      return { kind: "already" as const, number: now.number, status: now.status };
    }
    if (notify) {
      // The evidence first (an album), then the card with the buttons: two rows, queued in this
      // order, so the sender (oldest first, one chat at a time) delivers them in this order.
      const chatId = supervisor!.telegramId!;
      const target = await tx.report.findUniqueOrThrow({ where: { id: row.id }, include: reviewInclude });
      for (const [i, call] of evidenceCalls(chatId, target.evidence).entries()) {
        await enqueueMessage(tx, { dedupeKey: `report-photos:${row.id}:${version}${i ? `:${i}` : ""}`, kind: "review-request-photos", chatId, ...call, now: input.now });
      }
      const locale = supervisor!.language;
      await enqueueMessage(tx, {
        dedupeKey: `report-submitted:${row.id}:${version}`,
        kind: "review-request",
        chatId,
        method: "sendMessage",
        params: { chat_id: chatId.toString(), text: input.render.card(locale, cardOf(target)), reply_markup: input.render.buttons(locale, row.id, version) },
        now: input.now,
      });
    }
    await recordAudit(tx, {
      at: input.now,
      actor: `employee:${input.employeeId}`,
      action: version > 1 ? "report.resubmit" : "report.submit",
      entity: "Report",
      entityId: row.id,
      after: { number, version, supervisorNotified: notify },
    });
    return { kind: "submitted" as const, number, version, supervisorNotified: notify, reusedEvidence: row.reusedEvidence || reused };
  });
}

/** A photo (same file_unique_id) already on another report, by anyone: possible reused evidence. */
async function reusedByFile(tx: Prisma.TransactionClient, reportId: number): Promise<boolean> {
  const mine = await tx.evidence.findMany({ where: { reportId, removedAt: null }, select: { fileUniqueId: true, sha256: true } });
  if (mine.length === 0) return false;
  const shas = mine.map((e) => e.sha256).filter((s): s is string => s !== null);
  const other = await tx.evidence.findFirst({
    where: {
      reportId: { not: reportId },
      report: { status: { notIn: ["DRAFT", "WITHDRAWN"] } },
      OR: [{ fileUniqueId: { in: mine.map((e) => e.fileUniqueId) } }, ...(shas.length ? [{ sha256: { in: shas } }] : [])],
    },
    select: { id: true },
  });
  return other !== null;
}

export const formatQuantity = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "").replace(".", ","));

// --- history ------------------------------------------------------------------------------

export const HISTORY_PAGE_SIZE = 5;

export async function listReports(db: Db, employeeId: number, page: number) {
  const where = { employeeId, status: { not: "DRAFT" as const } };
  const [total, rows] = await Promise.all([
    db.report.count({ where }),
    db.report.findMany({ where, orderBy: [{ date: "desc" }, { id: "desc" }], skip: page * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)), rows };
}

export async function reportDetail(db: Db, employeeId: number, reportId: number) {
  return db.report.findFirst({
    where: { id: reportId, employeeId },
    include: { indicator: true, evidence: { where: { removedAt: null }, orderBy: { position: "asc" } }, versions: { orderBy: { version: "asc" } } },
  });
}

/**
 * Takes back a SUBMITTED report before the supervisor decided. It becomes WITHDRAWN (kept for
 * the record, never counted) and a review request not yet sent is cancelled.
 */
export async function withdrawReport(db: Db, employeeId: number, reportId: number, now: Date): Promise<"withdrawn" | "not-allowed"> {
  return db.$transaction(async (tx) => {
    const row = await tx.report.findFirst({ where: { id: reportId, employeeId } });
    if (!row) return "not-allowed" as const;
    const updated = await tx.report.updateMany({ where: { id: reportId, employeeId, status: "SUBMITTED" }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    if (updated.count === 0) return "not-allowed" as const;
    await tx.outbox.updateMany({
      where: { dedupeKey: { in: notificationKeys(reportId, row.version) }, status: "PENDING" },
      data: { status: "FAILED", lastError: "report withdrawn before it was sent" },
    });
    // A card already delivered loses its buttons (a press would only be told the report was withdrawn).
    const card = await tx.outbox.findUnique({ where: { dedupeKey: `report-submitted:${reportId}:${row.version}` } });
    const messageId = (card?.result as { message_id?: unknown } | null)?.message_id;
    if (card?.status === "SENT" && typeof messageId === "number") {
      await enqueueMessage(tx, {
        dedupeKey: `report-withdrawn:${reportId}:${row.version}`,
        kind: "review-edit",
        chatId: card.chatId,
        method: "editMessageReplyMarkup",
        params: { chat_id: card.chatId.toString(), message_id: messageId, reply_markup: { inline_keyboard: [] } },
        now,
      });
    }
    await recordAudit(tx, { at: now, actor: `employee:${employeeId}`, action: "report.withdraw", entity: "Report", entityId: reportId });
    return "withdrawn" as const;
  });
}

/**
 * Opens a report sent back for revision for editing. The version as submitted is kept first in
 * ReportVersion (once: a second call finds it there), then edits change the report itself.
 */
export async function openRevision(db: Db, employeeId: number, reportId: number): Promise<DraftView | undefined> {
  const row = await db.report.findFirst({
    where: { id: reportId, employeeId, status: "REVISION_REQUESTED" },
    include: { evidence: { where: { removedAt: null }, orderBy: { position: "asc" } } },
  });
  if (!row) return undefined;
  const snapshot = {
    date: fromDbDate(row.date),
    indicatorId: row.indicatorId,
    isAdditional: row.isAdditional,
    description: row.description,
    outputQuantity: row.outputQuantity === null ? null : Number(row.outputQuantity),
    outputUnit: row.outputUnit,
    minutes: row.minutes,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    rating: row.rating,
    reviewerComment: row.reviewerComment,
    evidenceIds: row.evidence.map((e) => e.id),
  };
  await db.reportVersion.createMany({ data: [{ reportId, version: row.version, snapshot }], skipDuplicates: true });
  return loadDraft(db, employeeId, reportId);
}
