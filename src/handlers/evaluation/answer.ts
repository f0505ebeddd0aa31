import type { InlineKeyboard, NextFunction } from "grammy";
import type { Evaluation } from "../../generated/prisma/client.ts";
import { recordUpdateIn } from "../../bot/redelivery.ts";
import { evaluationForEvaluator } from "../../domain/evaluation/authority.ts";
import {
  FEEDBACK_MAX_CHARS,
  FEEDBACK_MIN_CHARS,
  NO_ANSWERS,
  nextUnratedValue,
  parseBehaviourScore,
  saveAnswer,
  valueRated,
  type EvaluationAnswer,
} from "../../domain/evaluation/draft.ts";
import { evaluationWithEmployeeName } from "../../domain/evaluation/queries.ts";
import { peerView } from "../../domain/peer/summary.ts";
import { loadFeedbackPolicy } from "../../domain/policy/load.ts";
import { hiddenLine, peerLines } from "../peer/render.ts";
import type { Translate } from "../../lib/i18n.ts";
import { splitMessage } from "../../lib/telegram-limits.ts";
import { BERAKHLAK_VALUES } from "../../scoring/index.ts";
import { evaluationData, type EvaluationAction } from "./callback-data.ts";
import { behaviourKeyboard, ratingKeyboard, valueQuestion } from "./render.ts";
import { confirm, showFinal } from "./summary.ts";
import type { EvaluationQuestion, Turn } from "./turn.ts";

/** Asks for the first missing answer of a draft, or shows the summary to confirm; a finalised one is shown as it stands. */
export async function nextStep(turn: Turn, row: Evaluation, name: string) {
  const { ctx, t } = turn;
  if (row.status === "FINALISED") return showFinal(turn, row, name);
  if (row.mode === "2022" && !row.resultsRating)
    return ctx.reply(t("evaluation-ask-results", { name }), {
      reply_markup: ratingKeyboard(turn, evaluationData.results, row),
    });
  if (row.mode === "2022" && !row.behaviourRating) {
    const value = nextUnratedValue(row.behaviourValues);
    if (row.behaviourValues !== null && value) {
      const { text, keyboard } = valueQuestion(turn, row, value);
      return ctx.reply(text, { reply_markup: keyboard });
    }
    const peers = await peerBlock(turn, row);
    return replyBeside(turn, peers, t("evaluation-ask-behaviour", { name }), behaviourKeyboard(turn, row));
  }
  if (row.mode !== "2022" && row.behaviourScore === null) {
    await turn.question.ask(ctx, { evaluationId: row.id, version: row.version, field: "behaviourScore" });
    const peers = await peerBlock(turn, row);
    return replyBeside(turn, peers, t("evaluation-ask-behaviour-score", { name }));
  }
  if (!row.feedback) {
    await turn.question.ask(ctx, { evaluationId: row.id, version: row.version, field: "feedback" });
    return ctx.reply(t("evaluation-ask-feedback", { name, min: FEEDBACK_MIN_CHARS, max: FEEDBACK_MAX_CHARS }));
  }
  return confirm(turn, row, name);
}

/**
 * Beside the behaviour question: the colleagues' peer feedback for the period with their notes
 * (unnamed), or only that there is not enough of it yet (docs/domain.md, "Peer feedback").
 */
async function peerBlock(turn: Turn, row: Evaluation): Promise<string[]> {
  const { peer } = await loadFeedbackPolicy(turn.deps.db);
  const view = await peerView(turn.deps.db, row.employeeId, { year: row.year, code: row.period }, peer, true);
  return [...(view ? peerLines(turn.t, view) : [hiddenLine(turn.t, peer.minRespondents)]), ""];
}

/**
 * The question after the lines it stands beside, in one message when they fit; many long peer notes
 * go in messages of their own before it, each whole, so the question and its buttons are never cut.
 */
async function replyBeside(turn: Turn, lines: string[], question: string, keyboard?: InlineKeyboard) {
  const messages = splitMessage([...lines, question]);
  for (const text of messages.slice(0, -1)) await turn.ctx.reply(text);
  return turn.ctx.reply(messages.at(-1)!, keyboard ? { reply_markup: keyboard } : {});
}

async function continueDraft(turn: Turn, evaluationId: number) {
  const row = await evaluationWithEmployeeName(turn.deps.db, evaluationId);
  return nextStep(turn, row, row.employee.name);
}

/** The text typed for the question being waited for: saved when valid, then on to the next question. */
export async function onTypedAnswer(turn: Turn, text: string, next: NextFunction) {
  const { ctx, t, deps } = turn;
  const pending = await turn.question.read(ctx);
  if (!pending) return next();
  const loaded = await evaluationForEvaluator(deps.db, pending.evaluationId, turn.evaluator, deps.clock.now());
  if (!loaded || loaded.row.version !== pending.version || loaded.row.status !== "DRAFT") {
    await turn.question.clear(ctx);
    return ctx.reply(t("evaluation-stale"));
  }
  const answer = typedAnswer(t, pending.field, text.trim());
  if ("invalid" in answer) return ctx.reply(answer.invalid);
  // The answer, the end of its question and the update's record are one transaction: a redelivery
  // after it changes nothing, one after a failure before it is the answer still (src/bot/redelivery.ts).
  const record = recordUpdateIn(ctx, deps.clock.now());
  await saveAnswer(deps.db, pending.evaluationId, pending.version, answer, async (tx) => {
    await record(tx);
    await turn.question.clearIn(tx, ctx);
  });
  return continueDraft(turn, pending.evaluationId);
}

/** The typed text as the answer asked for, or the reply saying why it is not one. */
function typedAnswer(
  t: Translate,
  field: EvaluationQuestion["field"],
  text: string,
): EvaluationAnswer | { invalid: string } {
  if (field === "behaviourScore") {
    const score = parseBehaviourScore(text);
    return score === undefined ? { invalid: t("evaluation-score-invalid") } : { behaviourScore: score };
  }
  if (text.length < FEEDBACK_MIN_CHARS)
    return { invalid: t("evaluation-feedback-too-short", { min: FEEDBACK_MIN_CHARS }) };
  if (text.length > FEEDBACK_MAX_CHARS)
    return { invalid: t("evaluation-feedback-too-long", { max: FEEDBACK_MAX_CHARS, length: text.length }) };
  return { feedback: text };
}

export type AnswerAction = Extract<EvaluationAction, { kind: "r" | "b" | "bv" | "e" }>;

/** A rating button of a draft (checked by the caller): the answer saved, then on to the next question. */
export async function onAnswerButton(turn: Turn, row: Evaluation, action: AnswerAction) {
  await saveAnswer(
    turn.deps.db,
    row.id,
    row.version,
    answerOf(row, action),
    recordUpdateIn(turn.ctx, turn.deps.clock.now()),
  );
  await turn.ctx.answerCallbackQuery();
  await turn.ctx.editMessageReplyMarkup().catch(() => undefined);
  return continueDraft(turn, row.id);
}

function answerOf(row: Evaluation, action: AnswerAction): EvaluationAnswer {
  switch (action.kind) {
    case "r":
      return { resultsRating: action.rating };
    case "b":
      return { behaviourRating: action.rating, behaviourValues: null };
    case "bv":
      // Without a value: rating per value starts, any overall rating dropped.
      if (action.value === undefined || action.rating === undefined)
        return { behaviourRating: null, behaviourValues: {} };
      return valueRated(row.behaviourValues, BERAKHLAK_VALUES[action.value]!, action.rating);
    case "e":
      return NO_ANSWERS;
  }
}
