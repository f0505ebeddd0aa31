import type { Evaluation } from "../../generated/prisma/client.ts";
import { unitDistribution } from "../../domain/evaluation/distribution.ts";
import { employeeName } from "../../domain/evaluation/queries.ts";
import { resultOf } from "../../domain/evaluation/result.ts";
import { loadRatingPolicy } from "../../domain/policy/load.ts";
import { formatLocalDate, localDate } from "../../lib/time.ts";
import type { Predicate } from "../../scoring/index.ts";
import { amendKeyboard, distributionLines, resultLines, summaryKeyboard } from "./render.ts";
import type { Turn } from "./turn.ts";

/** A complete draft to confirm: the answers, the predicate and, before the unit's last one, its distribution. */
export async function confirm(turn: Turn, row: Evaluation, name: string) {
  const lines = [turn.t("evaluation-summary-header", { name }), ...resultLines(turn, row)];
  const result = resultOf(row);
  if (result?.predicate) lines.push(...distributionLines(turn, await distributionWith(turn, row, result.predicate)));
  return turn.ctx.reply(lines.join("\n"), { reply_markup: summaryKeyboard(turn, row) });
}

async function distributionWith(turn: Turn, row: Evaluation, candidate: Predicate) {
  const rating = await loadRatingPolicy(turn.deps.db);
  return unitDistribution(turn.deps.db, {
    evaluationId: row.id,
    employeeId: row.employeeId,
    candidate,
    year: row.year,
    period: row.period,
    defaultResult: rating.organisationalResult,
  });
}

/** A finalised evaluation as it stands: by whom and when, the answers; an admin gets the amend button. */
export async function showFinal(turn: Turn, row: Evaluation & { evaluator?: { name: string } | null }, name: string) {
  const { t } = turn;
  const evaluator =
    row.evaluator?.name ?? (row.evaluatorId ? await employeeName(turn.deps.db, row.evaluatorId) : undefined);
  const lines = [
    t("evaluation-final-header", {
      name,
      by: evaluator ?? "Admin",
      date: row.finalisedAt ? formatLocalDate(localDate(row.finalisedAt, turn.timeZone), turn.locale) : "-",
    }),
    ...resultLines(turn, row),
  ];
  const markup = turn.ctx.isAdmin ? { reply_markup: amendKeyboard(turn, row) } : {};
  return turn.ctx.reply(lines.join("\n"), markup);
}
