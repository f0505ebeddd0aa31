import type {
  EmployeeKind,
  IndicatorAspect,
  LeaveKind,
  OrganisationalResult,
  RhkKind,
  Role,
} from "../../generated/prisma/enums.ts";
import { plainText, type Message } from "../../lib/i18n.ts";

/**
 * One thing wrong with the input, as a message worded in the reader's language (locales/, "import
 * problems"). `row` is the spreadsheet row (the header is row 1); absent for a whole-file problem.
 */
export interface Problem extends Message {
  file: string;
  row?: number;
}

/** Where a record came from, for messages. */
export interface Origin {
  file: string;
  row: number;
}

export type LayoutName = "units" | "employees" | "skp" | "leave" | "policy" | "counters";

/** A sheet or CSV file as read: the normalised header and its data rows, cells trimmed. */
export interface Table {
  file: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** A unit's fields as the files give them and the database stores them: what an import compares. */
export interface UnitFields {
  name: string;
  parentCode: string | null;
  timeZone: string;
  workingDays: number[];
  /** Null: the policy's `rating.organisationalResult` applies. */
  organisationalResult: OrganisationalResult | null;
}

export interface UnitRecord extends UnitFields {
  at: Origin;
  code: string;
}

/** An employee's fields as the files give them and the database stores them, the language apart (a file may leave it empty). */
export interface EmployeeFields {
  name: string;
  position: string;
  kind: EmployeeKind;
  unitCode: string;
  supervisorNip: string | null;
  roles: Role[];
  /** unit_penilai: the unit codes an assessment-team member reviews (with the units below); empty: the whole instansi. */
  assessorUnits: string[];
}

export interface EmployeeRecord extends EmployeeFields {
  at: Origin;
  nip: string;
  /** null: the cell was empty, so a new employee gets "id" and an existing one keeps the language they chose. */
  language: string | null;
}

/** An SKP indicator's fields as the files give them and the database stores them. */
export interface IndicatorFields {
  rhk: string;
  rhkKind: RhkKind;
  aspect: IndicatorAspect;
  indicator: string;
  /** Normalised to two decimals ("12.50"), as the column stores it. */
  target: string;
  unitOfMeasure: string;
  period: string;
  /** e-Kinerja's rencana aksi under the indicator: "a; b" in one cell, or one row per action (merged). */
  actionPlans: string[];
}

export interface IndicatorRecord extends IndicatorFields {
  at: Origin;
  nip: string;
  year: number;
  code: string;
}

/** A leave (cuti, dinas luar): identified by employee, both dates and kind. */
export interface LeaveRecord {
  at: Origin;
  nip: string;
  /** Local dates "YYYY-MM-DD", inclusive; `to` is never before `from`. */
  from: string;
  to: string;
  kind: LeaveKind;
}

/** One policy value (src/domain/policy/keys.ts): its key as spelt there, and the value read from the cell. */
export interface PolicyRecord {
  at: Origin;
  key: string;
  value: unknown;
}

/** A service counter (layanan) with the employees who serve there. */
export interface CounterRecord {
  at: Origin;
  code: string;
  unitCode: string;
  name: string;
  /** Sorted, without repeats. */
  staffNips: string[];
}

export interface ImportData {
  units: UnitRecord[];
  employees: EmployeeRecord[];
  indicators: IndicatorRecord[];
  leave: LeaveRecord[];
  policy: PolicyRecord[];
  counters: CounterRecord[];
  /** Whether any employee file was given (`--deactivate-missing` needs one). */
  hasEmployeeFile: boolean;
  /**
   * Keys of rows refused for a bad cell. They are reported already, so a reference to one of
   * them is not reported a second time as unknown.
   */
  refused: { unitCodes: Set<string>; nips: Set<string> };
}

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  files: string[];
  dryRun: boolean;
  units: KindCounts;
  employees: KindCounts & { deactivated: number };
  skpPlans: { created: number };
  indicators: KindCounts;
  /** Leave is never updated: a row either exists already (same employee, dates and kind) or is created. */
  leave: { created: number; unchanged: number };
  /** Policy values set to something new, and those already stored as given. */
  policy: { changed: number; unchanged: number };
  counters: KindCounts;
  /** Columns that no layout knows; they were ignored. */
  ignoredColumns: { file: string; columns: string[] }[];
}

/**
 * Something the person running the import can fix (a path, an option, the files); nothing was
 * written. `reason` is worded in the reader's language; `message` is it in English, for the command line.
 */
export class ImportError extends Error {
  constructor(readonly reason: Message) {
    super(plainText("en", reason));
  }
}

/** The files have problems, all listed; nothing was written. */
export class ImportRefused extends ImportError {
  constructor(readonly problems: Problem[]) {
    const files = new Set(problems.map((p) => p.file)).size;
    super({ key: "import-refused", args: { problems: problems.length, files } });
  }
}

/** The problem with its file and row in front ("unit.csv:3: …"), to be worded by renderMessage or plainText. */
export const problemLine = ({ file, row, key, args }: Problem): Message =>
  row === undefined
    ? { key: "import-problem-in-file", args: { file, problem: { key, args } } }
    : { key: "import-problem-at-row", args: { file, row: String(row), problem: { key, args } } };
