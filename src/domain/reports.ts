import type { Db } from "../db/client.ts";
import { Prisma, type ReportStatus } from "../generated/prisma/client.ts";
import { enqueueMessage, outboxInsert, type OutgoingMessage } from "./outbox.ts";
import { recordAudit } from "./audit.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "./policy.ts";
import { cardOf, evidenceCalls, notificationKeys, type CardSource, type ReviewRenderer } from "./review.ts";
import { fromDbDate } from "../lib/time.ts";

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

/**
 * The columns of a DraftView, for raw SQL over `"Report" r LEFT JOIN "SkpIndicator" i`: the
 * statements a /lapor step runs are written by hand, one per step (see the benchmark).
 */
const DRAFT_COLUMNS = Prisma.sql`
  r."id", r."date"::text AS "date", r."indicatorId", r."isAdditional", i."indicator" AS "indicatorLabel",
  i."unitOfMeasure" AS "defaultUnit", r."description", r."outputQuantity"::float8 AS "outputQuantity", r."outputUnit",
  r."minutes", (SELECT count(*)::int FROM "Evidence" v WHERE v."reportId" = r."id" AND v."removedAt" IS NULL) AS "photos",
  r."status"::text AS "status", r."number", r."version"`;

/**
 * The draft a new /lapor works on, in one statement: the employee's unfinished draft if there is
 * one (`created` false: the caller offers to resume it), else a new empty one. A re-delivered
 * /lapor finds the draft the first delivery made, so it never makes a second.
 */
export async function findOrCreateDraft(db: Db, employeeId: number): Promise<{ draft: DraftView; created: boolean }> {
  const rows = await db.$queryRaw<Array<Partial<DraftView> & { madeId: number | null; madeVersion: number | null }>>`
    WITH found AS (
      SELECT ${DRAFT_COLUMNS} FROM "Report" r LEFT JOIN "SkpIndicator" i ON i."id" = r."indicatorId"
      WHERE r."employeeId" = ${employeeId} AND r."status" = 'DRAFT' ORDER BY r."updatedAt" DESC LIMIT 1
    ), made AS (
      INSERT INTO "Report" ("employeeId", "updatedAt") SELECT ${employeeId}, ${new Date()} WHERE NOT EXISTS (SELECT 1 FROM found)
      RETURNING "id", "version"
    )
    SELECT f.*, m."id" AS "madeId", m."version" AS "madeVersion" FROM (SELECT 1) AS one LEFT JOIN found f ON true LEFT JOIN made m ON true`;
  const row = rows[0]!;
  if (row.madeId !== null) return { draft: emptyDraft(row.madeId, row.madeVersion ?? 1), created: true };
  const { madeId: _id, madeVersion: _version, ...found } = row;
  return { draft: found as DraftView, created: false };
}

const emptyDraft = (id: number, version: number): DraftView => ({
  id,
  date: null,
  indicatorId: null,
  isAdditional: false,
  indicatorLabel: null,
  defaultUnit: null,
  description: null,
  outputQuantity: null,
  outputUnit: null,
  minutes: null,
  photos: 0,
  status: "DRAFT",
  number: null,
  version,
});

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

/** A new, empty draft: one INSERT. */
export async function createDraft(db: Db, employeeId: number): Promise<DraftView> {
  const rows = await db.$queryRaw<Array<{ id: number; version: number }>>`
    INSERT INTO "Report" ("employeeId", "updatedAt") VALUES (${employeeId}, ${new Date()}) RETURNING "id", "version"`;
  return emptyDraft(rows[0]!.id, rows[0]!.version);
}

/** The first question still unanswered, or undefined when the draft is complete. */
export function missingField(
  draft: DraftView,
  policy: Pick<ReportPolicy, "minPhotos"> = DEFAULT_POLICY,
): DraftField | undefined {
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

/**
 * The UPDATE that saves answers to a draft, as a statement to run later: /lapor has it written
 * together with the conversation's state (see `writeWithConversation`).
 */
export function draftUpdate(employeeId: number, reportId: number, patch: DraftPatch): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Report" SET ${Prisma.join([...assignments(patch), Prisma.sql`"updatedAt" = ${new Date()}`])}
    WHERE "id" = ${reportId} AND "employeeId" = ${employeeId} AND "status" IN ('DRAFT', 'REVISION_REQUESTED')`;
}

function assignments(patch: DraftPatch): Prisma.Sql[] {
  const set: Prisma.Sql[] = [];
  if (patch.date !== undefined) set.push(Prisma.sql`"date" = ${patch.date}::date`);
  if (patch.indicatorId !== undefined) set.push(Prisma.sql`"indicatorId" = ${patch.indicatorId}::int`);
  if (patch.isAdditional !== undefined) set.push(Prisma.sql`"isAdditional" = ${patch.isAdditional}`);
  if (patch.description !== undefined) set.push(Prisma.sql`"description" = ${patch.description}`);
  if (patch.outputQuantity !== undefined) set.push(Prisma.sql`"outputQuantity" = ${patch.outputQuantity}::numeric`);
  if (patch.outputUnit !== undefined) set.push(Prisma.sql`"outputUnit" = ${patch.outputUnit}`);
  if (patch.minutes !== undefined) set.push(Prisma.sql`"minutes" = ${patch.minutes}::int`);
  return set;
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

/** The employee's SKP indicators of a year, the most recently reported first, then in plan order. One statement. */
export async function indicatorChoices(db: Db, employeeId: number, year: number): Promise<IndicatorChoice[]> {
  const rows = await db.$queryRaw<Array<IndicatorChoice & { used: Date | null }>>`
    SELECT i."id", i."code", i."indicator" AS "label", i."unitOfMeasure",
      (SELECT max(r."createdAt") FROM "Report" r WHERE r."employeeId" = ${employeeId} AND r."indicatorId" = i."id" AND r."status" <> 'DRAFT') AS "used"
    FROM "SkpIndicator" i JOIN "SkpPlan" p ON p."id" = i."planId"
    WHERE p."employeeId" = ${employeeId} AND p."year" = ${year}
    ORDER BY i."code" ASC, i."id" ASC`;
  return rows
    .map((r, order) => ({ r, order, used: r.used?.getTime() ?? 0 }))
    .sort((a, b) => b.used - a.used || a.order - b.order)
    .map(({ r }) => ({ id: r.id, code: r.code, label: r.label, unitOfMeasure: r.unitOfMeasure }));
}

/** An indicator the employee may report on (their own plan, that year), or undefined. */
export async function ownIndicator(
  db: Db,
  employeeId: number,
  indicatorId: number,
  year: number,
): Promise<IndicatorChoice | undefined> {
  const i = await db.skpIndicator.findFirst({ where: { id: indicatorId, plan: { employeeId, year } } });
  return i ? { id: i.id, code: i.code, label: i.indicator, unitOfMeasure: i.unitOfMeasure } : undefined;
}

const LIVE_STATUSES = Prisma.sql`('SUBMITTED', 'APPROVED', 'REVISION_REQUESTED')`;

/**
 * The time-spent answer, in one statement: saved when the day stays within `confirmAbove` minutes
 * with the employee's other live reports, else left unsaved for the person to confirm (then saved
 * with the step, `draftUpdate`). Returns the other reports' minutes either way.
 */
export async function saveMinutesWithin(
  db: Db,
  input: { employeeId: number; reportId: number; date: string; minutes: number; confirmAbove: number },
): Promise<{ others: number; saved: boolean }> {
  const { employeeId, reportId, minutes } = input;
  const rows = await db.$queryRaw<Array<{ others: number; saved: number }>>`
    WITH others AS (
      SELECT COALESCE(sum("minutes"), 0)::int AS "total" FROM "Report"
      WHERE "employeeId" = ${employeeId} AND "date" = ${input.date}::date AND "id" <> ${reportId} AND "status" IN ${LIVE_STATUSES}
    ), saved AS (
      UPDATE "Report" SET "minutes" = ${minutes}::int, "updatedAt" = ${new Date()}
      WHERE "id" = ${reportId} AND "employeeId" = ${employeeId} AND "status" IN ('DRAFT', 'REVISION_REQUESTED')
        AND (SELECT "total" FROM others) + ${minutes}::int <= ${input.confirmAbove}::int
      RETURNING 1
    )
    SELECT (SELECT "total" FROM others) AS "others", (SELECT count(*)::int FROM saved) AS "saved"`;
  return { others: rows[0]!.others, saved: rows[0]!.saved === 1 };
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
  // One statement: count, insert below the maximum, or bring back the same photo removed by
  // "edit photos" and now sent again. Both writes see the count taken before them.
  const rows = await db.$queryRaw<Array<{ count: number; inserted: number; revived: number }>>`
    WITH live AS (
      SELECT count(*)::int AS "n" FROM "Evidence" WHERE "reportId" = ${reportId} AND "removedAt" IS NULL
    ), inserted AS (
      INSERT INTO "Evidence" ("reportId", "fileUniqueId", "fileId", "mediaGroupId", "mimeType", "size", "width", "height", "position", "nextAttemptAt")
      SELECT ${reportId}, ${photo.fileUniqueId}, ${photo.fileId}, ${photo.mediaGroupId ?? null}, ${photo.mimeType ?? null},
             ${photo.size ?? null}::int, ${photo.width ?? null}::int, ${photo.height ?? null}::int, live."n" + 1, ${now}
      FROM live WHERE live."n" < ${policy.maxPhotos}
      ON CONFLICT ("reportId", "fileUniqueId") DO NOTHING
      RETURNING 1
    ), revived AS (
      UPDATE "Evidence" SET "removedAt" = NULL, "position" = (SELECT "n" FROM live) + 1
      WHERE "reportId" = ${reportId} AND "fileUniqueId" = ${photo.fileUniqueId} AND "removedAt" IS NOT NULL
        AND (SELECT "n" FROM live) < ${policy.maxPhotos}
      RETURNING 1
    )
    SELECT live."n" AS "count", (SELECT count(*)::int FROM inserted) AS "inserted", (SELECT count(*)::int FROM revived) AS "revived" FROM live`;
  const { count, inserted, revived } = rows[0]!;
  if (count >= policy.maxPhotos) return { kind: "full", count };
  return inserted + revived === 1 ? { kind: "added", count: count + 1 } : { kind: "duplicate", count };
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

export const reportNumber = (id: number, submittedAt: Date) =>
  `LK-${submittedAt.getUTCFullYear()}-${String(id).padStart(6, "0")}`;

/** What Submit reads, in one statement: the draft, its evidence, the card's facts and the supervisor. */
interface SubmitRow extends Omit<DraftView, "photos"> {
  employeeId: number;
  reusedEvidence: boolean;
  employeeName: string;
  unitName: string;
  supervisorChat: string | null;
  supervisorActive: boolean | null;
  supervisorLanguage: string | null;
  /** JSON: [{ fileId, width }] of the live evidence, in order. */
  evidence: string;
  /** A photo of this report (same file_unique_id or SHA-256) is on another report already sent, by anyone. */
  reused: boolean;
}

/**
 * Submits a draft (or resubmits a report sent back for revision) atomically: the status, the
 * number, the supervisor's notification in the outbox and the audit record are written by one
 * statement, so after a crash there is either all or nothing. Two statements in all, and no
 * interactive transaction holding a connection between them: a read of everything the notice
 * shows, then that write. The write is conditional on the status and version read, so a second
 * Submit (a re-delivered update, a double press, another instance) finds nothing to do, and the
 * outbox keys make the notice once-only.
 */
export async function submitReport(db: Db, input: SubmitInput): Promise<SubmitOutcome> {
  const rows = await db.$queryRaw<SubmitRow[]>`
    SELECT ${DRAFT_COLUMNS}, r."employeeId", r."reusedEvidence",
      e."name" AS "employeeName", u."name" AS "unitName",
      s."telegramId"::text AS "supervisorChat", s."active" AS "supervisorActive", s."language" AS "supervisorLanguage",
      (SELECT COALESCE(json_agg(json_build_object('fileId', v."fileId", 'width', v."width") ORDER BY v."position", v."id"), '[]')::text
         FROM "Evidence" v WHERE v."reportId" = r."id" AND v."removedAt" IS NULL) AS "evidence",
      EXISTS (
        SELECT 1 FROM "Evidence" mine
        JOIN "Evidence" other ON other."reportId" <> mine."reportId" AND (other."fileUniqueId" = mine."fileUniqueId" OR other."sha256" = mine."sha256")
        JOIN "Report" sent ON sent."id" = other."reportId" AND sent."status" NOT IN ('DRAFT', 'WITHDRAWN')
        WHERE mine."reportId" = r."id" AND mine."removedAt" IS NULL
      ) AS "reused"
    FROM "Report" r
    JOIN "Employee" e ON e."id" = r."employeeId"
    JOIN "Unit" u ON u."id" = e."unitId"
    LEFT JOIN "Employee" s ON s."id" = e."supervisorId"
    LEFT JOIN "SkpIndicator" i ON i."id" = r."indicatorId"
    WHERE r."id" = ${input.reportId} AND r."employeeId" = ${input.employeeId}`;
  const row = rows[0];
  if (!row) return { kind: "not-found" };
  if (row.status !== "DRAFT" && row.status !== "REVISION_REQUESTED")
    return { kind: "already", number: row.number, status: row.status };
  const evidence = JSON.parse(row.evidence) as Array<{ fileId: string; width: number | null }>;
  const missing = missingField({ ...row, photos: evidence.length }, input.policy);
  if (missing) return { kind: "incomplete", missing };

  const version = row.status === "REVISION_REQUESTED" ? row.version + 1 : row.version;
  const number = row.number ?? reportNumber(row.id, input.now);
  const reusedEvidence = row.reusedEvidence || row.reused;
  const notify = row.supervisorChat !== null && row.supervisorActive === true;
  const messages: OutgoingMessage[] = [];
  if (notify) {
    // The evidence first (an album), then the card with the buttons, queued in this order, so the
    // sender (oldest first, one chat at a time) delivers them in this order.
    const chatId = BigInt(row.supervisorChat!);
    for (const [i, call] of evidenceCalls(chatId, evidence).entries()) {
      messages.push({
        dedupeKey: `report-photos:${row.id}:${version}${i ? `:${i}` : ""}`,
        kind: "review-request-photos",
        chatId,
        ...call,
        now: input.now,
      });
    }
    const locale = row.supervisorLanguage ?? "id";
    const card = input.render.card(locale, cardOf(cardSource(row, { version, number, reusedEvidence, evidence })));
    messages.push({
      dedupeKey: `report-submitted:${row.id}:${version}`,
      kind: "review-request",
      chatId,
      method: "sendMessage",
      params: { chat_id: row.supervisorChat!, text: card, reply_markup: input.render.buttons(locale, row.id, version) },
      now: input.now,
    });
  }
  const audit = { number, version, supervisorNotified: notify };
  const written = await db.$queryRaw<Array<{ updated: number }>>`
    WITH submitted AS (
      UPDATE "Report" SET "status" = 'SUBMITTED', "submittedAt" = ${input.now}, "version" = ${version}::int, "number" = ${number},
        "reusedEvidence" = ${reusedEvidence}, "supervisorNotified" = ${notify}, "updatedAt" = ${new Date()}
      WHERE "id" = ${row.id} AND "status" = ${row.status}::"ReportStatus" AND "version" = ${row.version}::int
      RETURNING "id"
    ), queued AS (${outboxInsert(messages, Prisma.sql`WHERE EXISTS (SELECT 1 FROM submitted)`)}
    ), audited AS (
      INSERT INTO "AuditLog" ("at", "actor", "action", "entity", "entityId", "after")
      SELECT ${input.now}, ${`employee:${input.employeeId}`}, ${version > 1 ? "report.resubmit" : "report.submit"}, 'Report', ${String(row.id)}, ${JSON.stringify(audit)}::jsonb
      FROM submitted
    )
    SELECT count(*)::int AS "updated" FROM submitted`;
  if (written[0]!.updated === 0) {
    // Another Submit got there between the read and the write.
    const now = await db.report.findUniqueOrThrow({ where: { id: row.id }, select: { number: true, status: true } });
    return { kind: "already", number: now.number, status: now.status };
  }
  return { kind: "submitted", number, version, supervisorNotified: notify, reusedEvidence };
}

/** The report as the review card shows it (`cardOf`), from Submit's read rather than read again. */
function cardSource(
  row: SubmitRow,
  submitted: {
    version: number;
    number: string;
    reusedEvidence: boolean;
    evidence: Array<{ fileId: string; width: number | null }>;
  },
): CardSource {
  return {
    id: row.id,
    version: submitted.version,
    number: submitted.number,
    employee: { name: row.employeeName, unit: { name: row.unitName } },
    date: row.date ? new Date(`${row.date}T00:00:00Z`) : null,
    indicator: row.indicatorLabel === null ? null : { indicator: row.indicatorLabel },
    description: row.description,
    outputQuantity: row.outputQuantity,
    outputUnit: row.outputUnit,
    minutes: row.minutes,
    evidence: submitted.evidence,
    reusedEvidence: submitted.reusedEvidence,
  };
}

// --- history ------------------------------------------------------------------------------

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
