import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import {
  indicatorProgress,
  realisationOf,
  achievementPercent,
  type Aspect,
  type RhkKind,
} from "../../scoring/index.ts";
import { addDays, isWorkingDay, loadUnitCalendar } from "../calendar.ts";
import { daysBetween, periodOf, targetMonths, type EvaluationPeriodKind, type Period } from "./periods.ts";

/**
 * SKP progress: each indicator's target, the realisation approved so far and the percentage of the
 * target due by the end of the current evaluation period. The arithmetic is src/scoring's; this
 * module gathers the numbers (one set-based query for any number of employees) and decides which
 * reports count for which target.
 *
 * Which target, which reports:
 * - a YEAR target is pro-rated to the months through the end of the current period (quarterly by
 *   default: 24 November → Q4 → 12/12; monthly → 11/12) and compared with the year's approved
 *   output so far (QUALITY keeps its full target: see `indicatorProgress`);
 * - a Qn or Mnn target covers its own quarter or month only: reports dated in it count, in full.
 */

export interface SkpIndicatorInfo {
  id: number;
  code: string;
  rhk: string;
  rhkKind: RhkKind;
  aspect: Aspect;
  indicator: string;
  unitOfMeasure: string;
  /** The target as written in the SKP, for its own period. */
  target: number;
  /** "YEAR", "Q1"…"Q4" or "M01"…"M12". */
  period: string;
}

export interface IndicatorStatus extends SkpIndicatorInfo {
  /** The target due by the end of the current period (pro-rated for YEAR targets of cumulative aspects). */
  dueTarget: number;
  realisation: number;
  /** Achievement against `dueTarget`, 100 = on target; unrounded. */
  percent: number;
  approvedCount: number;
  /** Output of SUBMITTED reports, not yet approved: shown apart, never counted. */
  pendingOutput: number;
  pendingCount: number;
  /** Where the indicator's own period stands against today: YEAR targets are always "current". */
  timing: "past" | "current" | "future";
}

export interface SkpProgress {
  year: number;
  today: string;
  period: Period;
  /** Calendar days from today to the period's last day, both counted. */
  daysLeft: number;
  /** Working days of the unit (and the employee: leave excluded) from today to the period's end, both counted. */
  workingDaysLeft: number;
  indicators: IndicatorStatus[];
}

// --- the computation (pure) ------------------------------------------------------------------

/** Approved and submitted outputs of one indicator, per month of the report date (index 0 = January). */
export interface IndicatorOutputs {
  approved: number[][];
  submitted: number[][];
}

const emptyOutputs = (): IndicatorOutputs => ({
  approved: Array.from({ length: 12 }, () => []),
  submitted: Array.from({ length: 12 }, () => []),
});

/**
 * One indicator's status at the end of a period. A YEAR target is pro-rated to the period's last
 * month; a Qn/Mnn target is judged whole, on its own months' reports.
 */
export function indicatorStatus(
  info: SkpIndicatorInfo,
  outputs: IndicatorOutputs | undefined,
  period: Pick<Period, "from" | "endMonth">,
): IndicatorStatus {
  const data = outputs ?? emptyOutputs();
  const months = targetMonths(info.period);
  const approved = months.flatMap((m) => data.approved[m - 1] ?? []);
  const submitted = months.flatMap((m) => data.submitted[m - 1] ?? []);
  const startMonth = Number(period.from.slice(5, 7));
  let dueTarget: number;
  let realisation: number;
  let percent: number;
  if (months.length === 12) {
    ({ target: dueTarget, realisation, percent } = indicatorProgress(info, approved, period.endMonth));
  } else {
    dueTarget = info.target;
    realisation = realisationOf(info.aspect, approved);
    percent = achievementPercent(info.aspect, dueTarget, realisation);
  }
  return {
    ...info,
    dueTarget,
    realisation,
    percent,
    approvedCount: approved.length,
    pendingOutput: submitted.reduce((sum, v) => sum + v, 0),
    pendingCount: submitted.length,
    timing: months.at(-1)! < startMonth ? "past" : months[0]! > period.endMonth ? "future" : "current",
  };
}

// --- the facts -------------------------------------------------------------------------------

const toNumber = (value: Prisma.Decimal | number | string | null) => (value === null ? 0 : Number(value));

/** The indicators of the given plans, in SKP order (indicator code), by plan: one statement for any number of plans. */
export async function loadIndicators(db: Db, planIds: number[]): Promise<Map<number, SkpIndicatorInfo[]>> {
  const byPlan = new Map<number, SkpIndicatorInfo[]>();
  if (planIds.length === 0) return byPlan;
  const rows = await db.$queryRaw<Array<SkpIndicatorInfo & { planId: number }>>`
    SELECT i."id", i."planId", i."code", i."rhk", i."rhkKind"::text AS "rhkKind", i."aspect"::text AS "aspect", i."indicator",
           i."unitOfMeasure", i."target"::float8 AS "target", i."period"
    FROM "SkpIndicator" i
    WHERE i."planId" = ANY(${planIds}::int[])
    ORDER BY i."planId", i."code", i."id"`;
  for (const { planId, ...info } of rows) {
    const list = byPlan.get(planId) ?? [];
    list.push({ ...info, target: Number(info.target) });
    byPlan.set(planId, list);
  }
  return byPlan;
}

/**
 * Approved and submitted outputs per indicator and month, for every indicator of the given plans,
 * from reports dated in the plan's year up to `upTo` (a local date): one GROUP BY statement.
 * Only the plan owner's own reports count.
 */
export async function loadOutputs(db: Db, planIds: number[], upTo: string): Promise<Map<number, IndicatorOutputs>> {
  const outputs = new Map<number, IndicatorOutputs>();
  if (planIds.length === 0) return outputs;
  const rows = await db.$queryRaw<
    Array<{
      indicatorId: number;
      status: "APPROVED" | "SUBMITTED";
      month: number;
      values: Array<string | number | null>;
    }>
  >`
    SELECT r."indicatorId", r."status"::text AS "status", extract(month FROM r."date")::int AS "month",
           array_agg(r."outputQuantity"::float8) AS "values"
    FROM "Report" r
    JOIN "SkpIndicator" i ON i."id" = r."indicatorId"
    JOIN "SkpPlan" p ON p."id" = i."planId" AND p."employeeId" = r."employeeId"
    WHERE p."id" = ANY(${planIds}::int[])
      AND r."status" IN ('APPROVED', 'SUBMITTED')
      AND r."date" >= make_date(p."year", 1, 1) AND r."date" <= ${upTo}::date
      AND extract(year FROM r."date") = p."year"
    GROUP BY r."indicatorId", r."status", extract(month FROM r."date")`;
  for (const row of rows) {
    const entry = outputs.get(row.indicatorId) ?? emptyOutputs();
    const values = row.values.map((v) => toNumber(v));
    (row.status === "APPROVED" ? entry.approved : entry.submitted)[row.month - 1]!.push(...values);
    outputs.set(row.indicatorId, entry);
  }
  return outputs;
}

/**
 * One employee's SKP progress on a local date (the unit's "today"): undefined when the employee has
 * no SKP, or an SKP without indicators, for that year.
 */
export async function skpProgress(
  db: Db,
  options: { employeeId: number; unitId: number; today: string; periodKind?: EvaluationPeriodKind },
): Promise<SkpProgress | undefined> {
  const { today } = options;
  const year = Number(today.slice(0, 4));
  const plan = await db.skpPlan.findUnique({
    where: { employeeId_year: { employeeId: options.employeeId, year } },
    select: { id: true },
  });
  if (!plan) return undefined;
  const [indicators, outputs] = await Promise.all([loadIndicators(db, [plan.id]), loadOutputs(db, [plan.id], today)]);
  const list = indicators.get(plan.id) ?? [];
  if (list.length === 0) return undefined;

  const period = periodOf(today, options.periodKind);
  const calendar = await loadUnitCalendar(db, {
    unitId: options.unitId,
    employeeId: options.employeeId,
    from: today,
    to: period.to,
  });
  let workingDaysLeft = 0;
  for (let d = today; d <= period.to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) workingDaysLeft++;

  return {
    year,
    today,
    period,
    daysLeft: daysBetween(today, period.to) + 1,
    workingDaysLeft,
    indicators: list.map((info) => indicatorStatus(info, outputs.get(info.id), period)),
  };
}
