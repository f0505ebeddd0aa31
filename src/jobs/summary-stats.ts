import type { Db } from "../db/client.ts";
import { addDays, isoWeekday } from "../domain/calendar.ts";
import { isLowReporting, reportingRecords } from "../domain/report/low-reporting.ts";

/** One unit's week, as the group and the head see it. */
export interface WeeklyStats {
  unitId: number;
  /** Per working day of the week: employees expected (active, not on leave) and those who reported. */
  days: Array<{ date: string; expected: number; reported: number }>;
  approved: number;
  pending: number;
  revision: number;
  rejected: number;
  /** Mean hours from submit to decision, over the week's decided reports; null when none. */
  avgApprovalHours: number | null;
  /** Mean progress (0–100) of the unit's quantity indicators this year: approved output / target, capped at 100. */
  skpProgress: number | null;
  /** Most approved reports this week, best first, at most three (ties by name). */
  top: Array<{ employeeId: number; name: string; approved: number }>;
  /** Who did not report on which working days: for the head only. */
  missing: Array<{ employeeId: number; name: string; dates: string[] }>;
  /** Low reporting (`isLowReporting`), or had a report rejected: for the head only. */
  coaching: Array<{ employeeId: number; name: string; reason: "low-reporting" | "rejected" }>;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * The week of many units at once: a handful of set-based statements (GROUP BY over all units),
 * never one query per employee. `weeks` gives each unit its working days (holidays and the unit's
 * own working week already applied); leave is applied here, per employee and day.
 */
export async function weeklyStats(
  db: Db,
  weeks: Array<{ unitId: number; days: string[] }>,
  year: number,
): Promise<Map<number, WeeklyStats>> {
  const stats = new Map<number, WeeklyStats>();
  const pairs = weeks.flatMap((w) => w.days.map((d) => ({ unitId: w.unitId, date: d })));
  for (const w of weeks) {
    stats.set(w.unitId, {
      unitId: w.unitId,
      days: w.days.map((date) => ({ date, expected: 0, reported: 0 })),
      approved: 0,
      pending: 0,
      revision: 0,
      rejected: 0,
      avgApprovalHours: null,
      skpProgress: null,
      top: [],
      missing: [],
      coaching: [],
    });
  }
  if (weeks.length === 0) return stats;
  const unitIds = weeks.map((w) => w.unitId);
  const allDays = pairs.map((p) => p.date).sort();
  const from = allDays[0] ?? `${year}-01-01`;
  const to = allDays.at(-1) ?? from;
  // The weeks run Monday–Sunday around the working days; counts use the full weeks.
  const weekFrom = addDays(from, 1 - isoWeekday(from));
  const weekTo = addDays(to, 7 - isoWeekday(to));

  const [records, counts, skp, top] = await Promise.all([
    reportingRecords(db, weeks),
    db.$queryRaw<
      Array<{
        unitId: number;
        approved: bigint;
        pending: bigint;
        revision: bigint;
        rejected: bigint;
        avgHours: number | null;
      }>
    >`
      SELECT e."unitId",
             count(*) FILTER (WHERE r."status" = 'APPROVED') AS "approved",
             count(*) FILTER (WHERE r."status" = 'SUBMITTED') AS "pending",
             count(*) FILTER (WHERE r."status" = 'REVISION_REQUESTED') AS "revision",
             count(*) FILTER (WHERE r."status" = 'REJECTED') AS "rejected",
             (avg(EXTRACT(EPOCH FROM (r."decidedAt" - r."submittedAt")))
               FILTER (WHERE r."decidedAt" IS NOT NULL AND r."submittedAt" IS NOT NULL) / 3600.0)::float8 AS "avgHours"
      FROM "Report" r JOIN "Employee" e ON e."id" = r."employeeId"
      WHERE e."unitId" = ANY(${unitIds}::int[]) AND r."date" BETWEEN ${weekFrom}::date AND ${weekTo}::date
      GROUP BY e."unitId"`,
    db.$queryRaw<Array<{ unitId: number; progress: number | null }>>`
      SELECT e."unitId", (avg(LEAST(COALESCE(a."done", 0) / NULLIF(i."target", 0), 1)) * 100)::float8 AS "progress"
      FROM "SkpIndicator" i
      JOIN "SkpPlan" p ON p."id" = i."planId" AND p."year" = ${year}
      JOIN "Employee" e ON e."id" = p."employeeId" AND e."active" AND e."unitId" = ANY(${unitIds}::int[])
      LEFT JOIN (
        SELECT r."indicatorId", sum(r."outputQuantity") AS "done" FROM "Report" r
        JOIN "Employee" e2 ON e2."id" = r."employeeId" AND e2."unitId" = ANY(${unitIds}::int[])
        WHERE r."status" = 'APPROVED' AND r."date" BETWEEN ${`${year}-01-01`}::date AND ${weekTo}::date
        GROUP BY r."indicatorId"
      ) a ON a."indicatorId" = i."id"
      WHERE i."aspect" = 'QUANTITY'
      GROUP BY e."unitId"`,
    db.$queryRaw<Array<{ unitId: number; employeeId: number; name: string; approved: bigint }>>`
      SELECT "unitId", "employeeId", "name", "approved" FROM (
        SELECT e."unitId", e."id" AS "employeeId", e."name", count(*) AS "approved",
               row_number() OVER (PARTITION BY e."unitId" ORDER BY count(*) DESC, e."name", e."id") AS "rank"
        FROM "Report" r JOIN "Employee" e ON e."id" = r."employeeId" AND e."active"
        WHERE e."unitId" = ANY(${unitIds}::int[]) AND r."status" = 'APPROVED' AND r."date" BETWEEN ${weekFrom}::date AND ${weekTo}::date
        GROUP BY e."unitId", e."id", e."name"
      ) ranked WHERE "rank" <= 3 ORDER BY "unitId", "rank"`,
  ]);

  for (const r of records) {
    for (const day of stats.get(r.unitId)!.days) {
      if (r.leave.includes(day.date)) continue;
      day.expected++;
      if (!r.missed.includes(day.date)) day.reported++;
    }
  }
  for (const c of counts) {
    Object.assign(stats.get(c.unitId)!, {
      approved: num(c.approved),
      pending: num(c.pending),
      revision: num(c.revision),
      rejected: num(c.rejected),
      avgApprovalHours: c.avgHours === null ? null : Number(c.avgHours),
    });
  }
  for (const s of skp) stats.get(s.unitId)!.skpProgress = s.progress === null ? null : Number(s.progress);
  for (const t of top)
    stats.get(t.unitId)!.top.push({ employeeId: t.employeeId, name: t.name, approved: num(t.approved) });

  const rejectedBy = await db.$queryRaw<Array<{ employeeId: number }>>`
    SELECT DISTINCT r."employeeId" FROM "Report" r JOIN "Employee" e ON e."id" = r."employeeId"
    WHERE e."unitId" = ANY(${unitIds}::int[]) AND r."status" = 'REJECTED' AND r."date" BETWEEN ${weekFrom}::date AND ${weekTo}::date`;
  const rejected = new Set(rejectedBy.map((r) => r.employeeId));
  for (const r of [...records].sort((a, b) => a.name.localeCompare(b.name))) {
    const s = stats.get(r.unitId)!;
    if (r.missed.length) s.missing.push({ employeeId: r.employeeId, name: r.name, dates: r.missed });
    if (isLowReporting({ expected: r.expected, reported: r.expected - r.missed.length }))
      s.coaching.push({ employeeId: r.employeeId, name: r.name, reason: "low-reporting" });
    else if (rejected.has(r.employeeId))
      s.coaching.push({ employeeId: r.employeeId, name: r.name, reason: "rejected" });
  }
  return stats;
}

/** Reporting rate over the week, percent, rounded. */
export function weekRate(stats: WeeklyStats): number {
  const expected = stats.days.reduce((n, d) => n + d.expected, 0);
  const reported = stats.days.reduce((n, d) => n + d.reported, 0);
  return expected ? Math.round((reported / expected) * 100) : 0;
}

/** One day's reporting rate, percent, rounded. */
export const dayRate = (d: { expected: number; reported: number }) =>
  d.expected ? Math.round((d.reported / d.expected) * 100) : 0;
