import type { Message } from "../../lib/i18n.ts";
import { normaliseNip, validateNip } from "../nip.ts";
import {
  parseAspect,
  parseDate,
  parseEmployeeKind,
  parseLanguage,
  parseLeaveKind,
  parseOrganisationalResult,
  parsePeriod,
  parsePolicyKey,
  parseRhkKind,
  parseRoles,
  parseUnitCodes,
  parseTarget,
  parseTimeZone,
  parseWorkingDays,
  parseYear,
  type Parsed,
} from "./fields.ts";
import { recogniseLayout } from "./layouts.ts";
import { readPolicyValue } from "../policy/keys.ts";
import type {
  CounterRecord,
  EmployeeRecord,
  ImportData,
  IndicatorRecord,
  LeaveRecord,
  Origin,
  PolicyRecord,
  Problem,
  Table,
  UnitRecord,
} from "./types.ts";

export interface RowDefaults {
  /** For a unit whose zona_waktu is empty (DEFAULT_TIMEZONE). */
  timeZone: string;
}

const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

/**
 * Turns recognised tables into records, checking each cell on its own. Problems of every row are
 * collected; a row with any problem yields no record.
 */
export function recordsFromTables(
  tables: Table[],
  defaults: RowDefaults,
): { data: ImportData; problems: Problem[]; ignoredColumns: { file: string; columns: string[] }[] } {
  const data: ImportData = {
    units: [],
    employees: [],
    indicators: [],
    leave: [],
    policy: [],
    counters: [],
    hasEmployeeFile: false,
    refused: { unitCodes: new Set(), nips: new Set() },
  };
  const problems: Problem[] = [];
  const ignoredColumns: { file: string; columns: string[] }[] = [];
  for (const table of tables) {
    const recognised = recogniseLayout(table);
    if (!recognised.ok) {
      problems.push(recognised.problem);
      continue;
    }
    if (recognised.ignoredColumns.length > 0)
      ignoredColumns.push({ file: table.file, columns: recognised.ignoredColumns });
    if (recognised.layout === "employees") data.hasEmployeeFile = true;
    for (const { row, cells } of table.rows) {
      const reader = new RowReader(table, row, cells, problems);
      if (recognised.layout === "units")
        keep(data.units, unitFrom(reader, defaults), () => data.refused.unitCodes.add(reader.text("kode")));
      else if (recognised.layout === "employees")
        keep(data.employees, employeeFrom(reader), () => data.refused.nips.add(normaliseNip(reader.text("nip"))));
      else if (recognised.layout === "leave") keep(data.leave, leaveFrom(reader), () => {});
      else if (recognised.layout === "policy") keep(data.policy, policyFrom(reader), () => {});
      else if (recognised.layout === "counters") keep(data.counters, counterFrom(reader), () => {});
      else keep(data.indicators, indicatorFrom(reader), () => {});
    }
  }
  return { data, problems, ignoredColumns };
}

function keep<T>(list: T[], record: T | null, noteRefused: () => void) {
  if (record) list.push(record);
  else noteRefused();
}

function unitFrom(r: RowReader, defaults: RowDefaults): UnitRecord | null {
  return r.result({
    at: r.at,
    code: r.required("kode"),
    name: r.required("nama"),
    parentCode: r.text("induk") || null,
    timeZone: r.parse("zona_waktu", parseTimeZone, defaults.timeZone),
    workingDays: r.parse("hari_kerja", parseWorkingDays, DEFAULT_WORKING_DAYS),
    organisationalResult: r.parse("predikat_organisasi", parseOrganisationalResult, null),
  });
}

function employeeFrom(r: RowReader): EmployeeRecord | null {
  const kind = r.parse("jenis", parseEmployeeKind, "PNS");
  return r.result({
    at: r.at,
    // Without a valid jenis the NIP rules to apply are unknown; that problem is already reported.
    nip: kind ? r.parse("nip", (cell) => parseNip(cell, kind)) : normaliseNip(r.text("nip")),
    name: r.required("nama"),
    position: r.required("jabatan"),
    kind,
    unitCode: r.required("unit"),
    supervisorNip: normaliseNip(r.text("nip_atasan")) || null,
    roles: r.parse("peran", parseRoles, []),
    assessorUnits: r.parse("unit_penilai", parseUnitCodes, []),
    language: r.parse("bahasa", parseLanguage, null),
  });
}

function indicatorFrom(r: RowReader): IndicatorRecord | null {
  return r.result({
    at: r.at,
    nip: normaliseNip(r.required("nip")),
    year: r.parse("tahun", parseYear),
    code: r.required("kode"),
    rhk: r.required("rhk"),
    rhkKind: r.parse("jenis_rhk", parseRhkKind),
    aspect: r.parse("aspek", parseAspect),
    indicator: r.required("indikator"),
    target: r.parse("target", parseTarget),
    unitOfMeasure: r.required("satuan"),
    period: r.parse("periode", parsePeriod, "YEAR"),
    actionPlans: r.parse("rencana_aksi", parseActionPlans, []),
  });
}

const ACTION_PLAN_MAX_CHARS = 500;

/** "Menyusun draf; Rapat koordinasi" → both, trimmed, each once. */
function parseActionPlans(cell: string): Parsed<string[]> {
  const plans = [...new Set(cell.split(";").map((p) => p.trim()))].filter((p) => p !== "");
  const long = plans.find((p) => p.length > ACTION_PLAN_MAX_CHARS);
  if (long)
    return {
      ok: false,
      error: {
        key: "import-action-plan-too-long",
        args: { start: long.slice(0, 40), max: String(ACTION_PLAN_MAX_CHARS) },
      },
    };
  return { ok: true, value: plans };
}

function leaveFrom(r: RowReader): LeaveRecord | null {
  const nip = normaliseNip(r.required("nip"));
  const from = r.parse("dari", parseDate);
  const to = r.parse("sampai", parseDate);
  const kind = r.parse("jenis", parseLeaveKind);
  if (from !== undefined && to !== undefined && to < from)
    r.problem({ key: "import-leave-ends-before-start", args: { from, to } });
  return r.result({ at: r.at, nip, from, to, kind });
}

function policyFrom(r: RowReader): PolicyRecord | null {
  const key = r.parse("kunci", parsePolicyKey);
  const value = key === undefined ? undefined : r.parse("nilai", (cell) => readPolicyValue(key, cell));
  // A list like 7;3;1 left unquoted in a semicolon-separated file would be cut short without a word.
  if (r.overflows()) r.problem({ key: "import-row-too-many-cells" });
  return r.result({ at: r.at, key, value });
}

function counterFrom(r: RowReader): CounterRecord | null {
  const staffNips = [...new Set(r.text("nip_petugas").split(";").map(normaliseNip).filter(Boolean))].sort();
  return r.result({
    at: r.at,
    code: r.required("kode"),
    unitCode: r.required("unit"),
    name: r.required("nama"),
    staffNips,
  });
}

function parseNip(cell: string, kind: "PNS" | "PPPK"): Parsed<string> {
  const nip = normaliseNip(cell);
  const checked = validateNip(nip, kind);
  if (checked.ok) return { ok: true, value: nip };
  // A PPPK number under jenis PNS (the default) is the usual mistake: say so.
  const maybePppk = kind === "PNS" && validateNip(nip, "PPPK").ok;
  const args = { kind, nip, problem: checked.message };
  return { ok: false, error: { key: maybePppk ? "import-nip-invalid-maybe-pppk" : "import-nip-invalid", args } };
}

/** Reads one data row by column name, noting each bad cell as a problem of this row. */
class RowReader {
  readonly at: Origin;
  private failed = false;

  constructor(
    private readonly table: Table,
    row: number,
    private readonly cells: string[],
    private readonly problems: Problem[],
  ) {
    this.at = { file: table.file, row };
  }

  /** The cell's trimmed text; "" when empty or when the column is absent. */
  text(column: string): string {
    const index = this.table.header.indexOf(column);
    return index < 0 ? "" : (this.cells[index] ?? "");
  }

  required(column: string): string {
    const cell = this.text(column);
    if (cell === "") this.fail(missing(column));
    return cell;
  }

  /** An empty cell gives `fallback`, or a problem when there is none. */
  parse<T>(column: string, parser: (cell: string) => Parsed<T>, ...fallback: [T?]): T {
    const cell = this.text(column);
    if (cell === "" && fallback.length > 0) return fallback[0] as T;
    if (cell === "") return this.fail(missing(column));
    const parsed = parser(cell);
    return parsed.ok ? parsed.value : this.fail(parsed.error);
  }

  /** Whether the row has filled cells beyond the header's columns. */
  overflows(): boolean {
    return this.cells.slice(this.table.header.length).some((cell) => cell !== "");
  }

  /** A problem of the row as a whole (between cells). */
  problem(message: Message): void {
    this.fail(message);
  }

  result<T>(record: T): T | null {
    return this.failed ? null : record;
  }

  /** Notes the problem and returns a placeholder; `result` then discards the whole record. */
  private fail<T>(message: Message): T {
    this.failed = true;
    this.problems.push({ ...this.at, ...message });
    return undefined as T;
  }
}

const missing = (column: string): Message => ({ key: "import-missing", args: { column } });
