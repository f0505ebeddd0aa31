import type { Predicate } from "./rating.ts";

/** The unit's own organisational result, which sets how generous its ratings may be; best first. */
export const ORGANISATIONAL_RESULTS = ["ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"] as const;
export type OrganisationalResult = (typeof ORGANISATIONAL_RESULTS)[number];

/** A predicate, or every predicate below BAIK taken together. */
export type DistributionSubject = Predicate | "BELOW_BAIK";

export interface DistributionLimit {
  subject: DistributionSubject;
  kind: "max" | "min";
  /** Share of the unit's employees, 0..1. */
  share: number;
}

export type DistributionRules = Record<OrganisationalResult, readonly DistributionLimit[]>;

export interface DistributionWarning {
  predicate: DistributionSubject;
  actualShare: number;
  limit: number;
  kind: "max" | "min";
}

const max = (subject: DistributionSubject, share: number): DistributionLimit => ({ subject, kind: "max", share });
const min = (subject: DistributionSubject, share: number): DistributionLimit => ({ subject, kind: "min", share });

// Policy defaults; a region replaces them by passing its own rules.
const WEAK_UNIT = [max("SANGAT_BAIK", 0), max("BAIK", 0.3)] as const;
export const DEFAULT_DISTRIBUTION_RULES: DistributionRules = {
  ISTIMEWA: [max("SANGAT_BAIK", 0.7)],
  BAIK: [max("SANGAT_BAIK", 0.2), max("BAIK", 0.7), min("BELOW_BAIK", 0.1)],
  BUTUH_PERBAIKAN: [max("SANGAT_BAIK", 0.1), max("BAIK", 0.5)],
  KURANG: WEAK_UNIT,
  SANGAT_KURANG: WEAK_UNIT,
};

const BELOW_BAIK: readonly Predicate[] = ["BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"];

const matches = (subject: DistributionSubject, predicate: Predicate) =>
  subject === "BELOW_BAIK" ? BELOW_BAIK.includes(predicate) : subject === predicate;

/**
 * Where a unit's predicates stray from the expected distribution. Advisory only: it never
 * throws and never blocks a rating. Sitting exactly on a limit is within it.
 */
export function checkDistribution(
  predicates: readonly Predicate[],
  organisationalResult: OrganisationalResult,
  rules: DistributionRules = DEFAULT_DISTRIBUTION_RULES,
): DistributionWarning[] {
  if (predicates.length === 0) return [];

  const warnings: DistributionWarning[] = [];
  for (const limit of rules[organisationalResult] ?? []) {
    // count / n is correctly rounded, as is a literal like 0.7, so "exactly at the limit" compares equal.
    const actualShare = predicates.filter((p) => matches(limit.subject, p)).length / predicates.length;
    const breached = limit.kind === "max" ? actualShare > limit.share : actualShare < limit.share;
    if (breached) warnings.push({ predicate: limit.subject, actualShare, limit: limit.share, kind: limit.kind });
  }
  return warnings;
}
