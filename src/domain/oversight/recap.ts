import type { Db } from "../../db/client.ts";
import type { Predicate } from "../../scoring/index.ts";
import { periodCloses, previousPeriod } from "../evaluation/periods.ts";
import { loadDeadlinePolicy, loadOversightPolicy, loadRatingPolicy } from "../policy/load.ts";
import type { Period, EvaluationPeriodKind } from "../skp/periods.ts";
import { mainRealisation } from "./overview.ts";

/**
 * Award and coaching candidates of a period within a scope (docs/domain.md, "Awards and coaching"):
 * shown privately to unit heads, the assessment team and admins, never to a group.
 */

export interface AwardCandidate {
  employeeId: number;
  name: string;
  unitName: string;
  /** Each criterion's value, in the order of AWARD_CRITERIA, so the ranking can be explained. */
  criteria: Record<AwardCriterion, number | null>;
}

/**
 * The ranking criteria, most important first; a criterion added here (a citizen score, a peer
 * summary) is ranked after the ones before it and shown with them.
 */
export const AWARD_CRITERIA = ["mainRealisation", "approvedWork"] as const;
export type AwardCriterion = (typeof AWARD_CRITERIA)[number];

export type CoachingReason = "predicate" | "results-below-twice";

export interface CoachingCandidate {
  employeeId: number;
  name: string;
  unitName: string;
  reasons: Array<{ reason: CoachingReason; predicate?: Predicate }>;
}

const LOW: readonly Predicate[] = ["BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"];

/** Ranks by each criterion in turn (higher first, unknown last), then by name. */
export function rankAwards(candidates: AwardCandidate[]): AwardCandidate[] {
  return [...candidates].sort((a, b) => {
    for (const c of AWARD_CRITERIA) {
      const diff = (b.criteria[c] ?? -Infinity) - (a.criteria[c] ?? -Infinity);
      if (diff !== 0 && !Number.isNaN(diff)) return diff;
    }
    return a.name.localeCompare(b.name);
  });
}

export async function recap(
  db: Db,
  input: { unitIds: number[]; period: Period; periodKind: EvaluationPeriodKind; awards: number },
): Promise<{ awards: AwardCandidate[]; coaching: CoachingCandidate[] }> {
  const before = previousPeriod(input.period.from, input.periodKind);
  // Only the evaluations that can put someone on a list: a city has tens of thousands of others.
  const evaluations = await db.evaluation.findMany({
    where: {
      status: "FINALISED",
      employee: { unitId: { in: input.unitIds }, active: true },
      OR: [
        {
          year: input.period.year,
          period: input.period.code,
          OR: [{ predicate: { in: ["SANGAT_BAIK", ...LOW] } }, { resultsRating: "BELOW" }],
        },
        { year: before.year, period: before.code, resultsRating: "BELOW" },
      ],
    },
    include: { employee: { select: { name: true, unit: { select: { name: true } } } } },
  });
  const current = evaluations.filter((e) => e.year === input.period.year && e.period === input.period.code);
  const earlierBelow = new Set(
    evaluations.filter((e) => e.period === before.code && e.resultsRating === "BELOW").map((e) => e.employeeId),
  );
  const top = current.filter((e) => e.predicate === "SANGAT_BAIK");
  const approved = await approvedCounts(
    db,
    top.map((e) => e.employeeId),
    input.period,
  );
  const awards = rankAwards(
    top.map((e) => ({
      employeeId: e.employeeId,
      name: e.employee.name,
      unitName: e.employee.unit.name,
      criteria: { mainRealisation: mainRealisation(e.realisation), approvedWork: approved.get(e.employeeId) ?? 0 },
    })),
  ).slice(0, input.awards);
  const coaching: CoachingCandidate[] = [];
  for (const e of [...current].sort((a, b) => a.employee.name.localeCompare(b.employee.name))) {
    const reasons: CoachingCandidate["reasons"] = [];
    if (e.predicate && LOW.includes(e.predicate)) reasons.push({ reason: "predicate", predicate: e.predicate });
    if (e.resultsRating === "BELOW" && earlierBelow.has(e.employeeId)) reasons.push({ reason: "results-below-twice" });
    if (reasons.length > 0)
      coaching.push({ employeeId: e.employeeId, name: e.employee.name, unitName: e.employee.unit.name, reasons });
  }
  return { awards, coaching };
}

/** The last period whose evaluations have closed (the policy's deadline has passed) on `today`. */
export async function lastClosedPeriod(db: Db, today: string): Promise<Period> {
  const [rating, deadlines] = [await loadRatingPolicy(db), await loadDeadlinePolicy(db)];
  const previous = previousPeriod(today, rating.period);
  return today > periodCloses(previous, deadlines) ? previous : previousPeriod(previous.from, rating.period);
}

/** The recap of the last closed period within the units, as /rekap and the dashboard's unit page show it. */
export async function lastClosedRecap(db: Db, unitIds: number[], today: string) {
  const period = await lastClosedPeriod(db, today);
  const [rating, oversight] = [await loadRatingPolicy(db), await loadOversightPolicy(db)];
  const lists = await recap(db, { unitIds, period, periodKind: rating.period, awards: oversight.awardCandidates });
  return { period, awardCount: oversight.awardCandidates, ...lists };
}

async function approvedCounts(db: Db, employeeIds: number[], period: Period): Promise<Map<number, number>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await db.report.groupBy({
    by: ["employeeId"],
    where: {
      employeeId: { in: employeeIds },
      status: "APPROVED",
      date: { gte: new Date(`${period.from}T00:00:00Z`), lte: new Date(`${period.to}T00:00:00Z`) },
    },
    _count: true,
  });
  return new Map(rows.map((r) => [r.employeeId, r._count]));
}
