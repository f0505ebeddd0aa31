// Legacy numeric SKP score (PP 46/2011 practice, still asked for by some regions; docs/domain.md, "Legacy scores").
import type { Aspect } from "./rating.ts";

export interface AspectResult {
  target: number;
  realisation: number;
}

/** One activity of a legacy SKP: quantity, quality and time always; cost when budgeted. */
export interface LegacyActivity {
  quantity: AspectResult;
  quality: AspectResult;
  time: AspectResult;
  cost?: AspectResult;
}

// e is compared with 24 after rounding away binary noise: R/T = 0.76 computed as
// 75.99999999999999 must still be "exactly 24", or the score would drop from 100 to 76.
const EFFICIENCY_DECIMALS = 9;
const EFFICIENCY_LIMIT = 24;

/**
 * Score of one aspect. Quantity and quality: R/T × 100. Time and cost reward finishing
 * under target, up to 24% under (e = efficiency); beyond that the formula penalises it,
 * because a plan missed by that much was a poor plan.
 */
export function legacyAspectScore(aspect: Aspect, { target, realisation }: AspectResult): number {
  if (!(target > 0)) throw new RangeError(`target must be positive, got ${target}`);
  if (!(realisation >= 0)) throw new RangeError(`realisation must be non-negative, got ${realisation}`);

  const ratio = (realisation / target) * 100;
  if (aspect === "QUANTITY" || aspect === "QUALITY") return ratio;

  const efficiency = Number((100 - ratio).toFixed(EFFICIENCY_DECIMALS));
  const base = ((1.76 * target - realisation) / target) * 100;
  return efficiency <= EFFICIENCY_LIMIT ? base : 76 - (base - 100);
}

/**
 * Mean of the activity's aspects (3, or 4 with cost). An activity whose quantity
 * realisation is 0 was not done and scores 0, whatever its other aspects say.
 */
export function legacyActivityScore(activity: LegacyActivity): number {
  if (activity.quantity.realisation === 0) return 0;

  const scores = [
    legacyAspectScore("QUANTITY", activity.quantity),
    legacyAspectScore("QUALITY", activity.quality),
    legacyAspectScore("TIME", activity.time),
  ];
  if (activity.cost) scores.push(legacyAspectScore("COST", activity.cost));
  return mean(scores);
}

/** The SKP score: mean of its activities' scores (unrounded; the final score is rounded). */
export function legacySkpScore(activities: readonly LegacyActivity[]): number {
  if (activities.length === 0) throw new RangeError("an SKP needs at least one activity");
  return mean(activities.map(legacyActivityScore));
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** One SKP indicator as rated: its RHK (the legacy "activity"), aspect, target due and realisation. */
export interface LegacyIndicator {
  rhk: string;
  rhkKind: "MAIN" | "ADDITIONAL";
  aspect: Aspect;
  target: number;
  realisation: number;
}

/**
 * The legacy SKP score from today's indicator-based SKP: each main RHK is an activity, scored as the
 * mean of its indicators' aspect scores; an RHK whose quantity indicators realised nothing was not
 * done and scores 0. Indicators without a positive target cannot be scored and are left out.
 * 0 when nothing can be scored.
 */
export function legacySkpFromIndicators(indicators: readonly LegacyIndicator[]): number {
  const scorable = indicators.filter((i) => i.target > 0);
  const main = scorable.filter((i) => i.rhkKind === "MAIN");
  const byRhk = new Map<string, LegacyIndicator[]>();
  for (const i of main.length > 0 ? main : scorable) byRhk.set(i.rhk, [...(byRhk.get(i.rhk) ?? []), i]);
  if (byRhk.size === 0) return 0;

  const activityScores = [...byRhk.values()].map((list) => {
    const quantities = list.filter((i) => i.aspect === "QUANTITY");
    if (quantities.length > 0 && quantities.every((i) => i.realisation === 0)) return 0;
    return mean(
      list.map((i) => legacyAspectScore(i.aspect, { target: i.target, realisation: Math.max(0, i.realisation) })),
    );
  });
  return mean(activityScores);
}
