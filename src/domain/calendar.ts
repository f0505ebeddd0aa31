import { readdirSync, readFileSync } from "node:fs";
import type { Db } from "../db/client.ts";
import { localDate } from "../lib/time.ts";

/**
 * The working calendar of one unit (and optionally one employee): which local dates are days off
 * and why. Dates are local calendar dates written "YYYY-MM-DD", always in the unit's time zone.
 * The rules are pure functions; `loadUnitCalendar` gathers the facts from the holiday files and
 * the database.
 */
export interface UnitCalendar {
  timeZone: string;
  /** ISO weekdays the unit works: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** National holidays, cuti bersama, regional holidays and closures, by date. */
  holidays: Record<string, string>;
  /** The employee's leave, inclusive ranges. */
  leave?: Array<{ from: string; to: string; kind: "CUTI" | "DINAS_LUAR" }>;
}

export type DayOff =
  { kind: "weekend" } | { kind: "holiday"; name: string } | { kind: "leave"; leave: "CUTI" | "DINAS_LUAR" };

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Why a date is a day off for this unit (and employee), or undefined on a working day. */
export function dayOff(date: string, calendar: UnitCalendar): DayOff | undefined {
  const holiday = calendar.holidays[date];
  if (holiday) return { kind: "holiday", name: holiday };
  if (!calendar.workingDays.includes(isoWeekday(date))) return { kind: "weekend" };
  const leave = calendar.leave?.find((l) => l.from <= date && date <= l.to);
  if (leave) return { kind: "leave", leave: leave.kind };
  return undefined;
}

export const isWorkingDay = (date: string, calendar: UnitCalendar): boolean => dayOff(date, calendar) === undefined;

/** "Today" for the unit: the local date in its time zone, never the server's. */
export const todayIn = (now: Date, calendar: Pick<UnitCalendar, "timeZone">): string =>
  localDate(now, calendar.timeZone);

/**
 * The dates a report may carry: from the day `workingDays` working days before today up to today.
 * Days off inside the window may be chosen (after a confirmation); later than today never.
 * Leave counts as a working day of the unit here: the window is the unit's, not the person's.
 */
export function backdateWindow(
  today: string,
  calendar: UnitCalendar,
  workingDays: number,
): { earliest: string; latest: string; dates: string[] } {
  const unitOnly: UnitCalendar = { ...calendar, leave: undefined };
  let earliest = today;
  let counted = 0;
  // A bounded walk: a long run of holidays (Idulfitri) is under 20 days.
  for (let step = 1; counted < workingDays && step <= 60; step++) {
    const candidate = addDays(today, -step);
    if (isWorkingDay(candidate, unitOnly)) counted++;
    earliest = candidate;
  }
  const dates: string[] = [];
  for (let d = today; d >= earliest; d = addDays(d, -1)) dates.push(d);
  return { earliest, latest: today, dates };
}

/** Where a date stands against the window: allowed, in the future, or too far back. */
export function checkReportDate(
  date: string,
  today: string,
  calendar: UnitCalendar,
  workingDays: number,
): "ok" | "future" | "too-old" {
  if (date > today) return "future";
  if (date === today) return "ok";
  return date < backdateWindow(today, calendar, workingDays).earliest ? "too-old" : "ok";
}

// --- the facts ------------------------------------------------------------------------------

export interface HolidayFile {
  year: number;
  /** The joint ministerial decree (SKB) the dates come from. */
  source: string;
  status: string;
  holidays: Array<{ date: string; name: string; kind: "national" | "cuti_bersama" }>;
}

const HOLIDAYS_DIR = new URL("../../holidays/", import.meta.url).pathname;
let nationalCache: Record<string, string> | undefined;

/** Every national holiday and cuti bersama of the shipped files (holidays/<year>.json). */
export function nationalHolidays(dir = HOLIDAYS_DIR): Record<string, string> {
  if (nationalCache && dir === HOLIDAYS_DIR) return nationalCache;
  const all: Record<string, string> = {};
  for (const name of readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()) {
    const file = JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as HolidayFile;
    for (const h of file.holidays) all[h.date] = all[h.date] ? `${all[h.date]}; ${h.name}` : h.name;
  }
  if (dir === HOLIDAYS_DIR) nationalCache = all;
  return all;
}

/**
 * The years around `today` the shipped files give no national holiday for: this year, and from
 * October the next one too (the SKB for a year is usually out by then). Without them reminders
 * would go out on Idulfitri, so the operator is told at start (docs/domain.md, "Working calendar").
 */
export function yearsWithoutHolidays(today: string, dir = HOLIDAYS_DIR): number[] {
  const year = Number(today.slice(0, 4));
  const wanted = today.slice(5, 7) >= "10" ? [year, year + 1] : [year];
  const dates = Object.keys(nationalHolidays(dir));
  return wanted.filter((y) => !dates.some((date) => date.startsWith(`${y}-`)));
}

/**
 * The calendar of an employee's unit around `today`: holidays, regional closures and the employee's
 * leave. One statement (it is read on every /lapor): the unit's working days, its regional
 * holidays and the leave come back together, dates as "YYYY-MM-DD" text. Nothing is cached: leave
 * imported a minute ago counts at once.
 */
export async function loadUnitCalendar(
  db: Db,
  options: { unitId: number; employeeId?: number; from: string; to: string },
): Promise<UnitCalendar> {
  const rows = await db.$queryRaw<Array<{ timeZone: string; workingDays: number[]; regional: string; leave: string }>>`
    SELECT u."timeZone", u."workingDays",
      (SELECT COALESCE(json_agg(json_build_object('date', r."date"::text, 'name', r."name") ORDER BY r."date", r."id"), '[]')::text
         FROM "RegionalHoliday" r
        WHERE r."date" BETWEEN ${options.from}::date AND ${options.to}::date AND (r."unitId" IS NULL OR r."unitId" = u."id")) AS "regional",
      (SELECT COALESCE(json_agg(json_build_object('from', l."from"::text, 'to', l."to"::text, 'kind', l."kind"::text) ORDER BY l."from", l."id"), '[]')::text
         FROM "Leave" l
        WHERE l."employeeId" = ${options.employeeId ?? null}::int AND l."from" <= ${options.to}::date AND l."to" >= ${options.from}::date) AS "leave"
    FROM "Unit" u WHERE u."id" = ${options.unitId}`;
  const row = rows[0];
  if (!row) throw new Error(`No unit ${options.unitId}`);
  const holidays: Record<string, string> = {};
  const national = nationalHolidays();
  for (const [date, name] of Object.entries(national))
    if (date >= options.from && date <= options.to) holidays[date] = name;
  for (const r of JSON.parse(row.regional) as Array<{ date: string; name: string }>) holidays[r.date] = r.name;
  return {
    timeZone: row.timeZone,
    workingDays: row.workingDays.length ? row.workingDays : [1, 2, 3, 4, 5],
    holidays,
    leave: JSON.parse(row.leave) as NonNullable<UnitCalendar["leave"]>,
  };
}
