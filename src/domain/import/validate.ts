import type { Message } from "../../lib/i18n.ts";
import { brokenPolicyRules } from "../policy/compose.ts";
import { checkCounters } from "./counters.ts";
import { duplicateOf, inColumn, unitUnknown, type Duplicate } from "./problems.ts";
import { indicatorKey, leaveKey, type Snapshot } from "./snapshot.ts";
import type {
  EmployeeRecord,
  ImportData,
  IndicatorRecord,
  Origin,
  PolicyRecord,
  Problem,
  UnitRecord,
} from "./types.ts";

type Report = (at: Origin, message: Message) => void;

/** The import's records, first of each key, with what else may be referred to. */
interface Known {
  units: Map<string, UnitRecord>;
  employees: Map<string, EmployeeRecord>;
  snapshot: Snapshot;
  refused: ImportData["refused"];
  deactivateMissing: boolean;
}

/**
 * Checks between records and against the database: duplicates, references to units and
 * supervisors, cycles in the unit tree and the supervision chain, and policy values that
 * contradict each other. Returns the problems and the records without their duplicates.
 */
export function crossCheck(
  input: ImportData,
  snapshot: Snapshot,
  options: { deactivateMissing: boolean },
): { data: ImportData; problems: Problem[] } {
  const problems: Problem[] = [];
  const report: Report = (at, message) => problems.push({ ...at, ...message });

  const known: Known = {
    units: firstOfEach(
      input.units,
      (u) => u.code,
      (u) => ({ key: "import-duplicate-unit", args: { code: u.code } }),
      report,
    ),
    employees: firstOfEach(
      input.employees,
      (e) => e.nip,
      (e) => ({ key: "import-duplicate-employee", args: { nip: e.nip } }),
      report,
    ),
    snapshot,
    refused: input.refused,
    deactivateMissing: options.deactivateMissing,
  };
  const indicators = firstOfEach(
    mergeActionPlanRows(input.indicators),
    (i) => indicatorKey(i.nip, i.year, i.code),
    (i) => ({ key: "import-duplicate-indicator", args: { code: i.code, nip: i.nip, year: String(i.year) } }),
    report,
  );
  checkUnits(known, report);
  checkEmployees(known, report);
  const leave = firstOfEach(
    input.leave,
    (l) => leaveKey(l.nip, l.from, l.to, l.kind),
    (l) => ({ key: "import-duplicate-leave", args: { nip: l.nip, from: l.from, to: l.to } }),
    report,
  );
  for (const record of [...indicators.values(), ...leave.values()]) {
    const problem = employeeProblem(record.nip, known);
    if (problem) report(record.at, problem);
  }
  const policy = firstOfEach(
    input.policy,
    (p) => p.key,
    (p) => ({ key: "import-duplicate-policy", args: { key: p.key } }),
    report,
  );
  checkPolicy(policy, snapshot, report);
  const counters = checkCounters(
    input.counters,
    { unit: (code) => unitKnown(code, known), nip: (nip) => employeeProblem(nip, known) },
    report,
  );

  return {
    data: {
      ...input,
      units: [...known.units.values()],
      employees: [...known.employees.values()],
      indicators: [...indicators.values()],
      leave: [...leave.values()],
      policy: [...policy.values()],
      counters,
    },
    problems,
  };
}

const unitKnown = (code: string, known: Known) =>
  known.units.has(code) || known.snapshot.units.has(code) || known.refused.unitCodes.has(code);

function checkUnits(known: Known, report: Report) {
  for (const unit of known.units.values()) {
    if (unit.parentCode !== null && !unitKnown(unit.parentCode, known))
      report(unit.at, { key: "import-parent-unknown", args: { code: unit.parentCode } });
  }
  const parentOf = (code: string) =>
    known.units.has(code) ? known.units.get(code)!.parentCode : (known.snapshot.units.get(code)?.parentCode ?? null);
  for (const { at, cycle } of cyclesFrom(known.units, parentOf)) {
    report(
      at,
      cycle.length === 2
        ? { key: "import-unit-own-parent", args: { code: cycle[0]! } }
        : { key: "import-unit-cycle", args: { cycle: cycle.join(" → ") } },
    );
  }
}

function checkEmployees(known: Known, report: Report) {
  for (const employee of known.employees.values()) {
    if (!unitKnown(employee.unitCode, known)) report(employee.at, unitUnknown(employee.unitCode));
    const supervisorProblem = employee.supervisorNip === null ? null : employeeProblem(employee.supervisorNip, known);
    if (supervisorProblem) report(employee.at, inColumn("nip_atasan", supervisorProblem));
    for (const code of employee.assessorUnits.filter((c) => !unitKnown(c, known)))
      report(employee.at, { key: "import-assessor-unit-unknown", args: { code } });
  }
  const supervisorOf = (nip: string) =>
    known.employees.has(nip)
      ? known.employees.get(nip)!.supervisorNip
      : (known.snapshot.employees.get(nip)?.supervisorNip ?? null);
  for (const { at, cycle } of cyclesFrom(known.employees, supervisorOf)) {
    report(
      at,
      cycle.length === 2
        ? { key: "import-own-supervisor", args: { nip: cycle[0]! } }
        : { key: "import-supervisor-cycle", args: { cycle: cycle.join(" → ") } },
    );
  }
}

/**
 * The values of the files set over those stored must agree (a minimum not above its maximum). A
 * contradiction is reported at the file's row of the first key involved; the stored values
 * agree among themselves, so one of the keys is always in the files.
 */
function checkPolicy(records: Map<string, PolicyRecord>, snapshot: Snapshot, report: Report) {
  const overrides = new Map(snapshot.policy);
  for (const [key, record] of records) overrides.set(key, record.value);
  for (const broken of brokenPolicyRules(overrides)) {
    const record = broken.keys.map((key) => records.get(key)).find((r) => r !== undefined);
    if (record) report(record.at, broken.problem);
  }
}

/** Why a NIP cannot be referred to, or null when it can. */
function employeeProblem(nip: string, known: Known): Message | null {
  if (known.employees.has(nip) || known.refused.nips.has(nip)) return null;
  if (!known.snapshot.employees.has(nip)) return { key: "import-nip-unknown", args: { nip } };
  // With --deactivate-missing the employee files are the whole roster: this person is about to leave it.
  if (known.deactivateMissing) return { key: "import-nip-deactivated", args: { nip } };
  return null;
}

/** Keeps the first record of each key and reports every later one. */
/**
 * One row per rencana aksi: rows of the same indicator that differ only in their rencana_aksi are
 * one indicator with all of them. Rows differing in anything else stay apart (a duplicate).
 */
function mergeActionPlanRows(records: IndicatorRecord[]): IndicatorRecord[] {
  const merged = new Map<string, IndicatorRecord>();
  const out: IndicatorRecord[] = [];
  const rest = ({ at: _at, actionPlans: _plans, ...fields }: IndicatorRecord) => JSON.stringify(fields);
  for (const record of records) {
    const key = indicatorKey(record.nip, record.year, record.code);
    const first = merged.get(key);
    if (first && rest(first) === rest(record)) {
      first.actionPlans = [...new Set([...first.actionPlans, ...record.actionPlans])];
      continue;
    }
    const copy = { ...record, actionPlans: [...record.actionPlans] };
    if (!first) merged.set(key, copy);
    out.push(copy);
  }
  return out;
}

function firstOfEach<T extends { at: Origin }>(
  records: T[],
  key: (r: T) => string,
  duplicate: (r: T) => Duplicate,
  report: Report,
): Map<string, T> {
  const first = new Map<string, T>();
  for (const record of records) {
    const earlier = first.get(key(record));
    if (earlier) report(record.at, duplicateOf(duplicate(record), earlier.at));
    else first.set(key(record), record);
  }
  return first;
}

/**
 * Follows `next` from every record and returns each cycle once, as the path that closes it
 * ("A → B → A"), reported at a record of the files that lies on it. Linear in the records,
 * so a 20,000-person supervision chain costs nothing.
 */
function cyclesFrom<T extends { at: Origin }>(
  records: Map<string, T>,
  next: (key: string) => string | null,
): { at: Origin; cycle: string[] }[] {
  const state = new Map<string, "on-path" | "done">();
  const found: { at: Origin; cycle: string[] }[] = [];
  for (const [start, record] of records) {
    const path: string[] = [];
    let key: string | null = start;
    while (key !== null && !state.has(key)) {
      state.set(key, "on-path");
      path.push(key);
      key = next(key);
    }
    if (key !== null && state.get(key) === "on-path") {
      const members = path.slice(path.indexOf(key));
      const first = members.find((k) => records.has(k)) ?? start;
      const from = members.indexOf(first);
      const rotated = [...members.slice(from), ...members.slice(0, from)];
      found.push({ at: records.get(first)?.at ?? record.at, cycle: [...rotated, first] });
    }
    for (const k of path) state.set(k, "done");
  }
  return found;
}
