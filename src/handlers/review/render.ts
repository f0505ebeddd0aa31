import { InlineKeyboard } from "grammy";
import { translate as t } from "../../lib/i18n.ts";
import { formatDuration, formatLocalDate } from "../../lib/time.ts";
import type { OutcomeFacts, ReviewCard, ReviewRenderer } from "../../domain/review/card.ts";
import { feedbackData } from "../feedback/callback-data.ts";
import { RATING_LETTER, reviewData } from "./callback-data.ts";

/** The texts and buttons of the review flow, in any locale; used by handlers and by jobs. */
export function reviewRenderer(): ReviewRenderer & {
  ratingButtons(locale: string, reportId: number, version: number): InlineKeyboard;
} {
  const card = (locale: string, c: ReviewCard) => {
    const text = t(locale, "review-card", {
      number: c.number,
      version: c.version,
      name: c.employeeName,
      unit: c.unitName,
      date: c.date === "-" ? "-" : formatLocalDate(c.date, locale),
      indicator: c.indicator ?? t(locale, "lapor-additional-task"),
      description: c.description,
      output: c.output,
      duration: formatDuration(c.minutes),
      photos: c.photos,
    });
    return c.reusedEvidence ? `${text}\n\n${t(locale, "review-card-reused")}` : text;
  };
  const outcomeLine = (locale: string, o: OutcomeFacts) =>
    t(locale, `review-outcome-${o.decision}`, {
      reviewer: o.reviewerName,
      acting: t(locale, `review-acting-${o.actingAs}`),
      rating: o.rating ? t(locale, `rating-${o.rating}`) : "-",
      comment: o.comment ?? "-",
    });
  return {
    card,
    buttons: (locale, reportId, version) => ({
      inline_keyboard: new InlineKeyboard()
        .text(t(locale, "review-button-approve"), reviewData.askRating.pack(reportId, version))
        .text(t(locale, "review-button-revise"), reviewData.revise.pack(reportId, version))
        .text(t(locale, "review-button-reject"), reviewData.reject.pack(reportId, version))
        .row()
        .text(t(locale, "feedback-button"), feedbackData.fromReport.pack(reportId)).inline_keyboard,
    }),
    ratingButtons: (locale, reportId, version) =>
      new InlineKeyboard()
        .text(t(locale, "review-button-rating-ABOVE"), reviewData.approve.pack(reportId, version, RATING_LETTER.ABOVE))
        .row()
        .text(t(locale, "review-button-rating-MEETS"), reviewData.approve.pack(reportId, version, RATING_LETTER.MEETS))
        .row()
        .text(t(locale, "review-button-rating-BELOW"), reviewData.approve.pack(reportId, version, RATING_LETTER.BELOW))
        .row()
        .text(t(locale, "review-button-back"), reviewData.back.pack(reportId, version)),
    outcome: (locale, c, o) => `${card(locale, c)}\n\n${outcomeLine(locale, o)}`,
    employeeNotice: (locale, c, o) =>
      t(locale, `review-notice-${o.decision}`, {
        number: c.number,
        date: c.date === "-" ? "-" : formatLocalDate(c.date, locale),
        reviewer: o.reviewerName,
        rating: o.rating ? t(locale, `rating-${o.rating}`) : "-",
        comment: o.comment ?? "-",
      }),
  };
}
