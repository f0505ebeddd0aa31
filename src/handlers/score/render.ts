import type { BotContext } from "../../bot/context.ts";
import { periodOfEvaluation } from "../../domain/evaluation/periods.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import type { Evaluation } from "../../generated/prisma/client.ts";
import { formatNumber } from "../../lib/number.ts";
import { formatDate } from "../../lib/time.ts";

/** One finalised evaluation: period, predicate (or legacy score and band), by whom and when, and the feedback. */
export function evaluationLines(
  ctx: BotContext,
  e: Evaluation & { evaluator: { name: string } | null },
  locale: string,
  timeZone: string,
): string[] {
  const period = periodOfEvaluation(e);
  const vars = {
    period: period ? periodLabel(ctx.t.bind(ctx), period, locale) : e.period,
    by: e.evaluator?.name ?? "Admin",
    date: e.finalisedAt ? formatDate(e.finalisedAt, timeZone, locale) : "-",
  };
  const head = e.predicate
    ? ctx.t("score-evaluation", {
        ...vars,
        predicate: ctx.t(`predicate-${e.predicate}`),
        results: e.resultsRating ? ctx.t(`rating-${e.resultsRating}`) : "-",
        behaviour: e.behaviourRating ? ctx.t(`rating-${e.behaviourRating}`) : "-",
      })
    : ctx.t("score-evaluation-legacy", {
        ...vars,
        final: formatNumber(Number(e.finalScore)),
        band: ctx.t(`band-${e.band}`),
        mode: e.mode,
      });
  return e.feedback ? [head, `  ${ctx.t("evaluation-summary-feedback", { feedback: e.feedback })}`] : [head];
}
