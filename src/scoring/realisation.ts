import type { Aspect, Rating, RhkKind } from "./rating.ts";

export interface Indicator {
  rhkKind: RhkKind;
  aspect: Aspect;
  /** The annual target, in the indicator's unit of measure. */
  target: number;
}

export interface IndicatorProgress {
  /** Target due by now (pro-rated for cumulative aspects). */
  target: number;
  realisation: number;
  /** Achievement against `target`, where 100 means exactly on target; unrounded. */
  percent: number;
}

export interface SuggestionThresholds {
  /** Every main indicator must reach this for MEETS (and for ABOVE). */
  meetsMinPercent: number;
  /** The mean of the main indicators must reach this for ABOVE. */
  aboveAveragePercent: number;
}

export const DEFAULT_SUGGESTION_THRESHOLDS: Readonly<SuggestionThresholds> = Object.freeze({
  meetsMinPercent: 100,
  aboveAveragePercent: 110,
});

// Percent arithmetic like 5.8333…/5.8333… can land a hair below 100; a threshold
// must not be missed by binary noise.
const TOLERANCE = 1e-9;

/** Aspects whose realisation accumulates over the year, so their target is pro-rated. */
const CUMULATIVE: Record<Aspect, boolean> = { QUANTITY: true, QUALITY: false, TIME: true, COST: true };

/**
 * Realisation from the outputs of approved entries.
 * QUANTITY sums the outputs; QUALITY is the mean of the per-entry quality scores (a level,
 * not an amount); TIME and COST sum the time or money spent, because each entry reports
 * what it used and the indicator's target is the total allowed.
 */
export function realisationOf(aspect: Aspect, approvedOutputs: readonly number[]): number {
  const total = approvedOutputs.reduce((sum, output) => sum + output, 0);
  if (aspect !== "QUALITY") return total;
  return approvedOutputs.length === 0 ? 0 : total / approvedOutputs.length;
}

/**
 * Achievement as a percentage, 100 = on target. For TIME and COST less is better (finishing
 * sooner or cheaper than planned), so the ratio is inverted: target / realisation × 100.
 * Division by zero: a zero target for QUANTITY/QUALITY asks nothing, so it is met (100);
 * nothing spent on TIME/COST means nothing was recorded, so nothing is achieved (0).
 */
export function achievementPercent(aspect: Aspect, target: number, realisation: number): number {
  if (aspect === "TIME" || aspect === "COST") {
    return realisation > 0 ? (target / realisation) * 100 : 0;
  }
  return target > 0 ? (realisation / target) * 100 : 100;
}

/** The share of an annual target due after `monthsElapsedInYear` months (0 < months ≤ 12). */
export function proRatedTarget(target: number, monthsElapsedInYear: number): number {
  if (!(monthsElapsedInYear > 0 && monthsElapsedInYear <= 12)) {
    throw new RangeError(`monthsElapsedInYear must be in (0, 12], got ${monthsElapsedInYear}`);
  }
  return (target * monthsElapsedInYear) / 12;
}

/**
 * Progress of one indicator. QUALITY keeps its full target whatever the month: a quality
 * level is expected all year, not earned a twelfth at a time.
 */
export function indicatorProgress(
  indicator: Indicator,
  approvedOutputs: readonly number[],
  monthsElapsedInYear = 12,
): IndicatorProgress {
  const target = CUMULATIVE[indicator.aspect]
    ? proRatedTarget(indicator.target, monthsElapsedInYear)
    : indicator.target;
  const realisation = realisationOf(indicator.aspect, approvedOutputs);
  return { target, realisation, percent: achievementPercent(indicator.aspect, target, realisation) };
}

/**
 * A suggestion only: the supervisor decides. Only MAIN indicators count; ADDITIONAL work
 * can't lift or sink the rating. ABOVE needs every main indicator met and a high average,
 * so one strong indicator can't hide a missed one. Returns null when there is no main
 * indicator to judge by.
 */
export function suggestResultsRating(
  indicators: readonly { rhkKind: RhkKind; percent: number }[],
  thresholds: SuggestionThresholds = DEFAULT_SUGGESTION_THRESHOLDS,
): Rating | null {
  const main = indicators.filter((i) => i.rhkKind === "MAIN").map((i) => i.percent);
  if (main.length === 0) return null;

  const allMet = main.every((percent) => percent >= thresholds.meetsMinPercent - TOLERANCE);
  if (!allMet) return "BELOW";

  const average = main.reduce((sum, percent) => sum + percent, 0) / main.length;
  return average >= thresholds.aboveAveragePercent - TOLERANCE ? "ABOVE" : "MEETS";
}
