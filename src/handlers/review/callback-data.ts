import { z } from "zod";
import { CALLBACK_DATA_MAX_BYTES, callbackData, id, type CallbackCodec } from "../../lib/callback-data.ts";
import type { Rating } from "../../domain/review/card.ts";

/**
 * The review buttons' data: ids only, at most 64 bytes (Telegram), never trusted — every press is
 * checked again in the database (docs/architecture.md, "Callback data").
 */

/** A database id (a PostgreSQL integer). */
const dbId = id.pipe(z.number().int().positive().max(2_147_483_647));
const page = id.pipe(z.number().max(100_000));
const unixSeconds = id.pipe(z.number().int().positive().max(99_999_999_999));
const ratingLetter = z.enum(["A", "M", "B"]);
/** The reports shown in one list, as `1.2.3` (at most ten). */
const reportIdList = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,10}){0,9}$/)
  .refine((s) => s.split(".").every((n) => dbId.safeParse(n).success));

export const reviewData = {
  /** ✅ on the card: the rating is asked for next. */
  askRating: callbackData("rv:a", dbId, dbId),
  /** A rating picked: the report is approved. */
  approve: callbackData("rv:a", dbId, dbId, ratingLetter),
  revise: callbackData("rv:r", dbId, dbId),
  reject: callbackData("rv:x", dbId, dbId),
  /** Back from the ratings to the three decision buttons. */
  back: callbackData("rv:b", dbId, dbId),
  /** A report of /persetujuan opened as its card. */
  open: callbackData("rv:o", dbId),
  /** A page of /persetujuan. */
  list: callbackData("rv:l", page),
  /**
   * "Approve all shown" on a page: asks for the confirmation. It carries when the page was shown
   * (Unix seconds), so a report sent back and resubmitted since is not approved unseen.
   */
  approveAllAsk: callbackData("rv:all", page, unixSeconds, reportIdList),
  /** The confirmation: the reports listed, as submitted when the page was shown, are approved. */
  approveAll: callbackData("rv:ok", unixSeconds, reportIdList),
  /** Those two as sent before they carried the time: answered by showing the list again. */
  approveAllAskUntimed: callbackData("rv:all", page, reportIdList),
  approveAllUntimed: callbackData("rv:ok", reportIdList),
};

/** Every review button's data, well-formed or not: tampered data is answered too. */
export const REVIEW_BUTTONS = /^rv:/;

const RATING_OF_LETTER = { A: "ABOVE", M: "MEETS", B: "BELOW" } as const satisfies Record<string, Rating>;
export const RATING_LETTER = { ABOVE: "A", MEETS: "M", BELOW: "B" } as const satisfies Record<
  Rating,
  keyof typeof RATING_OF_LETTER
>;

/** The ids of a list of reports, as a button carries them. */
export const packReportIds = (reportIds: number[]) => reportIds.join(".");
const reportIdsOf = (list: string) => list.split(".").map(Number);

const as =
  <T extends readonly unknown[], A>(codec: CallbackCodec<T>, action: (values: T) => A) =>
  (data: string): A | undefined => {
    const values = codec.parse(data);
    return values && action(values);
  };

const ACTIONS = [
  as(reviewData.askRating, ([reportId, version]) => ({ kind: "ask-rating" as const, reportId, version })),
  as(reviewData.approve, ([reportId, version, letter]) => ({
    kind: "approve" as const,
    reportId,
    version,
    rating: RATING_OF_LETTER[letter],
  })),
  as(reviewData.revise, ([reportId, version]) => ({ kind: "revise" as const, reportId, version })),
  as(reviewData.reject, ([reportId, version]) => ({ kind: "reject" as const, reportId, version })),
  as(reviewData.back, ([reportId, version]) => ({ kind: "back" as const, reportId, version })),
  as(reviewData.open, ([reportId]) => ({ kind: "open" as const, reportId })),
  as(reviewData.list, ([p]) => ({ kind: "list" as const, page: p })),
  as(reviewData.approveAllAsk, ([p, shownAt, list]) => ({
    kind: "approve-all-ask" as const,
    page: p,
    shownAt,
    reportIds: reportIdsOf(list),
  })),
  as(reviewData.approveAll, ([shownAt, list]) => ({
    kind: "approve-all" as const,
    shownAt,
    reportIds: reportIdsOf(list),
  })),
  as(reviewData.approveAllAskUntimed, ([p]) => ({ kind: "list" as const, page: p })),
  as(reviewData.approveAllUntimed, () => ({ kind: "list" as const, page: 0 })),
];

export type ReviewAction = NonNullable<ReturnType<(typeof ACTIONS)[number]>>;

/** What a review button asks for, or undefined for data that is none of the codecs' (or over 64 bytes). */
export function parseReviewData(data: string): ReviewAction | undefined {
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return undefined;
  for (const action of ACTIONS) {
    const parsed = action(data);
    if (parsed) return parsed;
  }
  return undefined;
}
