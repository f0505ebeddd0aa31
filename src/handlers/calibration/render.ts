import type { CalibrationFlag, Employee, Evaluation } from "../../generated/prisma/client.ts";
import type { UnitOverview } from "../../domain/oversight/overview.ts";
import { escapeHtml } from "../../lib/html.ts";
import { formatNumber } from "../../lib/number.ts";
import { PREDICATE_ORDER, type Predicate } from "../../scoring/index.ts";
import type { Turn } from "./context.ts";

type T = Turn["ctx"]["t"];

const percent = (value: number) => formatNumber(value * 100, 0);

/** The unit's distribution, counts, supervisors (possible leniency first) and open flags. */
export function overviewText(turn: Turn, o: UnitOverview, period: string): string {
  const t: T = (key, vars) => turn.ctx.t(key, vars);
  const lines = [
    t("calibration-unit-header", {
      unit: o.unit.name,
      period,
      result: t(`organisational-${o.organisationalResult}`),
    }),
    t("calibration-counts", { ...o.counts }),
    "",
    t("calibration-distribution"),
  ];
  const total = o.counts.finalised;
  for (const p of [...PREDICATE_ORDER].reverse() as Predicate[]) {
    const n = o.predicates[p] ?? 0;
    if (n > 0) lines.push(`• ${t(`predicate-${p}`)}: ${n} (${percent(n / total)}%)`);
  }
  if (o.warnings.length === 0 && total > 0) lines.push(t("calibration-distribution-ok"));
  for (const w of o.warnings)
    lines.push(
      t(`evaluation-distribution-${w.kind}`, {
        predicate: w.predicate === "BELOW_BAIK" ? t("evaluation-below-baik") : t(`predicate-${w.predicate}`),
        actual: percent(w.actualShare),
        limit: percent(w.limit),
      }),
    );
  if (o.supervisors.length > 0) lines.push("", t("calibration-supervisors"));
  for (const s of o.supervisors)
    lines.push(
      t(s.possibleLeniency ? "calibration-supervisor-lenient" : "calibration-supervisor", {
        name: s.name,
        count: s.predicates.length,
        top: s.predicates.filter((p) => p === "SANGAT_BAIK").length,
        realisation: s.realisation === null ? "-" : formatNumber(s.realisation, 0),
      }),
    );
  const flagged = o.finalised.filter((e) => e.openFlagId !== null);
  if (flagged.length > 0) lines.push("", t("calibration-open-flags", { names: flagged.map((e) => e.name).join(", ") }));
  return lines.join("\n");
}

type Flag = CalibrationFlag & { member: { name: string } };

/** A finalised evaluation as the supervisor saw it: realisation, ratings, feedback and any open flag. */
export function evaluationText(
  turn: Turn,
  e: Evaluation & { employee: Employee; evaluator: { name: string } | null },
  period: string,
  flag: Flag | null,
): string[] {
  const t: T = (key, vars) => turn.ctx.t(key, vars);
  const lines = [
    t("calibration-evaluation-header", {
      name: e.employee.name,
      nip: e.employee.nip,
      period,
      by: e.evaluator?.name ?? "Admin",
    }),
  ];
  for (const i of (e.realisation ?? []) as Array<Record<string, string | number>>)
    lines.push(
      // The indicator, its code and unit are what employees typed in their SKP: text, not HTML.
      `• ${escapeHtml(String(i.code))} ${escapeHtml(String(i.indicator))}: ${formatNumber(Number(i.realisation))}/${formatNumber(Number(i.target))} ${escapeHtml(String(i.unit))} (${formatNumber(Number(i.percent), 1)}%)`,
    );
  if (e.resultsRating) lines.push(t("evaluation-summary-results", { rating: t(`rating-${e.resultsRating}`) }));
  if (e.behaviourRating) lines.push(t("evaluation-summary-behaviour", { rating: t(`rating-${e.behaviourRating}`) }));
  if (e.predicate) lines.push(t("evaluation-summary-predicate", { predicate: t(`predicate-${e.predicate}`) }));
  else if (e.finalScore !== null) lines.push(`${formatNumber(Number(e.finalScore))} (${t(`band-${e.band}`)})`);
  lines.push(t("evaluation-summary-feedback", { feedback: e.feedback ?? "-" }));
  if (flag) lines.push("", ...flagLines(t, flag));
  return lines;
}

/** An open flag: who raised it, why, and where it stands. */
export function flagLines(t: T, flag: Flag): string[] {
  const lines = [t("calibration-flag-line", { by: flag.member.name, reason: flag.reason })];
  lines.push(t(`calibration-flag-status-${flag.status}`));
  if (flag.justification) lines.push(t("calibration-flag-justification", { text: flag.justification }));
  return lines;
}
