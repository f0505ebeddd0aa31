import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Period } from "../skp/periods.ts";
import type { ProgressSource } from "./progress-harian.ts";

/** One employee's reports of a period for e-Kinerja, in submit order within each day. */
export interface EmployeeProgress {
  employeeId: number;
  nip: string;
  name: string;
  reports: ProgressSource[];
}

/** Whose reports: some units (and everyone in them), or one employee. */
export type ProgressWho = { unitIds?: number[] } | { employeeId: number };

/**
 * The reports e-Kinerja gets: approved ones, and submitted ones too when the policy says so.
 * Read a batch of employees at a time (keyset on the employee id), so memory stays flat.
 */
export async function readProgress(
  db: Db,
  input: { period: Period; who: ProgressWho; includeSubmitted: boolean; afterEmployee: number; employees: number },
): Promise<EmployeeProgress[]> {
  const statuses = input.includeSubmitted ? ["APPROVED", "SUBMITTED"] : ["APPROVED"];
  const who =
    "employeeId" in input.who
      ? Prisma.sql`AND e."id" = ${input.who.employeeId}`
      : input.who.unitIds
        ? Prisma.sql`AND e."unitId" = ANY(${input.who.unitIds}::int[])`
        : Prisma.empty;
  const rows = await db.$queryRaw<Array<ProgressSource & { employeeId: number; nip: string; name: string }>>`
    WITH people AS (
      SELECT e."id", e."nip", e."name" FROM "Employee" e
      WHERE e."id" > ${input.afterEmployee} ${who}
        AND EXISTS (SELECT 1 FROM "Report" r WHERE r."employeeId" = e."id"
          AND r."date" BETWEEN ${input.period.from}::date AND ${input.period.to}::date AND r."status"::text = ANY(${statuses}))
      ORDER BY e."id" LIMIT ${input.employees}
    )
    SELECT p."id" AS "employeeId", p."nip", p."name", r."id", to_char(r."date", 'YYYY-MM-DD') AS "date",
      r."actionPlan", i."indicator", COALESCE(r."description", '') AS "description",
      COALESCE(r."outputQuantity", 0)::float8 AS "quantity", COALESCE(r."outputUnit", '') AS "unit",
      r."minutes", r."startMinute", r."endMinute"
    FROM people p JOIN "Report" r ON r."employeeId" = p."id"
    LEFT JOIN "SkpIndicator" i ON i."id" = r."indicatorId"
    WHERE r."date" BETWEEN ${input.period.from}::date AND ${input.period.to}::date AND r."status"::text = ANY(${statuses})
    ORDER BY p."id", r."date", r."submittedAt", r."id"`;
  const out: EmployeeProgress[] = [];
  for (const { employeeId, nip, name, ...report } of rows) {
    const last = out.at(-1);
    if (last?.employeeId === employeeId) last.reports.push(report);
    else out.push({ employeeId, nip, name, reports: [report] });
  }
  return out;
}
