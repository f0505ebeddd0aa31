import type { Db } from "../../db/client.ts";
import type { Evaluation } from "../../generated/prisma/client.ts";
import { peerScore, type PeerFeedbackSummary, type Predicate } from "../../scoring/index.ts";
import { peerSummaries } from "../peer/summary.ts";
import { periodCloses, previousPeriod } from "../evaluation/periods.ts";
import { loadDeadlinePolicy, loadFeedbackPolicy, loadOversightPolicy, loadRatingPolicy } from "../policy/load.ts";
import { isLowReporting, reportingTotals, unitWorkingDays, type ReportingTotals } from "../report/low-reporting.ts";
import { ikmOfStaff } from "../survey/ikm.ts";
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
 * The ranking criteria, most important first; a criterion added here is ranked after the ones
 * before it and shown with them. `citizenScore` is the IKM score of the counters the person serves
 * in the period (null when they serve none, or nobody answered); `peerScore` the mean of the
 * colleagues' BerAKHLAK ratings, 1–3 (null below the anonymity minimum of colleagues).
 */
export const AWARD_CRITERIA = ["mainRealisation", "approvedWork", "citizenScore", "peerScore"] as const;
export type AwardCriterion = (typeof AWARD_CRITERIA)[number];

/** Why someone is on the coaching list; low reporting counts the working days not on leave, and those missed. */
export type CoachingCause =
  | { reason: "predicate"; predicate: Predicate }
  | { reason: "results-below-twice" }
  | { reason: "low-reporting"; missed: number; expected: number };

export interface CoachingCandidate {
  employeeId: number;
  name: string;
  unitName: string;
  reasons: CoachingCause[];
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
  const topIds = top.map((e) => e.employeeId);
  const { ikmMinRespondents } = await loadFeedbackPolicy(db);
  const [approved, citizen, peers, reporting] = await Promise.all([
    approvedCounts(db, topIds, input.period),
    ikmOfStaff(db, { ...input.period, employeeIds: topIds, minRespondents: ikmMinRespondents }),
    peerSummaries(db, topIds, input.period),
    unitWorkingDays(db, input.unitIds, input.period.from, input.period.to).then((days) => reportingTotals(db, days)),
  ]);
  const awards = rankAwards(
    top.map((e) => ({
      employeeId: e.employeeId,
      name: e.employee.name,
      unitName: e.employee.unit.name,
      criteria: {
        mainRealisation: mainRealisation(e.realisation),
        approvedWork: approved.get(e.employeeId) ?? 0,
        citizenScore: citizen.get(e.employeeId)?.score ?? null,
        peerScore: peerScoreOf(peers.get(e.employeeId)),
      },
    })),
  ).slice(0, input.awards);
  return { awards, coaching: coachingList(current, earlierBelow, reporting) };
}

const peerScoreOf = (summary: PeerFeedbackSummary | null | undefined) => (summary ? peerScore(summary) : null);

/** Low predicate, work results below twice running, low reporting over the period: each with its reason, by name. */
function coachingList(
  current: Array<Evaluation & { employee: { name: string; unit: { name: string } } }>,
  earlierBelow: Set<number>,
  reporting: ReportingTotals[],
): CoachingCandidate[] {
  const byId = new Map<number, CoachingCandidate>();
  const add = (who: { employeeId: number; name: string; unitName: string }, reason: CoachingCause) => {
    const candidate = byId.get(who.employeeId) ?? { ...who, reasons: [] };
    candidate.reasons.push(reason);
    byId.set(who.employeeId, candidate);
  };
  for (const e of current) {
    const who = { employeeId: e.employeeId, name: e.employee.name, unitName: e.employee.unit.name };
    if (e.predicate && LOW.includes(e.predicate)) add(who, { reason: "predicate", predicate: e.predicate });
    if (e.resultsRating === "BELOW" && earlierBelow.has(e.employeeId)) add(who, { reason: "results-below-twice" });
  }
  for (const r of reporting.filter(isLowReporting))
    add(
      { employeeId: r.employeeId, name: r.name, unitName: r.unitName },
      { reason: "low-reporting", missed: r.expected - r.reported, expected: r.expected },
    );
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
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
