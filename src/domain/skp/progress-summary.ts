import type { Db } from "../../db/client.ts";
import { periodOf, type EvaluationPeriodKind } from "./periods.ts";

/**
 * SKP progress of many people at once (a unit page, the city overview): the mean achievement of
 * each plan's current main indicators, and over the plans. One set-based statement: the rules are
 * `indicatorStatus`'s (./progress.ts) and the scoring's `indicatorProgress`, written in SQL so that
 * 20,000 plans are not pro-rated row by row in JavaScript; test/skp/progress-summary.test.ts pins
 * the two to the same figures.
 */

export interface SkpSummary {
  /** Plans with at least one current main indicator. */
  plans: number;
  /** Mean of the plans' mean achievement, 100 = on target; null without plans. */
  averagePercent: number | null;
  /** Plans whose mean achievement is at least 100. */
  onTarget: number;
}

export async function skpSummary(
  db: Db,
  unitIds: number[],
  today: string,
  periodKind?: EvaluationPeriodKind,
): Promise<SkpSummary> {
  const period = periodOf(today, periodKind);
  const startMonth = Number(period.from.slice(5, 7));
  const year = Number(today.slice(0, 4));
  // Arithmetic in float8, each step in the scoring's order.
  const [row] = await db.$queryRaw<SkpSummary[]>`
    WITH "plans" AS (
      SELECT p."id", p."employeeId" FROM "SkpPlan" p JOIN "Employee" e ON e."id" = p."employeeId"
       WHERE e."unitId" = ANY(${unitIds}::int[]) AND e."active" AND p."year" = ${year}::int
    ),
    -- Each main indicator's months (targetMonths: Qn its quarter, Mnn its month, else the year).
    "indicators" AS (
      SELECT i."id", i."planId", p."employeeId", i."aspect"::text AS "aspect", i."target"::float8 AS "target", m."first", m."last"
        FROM "SkpIndicator" i JOIN "plans" p ON p."id" = i."planId"
        CROSS JOIN LATERAL (SELECT CASE
          WHEN i."period" ~ '^Q[1-4]$' THEN ARRAY[3 * substr(i."period", 2)::int - 2, 3 * substr(i."period", 2)::int]
          WHEN i."period" ~ '^M(0[1-9]|1[0-2])$' THEN ARRAY[substr(i."period", 2)::int, substr(i."period", 2)::int]
          ELSE ARRAY[1, 12] END AS "months") k
        CROSS JOIN LATERAL (SELECT k."months"[1] AS "first", k."months"[2] AS "last") m
       WHERE i."rhkKind" = 'MAIN' AND m."last" >= ${startMonth}::int AND m."first" <= ${period.endMonth}::int
    ),
    -- The owner's approved output in the indicator's months, this year up to today.
    "approved" AS (
      SELECT i."id", count(r."id") AS "count", COALESCE(sum(COALESCE(r."outputQuantity", 0))::float8, 0) AS "total"
        FROM "indicators" i
        LEFT JOIN "Report" r ON r."indicatorId" = i."id" AND r."employeeId" = i."employeeId" AND r."status" = 'APPROVED'
         AND r."date" >= make_date(${year}::int, i."first", 1) AND r."date" <= ${today}::date
         AND extract(month FROM r."date") <= i."last"
       GROUP BY i."id"
    ),
    "statuses" AS (
      SELECT i."planId", i."aspect",
             -- A year's cumulative target is pro-rated to the period's last month; QUALITY and Qn/Mnn are whole.
             CASE WHEN i."first" = 1 AND i."last" = 12 AND i."aspect" <> 'QUALITY'
                  THEN i."target" * ${period.endMonth}::int / 12 ELSE i."target" END AS "due",
             CASE WHEN i."aspect" <> 'QUALITY' THEN a."total" WHEN a."count" = 0 THEN 0 ELSE a."total" / a."count" END AS "realisation"
        FROM "indicators" i JOIN "approved" a ON a."id" = i."id"
    ),
    "means" AS (
      SELECT s."planId", avg(CASE
               WHEN s."aspect" IN ('TIME', 'COST') THEN CASE WHEN s."realisation" > 0 THEN s."due" / s."realisation" * 100 ELSE 0 END
               ELSE CASE WHEN s."due" > 0 THEN s."realisation" / s."due" * 100 ELSE 100 END END) AS "mean"
        FROM "statuses" s GROUP BY s."planId"
    )
    SELECT count(*)::int AS "plans", avg("mean")::float8 AS "averagePercent",
           (count(*) FILTER (WHERE "mean" >= 100))::int AS "onTarget"
      FROM "means"`;
  return row!;
}
