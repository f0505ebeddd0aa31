import { indicatorKey, leaveKey, planKey, type Snapshot } from "./snapshot.ts";
import { effectivePolicyValue } from "../policy/compose.ts";
import { planCounters, type CounterPlan } from "./counters.ts";
import type { EmployeeRecord, ImportData, IndicatorRecord, LeaveRecord, PolicyRecord, UnitRecord } from "./types.ts";

/** An employee as it should be stored: the language is resolved (an empty cell keeps the chosen one). */
export type EmployeeTarget = EmployeeRecord & { language: string };

export interface ImportPlan {
  units: { create: UnitRecord[]; update: UnitRecord[]; unchanged: number };
  employees: { create: EmployeeTarget[]; update: EmployeeTarget[]; unchanged: number; deactivate: string[] };
  plans: { create: { nip: string; year: number }[] };
  indicators: { create: IndicatorRecord[]; update: IndicatorRecord[]; unchanged: number };
  /** Leave has no fields beyond its key: it exists already or is created. */
  leave: { create: LeaveRecord[]; unchanged: number };
  /** Policy values to store; `before` holds the value in force until now (stored or default) of each. */
  policy: { set: PolicyRecord[]; before: Record<string, unknown>; unchanged: number };
  counters: CounterPlan;
}

/**
 * Compares the validated records with the database, in the files' own keys. Only what differs is
 * written, so a re-import of the same files changes no row and moves no `updatedAt`.
 */
export function planImport(data: ImportData, snapshot: Snapshot, options: { deactivateMissing: boolean }): ImportPlan {
  const units = split(data.units, (u) => snapshot.units.get(u.code), [
    "name",
    "parentCode",
    "timeZone",
    "workingDays",
    "organisationalResult",
  ]);

  const employeeTargets = data.employees.map((e) => ({
    ...e,
    language: e.language ?? snapshot.employees.get(e.nip)?.language ?? "id",
  }));
  // Being in the employee files makes a deactivated employee active again.
  const employees = split(
    employeeTargets,
    (e) => snapshot.employees.get(e.nip),
    ["name", "position", "kind", "unitCode", "supervisorNip", "roles", "assessorUnits", "language", "active"],
    { active: true },
  );
  const listed = new Set(data.employees.map((e) => e.nip));
  const deactivate = options.deactivateMissing
    ? [...snapshot.employees].filter(([nip, e]) => e.active && !listed.has(nip)).map(([nip]) => nip)
    : [];

  const newPlans = new Map<string, { nip: string; year: number }>();
  for (const { nip, year } of data.indicators) {
    if (!snapshot.plans.has(planKey(nip, year))) newPlans.set(planKey(nip, year), { nip, year });
  }
  const indicators = split(data.indicators, (i) => snapshot.indicators.get(indicatorKey(i.nip, i.year, i.code)), [
    "rhk",
    "rhkKind",
    "aspect",
    "indicator",
    "target",
    "unitOfMeasure",
    "period",
    "actionPlans",
  ]);

  const newLeave = data.leave.filter((l) => !snapshot.leave.has(leaveKey(l.nip, l.from, l.to, l.kind)));

  // A value given equal to its default is still stored: the file, not the default, then decides it.
  const policy = data.policy.filter(
    (p) => !snapshot.policy.has(p.key) || !sameJson(snapshot.policy.get(p.key), p.value),
  );

  return {
    units,
    employees: { ...employees, deactivate },
    plans: { create: [...newPlans.values()] },
    indicators,
    leave: { create: newLeave, unchanged: data.leave.length - newLeave.length },
    policy: {
      set: policy,
      before: Object.fromEntries(policy.map((p) => [p.key, effectivePolicyValue(snapshot.policy, p.key)])),
      unchanged: data.policy.length - policy.length,
    },
    counters: planCounters(data.counters, snapshot.counters),
  };
}

/**
 * Sorts records into new, changed and unchanged by comparing `fields` with the stored row.
 * `implied` holds values every record stands for without carrying them (an employee listed is active).
 */
function split<R extends object, E extends object>(
  records: R[],
  existing: (record: R) => E | undefined,
  fields: (keyof E & string)[],
  implied: Record<string, unknown> = {},
): { create: R[]; update: R[]; unchanged: number } {
  const result = { create: [] as R[], update: [] as R[], unchanged: 0 };
  for (const record of records) {
    const stored = existing(record) as Record<string, unknown> | undefined;
    const wanted = { ...record, ...implied } as Record<string, unknown>;
    if (!stored) result.create.push(record);
    else if (fields.some((f) => !same(wanted[f], stored[f]))) result.update.push(record);
    else result.unchanged += 1;
  }
  return result;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
