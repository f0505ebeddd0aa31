import type { Db } from "../../db/client.ts";

/**
 * Who may look at which units' ratings (docs/domain.md, "Assessment team"): an admin sees every
 * unit; a member of the assessment team (role PENILAI) the units of their `unit_penilai` import
 * column with every unit below each, or the whole instansi when it is empty; for /rekap and the web
 * dashboard a unit head (role HEAD) also sees their own unit and the units below it. Read from the database on every
 * request, never from what a button claims.
 */
export interface Viewer {
  employeeId?: number;
  isAdmin: boolean;
}

export type ScopePurpose = "calibration" | "recap";

/** The ids of the units the viewer may review, or undefined when they may review none. */
export async function scopeUnits(db: Db, viewer: Viewer, purpose: ScopePurpose): Promise<number[] | undefined> {
  const scope = await reviewScope(db, viewer, purpose);
  return scope === "all" ? allUnits(db) : scope;
}

/**
 * The same rule, telling "the whole instansi" apart from a list of units (the web dashboard's city
 * overview is for the whole instansi only); undefined when the viewer may review none.
 */
export async function reviewScope(
  db: Db,
  viewer: Viewer,
  purpose: ScopePurpose,
): Promise<number[] | "all" | undefined> {
  if (viewer.isAdmin) return "all";
  const me =
    viewer.employeeId === undefined
      ? null
      : await db.employee.findUnique({
          where: { id: viewer.employeeId },
          select: { roles: true, assessorUnits: true, unitId: true, active: true },
        });
  if (!me?.active) return undefined;
  const roots: number[] = [];
  if (me.roles.includes("PENILAI")) {
    if (me.assessorUnits.length === 0) return "all";
    const units = await db.unit.findMany({ where: { code: { in: me.assessorUnits } }, select: { id: true } });
    roots.push(...units.map((u) => u.id));
  }
  if (purpose === "recap" && me.roles.includes("HEAD")) roots.push(me.unitId);
  if (roots.length === 0) return undefined;
  return unitsBelow(db, roots);
}

async function allUnits(db: Db): Promise<number[]> {
  return (await db.unit.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);
}

/** The given units and every unit below them in the unit tree. */
export async function unitsBelow(db: Db, roots: number[]): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    WITH RECURSIVE tree AS (
      SELECT u."id" FROM "Unit" u WHERE u."id" = ANY(${roots}::int[])
      UNION
      SELECT c."id" FROM "Unit" c JOIN tree t ON c."parentId" = t."id"
    )
    SELECT "id" FROM tree ORDER BY "id"`;
  return rows.map((r) => r.id);
}

/**
 * A member never reviews an evaluation of themselves or of anyone above them in their own
 * supervision chain: they would be judging their own rater (conflict of interest).
 */
export async function isConflictOfInterest(db: Db, memberId: number | undefined, rateeId: number): Promise<boolean> {
  if (memberId === undefined) return false;
  if (memberId === rateeId) return true;
  const rows = await db.$queryRaw<Array<{ found: boolean }>>`
    WITH RECURSIVE chain AS (
      SELECT e."supervisorId" AS "id", 1 AS "depth" FROM "Employee" e WHERE e."id" = ${memberId}
      UNION ALL
      SELECT s."supervisorId", c."depth" + 1 FROM "Employee" s JOIN chain c ON s."id" = c."id"
      WHERE c."depth" < 50
    )
    SELECT EXISTS (SELECT 1 FROM chain WHERE "id" = ${rateeId}) AS "found"`;
  return rows[0]?.found ?? false;
}

export type EvaluationAccess =
  | { kind: "unknown" }
  | { kind: "out-of-scope" }
  | { kind: "conflict" }
  | { kind: "allowed"; evaluationId: number; employeeId: number; unitId: number };

/**
 * Whether the viewer may review this evaluation: in scope, and without a conflict of interest —
 * which includes an evaluation they gave themselves: they would be judging, and then answering
 * the flag on, their own rating.
 */
export async function evaluationAccess(db: Db, viewer: Viewer, evaluationId: number): Promise<EvaluationAccess> {
  const row = await db.evaluation.findUnique({
    where: { id: evaluationId },
    select: { id: true, employeeId: true, evaluatorId: true, employee: { select: { unitId: true } } },
  });
  if (!row) return { kind: "unknown" };
  const units = await scopeUnits(db, viewer, "calibration");
  if (!units?.includes(row.employee.unitId)) return { kind: "out-of-scope" };
  if (viewer.employeeId !== undefined && row.evaluatorId === viewer.employeeId) return { kind: "conflict" };
  if (await isConflictOfInterest(db, viewer.employeeId, row.employeeId)) return { kind: "conflict" };
  return { kind: "allowed", evaluationId: row.id, employeeId: row.employeeId, unitId: row.employee.unitId };
}
