import type { Predicate } from "./rating.ts";
import { roundTo } from "./round.ts";

// docs/domain.md, "Rating": share of the yearly credit coefficient earned by a functional position.
const CREDIT_PERCENT: Record<Predicate, number> = {
  SANGAT_BAIK: 150,
  BAIK: 100,
  BUTUH_PERBAIKAN: 75,
  KURANG: 50,
  SANGAT_KURANG: 25,
};

export const creditPercentFor = (predicate: Predicate): number => CREDIT_PERCENT[predicate];

export interface CreditInput {
  predicate: Predicate;
  /** The position's yearly credit coefficient (koefisien tahunan). */
  yearlyCoefficient: number;
  /** Months the evaluation covers, 1..12 (12 for the annual one). */
  months: number;
}

/** Credit points (angka kredit) for one evaluation, rounded to 3 decimals. */
export function creditPoints({ predicate, yearlyCoefficient, months }: CreditInput): number {
  if (!Number.isInteger(months) || months < 1 || months > 12) {
    throw new RangeError(`months must be an integer from 1 to 12, got ${months}`);
  }
  if (!Number.isFinite(yearlyCoefficient) || yearlyCoefficient < 0) {
    throw new RangeError(`yearlyCoefficient must be a non-negative number, got ${yearlyCoefficient}`);
  }
  // One division at the end keeps the binary error to a single rounding.
  return roundTo((yearlyCoefficient * creditPercentFor(predicate) * months) / 1200, 3);
}
