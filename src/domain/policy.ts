import { z } from "zod";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Logger } from "../lib/logger.ts";
import {
  DEFAULT_SUGGESTION_THRESHOLDS,
  ORGANISATIONAL_RESULTS,
  RATING_MODES,
  type OrganisationalResult,
  type RatingMode,
  type SuggestionThresholds,
} from "../scoring/index.ts";
import type { EvaluationPeriodKind } from "./skp/periods.ts";

/**
 * Policy: the numbers docs/domain.md marks *policy*, in five sections (report, review, rating,
 * deadlines, schedule). The defaults are below; a region's own values come from `lapkin import`
 * (a file with the columns kunci,nilai) and are stored as JSON in KeyValue, one row per section
 * (`policy:<section>`), holding only the values that were set. Every stored value is checked
 * against its schema when loaded: one that is invalid is replaced by its default and reported,
 * so a bad row in the database never stops the bot.
 */

// --- the values and their defaults --------------------------------------------------------------

export interface ReportPolicy {
  /** How many working days before today a report may be dated. */
  backdateWorkingDays: number;
  /** 0 makes the evidence photo optional (docs/domain.md, "Daily reports": how many photos is policy). */
  minPhotos: number;
  maxPhotos: number;
  /** Whether an entry may be an "additional task" outside the SKP indicators. */
  allowAdditionalTask: boolean;
  /** Largest evidence file accepted, in bytes. */
  maxPhotoBytes: number;
  /** A /lapor left this long ends; the answers stay as a draft. */
  idleMinutes: number;
  /** Minutes one entry may claim. */
  maxMinutesPerEntry: number;
  /** Above this many minutes logged on one day, the employee is asked to confirm. */
  confirmMinutesPerDay: number;
  descriptionMinChars: number;
  descriptionMaxChars: number;
}

export const DEFAULT_POLICY: Readonly<ReportPolicy> = Object.freeze({
  backdateWorkingDays: 3,
  minPhotos: 1,
  maxPhotos: 10,
  allowAdditionalTask: true,
  maxPhotoBytes: 10 * 1024 * 1024,
  idleMinutes: 30,
  maxMinutesPerEntry: 720,
  confirmMinutesPerDay: 720,
  descriptionMinChars: 10,
  descriptionMaxChars: 1000,
});

/** Policy for supervisors' decisions on reports (docs/domain.md, "Review": act within 3 working days). */
export interface ReviewPolicy {
  /** A report pending more than this many working days reminds the supervisor. */
  reviewReminderWorkingDays: number;
  /** A report pending more than this many working days is escalated to the supervisor's own supervisor. */
  reviewEscalationWorkingDays: number;
  /** Reports per page in /persetujuan. */
  approvalsPageSize: number;
}

export const DEFAULT_REVIEW_POLICY: Readonly<ReviewPolicy> = Object.freeze({
  reviewReminderWorkingDays: 3,
  reviewEscalationWorkingDays: 5,
  approvalsPageSize: 5,
});

/** How periodic performance is rated (docs/domain.md, "Rating" and "Legacy scores"). */
export interface RatingPolicy {
  /** 2022 predicate rules by default; 2019 and 2011 are the legacy numeric modes. */
  mode: RatingMode;
  /** Periodic evaluation: quarterly by default, or monthly. */
  period: EvaluationPeriodKind;
  /** When realisation suggests MEETS or ABOVE (the supervisor decides; the suggestion only informs). */
  thresholds: SuggestionThresholds;
  /** The organisational result a unit is assumed to have when it has none of its own (distribution check). */
  organisationalResult: OrganisationalResult;
}

export const DEFAULT_RATING_POLICY: Readonly<RatingPolicy> = Object.freeze({
  mode: "2022",
  period: "QUARTER",
  thresholds: { ...DEFAULT_SUGGESTION_THRESHOLDS },
  organisationalResult: "BAIK",
});

/** SKP deadlines (docs/domain.md, "SKP": plan by 31 January, periodic evaluation closes on day 5 of the next month, annual by 31 January). */
export interface DeadlinePolicy {
  /** "MM-DD" of the year the plan is for. */
  skpPlanDue: string;
  /** Day of the month after a period by which its evaluation closes (past the month's end: its last day). */
  periodicCloseDay: number;
  /** "MM-DD" of the year after the one evaluated. */
  annualDue: string;
}

export const DEFAULT_DEADLINE_POLICY: Readonly<DeadlinePolicy> = Object.freeze({
  skpPlanDue: "01-31",
  periodicCloseDay: 5,
  annualDue: "01-31",
});

/** A scheduled job's switch and local time. */
export interface JobTiming {
  enabled: boolean;
  /** Local time "HH:mm" in each unit's own time zone. */
  time: string;
}

/** Policy of the scheduled jobs (src/jobs/scheduler.ts): local times, on/off switches and thresholds. */
export interface SchedulePolicy {
  reportReminder: JobTiming;
  reportNudge: JobTiming;
  approvalDigest: JobTiming;
  skpDeadlines: JobTiming & { daysBefore: number[] };
  weeklySummary: JobTiming & { recognition: boolean };
  /** The digest counts a report waiting more than this many working days as overdue (the review policy's 3). */
  escalateAfterWorkingDays: number;
  /** A missed run is still made up within its window; older ones are recorded SKIPPED. */
  summaryCatchUpHours: number;
  /** Local time after which a missed reminder or digest is no longer made up (recorded SKIPPED). */
  reminderCatchUpUntil: string;
  /** A summary made up at night is held from `summaryQuietFrom` until `summaryQuietUntil` (local). */
  summaryQuietFrom: string;
  summaryQuietUntil: string;
}

export const DEFAULT_SCHEDULE_POLICY: Readonly<SchedulePolicy> = Object.freeze({
  reportReminder: { enabled: true, time: "15:00" },
  reportNudge: { enabled: true, time: "16:30" },
  approvalDigest: { enabled: true, time: "08:00" },
  skpDeadlines: { enabled: true, time: "08:00", daysBefore: [7, 3, 1] },
  weeklySummary: { enabled: true, time: "16:00", recognition: true },
  escalateAfterWorkingDays: 3,
  summaryCatchUpHours: 24,
  reminderCatchUpUntil: "18:00",
  summaryQuietFrom: "21:00",
  summaryQuietUntil: "06:00",
});

/** Every section of the policy in force. */
export interface Policies {
  report: ReportPolicy;
  review: ReviewPolicy;
  rating: RatingPolicy;
  deadlines: DeadlinePolicy;
  schedule: SchedulePolicy;
}
export type PolicySection = keyof Policies;

const DEFAULTS: { readonly [S in PolicySection]: Readonly<Policies[S]> } = {
  report: DEFAULT_POLICY,
  review: DEFAULT_REVIEW_POLICY,
  rating: DEFAULT_RATING_POLICY,
  deadlines: DEFAULT_DEADLINE_POLICY,
  schedule: DEFAULT_SCHEDULE_POLICY,
};

/** The KeyValue row a section is stored in. */
export const policyStorageKey = (section: PolicySection) => `policy:${section}`;

// --- how each value is written in the import file and checked when stored -------------------------

/** One configurable value: the schema of its stored JSON, and how the import file's text cell reads and shows it. */
interface PolicyField<T> {
  schema: z.ZodType<T>;
  /** What a valid value looks like, for messages: "a whole number from 1 to 10". */
  expected: string;
  /** The cell's text as a candidate value (undefined when it cannot be one); the schema decides. */
  fromCell(cell: string): unknown;
  show(value: T): string;
}

const field = <T>(
  schema: z.ZodType<T>,
  expected: string,
  fromCell: (cell: string) => unknown,
  show: (value: T) => string = String,
): PolicyField<T> => ({
  schema,
  expected,
  fromCell,
  show,
});

const whole = (min: number, max: number) =>
  field(z.number().int().min(min).max(max), `a whole number from ${min} to ${max}`, (cell) =>
    /^\d+$/.test(cell) ? Number(cell) : undefined,
  );

const percent = field(z.number().positive().max(1000), "a percentage above 0 and at most 1000", (cell) =>
  /^\d+([.,]\d+)?$/.test(cell) ? Number(cell.replace(",", ".")) : undefined,
);

const YES_NO: Record<string, boolean> = {
  true: true,
  ya: true,
  yes: true,
  "1": true,
  false: false,
  tidak: false,
  no: false,
  "0": false,
};
const yesNo = field(z.boolean(), "true or false (ya or tidak)", (cell) => YES_NO[cell.toLowerCase()]);

// Indonesians write times with a dot ("15.00") as often as with a colon.
const localTime = field(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), "a local time HH:mm, like 15:00", (cell) => {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(cell);
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : undefined;
});

/** A day of the year that exists in every year (so not 02-29). */
function isMonthDay(value: string): boolean {
  const at = new Date(`2025-${value}T00:00:00Z`);
  return /^\d{2}-\d{2}$/.test(value) && !Number.isNaN(at.getTime()) && at.toISOString().slice(5, 10) === value;
}

// MM-DD as stored, or DD/MM the way the import's dates are written (DD/MM/YYYY).
const monthDay = field(
  z.string().refine(isMonthDay),
  "a date MM-DD (month first, like 01-31) or DD/MM (like 31/01)",
  (cell) => {
    const local = /^(\d{1,2})\/(\d{1,2})$/.exec(cell);
    return local ? `${local[2]!.padStart(2, "0")}-${local[1]!.padStart(2, "0")}` : cell;
  },
);

/** One of `values`, case and spaces not minding ("butuh perbaikan" is BUTUH_PERBAIKAN), or one of the aliases. */
function oneOf<T extends string>(values: readonly T[], aliases: Record<string, T> = {}) {
  return field(
    z.custom<T>((v) => values.includes(v as T)),
    `one of ${values.join(", ")}`,
    (cell) => {
      const word = cell.toLowerCase().replace(/\s+/g, "_");
      return aliases[word] ?? values.find((v) => v.toLowerCase() === word);
    },
  );
}

// Days before a deadline, largest first; ";" or spaces between them keep a comma-separated file intact.
const daysList = field(
  z.array(z.number().int().min(0).max(90)).min(1).max(10),
  "whole numbers from 0 to 90 separated by semicolons, like 7;3;1",
  (cell) =>
    /^\d+([\s,;]+\d+)*$/.test(cell) ? [...new Set(cell.split(/[\s,;]+/).map(Number))].sort((a, b) => b - a) : undefined,
  (days) => days.join(";"),
);

/** Where a policy value sits in its section: "thresholds.meetsMinPercent". */
type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string | number | boolean | readonly unknown[]
    ? `${P}${K}`
    : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
type At<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? At<T[H], R>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** Values of one section that must agree with each other, checked once the section is merged. */
interface Rule<T> {
  /** The first must not be more than the second (`strict`: must be less). */
  ordered: [Paths<T>, Paths<T>];
  strict?: boolean;
}

interface SectionSpec<T> {
  /** Every value of the section, by its path: the types make a missing or misspelt one a compile error. */
  fields: { [P in Paths<T>]: PolicyField<At<T, P>> };
  rules: Rule<T>[];
}

const SECTIONS: { [S in PolicySection]: SectionSpec<Policies[S]> } = {
  report: {
    fields: {
      backdateWorkingDays: whole(0, 20),
      minPhotos: whole(0, 10),
      // An album holds at most 10 photos.
      maxPhotos: whole(1, 10),
      allowAdditionalTask: yesNo,
      // A bot can download files of up to 20 MB.
      maxPhotoBytes: whole(1024 * 1024, 20 * 1024 * 1024),
      idleMinutes: whole(5, 1440),
      maxMinutesPerEntry: whole(1, 1440),
      confirmMinutesPerDay: whole(1, 1440),
      descriptionMinChars: whole(0, 1000),
      // A Telegram message holds 4,096 characters; the review card and /riwayat repeat the
      // description beside a supervisor's note of up to 1,000.
      descriptionMaxChars: whole(10, 2500),
    },
    rules: [{ ordered: ["minPhotos", "maxPhotos"] }, { ordered: ["descriptionMinChars", "descriptionMaxChars"] }],
  },
  review: {
    fields: {
      reviewReminderWorkingDays: whole(1, 30),
      reviewEscalationWorkingDays: whole(1, 60),
      approvalsPageSize: whole(1, 20),
    },
    rules: [{ ordered: ["reviewReminderWorkingDays", "reviewEscalationWorkingDays"] }],
  },
  rating: {
    fields: {
      mode: oneOf(RATING_MODES),
      period: oneOf<EvaluationPeriodKind>(["QUARTER", "MONTH"], {
        quarterly: "QUARTER",
        triwulan: "QUARTER",
        triwulanan: "QUARTER",
        monthly: "MONTH",
        bulanan: "MONTH",
      }),
      "thresholds.meetsMinPercent": percent,
      "thresholds.aboveAveragePercent": percent,
      organisationalResult: oneOf(ORGANISATIONAL_RESULTS),
    },
    rules: [{ ordered: ["thresholds.meetsMinPercent", "thresholds.aboveAveragePercent"] }],
  },
  deadlines: {
    fields: { skpPlanDue: monthDay, periodicCloseDay: whole(1, 31), annualDue: monthDay },
    rules: [],
  },
  schedule: {
    fields: {
      "reportReminder.enabled": yesNo,
      "reportReminder.time": localTime,
      "reportNudge.enabled": yesNo,
      "reportNudge.time": localTime,
      "approvalDigest.enabled": yesNo,
      "approvalDigest.time": localTime,
      "skpDeadlines.enabled": yesNo,
      "skpDeadlines.time": localTime,
      "skpDeadlines.daysBefore": daysList,
      "weeklySummary.enabled": yesNo,
      "weeklySummary.time": localTime,
      "weeklySummary.recognition": yesNo,
      escalateAfterWorkingDays: whole(1, 30),
      // The scheduler looks back 7 days for missed runs.
      summaryCatchUpHours: whole(1, 168),
      reminderCatchUpUntil: localTime,
      summaryQuietFrom: localTime,
      summaryQuietUntil: localTime,
    },
    // The nudge is for those still without a report after the reminder.
    rules: [{ ordered: ["reportReminder.time", "reportNudge.time"], strict: true }],
  },
};

/** A value's key in the import file: its section and path, "rating.thresholds.meetsMinPercent". */
interface KeySpec {
  key: string;
  section: PolicySection;
  path: string;
  field: PolicyField<unknown>;
}

const KEYS: KeySpec[] = (Object.keys(SECTIONS) as PolicySection[]).flatMap((section) =>
  Object.entries(SECTIONS[section].fields as Record<string, PolicyField<unknown>>).map(([path, field]) => ({
    key: `${section}.${path}`,
    section,
    path,
    field,
  })),
);
const BY_KEY = new Map(KEYS.map((k) => [k.key.toLowerCase(), k]));

/** The import file's keys, in the order `lapkin policy` shows them. */
export const POLICY_KEYS: readonly string[] = KEYS.map((k) => k.key);

/** The key as written (any case) in its canonical spelling, or undefined when there is no such key. */
export const policyKey = (written: string): string | undefined => BY_KEY.get(written.trim().toLowerCase())?.key;

/** A cell of the import file read as the key's value, or why it cannot be. */
export function readPolicyValue(
  key: string,
  cell: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const spec = specOf(key);
  const checked = spec.field.schema.safeParse(spec.field.fromCell(cell.trim()));
  return checked.success
    ? { ok: true, value: checked.data }
    : { ok: false, error: `${spec.key} "${cell}" is not ${spec.field.expected}` };
}

/** A value as the import file writes it. */
export const showPolicyValue = (key: string, value: unknown): string => specOf(key).field.show(value);

const specOf = (key: string): KeySpec => {
  const spec = BY_KEY.get(key.toLowerCase());
  if (!spec) throw new Error(`unknown policy key ${key}`);
  return spec;
};

// --- stored values -----------------------------------------------------------------------------

/** Values set by import, by key ("rating.mode" → "2019"); a key absent has its default. */
export type PolicyOverrides = Map<string, unknown>;

type KeyValueReader = Pick<Prisma.TransactionClient, "keyValue">;

export interface StoredPolicy {
  overrides: PolicyOverrides;
  /** Stored values that were invalid, unknown or inconsistent, each replaced by its default. */
  problems: string[];
}

/** Reads the stored sections, keeping every valid value and describing each one left out. */
export async function readStoredPolicy(db: KeyValueReader): Promise<StoredPolicy> {
  const sections = Object.keys(SECTIONS) as PolicySection[];
  const rows = await db.keyValue.findMany({ where: { key: { in: sections.map(policyStorageKey) } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const result: StoredPolicy = { overrides: new Map(), problems: [] };
  for (const section of sections) readSection(section, stored.get(policyStorageKey(section)), result);
  return result;
}

function readSection(section: PolicySection, stored: unknown, into: StoredPolicy): void {
  if (stored === undefined || stored === null) return;
  if (!isObject(stored)) {
    into.problems.push(`${policyStorageKey(section)} is not a JSON object; the defaults are used`);
    return;
  }
  const found: PolicyOverrides = new Map();
  for (const [path, value] of leavesOf(stored)) {
    const spec = BY_KEY.get(`${section}.${path}`.toLowerCase());
    if (!spec || spec.key !== `${section}.${path}`)
      into.problems.push(`${policyStorageKey(section)} holds "${path}", which is not a policy value; it is ignored`);
    else if (!spec.field.schema.safeParse(value).success)
      into.problems.push(
        `${spec.key}: the stored ${JSON.stringify(value)} is not ${spec.field.expected}; the default ${showDefault(spec)} is used`,
      );
    else found.set(spec.key, value);
  }
  // Values that contradict each other (minimum above maximum) both fall back to their defaults.
  for (const broken of brokenPolicyRules(found)) {
    into.problems.push(`${broken.message}; the defaults of ${broken.keys.join(" and ")} are used`);
    for (const key of broken.keys) found.delete(key);
  }
  for (const [key, value] of found) into.overrides.set(key, value);
}

/** Nested JSON as (dotted path, value) pairs; arrays are values. */
function leavesOf(value: Record<string, unknown>, prefix = ""): Array<[string, unknown]> {
  return Object.entries(value).flatMap(([name, inner]) =>
    isObject(inner) ? leavesOf(inner, `${prefix}${name}.`) : [[`${prefix}${name}`, inner] as [string, unknown]],
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The rules the overrides break, merged over the defaults: the keys involved and a message naming them. */
export function brokenPolicyRules(overrides: PolicyOverrides): Array<{ keys: string[]; message: string }> {
  const policies = composePolicies(overrides);
  const broken: Array<{ keys: string[]; message: string }> = [];
  for (const section of Object.keys(SECTIONS) as PolicySection[]) {
    for (const rule of SECTIONS[section].rules as Array<{ ordered: string[]; strict?: boolean }>) {
      const keys = rule.ordered.map((path) => `${section}.${path}`);
      const [low, high] = keys.map((key) => valueAt(policies, key) as number | string);
      if (rule.strict ? low! < high! : low! <= high!) continue;
      broken.push({
        keys,
        message: `${keys[0]} (${low}) must be ${rule.strict ? "earlier than" : "at most"} ${keys[1]} (${high})`,
      });
    }
  }
  return broken;
}

/** The policy in force: the defaults, with the overrides set over them. */
export function composePolicies(overrides: PolicyOverrides): Policies {
  const policies = structuredClone(DEFAULTS) as Policies;
  for (const [key, value] of overrides)
    setAt(policies as unknown as Record<string, unknown>, key, structuredClone(value));
  return policies;
}

/** The overrides of each section as the JSON stored under `policy:<section>`. */
export function storedSections(
  overrides: PolicyOverrides,
): Array<{ section: PolicySection; key: string; value: Record<string, unknown> }> {
  const sections = new Map<PolicySection, Record<string, unknown>>();
  for (const [key, value] of overrides) {
    const spec = specOf(key);
    if (!sections.has(spec.section)) sections.set(spec.section, {});
    setAt(sections.get(spec.section)!, spec.path, value);
  }
  return [...sections].map(([section, value]) => ({ section, key: policyStorageKey(section), value }));
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split(".");
  let node = target;
  for (const name of names.slice(0, -1)) {
    if (!isObject(node[name])) node[name] = {};
    node = node[name] as Record<string, unknown>;
  }
  node[names.at(-1)!] = value;
}

function valueAt(source: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, name) => (isObject(node) ? node[name] : undefined), source);
}

/** A key's value in force: the one set by import, or its default. */
export const effectivePolicyValue = (overrides: PolicyOverrides, key: string): unknown =>
  overrides.has(key) ? overrides.get(key) : valueAt(DEFAULTS, key);

const showDefault = (spec: KeySpec) => spec.field.show(valueAt(DEFAULTS, spec.key));

// --- loading -----------------------------------------------------------------------------------

type Warn = Pick<Logger, "warn">;

/** Every section in force, from one read; stored values that are invalid are logged and replaced by their defaults. */
export async function loadPolicies(db: KeyValueReader, logger?: Warn): Promise<Policies> {
  const stored = await readStoredPolicy(db);
  warn(logger, stored.problems);
  return composePolicies(stored.overrides);
}

async function loadSection<S extends PolicySection>(
  db: KeyValueReader,
  section: S,
  logger?: Warn,
): Promise<Policies[S]> {
  const row = await db.keyValue.findUnique({ where: { key: policyStorageKey(section) } });
  const problems: string[] = [];
  const policy = mergeStoredSection(section, row?.value, problems);
  warn(logger, problems);
  return policy;
}

export const loadReportPolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "report", logger);
export const loadRatingPolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "rating", logger);
export const loadDeadlinePolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "deadlines", logger);
export const loadSchedulePolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "schedule", logger);

/** One section's stored JSON merged over its defaults, value by value; what is invalid is left out and described in `problems`. */
export function mergeStoredSection<S extends PolicySection>(
  section: S,
  stored: unknown,
  problems: string[] = [],
): Policies[S] {
  const result: StoredPolicy = { overrides: new Map(), problems };
  readSection(section, stored, result);
  return composePolicies(result.overrides)[section];
}

function warn(logger: Warn | undefined, problems: string[]): void {
  for (const problem of problems) logger?.warn(`policy: ${problem}`);
}

// --- describing ---------------------------------------------------------------------------------

export interface PolicyEntry {
  key: string;
  section: PolicySection;
  /** As the import file writes it. */
  value: string;
  defaultValue: string;
  source: "default" | "import";
}

/** Every value in force, in key order, with its default and where it comes from (for `lapkin policy`). */
export function describePolicies(overrides: PolicyOverrides): PolicyEntry[] {
  const policies = composePolicies(overrides);
  return KEYS.map((spec) => ({
    key: spec.key,
    section: spec.section,
    value: spec.field.show(valueAt(policies, spec.key)),
    defaultValue: showDefault(spec),
    source: overrides.has(spec.key) ? "import" : "default",
  }));
}
