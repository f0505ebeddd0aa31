import type { Db } from "../../db/client.ts";
import {
  checkDistribution,
  compareSupervisors,
  type DistributionWarning,
  type OrganisationalResult,
  type Predicate,
  type SupervisorComparison,
} from "../../scoring/index.ts";
import type { RatingPolicy } from "../policy/sections.ts";

/** One unit's evaluations for a period, as the assessment team reviews them (docs/domain.md, "Calibration"). */

export interface UnitEvaluation {
  id: number;
  employeeId: number;
  name: string;
  supervisorId: number | null;
  predicate: Predicate | null;
  resultsRating: string | null;
  behaviourRating: string | null;
  /** Mean achievement of the main indicators in the realisation the supervisor saw. */
  mainRealisation: number | null;
  openFlagId: number | null;
}

export interface UnitOverview {
  unit: { id: number; code: string; name: string };
  organisationalResult: OrganisationalResult;
  counts: { finalised: number; draft: number; missing: number };
  predicates: Partial<Record<Predicate, number>>;
  warnings: DistributionWarning[];
  supervisors: Array<SupervisorComparison & { name: string }>;
  finalised: UnitEvaluation[];
}

/** Mean percent of the MAIN indicators of a stored realisation snapshot (see `realisationSnapshot`). */
export function mainRealisation(snapshot: unknown): number | null {
  const main = ((snapshot ?? []) as Array<{ rhkKind?: string; percent?: number }>).filter((i) => i.rhkKind === "MAIN");
  return main.length === 0 ? null : main.reduce((sum, i) => sum + Number(i.percent ?? 0), 0) / main.length;
}

/** The unit's rated employees (active, with a supervisor) and their evaluation of the period, if any. */
export async function unitEvaluations(db: Db, unitId: number, period: { year: number; code: string }) {
  return db.employee.findMany({
    where: { unitId, active: true, supervisorId: { not: null } },
    select: {
      id: true,
      name: true,
      supervisorId: true,
      evaluations: {
        where: { year: period.year, period: period.code },
        include: { flags: { where: { status: { not: "CLOSED" } }, select: { id: true } } },
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function unitOverview(
  db: Db,
  unitId: number,
  period: { year: number; code: string },
  rating: Pick<RatingPolicy, "organisationalResult" | "thresholds">,
): Promise<UnitOverview | undefined> {
  const unit = await db.unit.findUnique({ where: { id: unitId } });
  if (!unit) return undefined;
  const people = await unitEvaluations(db, unitId, period);
  const finalised: UnitEvaluation[] = [];
  let draft = 0;
  for (const person of people) {
    const e = person.evaluations[0];
    if (!e) continue;
    if (e.status !== "FINALISED") {
      draft++;
      continue;
    }
    finalised.push({
      id: e.id,
      employeeId: person.id,
      name: person.name,
      supervisorId: e.evaluatorId ?? person.supervisorId,
      predicate: e.predicate,
      resultsRating: e.resultsRating,
      behaviourRating: e.behaviourRating,
      mainRealisation: mainRealisation(e.realisation),
      openFlagId: e.flags[0]?.id ?? null,
    });
  }
  const predicates = finalised.flatMap((e) => (e.predicate ? [e.predicate] : []));
  const organisationalResult = unit.organisationalResult ?? rating.organisationalResult;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    organisationalResult,
    counts: { finalised: finalised.length, draft, missing: people.length - finalised.length - draft },
    predicates: countBy(predicates),
    warnings: checkDistribution(predicates, organisationalResult),
    supervisors: await bySupervisor(db, finalised, rating.thresholds.meetsMinPercent),
    finalised,
  };
}

async function bySupervisor(db: Db, finalised: UnitEvaluation[], meetsMinPercent: number) {
  const groups = new Map<number, UnitEvaluation[]>();
  for (const e of finalised) {
    if (e.supervisorId === null || !e.predicate) continue;
    groups.set(e.supervisorId, [...(groups.get(e.supervisorId) ?? []), e]);
  }
  const rows = [...groups].map(([supervisorId, list]) => {
    const known = list.flatMap((e) => (e.mainRealisation === null ? [] : [e.mainRealisation]));
    return {
      supervisorId,
      predicates: list.map((e) => e.predicate!),
      realisation: known.length ? known.reduce((a, b) => a + b, 0) / known.length : null,
    };
  });
  const names = new Map(
    (await db.employee.findMany({ where: { id: { in: [...groups.keys()] } }, select: { id: true, name: true } })).map(
      (e) => [e.id, e.name],
    ),
  );
  return compareSupervisors(rows, meetsMinPercent).map((r) => ({ ...r, name: names.get(r.supervisorId) ?? "-" }));
}

function countBy(predicates: Predicate[]): Partial<Record<Predicate, number>> {
  const counts: Partial<Record<Predicate, number>> = {};
  for (const p of predicates) counts[p] = (counts[p] ?? 0) + 1;
  return counts;
}

/** Work-result × behaviour: how many finalised evaluations (and who) fall in each of the nine cells. */
export function nineBox(finalised: UnitEvaluation[]) {
  const RATINGS = ["BELOW", "MEETS", "ABOVE"] as const;
  const cells = RATINGS.flatMap((results) =>
    RATINGS.map((behaviour) => ({
      results,
      behaviour,
      names: finalised.filter((e) => e.resultsRating === results && e.behaviourRating === behaviour).map((e) => e.name),
    })),
  );
  return cells;
}
