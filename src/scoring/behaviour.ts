import type { BerakhlakValue, Rating } from "./rating.ts";
import { BERAKHLAK_VALUES, RATINGS } from "./rating.ts";
import { roundTo } from "./round.ts";

export interface BehaviourInput {
  overall?: Rating;
  perValue?: Partial<Record<BerakhlakValue, Rating>>;
}

const POINTS: Record<Rating, number> = { ABOVE: 3, MEETS: 2, BELOW: 1 };

/**
 * The behaviour rating. The supervisor's overall rating wins when given; otherwise it is
 * the mean of the rated values (ABOVE=3, MEETS=2, BELOW=1) rounded to the nearest rating,
 * with an exact half going to MEETS (the cautious middle). Null when nothing is rated.
 */
export function behaviourRating(input: BehaviourInput): Rating | null {
  if (input.overall) return input.overall;

  const ratings = Object.values(input.perValue ?? {}).filter((r): r is Rating => r !== undefined);
  if (ratings.length === 0) return null;

  // Compare 2·sum with 5n and 3n instead of the mean with 2.5 and 1.5: exact, no floats.
  const doubled = 2 * ratings.reduce((sum, r) => sum + POINTS[r], 0);
  if (doubled > 5 * ratings.length) return "ABOVE";
  if (doubled < 3 * ratings.length) return "BELOW";
  return "MEETS";
}

export interface PeerFeedbackItem {
  /** Used only to count distinct respondents; never returned. */
  giverId: string | number | bigint;
  value: BerakhlakValue;
  rating: Rating;
}

export interface PeerFeedbackSummary {
  respondents: number;
  perValue: Record<BerakhlakValue, Record<Rating, number>>;
}

export const DEFAULT_MIN_PEER_RESPONDENTS = 3;

/**
 * Counts of peer ratings per BerAKHLAK value. Hidden (null) while fewer than
 * `minRespondents` distinct peers answered, so an employee can't tell who said what.
 */
export function summarisePeerFeedback(
  items: readonly PeerFeedbackItem[],
  minRespondents = DEFAULT_MIN_PEER_RESPONDENTS,
): PeerFeedbackSummary | null {
  const respondents = new Set(items.map((item) => String(item.giverId))).size;
  if (respondents === 0 || respondents < minRespondents) return null;

  const perValue = emptyCounts();
  for (const item of items) perValue[item.value][item.rating] += 1;
  return { respondents, perValue };
}

function emptyCounts(): Record<BerakhlakValue, Record<Rating, number>> {
  const zeroes = () => Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  return Object.fromEntries(BERAKHLAK_VALUES.map((v) => [v, zeroes()])) as Record<
    BerakhlakValue,
    Record<Rating, number>
  >;
}

/**
 * The peers' view in one number, for ranking award candidates: the mean of every rating they gave
 * (ABOVE=3, MEETS=2, BELOW=1, the behaviour rating's points) over all values, to 2 decimals.
 */
export function peerScore(summary: PeerFeedbackSummary): number | null {
  let points = 0;
  let ratings = 0;
  for (const counts of Object.values(summary.perValue))
    for (const rating of RATINGS) {
      points += POINTS[rating] * counts[rating];
      ratings += counts[rating];
    }
  return ratings === 0 ? null : roundTo(points / ratings, 2);
}
