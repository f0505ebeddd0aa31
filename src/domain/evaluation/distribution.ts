import type { Db } from "../../db/client.ts";
import {
  checkDistribution,
  type DistributionWarning,
  type OrganisationalResult,
  type Predicate,
} from "../../scoring/index.ts";

export interface UnitDistribution {
  /** True when every other rated employee of the unit already has a finalised evaluation for the period. */
  isLast: boolean;
  organisationalResult: OrganisationalResult;
  warnings: DistributionWarning[];
}

/**
 * The unit's predicates for the period with `candidate` added for the evaluation about to be
 * finalised, checked against the unit's organisational result. Advisory only.
 */
export async function unitDistribution(
  db: Db,
  input: {
    evaluationId: number;
    employeeId: number;
    candidate: Predicate;
    year: number;
    period: string;
    defaultResult: OrganisationalResult;
  },
): Promise<UnitDistribution> {
  const employee = await db.employee.findUniqueOrThrow({
    where: { id: input.employeeId },
    select: { unit: { select: { id: true, organisationalResult: true } } },
  });
  const rated = await db.employee.findMany({
    where: { unitId: employee.unit.id, active: true, supervisorId: { not: null }, id: { not: input.employeeId } },
    select: {
      evaluations: {
        where: { year: input.year, period: input.period, status: "FINALISED" },
        select: { predicate: true },
      },
    },
  });
  const others = rated.flatMap((e) =>
    e.evaluations.map((ev) => ev.predicate).filter((p): p is Predicate => p !== null),
  );
  const organisationalResult = employee.unit.organisationalResult ?? input.defaultResult;
  return {
    isLast: rated.every((e) => e.evaluations.length > 0),
    organisationalResult,
    warnings: checkDistribution([...others, input.candidate], organisationalResult),
  };
}
