import { formatNumber } from "../../lib/number.ts";
import { fillTimes, formatClock } from "../report/time-range.ts";

/**
 * e-Kinerja's "Progress Harian" (daily progress) in the order and under the names of its import
 * template and its "Tambah Progress Harian" form (test/fixtures/ekinerja-progress-harian.csv):
 * one row per report, dates as YYYY-MM-DD and times as HH:MM, all text so Excel changes nothing.
 * See docs/domain.md, "e-Kinerja export".
 */
export const PROGRESS_SHEET = "Progress Harian";
export const PROGRESS_HEADERS = [
  "Rencana Aksi",
  "Tanggal",
  "Jam Mulai",
  "Jam Selesai",
  "Kegiatan Harian",
  "Realisasi",
  "Satuan",
  "Bukti Dukung",
] as const;
export const PROGRESS_WIDTHS = [40, 12, 10, 10, 60, 10, 12, 48];

/**
 * e-Kinerja takes whole numbers: half-up (2,5 → 3; 2,49 → 2). The exact value, when it was not
 * whole, goes to the end of the description ("(2,5 dokumen)") so nothing is lost.
 */
export function wholeRealisation(value: number): { whole: number; exact: string | null } {
  // Quantities have at most two decimals; rounding the cents first keeps 2.5 from reading as 2.4999….
  const cents = Math.round(value * 100);
  const whole = Math.floor((cents + 50) / 100);
  return { whole, exact: cents % 100 === 0 ? null : formatNumber(cents / 100) };
}

/** One report as the export reads it; times are minutes after local midnight. */
export interface ProgressSource {
  id: number;
  date: string;
  actionPlan: string | null;
  indicator: string | null;
  description: string;
  quantity: number;
  unit: string;
  minutes: number | null;
  startMinute: number | null;
  endMinute: number | null;
}

/** The words for a report that belongs to no indicator (an additional task). */
const ADDITIONAL_TASK = "Tugas tambahan";

/**
 * One employee's reports, in submit order within each day, as e-Kinerja rows, sorted by date and
 * start. Start and end missing are filled from `dayStart` (fillTimes, docs/domain.md).
 */
export function progressRows(
  reports: ProgressSource[],
  dayStart: number,
  linkOf: (reportId: number) => string,
): ProgressRow[] {
  const byDay = new Map<string, ProgressSource[]>();
  for (const r of reports) byDay.set(r.date, [...(byDay.get(r.date) ?? []), r]);
  return [...byDay.keys()].sort().flatMap((date) =>
    fillTimes(byDay.get(date)!, dayStart)
      .sort((a, b) => a.start - b.start || a.id - b.id)
      .map((r) => progressRow(r, linkOf(r.id))),
  );
}

/** The eight cells; Realisasi is a number, the rest text. */
export type ProgressRow = [string, string, string, string, string, number, string, string];

function progressRow(r: ProgressSource & { start: number; end: number }, link: string): ProgressRow {
  const { whole, exact } = wholeRealisation(r.quantity);
  return [
    r.actionPlan ?? r.indicator ?? ADDITIONAL_TASK,
    r.date,
    formatClock(r.start),
    formatClock(r.end),
    exact === null ? r.description : `${r.description} (${exact} ${r.unit})`,
    whole,
    r.unit,
    link,
  ];
}
