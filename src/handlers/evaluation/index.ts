import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { pendingAnswer } from "../../bot/pending-answer.ts";
import { onTypedAnswer } from "./answer.ts";
import { onButton } from "./buttons.ts";
import { EVALUATION_BUTTON } from "./callback-data.ts";
import { onEvaluateCommand } from "./choose.ts";
import {
  mayEvaluate,
  turnOf,
  type EvaluationContext,
  type EvaluationDependencies,
  type EvaluationQuestion,
} from "./turn.ts";

/**
 * `/evaluasi` [`/evaluate`]: the supervisor rates each subordinate for the period just ended — the
 * realisation and the suggested work-result rating in front of them, then the work-result rating,
 * the behaviour rating (overall or per BerAKHLAK value), feedback, and a confirmation showing the
 * predicate (and, before the unit's last one, its distribution warning). The answers are stored on
 * the evaluation as they come, so a restart resumes where it was. `/evaluasi <NIP>` opens one
 * employee directly (an admin amends a finalised evaluation that way).
 */
export function evaluation(deps: EvaluationDependencies): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");
  // The stored answer being waited for is usually read by identify with the sender (src/bot/storage.ts).
  const question = pendingAnswer<EvaluationQuestion>("evaluationAnswer", deps);
  const turn = (ctx: EvaluationContext) => turnOf(ctx, deps, question);

  // First /batal and a typed answer, so a question being waited for takes the text before any other feature.
  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await question.clear(ctx))) return next();
    return ctx.reply(turn(ctx).t("evaluation-cancelled"));
  });
  chat.on("message:text", (ctx, next) =>
    ctx.msg.text.startsWith("/") || !mayEvaluate(ctx) ? next() : onTypedAnswer(turn(ctx), ctx.msg.text, next),
  );

  chat.command(["evaluasi", "evaluate"], (ctx) => onEvaluateCommand(turn(ctx), ctx.match.trim()));
  chat.callbackQuery(EVALUATION_BUTTON, (ctx) => onButton(turn(ctx), ctx.callbackQuery.data));
  return feature;
}
