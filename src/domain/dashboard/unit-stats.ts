import type { Db } from "../../db/client.ts";
import { dayjs } from "../../lib/time.ts";
import { checkDistribution, type OrganisationalResult, type Predicate } from "../../scoring/index.ts";
import { addDays, isWorkingDay, loadUnitCalendar } from "../calendar.ts";
import { periodOf, type EvaluationPeriodKind } from "../skp/periods.ts";

/**
 * The numbers of a head's unit page (or the city overview): reporting per day and per person over
 * a range of local dates, approvals, and the period's evaluations against the allowed spread. Every
 * figure is one set-based statement over all the units' people, never a query per person.
 */

export interface UnitScope {
  unitIds: number[];
  /** The unit whose calendar (working days, holidays, time zone) the range is read in. */
  calendarUnitId: number;
  from: string;
  to: string;
}

/** Reports that count as "reported": anything sent, whatever its decision. */
const SENT = `('SUBMITTED', 'APPROVED', 'REVISION_REQUESTED', 'REJECTED')`;

export async function headcount(db: Db, unitIds: number[]): Promise<number> {
  return db.employee.count({ where: { unitId: { in: unitIds }, active: true } });
}

/** Active people who reported, for each working day of the range. */
export async function reportingByDay(db: Db, scope: UnitScope) {
  const [rows, calendar] = await Promise.all([
    db.$queryRawUnsafe<Array<{ date: string; reporters: number }>>(
      `SELECT r."date"::text AS "date", count(DISTINCT r."employeeId")::int AS "reporters"
       FROM "Report" r JOIN "Employee" e ON e."id" = r."employeeId"
      WHERE e."unitId" = ANY($1::int[]) AND e."active" AND r."date" BETWEEN $2::date AND $3::date
        AND r."status" IN ${SENT}
      GROUP BY r."date"`,
      scope.unitIds,
      scope.from,
      scope.to,
    ),
    loadUnitCalendar(db, { unitId: scope.calendarUnitId, from: scope.from, to: scope.to }),
  ]);
  const byDate = new Map(rows.map((r) => [r.date, r.reporters]));
  const days: Array<{ date: string; reporters: number }> = [];
  for (let d = scope.from; d <= scope.to; d = addDays(d, 1))
    if (isWorkingDay(d, calendar)) days.push({ date: d, reporters: byDate.get(d) ?? 0 });
  return days;
}

export interface PersonRow {
  employeeId: number;
  name: string;
  unitName: string;
  reports: number;
  daysReported: number;
  approved: number;
}

/**
 * Reports per person over the range, a page at a time, by name: the page's people are picked first,
 * then only their reports are counted (an index range per person, not the whole city grouped).
 */
export async function reportingByPerson(db: Db, scope: UnitScope, page: { index: number; size: number }) {
  const rows = await db.$queryRawUnsafe<PersonRow[]>(
    `SELECT e."id" AS "employeeId", e."name", u."name" AS "unitName", s."reports", s."daysReported", s."approved"
       FROM (SELECT "id", "name", "unitId" FROM "Employee" WHERE "unitId" = ANY($1::int[]) AND "active"
              ORDER BY "name", "id" LIMIT $4 OFFSET $5) e
       JOIN "Unit" u ON u."id" = e."unitId"
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS "reports", count(DISTINCT r."date")::int AS "daysReported",
                (count(*) FILTER (WHERE r."status" = 'APPROVED'))::int AS "approved"
           FROM "Report" r
          WHERE r."employeeId" = e."id" AND r."date" BETWEEN $2::date AND $3::date AND r."status" IN ${SENT}) s
      ORDER BY e."name", e."id"`,
    scope.unitIds,
    scope.from,
    scope.to,
    page.size,
    page.index * page.size,
  );
  return rows;
}

export interface ApprovalStats {
  pending: number;
  /** Waiting longer than the policy's working days for a decision. */
  overdue: number;
  decided: number;
  /** Mean hours from submission to decision, of the decisions made in the range. */
  averageHours: number | null;
}

export async function approvalStats(
  db: Db,
  scope: UnitScope,
  now: Date,
  overdueWorkingDays: number,
): Promise<ApprovalStats> {
  const unit = await db.unit.findUniqueOrThrow({ where: { id: scope.calendarUnitId }, select: { timeZone: true } });
  const today = dayjs(now).tz(unit.timeZone).format("YYYY-MM-DD");
  const calendar = await loadUnitCalendar(db, { unitId: scope.calendarUnitId, from: addDays(today, -60), to: today });
  let cutoff = today;
  for (let n = 0; n < overdueWorkingDays;) {
    cutoff = addDays(cutoff, -1);
    if (isWorkingDay(cutoff, calendar)) n++;
  }
  const start = (date: string) => dayjs.tz(date, calendar.timeZone).toDate();
  // Two parts, each on its own index: the waiting reports by status, the decisions by decidedAt.
  const [row] = await db.$queryRawUnsafe<Array<ApprovalStats>>(
    `SELECT w."pending", w."overdue", d."decided", d."averageHours"
       FROM (SELECT count(*)::int AS "pending", (count(*) FILTER (WHERE r."submittedAt" < $2))::int AS "overdue"
               FROM "Report" r JOIN "Employee" e ON e."id" = r."employeeId"
              WHERE e."unitId" = ANY($1::int[]) AND r."status" = 'SUBMITTED') w,
            (SELECT count(*)::int AS "decided",
                    (avg(extract(epoch FROM r."decidedAt" - r."submittedAt")) / 3600)::float8 AS "averageHours"
               FROM "Report" r JOIN "Employee" e ON e."id" = r."employeeId"
              WHERE e."unitId" = ANY($1::int[]) AND r."decidedAt" >= $3 AND r."decidedAt" < $4) d`,
    scope.unitIds,
    start(cutoff),
    start(scope.from),
    start(addDays(scope.to, 1)),
  );
  return row!;
}

/** The finalised predicates of the period the range ends in, and the spread's warnings. */
export async function evaluationSpread(
  db: Db,
  scope: UnitScope,
  organisationalResult: OrganisationalResult,
  periodKind?: EvaluationPeriodKind,
) {
  const period = periodOf(scope.to, periodKind);
  const rows = await db.$queryRawUnsafe<Array<{ predicate: Predicate; count: number }>>(
    `SELECT v."predicate"::text AS "predicate", count(*)::int AS "count"
       FROM "Evaluation" v JOIN "Employee" e ON e."id" = v."employeeId"
      WHERE e."unitId" = ANY($1::int[]) AND v."year" = $2 AND v."period" = $3
        AND v."status" = 'FINALISED' AND v."predicate" IS NOT NULL
      GROUP BY v."predicate"`,
    scope.unitIds,
    period.year,
    period.code,
  );
  const predicates = rows.flatMap((r) => Array<Predicate>(r.count).fill(r.predicate));
  return {
    period,
    counts: Object.fromEntries(rows.map((r) => [r.predicate, r.count])) as Partial<Record<Predicate, number>>,
    total: predicates.length,
    organisationalResult,
    warnings: checkDistribution(predicates, organisationalResult),
  };
}
