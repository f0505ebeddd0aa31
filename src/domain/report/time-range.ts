/**
 * Start and end of a report's work, as e-Kinerja's "Jam Mulai" and "Jam Selesai" want them:
 * minutes after local midnight in the unit's zone (0…1440, 1440 being 24:00). See docs/domain.md,
 * "Start and end times".
 */

export const DAY_MINUTES = 24 * 60;

export type RangeAnswer =
  | { kind: "range"; start: number; end: number }
  /** Both times read, but a time is not on the clock (25:00, 10:75) or 24:00 starts the range. */
  | { kind: "outside-day" }
  | { kind: "end-not-after-start" };

const TIME = String.raw`(\d{1,2})[.:](\d{2})`;
/** "08.00-10.30", "8:00–10:30", "08.00 s/d 10.30", "08.00 sd 10.30", "08.00 sampai 10.30", "8:00 to 10:30". */
const RANGE = new RegExp(String.raw`^${TIME}\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai|hingga|to|until)\s*${TIME}$`, "i");

/** A typed range, or undefined when the text is not a range at all (then it may be plain minutes). */
export function parseTimeRange(text: string): RangeAnswer | undefined {
  const m = RANGE.exec(text.trim());
  if (!m) return undefined;
  const start = clock(Number(m[1]), Number(m[2]));
  const end = clock(Number(m[3]), Number(m[4]));
  if (start === undefined || end === undefined || start === DAY_MINUTES) return { kind: "outside-day" };
  if (end <= start) return { kind: "end-not-after-start" };
  return { kind: "range", start, end };
}

function clock(hours: number, minutes: number): number | undefined {
  if (minutes > 59 || hours > 24) return undefined;
  const at = hours * 60 + minutes;
  return at > DAY_MINUTES ? undefined : at;
}

/** 510 → "08:30", 1440 → "24:00". */
export const formatClock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** What the export needs of one report of a day to place it. */
export interface Timed {
  startMinute: number | null;
  endMinute: number | null;
  minutes: number | null;
}

/**
 * Start and end for every report of one employee's day, in the order they were submitted: a
 * report with a range keeps it; one with only minutes is placed after the one before it,
 * starting at `dayStart` (07:30, or the calendar's Ramadan start) for the day's first. Times past
 * 24:00 are cut at 24:00 (a day's minutes are capped by policy, so this is the rare edge).
 */
export function fillTimes<T extends Timed>(
  reportsInSubmitOrder: T[],
  dayStart: number,
): Array<T & { start: number; end: number }> {
  let cursor = dayStart;
  return reportsInSubmitOrder.map((r) => {
    if (r.startMinute !== null && r.endMinute !== null) {
      cursor = r.endMinute;
      return { ...r, start: r.startMinute, end: r.endMinute };
    }
    const start = Math.min(cursor, DAY_MINUTES);
    const end = Math.min(start + (r.minutes ?? 0), DAY_MINUTES);
    cursor = end;
    return { ...r, start, end };
  });
}
