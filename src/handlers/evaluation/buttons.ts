import { evaluationForEvaluator } from "../../domain/evaluation/authority.ts";
import { onAnswerButton } from "./answer.ts";
import { parseEvaluationData } from "./callback-data.ts";
import { openEvaluee, showList } from "./choose.ts";
import { amend, finalise } from "./finalise.ts";
import { alert, mayEvaluate, type Turn } from "./turn.ts";

/**
 * Every evaluation button. Data is never trusted: the evaluation, the presser's authority on it
 * and the version pressed on are checked against the database before anything is saved.
 */
export async function onButton(turn: Turn, data: string) {
  const { ctx, deps } = turn;
  const action = parseEvaluationData(data);
  if (!action) {
    deps.logger.warn({ data, from: ctx.from.id }, "evaluation: unknown or tampered button data");
    return alert(turn, "evaluation-unknown");
  }
  if (!mayEvaluate(ctx)) return alert(turn, "evaluation-denied-not-evaluator");
  // The buttons only name periods that have ended; a later one is forged and would open a draft.
  if ((action.kind === "l" || action.kind === "o") && action.period.to >= turn.today)
    return alert(turn, "evaluation-period-not-ended");
  if (action.kind === "l") {
    await ctx.answerCallbackQuery();
    return showList(turn, action.period, action.page);
  }
  if (action.kind === "o") {
    await ctx.answerCallbackQuery();
    await turn.question.clear(ctx);
    return openEvaluee(turn, action.employeeId, action.period);
  }

  const loaded = await evaluationForEvaluator(deps.db, action.evaluationId, turn.evaluator, deps.clock.now());
  if (!loaded) return alert(turn, "evaluation-unknown");
  const { row, authority } = loaded;
  if (authority.kind === "denied") return alert(turn, `evaluation-denied-${authority.reason}`);
  if (action.kind === "x") return amend(turn, row, authority.actingAs === "ADMIN");
  if (row.status === "FINALISED") return alert(turn, "evaluation-already", { name: row.evaluator?.name ?? "Admin" });
  if (row.version !== action.version) return alert(turn, "evaluation-stale");
  // Any button moves on from a typed answer being waited for.
  await turn.question.clear(ctx);
  if (action.kind === "f") return finalise(turn, row, authority.actingAs);
  return onAnswerButton(turn, row, action);
}
