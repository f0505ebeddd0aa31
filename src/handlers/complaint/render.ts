import { InlineKeyboard } from "grammy";
import { translatorFor } from "../../lib/i18n.ts";
import { formatDateTime } from "../../lib/time.ts";
import { SKM_ELEMENTS } from "../../scoring/index.ts";
import type { ComplaintCard, ComplaintRenderer } from "../../domain/complaints/open.ts";
import { complaintActionData } from "./callback-data.ts";

/** The words and buttons of a complaint's messages; the comment is the citizen's, cut to fit a message. */
export const complaintRenderer: ComplaintRenderer = {
  card(locale: string, card: ComplaintCard) {
    const t = translatorFor(locale);
    const low = SKM_ELEMENTS.flatMap((element, i) =>
      card.scores[i] !== null && card.scores[i]! <= 2
        ? [`${t(`survey-element-short-${element}`)}: ${card.scores[i]}`]
        : [],
    );
    return t("complaint-card", {
      number: card.number,
      unit: card.unitName,
      counter: card.counterName,
      received: formatDateTime(card.receivedAt, card.timeZone, locale),
      due: formatDateTime(card.followUpDue, card.timeZone, locale),
      low: low.length > 0 ? low.join(", ") : "-",
      overall: card.overall === null ? "-" : String(card.overall),
      comment: card.comment ?? "-",
    });
  },
  buttons(locale: string, complaintId: number) {
    const t = translatorFor(locale);
    return new InlineKeyboard()
      .text(t("complaint-button-follow-up"), complaintActionData.pack(complaintId, "f"))
      .text(t("complaint-button-done"), complaintActionData.pack(complaintId, "d"));
  },
  citizenReceipt: (locale: string, number: string) => translatorFor(locale)("complaint-receipt", { number }),
};

export const citizenFollowUp = (locale: string, number: string, note: string) =>
  translatorFor(locale)("complaint-follow-up-citizen", { number, note });
