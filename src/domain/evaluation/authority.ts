import type { Db } from "../../db/client.ts";
import type { Prisma, ReviewerRole } from "../../generated/prisma/client.ts";
import { localDate } from "../../lib/time.ts";
import type { Reviewer } from "../review/check.ts";
import { delegatorsOf } from "../review/delegation.ts";

/** Who evaluates: the presser's employee record (if linked), Telegram id, admin flag and name. */
export type Evaluator = Reviewer & { name?: string };

export type EvaluationAuthority =
  { kind: "allowed"; actingAs: ReviewerRole } | { kind: "denied"; reason: "own" | "not-evaluator" };

/** The employee's current supervisor (pejabat penilai), an active delegate of that supervisor, or an admin. */
export async function evaluationAuthority(
  db: Db | Prisma.TransactionClient,
  evaluator: Reviewer,
  employee: { id: number; supervisorId: number | null; unit: { timeZone: string } },
  now: Date,
): Promise<EvaluationAuthority> {
  if (evaluator.employeeId === employee.id) return { kind: "denied", reason: "own" };
  if (evaluator.employeeId !== undefined && employee.supervisorId !== null) {
    if (evaluator.employeeId === employee.supervisorId) return { kind: "allowed", actingAs: "SUPERVISOR" };
    const today = localDate(now, employee.unit.timeZone);
    if ((await delegatorsOf(db, evaluator.employeeId, today)).includes(employee.supervisorId))
      return { kind: "allowed", actingAs: "DELEGATE" };
  }
  if (evaluator.isAdmin) return { kind: "allowed", actingAs: "ADMIN" };
  return { kind: "denied", reason: "not-evaluator" };
}

/** The evaluation with its employee, and whether the evaluator may act on it (checked against the database). */
export async function evaluationForEvaluator(db: Db, id: number, evaluator: Reviewer, now: Date) {
  const row = await db.evaluation.findUnique({
    where: { id },
    include: { employee: { include: { unit: true } }, evaluator: { select: { name: true } } },
  });
  if (!row) return undefined;
  const authority = await evaluationAuthority(db, evaluator, row.employee, now);
  return { row, authority };
}

export interface Evaluee {
  id: number;
  nip: string;
  name: string;
  position: string;
  unitId: number;
}

/** The active subordinates of the evaluator and of every supervisor they act for today, by name. */
export async function evalueesOf(db: Db, evaluatorId: number, today: string): Promise<Evaluee[]> {
  const supervisors = [evaluatorId, ...(await delegatorsOf(db, evaluatorId, today))];
  return db.employee.findMany({
    where: { supervisorId: { in: supervisors }, active: true, id: { not: evaluatorId } },
    select: { id: true, nip: true, name: true, position: true, unitId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
