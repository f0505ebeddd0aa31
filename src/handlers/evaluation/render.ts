import { InlineKeyboard } from "grammy";
import type { Evaluation } from "../../generated/prisma/client.ts";
import type { UnitDistribution } from "../../domain/evaluation/distribution.ts";
import type { EvaluationFacts } from "../../domain/evaluation/facts.ts";
import type { ServiceFacts, ServicePoint } from "../../domain/evaluation/service-facts.ts";
import { periodKey, periodOfEvaluation } from "../../domain/evaluation/periods.ts";
import type { EvalueeState } from "../../domain/evaluation/queries.ts";
import { resultOf } from "../../domain/evaluation/result.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import type { Period } from "../../domain/skp/periods.ts";
import { translatorFor, type Translate } from "../../lib/i18n.ts";
import { html } from "../../lib/html.ts";
import { formatNumber } from "../../lib/number.ts";
import { formatLocalDate } from "../../lib/time.ts";
import { BERAKHLAK_VALUES, type BerakhlakValue, type Rating } from "../../scoring/index.ts";
import { evaluationData, letterOf } from "./callback-data.ts";
import { addPageButtons } from "../../lib/pager.ts";

/** One reader's language: its locale and its texts. */
export interface Words {
  locale: string;
  t: Translate;
}

export const wordsFor = (locale: string): Words => ({ locale, t: translatorFor(locale) });

export const periodName = (w: Words, period: Period) => periodLabel(w.t, period, w.locale);

const RATINGS = ["ABOVE", "MEETS", "BELOW"] as const satisfies readonly Rating[];

/** A button per period to rate. */
export function periodKeyboard(w: Words, periods: Period[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const p of periods) keyboard.text(periodName(w, p), evaluationData.list.pack(periodKey(p))).row();
  return keyboard;
}

/** Subordinates per page: a delegate or a big office's head may have hundreds, and Telegram allows 100 buttons. */
export const EVALUEES_PER_PAGE = 30;

/** The subordinates for the period, each with its state, and a button per person: one page of them. */
export function listMessage(w: Words, period: Period, closes: string, evaluees: EvalueeState[], page = 0) {
  const { t } = w;
  const pages = Math.ceil(evaluees.length / EVALUEES_PER_PAGE);
  // A page number from an older, longer list: its last page.
  const shown = Math.min(page, pages - 1);
  const lines = [
    t("evaluation-list-header", {
      period: periodName(w, period),
      closes: formatLocalDate(closes, w.locale),
      done: evaluees.filter((e) => e.finalised).length,
      total: evaluees.length,
    }),
  ];
  if (pages > 1)
    lines.push(
      t("evaluation-list-page", {
        from: shown * EVALUEES_PER_PAGE + 1,
        to: Math.min(evaluees.length, (shown + 1) * EVALUEES_PER_PAGE),
        total: evaluees.length,
      }),
    );
  const keyboard = new InlineKeyboard();
  for (const e of evaluees.slice(shown * EVALUEES_PER_PAGE, (shown + 1) * EVALUEES_PER_PAGE)) {
    const result = e.finalised;
    const outcome = result ? (result.predicate ? t(`predicate-${result.predicate}`) : (result.band ?? "")) : "";
    lines.push(
      result ? t("evaluation-list-done", { name: e.name, outcome }) : t("evaluation-list-todo", { name: e.name }),
    );
    keyboard.text(`${result ? "✅" : "⏳"} ${e.name}`, evaluationData.open.pack(e.id, periodKey(period))).row();
  }
  addPageButtons(keyboard, t, shown, pages, (p) => evaluationData.listPage.pack(periodKey(period), p));
  return { text: lines.join("\n"), keyboard };
}

/** The realisation, the approval record and (2022 mode) the suggested work-result rating: a line each. */
export function factsLines(
  w: Words,
  employee: { name: string; nip: string; position: string },
  facts: EvaluationFacts,
  mode: string,
): string[] {
  const { t } = w;
  const lines = [
    t("evaluation-facts-header", {
      name: employee.name,
      nip: employee.nip,
      position: employee.position,
      period: periodName(w, facts.period),
    }),
  ];
  if (facts.indicators.length === 0) lines.push(t("evaluation-facts-no-skp"));
  for (const i of facts.indicators) {
    lines.push(
      t("evaluation-facts-indicator", {
        code: i.code,
        indicator: i.indicator,
        realisation: formatNumber(i.realisation),
        target: formatNumber(i.dueTarget),
        unit: i.unitOfMeasure,
        percent: formatNumber(i.percent, 1),
        kind: t(i.rhkKind === "MAIN" ? "evaluation-rhk-main" : "evaluation-rhk-additional"),
      }),
    );
  }
  const s = facts.stats;
  lines.push(
    "",
    t("evaluation-facts-stats", {
      approved: s.approved,
      revised: s.revised,
      rejected: s.rejected,
      hours: s.averageApprovalHours === null ? "-" : formatNumber(s.averageApprovalHours, 1),
    }),
  );
  if (mode === "2022")
    lines.push(
      facts.suggestion
        ? t("evaluation-suggestion", { rating: t(`rating-${facts.suggestion}`) })
        : t("evaluation-suggestion-none"),
    );
  return lines;
}

/** The IKM and complaints of the counters the employee serves and of their units; nothing when they serve none. */
export function serviceLines(w: Words, facts: ServiceFacts): string[] {
  if (facts.counters.length === 0) return [];
  const { t } = w;
  const point = (key: string, p: ServicePoint, vars: Record<string, string> = {}) => [
    t(key, { ...vars, name: p.name, ikm: html(ikmText(w, p)) }),
    complaintsText(w, p),
  ];
  return [
    "",
    t("evaluation-service-header"),
    ...facts.counters.flatMap((c) => point("evaluation-service-counter", c, { unit: c.unitName })),
    ...facts.units.flatMap((u) => point("evaluation-service-unit", u)),
  ];
}

function ikmText({ t }: Words, p: ServicePoint): string {
  if (!p.ikm || p.ikm.score === null) return t("evaluation-service-no-answers");
  const ikm = t("evaluation-service-ikm", {
    score: formatNumber(p.ikm.score, 2),
    band: p.ikm.band ?? "-",
    respondents: p.ikm.respondents,
  });
  return p.ikm.representative ? ikm : `${ikm} ${t("evaluation-service-unrepresentative")}`;
}

/** Counts, and the first numbers with how many more: never a citizen's words, and short whatever the count. */
function complaintsText({ t }: Words, p: ServicePoint): string {
  const c = p.complaints;
  if (c.total === 0) return t("evaluation-service-complaints-none");
  const more = c.total - c.numbers.length;
  return t("evaluation-service-complaints", {
    total: c.total,
    open: c.open,
    overdue: c.overdue,
    numbers: c.numbers.join(", "),
    more,
  });
}

/** A button per rating, for the work-result or the overall behaviour question. */
export function ratingKeyboard(
  w: Words,
  codec: typeof evaluationData.results | typeof evaluationData.behaviour,
  row: Evaluation,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const r of RATINGS)
    keyboard.text(w.t(`review-button-rating-${r}`), codec.pack(row.id, row.version, letterOf(r))).row();
  return keyboard;
}

export const behaviourKeyboard = (w: Words, row: Evaluation) =>
  ratingKeyboard(w, evaluationData.behaviour, row).text(
    w.t("evaluation-button-per-value"),
    evaluationData.perValue.pack(row.id, row.version),
  );

/** The question for one BerAKHLAK value, with a button per rating. */
export function valueQuestion(w: Words, row: Evaluation, value: BerakhlakValue) {
  const index = BERAKHLAK_VALUES.indexOf(value);
  const keyboard = new InlineKeyboard();
  for (const r of RATINGS)
    keyboard
      .text(w.t(`review-button-rating-${r}`), evaluationData.value.pack(row.id, row.version, index, letterOf(r)))
      .row();
  const text = w.t("evaluation-ask-value", {
    value: w.t(`berakhlak-${value}`),
    n: index + 1,
    of: BERAKHLAK_VALUES.length,
  });
  return { text, keyboard };
}

/** The answers and the outcome: ratings and predicate (2022), or the legacy scores and band; the feedback. */
export function resultLines(w: Words, row: Evaluation): string[] {
  const { t } = w;
  const result = resultOf(row);
  const lines: string[] = [];
  if (row.mode === "2022") {
    lines.push(t("evaluation-summary-results", { rating: row.resultsRating ? t(`rating-${row.resultsRating}`) : "-" }));
    lines.push(
      t("evaluation-summary-behaviour", { rating: row.behaviourRating ? t(`rating-${row.behaviourRating}`) : "-" }),
    );
    const values = (row.behaviourValues ?? {}) as Partial<Record<BerakhlakValue, Rating>>;
    for (const v of BERAKHLAK_VALUES)
      if (values[v]) lines.push(`  • ${t(`berakhlak-${v}`)}: ${t(`rating-${values[v]}`)}`);
    if (result?.predicate)
      lines.push(t("evaluation-summary-predicate", { predicate: t(`predicate-${result.predicate}`) }));
  } else if (result) {
    lines.push(
      t("evaluation-summary-legacy", {
        mode: row.mode,
        skp: formatNumber(result.skpScore ?? 0),
        behaviour: formatNumber(Number(row.behaviourScore)),
        final: formatNumber(result.finalScore ?? 0),
        band: t(`band-${result.band}`),
      }),
    );
  }
  lines.push(t("evaluation-summary-feedback", { feedback: row.feedback ?? "-" }));
  return lines;
}

/** Before the unit's last evaluation of the period: how its predicates would be spread, advisory. */
export function distributionLines(w: Words, distribution: UnitDistribution): string[] {
  const { t } = w;
  if (!distribution.isLast || distribution.warnings.length === 0) return [];
  return [
    "",
    t("evaluation-distribution-header", { result: t(`organisational-${distribution.organisationalResult}`) }),
    ...distribution.warnings.map((warning) =>
      t(`evaluation-distribution-${warning.kind}`, {
        predicate:
          warning.predicate === "BELOW_BAIK" ? t("evaluation-below-baik") : t(`predicate-${warning.predicate}`),
        actual: formatNumber(warning.actualShare * 100, 0),
        limit: formatNumber(warning.limit * 100, 0),
      }),
    ),
    t("evaluation-distribution-advisory"),
  ];
}

export const summaryKeyboard = (w: Words, row: Evaluation) =>
  new InlineKeyboard()
    .text(w.t("evaluation-button-finalise"), evaluationData.finalise.pack(row.id, row.version))
    .row()
    .text(w.t("evaluation-button-edit"), evaluationData.edit.pack(row.id, row.version));

export const amendKeyboard = (w: Words, row: Evaluation) =>
  new InlineKeyboard().text(w.t("evaluation-button-amend"), evaluationData.amend.pack(row.id, row.version));

export const outcomeText = (w: Words, e: Evaluation) =>
  e.predicate ? w.t(`predicate-${e.predicate}`) : `${formatNumber(Number(e.finalScore))} (${w.t(`band-${e.band}`)})`;

/** The employee's notice of a finalised evaluation, in their language. */
export function noticeText(w: Words, e: Evaluation, evaluatorName: string): string {
  const { t } = w;
  return [
    t("evaluation-notice", {
      period: periodName(w, periodOfEvaluation(e)!),
      outcome: outcomeText(w, e),
      by: evaluatorName,
    }),
    t("evaluation-summary-feedback", { feedback: e.feedback ?? "-" }),
    t("evaluation-notice-more"),
  ].join("\n");
}
