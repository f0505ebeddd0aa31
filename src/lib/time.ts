import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

/** Indonesia's three zones (no daylight saving) and the names people use for them (docs/domain.md, "Time zones"). */
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export type TimeZone = (typeof TIME_ZONES)[number];
const ZONE_NAMES: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

/** "Asia/Makassar", "asia/makassar", "WITA" or "wita" → "Asia/Makassar"; anything else: undefined. */
export function timeZoneFromName(name: string): TimeZone | undefined {
  const wanted = name.trim().toLowerCase();
  return TIME_ZONES.find((zone) => zone.toLowerCase() === wanted || ZONE_NAMES[zone]!.toLowerCase() === wanted);
}

const MONTHS: Record<string, string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

export const zoneName = (timeZone: string) => ZONE_NAMES[timeZone] ?? timeZone;

/** "24 November 2026" — the Indonesian order, also used for English so documents match. */
export function formatDate(at: Date, timeZone: string, locale = "id"): string {
  const local = dayjs(at).tz(timeZone);
  const months = MONTHS[locale] ?? MONTHS.id!;
  return `${local.date()} ${months[local.month()]} ${local.year()}`;
}

/** "24 November 2026 pukul 15.30 WIB": Indonesian writes times with a period. */
export function formatDateTime(at: Date, timeZone: string, locale = "id"): string {
  const local = dayjs(at).tz(timeZone);
  const time = locale === "id" ? local.format("HH.mm") : local.format("HH:mm");
  const joiner = locale === "id" ? " pukul " : ", ";
  return `${formatDate(at, timeZone, locale)}${joiner}${time} ${zoneName(timeZone)}`;
}

/** Time spent, "1:30" for 90 minutes (hours:minutes, as on a timesheet). */
export const formatDuration = (minutes: number) =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

/** The calendar date (YYYY-MM-DD) it is in a time zone at an instant. */
export const localDate = (at: Date, timeZone: string) => dayjs(at).tz(timeZone).format("YYYY-MM-DD");

/** "2026-11-24" (a local calendar date, no zone) → "24 November 2026". */
export function formatLocalDate(date: string, locale = "id"): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const months = MONTHS[locale] ?? MONTHS.id!;
  return `${day} ${months[month - 1]} ${year}`;
}

/** A DATE column as read by Prisma (midnight UTC) back to its "YYYY-MM-DD". */
export const fromDbDate = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);
