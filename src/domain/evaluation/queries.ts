import type { Db } from "../../db/client.ts";
import type { Period } from "../skp/periods.ts";
import { evalueesOf, type Evaluee } from "./authority.ts";

/** Finalised evaluations of one employee, newest period first. */
export function finalisedEvaluations(db: Db, employeeId: number, take = 8) {
  return db.evaluation.findMany({
    where: { employeeId, status: "FINALISED" },
    include: { evaluator: { select: { name: true } } },
    orderBy: [{ periodTo: "desc" }, { period: "asc" }],
    take,
  });
}

export interface EvalueeState extends Evaluee {
  /** The finalised evaluation's outcome for the period; undefined while still to rate. */
  finalised?: { predicate: string | null; band: string | null };
}

/** The evaluator's subordinates today (see `evalueesOf`), each with its finalised outcome for the period. */
export async function evalueeStates(
  db: Db,
  evaluatorId: number,
  today: string,
  period: Period,
): Promise<EvalueeState[]> {
  const evaluees = await evalueesOf(db, evaluatorId, today);
  if (evaluees.length === 0) return [];
  const done = await db.evaluation.findMany({
    where: {
      employeeId: { in: evaluees.map((e) => e.id) },
      year: period.year,
      period: period.code,
      status: "FINALISED",
    },
    select: { employeeId: true, predicate: true, band: true },
  });
  const byEmployee = new Map(done.map((d) => [d.employeeId, { predicate: d.predicate, band: d.band }]));
  return evaluees.map((e) => ({ ...e, finalised: byEmployee.get(e.id) }));
}

export async function employeeIdByNip(db: Db, nip: string): Promise<number | undefined> {
  return (await db.employee.findUnique({ where: { nip }, select: { id: true } }))?.id;
}

export async function employeeName(db: Db, id: number): Promise<string | undefined> {
  return (await db.employee.findUnique({ where: { id }, select: { name: true } }))?.name;
}

/** A draft as it now stands, with the name of its employee. */
export function evaluationWithEmployeeName(db: Db, id: number) {
  return db.evaluation.findUniqueOrThrow({ where: { id }, include: { employee: { select: { name: true } } } });
}
