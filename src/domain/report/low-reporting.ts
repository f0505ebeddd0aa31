import type { Db } from "../../db/client.ts";
import { addDays, isWorkingDay } from "../calendar.ts";
import { loadUnits } from "../unit-calendars.ts";

/**
 * Who reported on which working days: the facts behind the weekly summary's "who did not report"
 * and the low-reporting rule that both the weekly summary and the recap's coaching list apply.
 */

/** One active employee over the working days given for their unit. */
export interface ReportingRecord {
  employeeId: number;
  unitId: number;
  unitName: string;
  name: string;
  /** Working days not on leave. */
  expected: number;
  /** Of those, the days without a submitted report, in order. */
  missed: string[];
  /** Working days on leave, in order. */
  leave: string[];
}

/** One active employee's totals over the working days given for their unit. */
export interface ReportingTotals {
  employeeId: number;
  unitId: number;
  unitName: string;
  name: string;
  /** Working days not on leave. */
  expected: number;
  /** Of those, the days with a submitted report. */
  reported: number;
}

/**
 * Low reporting (docs/domain.md, "Awards and coaching"): a report on fewer than half of one's
 * working days (leave not counted), over a week for the weekly summary, over a period for the recap.
 */
export const isLowReporting = (r: Pick<ReportingTotals, "expected" | "reported">) =>
  r.expected > 0 && r.reported * 2 < r.expected;

/**
 * Every active employee of the units with their reporting over the units' working days, in one
 * set-based statement (a day counts as reported with any report that was submitted, whatever its outcome).
 */
export async function reportingRecords(
  db: Pick<Db, "$queryRaw">,
  workingDays: Array<{ unitId: number; days: string[] }>,
): Promise<ReportingRecord[]> {
  const pairs = workingDays.flatMap((w) => w.days.map((date) => ({ unitId: w.unitId, date })));
  if (pairs.length === 0) return [];
  return db.$queryRaw<ReportingRecord[]>`
    WITH days AS (SELECT * FROM unnest(${pairs.map((p) => p.unitId)}::int[], ${pairs.map((p) => p.date)}::date[]) AS d("unitId", "date")),
    marks AS (
      SELECT d."unitId", u."name" AS "unitName", e."id" AS "employeeId", e."name", to_char(d."date", 'YYYY-MM-DD') AS "date",
             EXISTS (SELECT 1 FROM "Leave" l WHERE l."employeeId" = e."id" AND l."from" <= d."date" AND l."to" >= d."date") AS "onLeave",
             EXISTS (SELECT 1 FROM "Report" r WHERE r."employeeId" = e."id" AND r."date" = d."date"
                       AND r."status" NOT IN ('DRAFT', 'WITHDRAWN')) AS "reported"
      FROM days d JOIN "Employee" e ON e."unitId" = d."unitId" AND e."active" JOIN "Unit" u ON u."id" = d."unitId")
    SELECT "employeeId", "unitId", "unitName", "name",
           count(*) FILTER (WHERE NOT "onLeave")::int AS "expected",
           COALESCE(array_agg("date" ORDER BY "date") FILTER (WHERE NOT "onLeave" AND NOT "reported"), '{}') AS "missed",
           COALESCE(array_agg("date" ORDER BY "date") FILTER (WHERE "onLeave"), '{}') AS "leave"
    FROM marks GROUP BY "employeeId", "unitId", "unitName", "name"
    ORDER BY "name", "employeeId"`;
}

/**
 * The same counts as `reportingRecords` without the dates, for a whole period and a whole city: it
 * counts the reports and leave that exist instead of asking every employee about every day, so
 * 20,000 employees over a quarter are one pass over the quarter's reports.
 */
export async function reportingTotals(
  db: Pick<Db, "$queryRaw">,
  workingDays: Array<{ unitId: number; days: string[] }>,
): Promise<ReportingTotals[]> {
  const pairs = workingDays.flatMap((w) => w.days.map((date) => ({ unitId: w.unitId, date })));
  if (pairs.length === 0) return [];
  const dates = pairs.map((p) => p.date).sort();
  return db.$queryRaw<ReportingTotals[]>`
    WITH days AS (SELECT * FROM unnest(${pairs.map((p) => p.unitId)}::int[], ${pairs.map((p) => p.date)}::date[]) AS d("unitId", "date")),
    staff AS (
      SELECT e."id", e."name", e."unitId", u."name" AS "unitName"
      FROM "Employee" e JOIN "Unit" u ON u."id" = e."unitId"
      WHERE e."active" AND e."unitId" = ANY(${workingDays.map((w) => w.unitId)}::int[])),
    leave_days AS (
      SELECT DISTINCT l."employeeId", d."date"
      FROM "Leave" l JOIN staff s ON s."id" = l."employeeId"
      JOIN days d ON d."unitId" = s."unitId" AND d."date" BETWEEN l."from" AND l."to"),
    -- Materialised on its own: the employees' reports in the range by index first, then matched
    -- to their units' working days by hash; inlined, the planner tried every employee on every day.
    in_range AS MATERIALIZED (
      SELECT DISTINCT r."employeeId", s."unitId", r."date"
      FROM staff s JOIN "Report" r ON r."employeeId" = s."id"
      WHERE r."date" BETWEEN ${dates[0]}::date AND ${dates.at(-1)}::date AND r."status" NOT IN ('DRAFT', 'WITHDRAWN')),
    reported AS (
      SELECT i."employeeId", i."date" FROM in_range i JOIN days d ON d."unitId" = i."unitId" AND d."date" = i."date"),
    unit_days AS (SELECT "unitId", count(*)::int AS "n" FROM days GROUP BY "unitId"),
    leave_count AS (SELECT "employeeId", count(*)::int AS "n" FROM leave_days GROUP BY "employeeId"),
    reported_count AS (
      SELECT r."employeeId", count(*)::int AS "n"
      FROM reported r LEFT JOIN leave_days l ON l."employeeId" = r."employeeId" AND l."date" = r."date"
      WHERE l."employeeId" IS NULL GROUP BY r."employeeId")
    SELECT s."id" AS "employeeId", s."unitId", s."unitName", s."name",
           ud."n" - COALESCE(lc."n", 0) AS "expected", COALESCE(rc."n", 0) AS "reported"
    FROM staff s JOIN unit_days ud ON ud."unitId" = s."unitId"
    LEFT JOIN leave_count lc ON lc."employeeId" = s."id"
    LEFT JOIN reported_count rc ON rc."employeeId" = s."id"
    ORDER BY s."name", s."id"`;
}

/** The units' working days in `from`…`to` (their working week, national and regional holidays). */
export async function unitWorkingDays(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<Array<{ unitId: number; days: string[] }>> {
  const units = await loadUnits(db, { from, to, unitIds });
  return units.map((unit) => {
    const days: string[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) if (isWorkingDay(date, unit.calendar)) days.push(date);
    return { unitId: unit.id, days };
  });
}
