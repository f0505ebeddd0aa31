import type { Db } from "../../db/client.ts";
import { localDate } from "../../lib/time.ts";
import { seesEverything, seesUnit, type Viewer } from "./viewer.ts";

/**
 * Who may see an employee's record (their reports, evidence photos, SKP and ratings): the employee,
 * their supervisors up the chain, an active delegate of one of those supervisors, a head of the
 * employee's unit (or a unit above it), the assessment team within its scope and admins. docs/domain.md, "Dashboard".
 */
export async function mayViewEmployee(db: Db, viewer: Viewer, employeeId: number, now: Date): Promise<boolean> {
  if (viewer.employeeId === employeeId || seesEverything(viewer)) return true;
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { unitId: true } });
  if (!employee) return false;
  if (seesUnit(viewer, employee.unitId)) return true;
  const chain = await supervisorChain(db, employeeId);
  if (chain.includes(viewer.employeeId)) return true;
  const today = localDate(now, viewer.timeZone);
  const delegated = await db.delegation.count({
    where: {
      delegateId: viewer.employeeId,
      supervisorId: { in: chain },
      revokedAt: null,
      from: { lte: new Date(`${today}T00:00:00Z`) },
      to: { gte: new Date(`${today}T00:00:00Z`) },
    },
  });
  return delegated > 0;
}

/** The employee's supervisor, theirs, and so on up (one recursive query; a cycle stops itself). */
export async function supervisorChain(db: Db, employeeId: number): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    WITH RECURSIVE chain AS (
      SELECT "supervisorId" AS "id" FROM "Employee" WHERE "id" = ${employeeId} AND "supervisorId" IS NOT NULL
      UNION
      SELECT e."supervisorId" FROM "Employee" e JOIN chain c ON e."id" = c."id" WHERE e."supervisorId" IS NOT NULL
    )
    SELECT "id" FROM chain`;
  return rows.map((r) => r.id);
}

/** The report behind an evidence photo, if the viewer may see it; the stored key and type with it. */
export async function viewableEvidence(db: Db, viewer: Viewer, evidenceId: number, now: Date) {
  const evidence = await db.evidence.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      path: true,
      mimeType: true,
      sha256: true,
      status: true,
      report: { select: { employeeId: true } },
    },
  });
  if (!evidence || evidence.status !== "STORED" || !evidence.path) return undefined;
  if (!(await mayViewEmployee(db, viewer, evidence.report.employeeId, now))) return undefined;
  return evidence;
}
