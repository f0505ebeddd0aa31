import type { Db } from "../../db/client.ts";
import { Prisma, type ReportStatus } from "../../generated/prisma/client.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../policy/sections.ts";
import { ANSWER_COLUMNS, answerAssignments, answersOf, NO_ANSWERS, type AnswerPatch, type Answers } from "./answers.ts";

/**
 * Daily activity reports being written: the rules, without Telegram. Every value crossing into a
 * conversation is plain JSON, because the conversation plugin stores what `external` returns.
 */
export interface DraftView extends Answers {
  id: number;
  indicatorLabel: string | null;
  defaultUnit: string | null;
  /** The chosen indicator's rencana aksi: when there are any, one must be picked. */
  actionPlanOptions: string[];
  photos: number;
  status: ReportStatus;
  number: string | null;
  version: number;
}

/** The questions of /lapor, in the order asked. */
export const DRAFT_FIELDS = ["date", "indicator", "description", "output", "minutes", "photos"] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export type DraftPatch = AnswerPatch;

const draftInclude = { indicator: true, _count: { select: { evidence: { where: { removedAt: null } } } } } as const;
type DraftRow = Prisma.ReportGetPayload<{ include: typeof draftInclude }>;

function view(row: DraftRow): DraftView {
  return {
    id: row.id,
    ...answersOf(row),
    indicatorLabel: row.indicator ? row.indicator.indicator : null,
    defaultUnit: row.indicator?.unitOfMeasure ?? null,
    actionPlanOptions: row.indicator?.actionPlans ?? [],
    photos: row._count.evidence,
    status: row.status,
    number: row.number,
    version: row.version,
  };
}

const emptyDraft = (id: number, version: number): DraftView => ({
  id,
  ...NO_ANSWERS,
  indicatorLabel: null,
  defaultUnit: null,
  actionPlanOptions: [],
  photos: 0,
  status: "DRAFT",
  number: null,
  version,
});

/**
 * The columns of a DraftView, for raw SQL over `"Report" r LEFT JOIN "SkpIndicator" i`: the
 * statements a /lapor step runs are written by hand, one per step (see the benchmark).
 */
export const DRAFT_COLUMNS = Prisma.sql`
  r."id", ${ANSWER_COLUMNS}, i."indicator" AS "indicatorLabel", i."unitOfMeasure" AS "defaultUnit",
  COALESCE(i."actionPlans", ARRAY[]::text[]) AS "actionPlanOptions",
  (SELECT count(*)::int FROM "Evidence" v WHERE v."reportId" = r."id" AND v."removedAt" IS NULL) AS "photos",
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
  // The rencana aksi belongs to the indicator's question (asked right after it).
  if (draft.indicatorId && draft.actionPlanOptions.length > 0 && !draft.actionPlan) return "indicator";
  if (!draft.description) return "description";
  if (draft.outputQuantity === null || !draft.outputUnit) return "output";
  if (draft.minutes === null) return "minutes";
  if (draft.photos < policy.minPhotos) return "photos";
  return undefined;
}

/** How many of the questions a draft has an answer to (any photo counts), for the offer to resume it. */
export const answeredCount = (d: DraftView) =>
  [
    d.date,
    d.indicatorId ?? (d.isAdditional || null),
    d.description,
    d.outputQuantity,
    d.minutes,
    d.photos || null,
  ].filter((v) => v !== null).length;

/**
 * The UPDATE that saves answers to a draft, as a statement to run later: /lapor has it written
 * together with the conversation's state (see `writeWithConversation`).
 */
export function draftUpdate(employeeId: number, reportId: number, patch: DraftPatch): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Report" SET ${Prisma.join([...answerAssignments(patch), Prisma.sql`"updatedAt" = ${new Date()}`])}
    WHERE "id" = ${reportId} AND "employeeId" = ${employeeId} AND "status" IN ('DRAFT', 'REVISION_REQUESTED')`;
}

const LIVE_STATUSES = Prisma.sql`('SUBMITTED', 'APPROVED', 'REVISION_REQUESTED')`;

/** The time-spent answer: minutes, and the range they came from if one was typed. */
export interface TimeAnswer {
  minutes: number;
  startMinute: number | null;
  endMinute: number | null;
}

/**
 * The time-spent answer, in one statement: saved when the day stays within `confirmAbove` minutes
 * with the employee's other live reports and its range (if any) overlaps none of theirs, else
 * left unsaved for the person to confirm (then saved with the step, `draftUpdate`). Returns the
 * other reports' minutes and the first range overlapping this one ("HH:MM" minutes), either way.
 */
export async function saveMinutesWithin(
  db: Db,
  input: { employeeId: number; reportId: number; date: string; time: TimeAnswer; confirmAbove: number },
): Promise<{ others: number; overlap: { start: number; end: number } | null; saved: boolean }> {
  const { employeeId, reportId } = input;
  const { minutes, startMinute, endMinute } = input.time;
  const rows = await db.$queryRaw<
    Array<{ others: number; overlapStart: number | null; overlapEnd: number | null; saved: number }>
  >`
    WITH day AS (
      SELECT "minutes", "startMinute", "endMinute" FROM "Report"
      WHERE "employeeId" = ${employeeId} AND "date" = ${input.date}::date AND "id" <> ${reportId} AND "status" IN ${LIVE_STATUSES}
    ), others AS (
      SELECT COALESCE(sum("minutes"), 0)::int AS "total" FROM day
    ), overlap AS (
      SELECT "startMinute", "endMinute" FROM day
      WHERE ${startMinute}::int IS NOT NULL AND "startMinute" < ${endMinute}::int AND ${startMinute}::int < "endMinute"
      ORDER BY "startMinute" LIMIT 1
    ), saved AS (
      UPDATE "Report" SET "minutes" = ${minutes}::int, "startMinute" = ${startMinute}::int, "endMinute" = ${endMinute}::int,
        "updatedAt" = ${new Date()}
      WHERE "id" = ${reportId} AND "employeeId" = ${employeeId} AND "status" IN ('DRAFT', 'REVISION_REQUESTED')
        AND (SELECT "total" FROM others) + ${minutes}::int <= ${input.confirmAbove}::int
        AND NOT EXISTS (SELECT 1 FROM overlap)
      RETURNING 1
    )
    SELECT (SELECT "total" FROM others) AS "others", (SELECT "startMinute" FROM overlap) AS "overlapStart",
      (SELECT "endMinute" FROM overlap) AS "overlapEnd", (SELECT count(*)::int FROM saved) AS "saved"`;
  const row = rows[0]!;
  const overlap =
    row.overlapStart !== null && row.overlapEnd !== null ? { start: row.overlapStart, end: row.overlapEnd } : null;
  return { others: row.others, overlap, saved: row.saved === 1 };
}

/** A cancelled /lapor: a never-submitted draft is deleted with its photos; anything else is left. */
export async function discardDraft(db: Db, employeeId: number, reportId: number): Promise<void> {
  await db.report.deleteMany({ where: { id: reportId, employeeId, status: "DRAFT", number: null } });
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
    ...answersOf(row),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    rating: row.rating,
    reviewerComment: row.reviewerComment,
    evidenceIds: row.evidence.map((e) => e.id),
  };
  await db.reportVersion.createMany({ data: [{ reportId, version: row.version, snapshot }], skipDuplicates: true });
  return loadDraft(db, employeeId, reportId);
}
