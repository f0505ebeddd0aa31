import type { EmployeeKind, IndicatorAspect, LeaveKind, RhkKind, Role } from "../../generated/prisma/enums.ts";
import { ORGANISATIONAL_RESULTS, type OrganisationalResult } from "../../scoring/index.ts";
import { policyKey } from "../policy/keys.ts";
import type { Message, MessageArgs } from "../../lib/i18n.ts";
import { TIME_ZONES, timeZoneFromName } from "../../lib/time.ts";

/** A cell read into a value, or why it could not be (a message of locales/, "import problems"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Message };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const error = <T>(key: string, args?: MessageArgs): Parsed<T> => ({ ok: false, error: { key, args } });

/**
 * Looks a cell up in a table of accepted words (case-insensitive); `column` names the column in
 * the message, `allowed` the words to write.
 */
function oneOf<T>(words: Record<string, T>, column: string, allowed: string | Message) {
  return (cell: string): Parsed<T> => {
    const value = words[cell.toLowerCase()];
    return value === undefined ? error("import-not-one-of", { column, value: cell, allowed }) : ok(value);
  };
}

export const parseTimeZone = (cell: string): Parsed<string> => {
  const zone = timeZoneFromName(cell);
  return zone ? ok(zone) : error("import-timezone-unknown", { value: cell, zones: TIME_ZONES.join(", ") });
};

// "Butuh Perbaikan", "butuh_perbaikan" and "BUTUH_PERBAIKAN" all name BUTUH_PERBAIKAN.
export const parseOrganisationalResult = oneOf<OrganisationalResult>(
  Object.fromEntries(
    ORGANISATIONAL_RESULTS.flatMap((result) =>
      [result.toLowerCase(), result.toLowerCase().replace("_", " ")].map((word) => [word, result]),
    ),
  ),
  "predikat_organisasi",
  ORGANISATIONAL_RESULTS.map((result) => result.toLowerCase().replace("_", " ")).join(", "),
);

export const parseEmployeeKind = oneOf<EmployeeKind>({ pns: "PNS", pppk: "PPPK" }, "jenis", "PNS, PPPK");

export const parseLanguage = oneOf<string>({ id: "id", en: "en" }, "bahasa", "id, en");

export const parseRhkKind = oneOf<RhkKind>(
  { utama: "MAIN", tambahan: "ADDITIONAL", main: "MAIN", additional: "ADDITIONAL" },
  "jenis_rhk",
  "utama, tambahan",
);

export const parseAspect = oneOf<IndicatorAspect>(
  {
    kuantitas: "QUANTITY",
    kualitas: "QUALITY",
    waktu: "TIME",
    biaya: "COST",
    quantity: "QUANTITY",
    quality: "QUALITY",
    time: "TIME",
    cost: "COST",
  },
  "aspek",
  "kuantitas, kualitas, waktu, biaya",
);

const parseRole = oneOf<Role>(
  { admin: "ADMIN", penilai: "PENILAI", kepala: "HEAD", head: "HEAD" },
  "peran",
  "admin, penilai, kepala",
);

/** "DISKOMINFO; DINKES": a set of unit codes, sorted so comparisons are stable. */
export function parseUnitCodes(cell: string): Parsed<string[]> {
  const codes = cell
    .split(";")
    .map((c) => c.trim())
    .filter(Boolean);
  return ok([...new Set(codes)].sort());
}

export const ROLE_ORDER: readonly Role[] = ["ADMIN", "PENILAI", "HEAD"];

/** "admin; penilai" or "admin,kepala": a set, kept in a fixed order so comparisons are stable. */
export function parseRoles(cell: string): Parsed<Role[]> {
  const roles = new Set<Role>();
  for (const word of cell
    .split(/[;,]/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const role = parseRole(word);
    if (!role.ok) return role;
    roles.add(role.value);
  }
  return ok(ROLE_ORDER.filter((r) => roles.has(r)));
}

/** ISO weekdays as a range ("1-5", "1-6") or a list ("1,2,3,4,5"); returned sorted, without repeats. */
export function parseWorkingDays(cell: string): Parsed<number[]> {
  const bad = error<number[]>("import-working-days-invalid", { value: cell });
  const compact = cell.replace(/\s+/g, "");
  const range = /^([1-7])-([1-7])$/.exec(compact);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return from <= to ? ok(Array.from({ length: to - from + 1 }, (_, i) => from + i)) : bad;
  }
  if (!/^[1-7]([,;][1-7])*$/.test(compact)) return bad;
  return ok([...new Set(compact.split(/[,;]/).map(Number))].sort((a, b) => a - b));
}

/**
 * A positive number with at most two decimals: "12.5", "12,5" (decimal comma), "1.000,5" or
 * "1,000.5" (whichever separator comes last is the decimal one), "1.000.000" (grouping only).
 * Returned as "12.50". "1.000" reads as one with three decimals and is refused, not guessed.
 */
export function parseTarget(cell: string): Parsed<string> {
  const compact = cell.replace(/\s+/g, "");
  const digits = compact.replace(/^-/, "");
  const notANumber = error<string>("import-target-not-a-number", { value: cell });
  if (!/^\d[\d.,]*$/.test(digits) || /[.,]$/.test(digits)) return notANumber;

  const marks = digits.match(/[.,]/g) ?? [];
  const groupingOnly = marks.length > 1 && marks.every((m) => m === marks[0]);
  const cut = groupingOnly ? -1 : Math.max(digits.lastIndexOf("."), digits.lastIndexOf(","));
  const integerPart = cut < 0 ? digits : digits.slice(0, cut);
  const fraction = cut < 0 ? "" : digits.slice(cut + 1);
  if (!/^\d+$/.test(integerPart) && !/^\d{1,3}([.,]\d{3})+$/.test(integerPart)) return notANumber;

  const integer = integerPart.replace(/[.,]/g, "").replace(/^0+(?=\d)/, "");
  if (compact.startsWith("-") || Number(`${integer}.${fraction || "0"}`) <= 0)
    return error("import-target-not-positive", { value: cell });
  if (fraction.length > 2) return error("import-target-decimals", { value: cell });
  if (integer.length > 12) return error("import-target-too-large", { value: cell });
  return ok(`${integer}.${fraction.padEnd(2, "0")}`);
}

/** Empty or "tahunan" is the whole year; else a quarter Q1–Q4 or a month M01–M12 ("M1" is M01). */
export function parsePeriod(cell: string): Parsed<string> {
  const upper = cell.toUpperCase();
  if (upper === "" || upper === "TAHUNAN" || upper === "YEAR") return ok("YEAR");
  if (/^Q[1-4]$/.test(upper)) return ok(upper);
  const month = /^M(\d{1,2})$/.exec(upper);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return ok(`M${month[1]!.padStart(2, "0")}`);
  return error("import-period-invalid", { value: cell });
}

export function parseYear(cell: string): Parsed<number> {
  const year = Number(cell);
  return /^\d{4}$/.test(cell) && year >= 2000 && year <= 2100
    ? ok(year)
    : error("import-year-invalid", { value: cell });
}

export const parseLeaveKind = oneOf<LeaveKind>(
  { cuti: "CUTI", dinas_luar: "DINAS_LUAR", "dinas luar": "DINAS_LUAR", dl: "DINAS_LUAR" },
  "jenis",
  { key: "import-leave-kinds" },
);

/** A calendar date written YYYY-MM-DD or DD/MM/YYYY (an XLSX date cell arrives as YYYY-MM-DD); returned as YYYY-MM-DD. */
export function parseDate(cell: string): Parsed<string> {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  const bad = error<string>("import-date-invalid", { value: cell });
  if (year === undefined || month === undefined || day === undefined) return bad;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const at = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date ? bad : ok(date);
}

/** A policy key ("rating.mode"), in any case; returned as src/domain/policy/keys.ts spells it. */
export function parsePolicyKey(cell: string): Parsed<string> {
  const key = policyKey(cell);
  return key ? ok(key) : error("import-policy-key-unknown", { value: cell });
}
