import type { Db } from "../../db/client.ts";
import { Prisma, type ReportStatus } from "../../generated/prisma/client.ts";
import { outboxInsert, reportOrderGroup, type OutgoingMessage } from "../outbox.ts";
import { auditInsert } from "../audit.ts";
import type { ReportPolicy } from "../policy/sections.ts";
import {
  cardOf,
  evidenceCalls,
  reviewEvidenceKey,
  reviewRequestKey,
  type CardSource,
  type ReviewRenderer,
} from "../review/card.ts";
import { DRAFT_COLUMNS, missingField, type DraftField, type DraftView } from "./drafts.ts";

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

type SubmittedEvidence = Array<{ fileId: string; width: number | null }>;

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

/** What the submitted version is: its number, version and evidence. */
interface Submitted {
  version: number;
  number: string;
  reusedEvidence: boolean;
  evidence: SubmittedEvidence;
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
  const row = await readForSubmit(db, input);
  if (!row) return { kind: "not-found" };
  if (row.status !== "DRAFT" && row.status !== "REVISION_REQUESTED")
    return { kind: "already", number: row.number, status: row.status };
  const evidence = JSON.parse(row.evidence) as SubmittedEvidence;
  const missing = missingField({ ...row, photos: evidence.length }, input.policy);
  if (missing) return { kind: "incomplete", missing };

  const submitted: Submitted = {
    version: row.status === "REVISION_REQUESTED" ? row.version + 1 : row.version,
    number: row.number ?? reportNumber(row.id, input.now),
    reusedEvidence: row.reusedEvidence || row.reused,
    evidence,
  };
  const notify = row.supervisorChat !== null && row.supervisorActive === true;
  const messages = notify ? supervisorNotice(row, submitted, input) : [];
  const { version, number, reusedEvidence } = submitted;
  const written = await db.$queryRaw<Array<{ updated: number }>>`
    WITH submitted AS (
      UPDATE "Report" SET "status" = 'SUBMITTED', "submittedAt" = ${input.now}, "version" = ${version}::int, "number" = ${number},
        "reusedEvidence" = ${reusedEvidence}, "supervisorNotified" = ${notify}, "updatedAt" = ${new Date()}
      WHERE "id" = ${row.id} AND "status" = ${row.status}::"ReportStatus" AND "version" = ${row.version}::int
      RETURNING "id"
    ), queued AS (${outboxInsert(messages, Prisma.sql`WHERE EXISTS (SELECT 1 FROM submitted)`)}
    ), audited AS (${auditInsert(
      {
        at: input.now,
        actor: `employee:${input.employeeId}`,
        action: version > 1 ? "report.resubmit" : "report.submit",
        entity: "Report",
        entityId: row.id,
        after: { number, version, supervisorNotified: notify },
      },
      Prisma.sql`FROM submitted`,
    )}
    )
    SELECT count(*)::int AS "updated" FROM submitted`;
  if (written[0]!.updated === 0) {
    // Another Submit got there between the read and the write.
    const now = await db.report.findUniqueOrThrow({ where: { id: row.id }, select: { number: true, status: true } });
    return { kind: "already", number: now.number, status: now.status };
  }
  return { kind: "submitted", number, version, supervisorNotified: notify, reusedEvidence };
}

async function readForSubmit(db: Db, input: SubmitInput): Promise<SubmitRow | undefined> {
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
  return rows[0];
}

/**
 * The supervisor's notification: the evidence first (an album), then the card with the buttons,
 * queued in this order in the report's order group, so the card never overtakes its album (not
 * even when the album waits for a retry) and later edits of the card come after it.
 */
function supervisorNotice(row: SubmitRow, submitted: Submitted, input: SubmitInput): OutgoingMessage[] {
  const chatId = BigInt(row.supervisorChat!);
  const { version } = submitted;
  const messages: OutgoingMessage[] = evidenceCalls(chatId, submitted.evidence).map((call, part) => ({
    dedupeKey: reviewEvidenceKey(row.id, version, part),
    kind: "review-request-photos",
    chatId,
    orderGroup: reportOrderGroup(row.id),
    ...call,
    now: input.now,
  }));
  const locale = row.supervisorLanguage ?? "id";
  const card = input.render.card(locale, cardOf(cardSource(row, submitted)));
  messages.push({
    dedupeKey: reviewRequestKey(row.id, version),
    kind: "review-request",
    chatId,
    orderGroup: reportOrderGroup(row.id),
    method: "sendMessage",
    params: { chat_id: row.supervisorChat!, text: card, reply_markup: input.render.buttons(locale, row.id, version) },
    now: input.now,
  });
  return messages;
}

/** The report as the review card shows it (`cardOf`), from Submit's read rather than read again. */
function cardSource(row: SubmitRow, submitted: Submitted): CardSource {
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
