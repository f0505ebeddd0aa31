import type { Db } from "../../db/client.ts";
import { addDays, isWorkingDay, loadUnitCalendar } from "../calendar.ts";

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

/**
 * Low reporting (docs/domain.md, "Awards and coaching"): a report on fewer than half of one's
 * working days (leave not counted), over a week for the weekly summary, over a period for the recap.
 */
export const isLowReporting = (r: Pick<ReportingRecord, "expected" | "missed">) =>
  r.expected > 0 && (r.expected - r.missed.length) * 2 < r.expected;

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

/** The units' working days in `from`…`to` (their working week, national and regional holidays). */
export async function unitWorkingDays(
  db: Db,
  unitIds: number[],
  from: string,
  to: string,
): Promise<Array<{ unitId: number; days: string[] }>> {
  const result = [];
  for (const unitId of unitIds) {
    const calendar = await loadUnitCalendar(db, { unitId, from, to });
    const days: string[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) if (isWorkingDay(date, calendar)) days.push(date);
    result.push({ unitId, days });
  }
  return result;
}
