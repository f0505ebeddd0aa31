import type { Db } from "../../db/client.ts";
import { suggestResultsRating, type Rating } from "../../scoring/index.ts";
import type { RatingPolicy } from "../policy/sections.ts";
import type { Period } from "../skp/periods.ts";
import { indicatorStatus, loadIndicators, loadOutputs, type IndicatorStatus } from "../skp/progress.ts";

/** The facts in front of the supervisor: the SKP's realisation, a suggested rating and the approval record. */

export interface ApprovalStats {
  approved: number;
  revised: number;
  rejected: number;
  /** Mean hours from submission to approval; null when nothing was approved. */
  averageApprovalHours: number | null;
}

/** Decisions on the employee's reports dated in [from, to], by kind; one statement. */
export async function approvalStats(db: Db, employeeId: number, from: string, to: string): Promise<ApprovalStats> {
  const rows = await db.$queryRaw<Array<{ decision: string; count: number; hours: number | null }>>`
    SELECT rv."decision"::text AS "decision", count(*)::int AS "count",
           avg(extract(epoch FROM rv."decidedAt" - r."submittedAt")) FILTER (WHERE rv."version" = r."version")::float8 / 3600 AS "hours"
    FROM "Review" rv JOIN "Report" r ON r."id" = rv."reportId"
    WHERE r."employeeId" = ${employeeId} AND r."date" BETWEEN ${from}::date AND ${to}::date
    GROUP BY rv."decision"`;
  const count = (decision: string) => rows.find((r) => r.decision === decision)?.count ?? 0;
  const approved = rows.find((r) => r.decision === "APPROVED");
  return {
    approved: count("APPROVED"),
    revised: count("REVISION_REQUESTED"),
    rejected: count("REJECTED"),
    averageApprovalHours: approved?.hours ?? null,
  };
}

export interface EvaluationFacts {
  period: Period;
  indicators: IndicatorStatus[];
  suggestion: Rating | null;
  stats: ApprovalStats;
}

/** Realisation of the employee's SKP for the period (at its last day), the suggestion and the approval record. */
export async function evaluationFacts(
  db: Db,
  employeeId: number,
  period: Period,
  rating: Pick<RatingPolicy, "thresholds">,
): Promise<EvaluationFacts> {
  const plan = await db.skpPlan.findUnique({
    where: { employeeId_year: { employeeId, year: period.year } },
    select: { id: true },
  });
  const planIds = plan ? [plan.id] : [];
  const [indicators, outputs, stats] = await Promise.all([
    loadIndicators(db, planIds),
    loadOutputs(db, planIds, period.to),
    approvalStats(db, employeeId, period.from, period.to),
  ]);
  const statuses = (plan ? (indicators.get(plan.id) ?? []) : []).map((info) =>
    indicatorStatus(info, outputs.get(info.id), period),
  );
  return { period, indicators: statuses, suggestion: suggestResultsRating(statuses, rating.thresholds), stats };
}

/** What an audit needs to defend the score later: each indicator's target and realisation as shown. */
export const realisationSnapshot = (facts: EvaluationFacts) =>
  facts.indicators.map((i) => ({
    code: i.code,
    rhk: i.rhk,
    rhkKind: i.rhkKind,
    aspect: i.aspect,
    indicator: i.indicator,
    unit: i.unitOfMeasure,
    target: i.dueTarget,
    realisation: i.realisation,
    percent: Math.round(i.percent * 100) / 100,
  }));
