import { Composer } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { BotContext } from "../../bot/context.ts";
import { formatNumber } from "../../lib/number.ts";
import { splitMessage } from "../../lib/telegram-limits.ts";
import { todayIn } from "../../domain/calendar.ts";
import { loadDeadlinePolicy, loadFeedbackPolicy, loadRatingPolicy } from "../../domain/policy/load.ts";
import { peerView } from "../../domain/peer/summary.ts";
import { lastClosedPeerPeriod } from "../../domain/peer/rules.ts";
import { peerLines } from "../peer/render.ts";
import { approvalStats, evaluationFacts } from "../../domain/evaluation/facts.ts";
import { finalisedEvaluations } from "../../domain/evaluation/queries.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import { periodOf } from "../../domain/skp/periods.ts";
import { feedbackOfPeriod } from "../../domain/feedback/notes.ts";
import { previousPeriod } from "../../domain/evaluation/periods.ts";
import { feedbackLines } from "../feedback/render.ts";
import { evaluationLines } from "./render.ts";

/** Finalised evaluations shown by /nilai: the last two years of quarters fit. */
const SHOWN_EVALUATIONS = 8;

/**
 * `/nilai` [`/score`]: the employee's own ratings and predicate per finalised period, with the
 * supervisor's feedback; the current period's suggestion from approved work; and how their reports
 * fared this year (approved, revised, rejected; average time to approval). Only finalised
 * evaluations are shown: a draft is the supervisor's until they finalise it.
 */
export function score(deps: { db: Db; clock: Clock }) {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command(["nilai", "score"], async (ctx) => {
    const employee = ctx.employee;
    if (!employee) return ctx.reply(ctx.t("help-unlinked"));
    const locale = employee.language;
    const today = todayIn(deps.clock.now(), employee);
    const rating = await loadRatingPolicy(deps.db);
    const current = periodOf(today, rating.period);
    const [evaluations, facts, stats] = await Promise.all([
      finalisedEvaluations(deps.db, employee.id, SHOWN_EVALUATIONS),
      evaluationFacts(deps.db, employee.id, current, rating),
      approvalStats(deps.db, employee.id, `${today.slice(0, 4)}-01-01`, today),
    ]);

    const lines = [ctx.t("score-header", { name: employee.name }), ""];
    if (evaluations.length === 0) lines.push(ctx.t("score-none"));
    for (const e of evaluations) lines.push(...evaluationLines(ctx, e, locale, employee.timeZone));

    lines.push("", ctx.t("score-current", { period: periodLabel(ctx.t.bind(ctx), current, locale) }));
    if (rating.mode === "2022") {
      lines.push(
        facts.suggestion
          ? ctx.t("score-suggestion", { rating: ctx.t(`rating-${facts.suggestion}`) })
          : ctx.t("evaluation-suggestion-none"),
      );
    }
    const main = facts.indicators.filter((i) => i.rhkKind === "MAIN");
    if (main.length > 0) {
      lines.push(
        ctx.t("score-main-average", {
          percent: formatNumber(main.reduce((sum, i) => sum + i.percent, 0) / main.length, 1),
          count: main.length,
        }),
      );
    }
    lines.push(
      "",
      ctx.t("score-stats", {
        year: today.slice(0, 4),
        approved: stats.approved,
        revised: stats.revised,
        rejected: stats.rejected,
        hours: stats.averageApprovalHours === null ? "-" : formatNumber(stats.averageApprovalHours, 1),
      }),
    );
    // Continuous feedback of the period just ended and of this one: the evidence of that stage.
    for (const period of [previousPeriod(today, rating.period), current]) {
      const notes = await feedbackOfPeriod(deps.db, employee.id, period);
      if (notes.length === 0) continue;
      const name = periodLabel(ctx.t.bind(ctx), period, locale);
      lines.push("", ...feedbackLines({ t: ctx.t.bind(ctx), locale }, employee.timeZone, name, notes));
    }
    // Peer feedback of the latest period whose answers are closed, once enough colleagues answered;
    // notes only when policy allows.
    const [{ peer }, deadlines] = await Promise.all([loadFeedbackPolicy(deps.db), loadDeadlinePolicy(deps.db)]);
    const peerPeriod = lastClosedPeerPeriod(today, rating.period, deadlines);
    const view = await peerView(deps.db, employee.id, peerPeriod, peer, peer.notesToEmployee);
    if (view) {
      const name = periodLabel(ctx.t.bind(ctx), peerPeriod, locale);
      lines.push("", ctx.t("peer-section", { period: name }), ...peerLines(ctx.t.bind(ctx), view));
    }
    // Eight periods of feedback and a year of notes and replies outgrow one message: sent in several.
    for (const text of splitMessage(lines)) await ctx.reply(text);
  });
  return feature;
}
