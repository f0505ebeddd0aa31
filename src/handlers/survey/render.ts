import { InlineKeyboard } from "grammy";
import { translatorFor } from "../../lib/i18n.ts";
import type { ComplaintRenderer } from "../../domain/complaints/open.ts";
import type { SurveyState } from "../../domain/survey/state.ts";
import { elementAt } from "../../domain/survey/steps.ts";
import { complaintChoiceData, overallOnlyData, scoreData, skipCommentData } from "./callback-data.ts";
import { complaintRenderer } from "../complaint/render.ts";

export interface Question {
  text: string;
  keyboard?: InlineKeyboard;
}

/** The question a response stands at, in the language the citizen started in. */
export function question(state: SurveyState): Question {
  const t = translatorFor(state.locale);
  const where = { counter: state.counterName, unit: state.unitName };
  const element = elementAt(state.step);
  if (element || state.step === "overall") {
    const keyboard = new InlineKeyboard();
    for (const score of [1, 2, 3, 4] as const) {
      keyboard.text(t(`survey-score-${score}`), scoreData.pack(state.id, state.step, String(score) as never));
      if (score === 2) keyboard.row();
    }
    if (state.step === "e1") keyboard.row().text(t("survey-overall-only"), overallOnlyData.pack(state.id));
    const text = element
      ? t("survey-question", {
          ...where,
          number: String(element.number),
          question: t(`survey-element-${element.element}`),
        })
      : t("survey-overall-question", where);
    return { text, keyboard };
  }
  if (state.step === "comment")
    return {
      text: t("survey-comment-question"),
      keyboard: new InlineKeyboard().text(t("survey-comment-skip"), skipCommentData.pack(state.id)),
    };
  if (state.step === "complaint")
    return {
      text: t("survey-complaint-question"),
      keyboard: new InlineKeyboard()
        .text(t("survey-complaint-yes"), complaintChoiceData.pack(state.id, "y"))
        .text(t("survey-complaint-no"), complaintChoiceData.pack(state.id, "n")),
    };
  return { text: t("survey-thanks") };
}

/** The closing words, with the complaint's number when one was made. */
export function finished(state: SurveyState, complaintNumber: string | null): string {
  const t = translatorFor(state.locale);
  return complaintNumber ? t("survey-thanks-complaint", { number: complaintNumber }) : t("survey-thanks");
}

export const complaintMessages: ComplaintRenderer = complaintRenderer;
