import type { Evaluation, ReviewerRole } from "../../generated/prisma/client.ts";
import { finaliseEvaluation, reopenEvaluation } from "../../domain/evaluation/finalise.ts";
import { periodOfEvaluation } from "../../domain/evaluation/periods.ts";
import { nextStep } from "./answer.ts";
import { nextEvaluee } from "./choose.ts";
import { noticeText, outcomeText, wordsFor } from "./render.ts";
import { alert, type Turn } from "./turn.ts";

type WithEmployeeName = Evaluation & { employee: { name: string } };

/** The finalise button: the result stored and the employee told at once; then the next subordinate. */
export async function finalise(turn: Turn, row: WithEmployeeName, actingAs: ReviewerRole) {
  const { ctx, t, deps } = turn;
  const outcome = await finaliseEvaluation(deps.db, {
    id: row.id,
    version: row.version,
    evaluator: turn.evaluator,
    actingAs,
    now: deps.clock.now(),
    notice: (e, employee) => noticeText(wordsFor(employee.language), e, turn.evaluator.name ?? "Admin"),
  });
  if (outcome.kind === "already") return alert(turn, "evaluation-already", { name: outcome.by });
  if (outcome.kind !== "finalised")
    return alert(turn, outcome.kind === "incomplete" ? "evaluation-incomplete" : "evaluation-unknown");
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const e = outcome.evaluation;
  await ctx.reply(t("evaluation-finalised", { name: row.employee.name, outcome: outcomeText(turn, e) }));
  const period = periodOfEvaluation(e);
  if (period && actingAs !== "ADMIN") return nextEvaluee(turn, period);
}

/** An admin reopens a finalised evaluation as a draft of the next version, and answers again. */
export async function amend(turn: Turn, row: WithEmployeeName, isAdmin: boolean) {
  const { ctx, t, deps } = turn;
  if (!isAdmin) return alert(turn, "evaluation-amend-admin-only");
  const reopened = await reopenEvaluation(deps.db, { id: row.id, admin: turn.evaluator, now: deps.clock.now() });
  if (!reopened) return alert(turn, "evaluation-stale");
  await ctx.answerCallbackQuery();
  await ctx.reply(t("evaluation-reopened", { name: row.employee.name }));
  return nextStep(turn, reopened, row.employee.name);
}
