import type { InlineKeyboardMarkup } from "grammy/types";
import type { Prisma, ReviewDecision, ReviewRating, ReviewerRole } from "../../generated/prisma/client.ts";
import { fromDbDate } from "../../lib/time.ts";
import { formatQuantity } from "../../lib/number.ts";

/**
 * What a supervisor sees of a report (the review card, its evidence) and the outbox keys of the
 * review request. Texts and buttons come in through a `ReviewRenderer`, so every message is
 * rendered in its recipient's language when it is queued (docs/domain.md, "Review").
 */

export type Rating = ReviewRating;
export type Decision = ReviewDecision;

/** What the outbox keys of every version's review request (the card) of one report start with. */
export const reviewRequestKeyPrefix = (reportId: number) => `report-submitted:${reportId}:`;
/** The outbox key of the supervisor's review request (the card) of one version. */
export const reviewRequestKey = (reportId: number, version: number) => `${reviewRequestKeyPrefix(reportId)}${version}`;
/** The outbox key of the evidence sent before the card: part 0 the photos, part 1 the documents. */
export const reviewEvidenceKey = (reportId: number, version: number, part = 0) =>
  `report-photos:${reportId}:${version}${part ? `:${part}` : ""}`;

/** The outbox key of the edit that takes the buttons off a delivered card when the report is withdrawn. */
export const withdrawnCardKey = (reportId: number, version: number) => `report-withdrawn:${reportId}:${version}`;

/** The outbox keys of the supervisor's notification of one version: the card, and the evidence sent before it. */
export const notificationKeys = (reportId: number, version: number) => [
  reviewRequestKey(reportId, version),
  reviewEvidenceKey(reportId, version),
  reviewEvidenceKey(reportId, version, 1),
];

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
  /** The decision buttons, as Bot API reply_markup JSON (their callback data is the handler's). */
  buttons(locale: string, reportId: number, version: number): InlineKeyboardMarkup;
  /** The card with the outcome, shown once decided (without buttons). */
  outcome(locale: string, card: ReviewCard, outcome: OutcomeFacts): string;
  /** What the employee receives. */
  employeeNotice(locale: string, card: ReviewCard, outcome: OutcomeFacts): string;
}

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

type EvidenceCall = { method: "sendPhoto" | "sendMediaGroup" | "sendDocument"; params: Record<string, unknown> };

/**
 * The evidence as Bot API calls to a reviewer's chat, sent before the card: photos as one album
 * (or one photo), documents likewise (Telegram does not mix the two in an album).
 */
export function evidenceCalls(chatId: bigint | number, evidence: Array<{ fileId: string; width: number | null }>) {
  const calls: EvidenceCall[] = [];
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
