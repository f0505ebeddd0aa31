import type { Prisma } from "../../generated/prisma/client.ts";
import type { PolicyOverrides } from "../policy/compose.ts";
import { readStoredPolicy } from "../policy/stored.ts";
import { ROLE_ORDER } from "./fields.ts";
import { readCounters, type ExistingCounter } from "./counters.ts";
import type { EmployeeFields, IndicatorFields, UnitFields } from "./types.ts";

export type Tx = Prisma.TransactionClient;

export interface ExistingUnit extends UnitFields {
  id: number;
}

export interface ExistingEmployee extends EmployeeFields {
  id: number;
  language: string;
  active: boolean;
}

export interface ExistingIndicator extends IndicatorFields {
  id: number;
}

/**
 * What the database holds, keyed the way the files are (unit code, NIP, year, indicator code),
 * read once so that validation and the comparison need no query per row.
 */
export interface Snapshot {
  units: Map<string, ExistingUnit>;
  employees: Map<string, ExistingEmployee>;
  /** planKey → SkpPlan id */
  plans: Map<string, number>;
  /** indicatorKey → indicator */
  indicators: Map<string, ExistingIndicator>;
  /** leaveKey of every stored leave in the range of dates being imported */
  leave: Set<string>;
  /** The policy values set by earlier imports (those stored invalid are left out: they are not in force). */
  policy: PolicyOverrides;
  /** Service counters by code. */
  counters: Map<string, ExistingCounter>;
}

export const planKey = (nip: string, year: number) => `${nip}|${year}`;
export const indicatorKey = (nip: string, year: number, code: string) => `${planKey(nip, year)}|${code}`;
export const leaveKey = (nip: string, from: string, to: string, kind: string) => `${nip}|${from}|${to}|${kind}`;

/** The `from` dates (YYYY-MM-DD) of the leave being imported, earliest and latest; null when there is none. */
export type LeaveRange = { earliest: string; latest: string } | null;

/** Reads units and employees in full, the SKP of the years being imported, the leave starting in the imported range, and the stored policy. */
export async function readSnapshot(tx: Tx, years: number[], leaveRange: LeaveRange = null): Promise<Snapshot> {
  const units = await tx.unit.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      parentId: true,
      timeZone: true,
      workingDays: true,
      organisationalResult: true,
    },
  });
  const unitCode = new Map(units.map((u) => [u.id, u.code]));
  const employees = await tx.employee.findMany({
    select: {
      id: true,
      nip: true,
      name: true,
      position: true,
      kind: true,
      unitId: true,
      supervisorId: true,
      roles: true,
      assessorUnits: true,
      language: true,
      active: true,
    },
  });
  const nipOf = new Map(employees.map((e) => [e.id, e.nip]));
  const plans = await tx.skpPlan.findMany({
    where: { year: { in: years } },
    select: { id: true, employeeId: true, year: true },
  });
  const planKeyOf = new Map(plans.map((p) => [p.id, planKey(nipOf.get(p.employeeId)!, p.year)]));
  const indicators = await tx.skpIndicator.findMany({ where: { planId: { in: plans.map((p) => p.id) } } });
  // The Leave table has no unique index: an existing leave is recognised here, and not written again.
  const leave = leaveRange
    ? await tx.leave.findMany({
        where: {
          from: { gte: new Date(`${leaveRange.earliest}T00:00:00Z`), lte: new Date(`${leaveRange.latest}T00:00:00Z`) },
        },
        select: { employeeId: true, from: true, to: true, kind: true },
      })
    : [];
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const policy = await readStoredPolicy(tx);
  const counters = await readCounters(tx);

  return {
    units: new Map(
      units.map((u) => [
        u.code,
        {
          id: u.id,
          name: u.name,
          parentCode: u.parentId === null ? null : unitCode.get(u.parentId)!,
          timeZone: u.timeZone,
          workingDays: [...u.workingDays].sort((a, b) => a - b),
          organisationalResult: u.organisationalResult,
        },
      ]),
    ),
    employees: new Map(
      employees.map((e) => [
        e.nip,
        {
          id: e.id,
          name: e.name,
          position: e.position,
          kind: e.kind,
          unitCode: unitCode.get(e.unitId)!,
          supervisorNip: e.supervisorId === null ? null : nipOf.get(e.supervisorId)!,
          // Roles and working days are sets: stored order must not count as a change.
          roles: ROLE_ORDER.filter((r) => e.roles.includes(r)),
          assessorUnits: [...e.assessorUnits].sort(),
          language: e.language,
          active: e.active,
        },
      ]),
    ),
    plans: new Map(plans.map((p) => [planKeyOf.get(p.id)!, p.id])),
    indicators: new Map(
      indicators.map((i) => [
        `${planKeyOf.get(i.planId)!}|${i.code}`,
        {
          id: i.id,
          rhk: i.rhk,
          rhkKind: i.rhkKind,
          aspect: i.aspect,
          indicator: i.indicator,
          target: i.target.toFixed(2),
          unitOfMeasure: i.unitOfMeasure,
          period: i.period,
          actionPlans: i.actionPlans,
        },
      ]),
    ),
    leave: new Set(leave.map((l) => leaveKey(nipOf.get(l.employeeId)!, day(l.from), day(l.to), l.kind))),
    policy: policy.overrides,
    counters,
  };
}
