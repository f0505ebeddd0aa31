import type { Predicate } from "./rating.ts";

/**
 * How generous a supervisor's ratings look next to their unit and their team's own realisation
 * (docs/domain.md, "Calibration"). A hint for the assessment team, never a verdict.
 */

/** Predicates as numbers, SANGAT KURANG 1 … SANGAT BAIK 5. */
const RANK: Record<Predicate, number> = { SANGAT_KURANG: 1, KURANG: 2, BUTUH_PERBAIKAN: 3, BAIK: 4, SANGAT_BAIK: 5 };

export const meanRank = (predicates: readonly Predicate[]) =>
  predicates.length === 0 ? 0 : predicates.reduce((sum, p) => sum + RANK[p], 0) / predicates.length;

export interface SupervisorRatings {
  supervisorId: number;
  predicates: readonly Predicate[];
  /** Mean achievement (percent) of the main indicators of the team's evaluations; null when none. */
  realisation: number | null;
}

export interface SupervisorComparison extends SupervisorRatings {
  /** The supervisor's mean rank minus the unit's. */
  aboveUnit: number;
  /** Rates at least BAIK on average, above the unit, while the team's realisation is below target. */
  possibleLeniency: boolean;
}

/**
 * Each supervisor compared with the unit, "possible leniency" first, then the most generous
 * relative to the unit, then the lowest realisation.
 */
export function compareSupervisors(
  rows: readonly SupervisorRatings[],
  meetsMinPercent: number,
): SupervisorComparison[] {
  const unit = meanRank(rows.flatMap((r) => r.predicates));
  return rows
    .map((r) => {
      const mean = meanRank(r.predicates);
      const aboveUnit = mean - unit;
      const belowTarget = r.realisation !== null && r.realisation < meetsMinPercent;
      return { ...r, aboveUnit, possibleLeniency: belowTarget && mean >= RANK.BAIK && aboveUnit >= 0 };
    })
    .sort(
      (a, b) =>
        Number(b.possibleLeniency) - Number(a.possibleLeniency) ||
        b.aboveUnit - a.aboveUnit ||
        (a.realisation ?? Infinity) - (b.realisation ?? Infinity) ||
        a.supervisorId - b.supervisorId,
    );
}
