import { splitMessage } from "../../lib/telegram-limits.ts";
import { openEvaluationFor } from "../../domain/evaluation/draft.ts";
import { periodCloses, periodsToEvaluate } from "../../domain/evaluation/periods.ts";
import { employeeIdByNip, evalueeStates } from "../../domain/evaluation/queries.ts";
import { loadDeadlinePolicy, loadRatingPolicy } from "../../domain/policy/load.ts";
import type { Period } from "../../domain/skp/periods.ts";
import { feedbackOfPeriod } from "../../domain/feedback/notes.ts";
import { serviceFacts } from "../../domain/evaluation/service-facts.ts";
import { feedbackLines } from "../feedback/render.ts";
import { openFlagOf } from "../../domain/oversight/flags.ts";
import { flagLines } from "../calibration/render.ts";
import { nextStep } from "./answer.ts";
import { factsLines, listMessage, periodKeyboard, periodName, serviceLines } from "./render.ts";
import { mayEvaluate, type Turn } from "./turn.ts";

/**
 * `/evaluasi`: the periods to rate (when more than one) or the list of subordinates for the period
 * just ended; `/evaluasi <NIP>` opens one employee directly (an admin amends a finalised one that way).
 */
export async function onEvaluateCommand(turn: Turn, nip: string) {
  const { ctx, t, deps } = turn;
  if (!mayEvaluate(ctx)) return ctx.reply(t("help-unlinked"));
  await turn.question.clear(ctx);
  const [rating, deadlines] = [await loadRatingPolicy(deps.db), await loadDeadlinePolicy(deps.db)];
  const periods = periodsToEvaluate(turn.today, rating, deadlines);
  if (nip) {
    const employeeId = await employeeIdByNip(deps.db, nip);
    if (employeeId === undefined) return ctx.reply(t("evaluation-unknown-nip", { nip }));
    return openEvaluee(turn, employeeId, periods[0]);
  }
  if (!ctx.employee) return ctx.reply(t("evaluation-admin-usage"));
  if (periods.length > 1)
    return ctx.reply(t("evaluation-choose-period"), { reply_markup: periodKeyboard(turn, periods) });
  return showList(turn, periods[0]);
}

/** The evaluator's subordinates for the period, each with its state, and a button per person. */
export async function showList(turn: Turn, period: Period, page = 0) {
  const { ctx, t, deps } = turn;
  const evaluees = ctx.employee ? await evalueeStates(deps.db, ctx.employee.id, turn.today, period) : [];
  if (evaluees.length === 0) return ctx.reply(t("evaluation-no-subordinates"));
  const deadlines = await loadDeadlinePolicy(deps.db);
  const { text, keyboard } = listMessage(turn, period, periodCloses(period, deadlines), evaluees, page);
  return ctx.reply(text, { reply_markup: keyboard });
}

/** One employee's evaluation for the period: the facts, then the first question still open. */
export async function openEvaluee(turn: Turn, employeeId: number, period: Period) {
  const { ctx, t, deps } = turn;
  const opened = await openEvaluationFor(deps.db, {
    employeeId,
    period,
    evaluator: turn.evaluator,
    now: deps.clock.now(),
  });
  if (opened.kind === "unknown") return ctx.reply(t("evaluation-unknown"));
  if (opened.kind === "denied") return ctx.reply(t(`evaluation-denied-${opened.reason}`));
  const notes = await feedbackOfPeriod(deps.db, employeeId, period);
  const service = await serviceFacts(deps.db, employeeId, period, deps.clock.now());
  const continuous = feedbackLines(turn, turn.timeZone, periodName(turn, period), notes);
  const flag = await openFlagOf(deps.db, opened.evaluation.id);
  if (flag) continuous.push("", ...flagLines(t, flag));
  // A long SKP (many indicators, long names) is sent in several messages rather than cut.
  const facts = factsLines(turn, opened.employee, opened.facts, opened.evaluation.mode);
  for (const text of splitMessage([...facts, ...serviceLines(turn, service), "", ...continuous])) await ctx.reply(text);
  return nextStep(turn, opened.evaluation, opened.employee.name);
}

/** After a finalisation: the next subordinate still to rate for the same period, or "all done". */
export async function nextEvaluee(turn: Turn, period: Period) {
  const { ctx, t, deps } = turn;
  if (!ctx.employee) return;
  const evaluees = await evalueeStates(deps.db, ctx.employee.id, turn.today, period);
  const next = evaluees.find((e) => !e.finalised);
  if (next) return openEvaluee(turn, next.id, period);
  if (evaluees.length > 0) return ctx.reply(t("evaluation-all-done", { period: periodName(turn, period) }));
}
