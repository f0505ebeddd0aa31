import type { Predicate, Rating } from "./rating.ts";
import { PREDICATE_ORDER } from "./rating.ts";

// PermenPANRB 6/2022 (docs/domain.md, "Rating"): rows are work results, columns work behaviour. Behaviour BELOW means
// misconduct, which caps the predicate at KURANG however good the results were.
const MATRIX: Record<Rating, Record<Rating, Predicate>> = {
  ABOVE: { BELOW: "KURANG", MEETS: "BAIK", ABOVE: "SANGAT_BAIK" },
  MEETS: { BELOW: "KURANG", MEETS: "BAIK", ABOVE: "BAIK" },
  BELOW: { BELOW: "SANGAT_KURANG", MEETS: "BUTUH_PERBAIKAN", ABOVE: "BUTUH_PERBAIKAN" },
};

export const predicateFor = (results: Rating, behaviour: Rating): Predicate => MATRIX[results][behaviour];

/** Negative when `a` is worse than `b`, zero when equal, positive when better (usable in sort). */
export const comparePredicates = (a: Predicate, b: Predicate): number =>
  PREDICATE_ORDER.indexOf(a) - PREDICATE_ORDER.indexOf(b);

/** Predicates that call for coaching or training (docs/domain.md, "Public and peer input": BUTUH PERBAIKAN or lower). */
export const needsCoaching = (predicate: Predicate): boolean => comparePredicates(predicate, "BUTUH_PERBAIKAN") <= 0;
