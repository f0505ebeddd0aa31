import { describe, expect, it } from "vitest";
import { fillTimes, formatClock, parseTimeRange } from "../../src/domain/report/time-range.ts";

describe("parseTimeRange (start and end as Indonesians write them)", () => {
  it.each([
    ["08.00-10.30", 480, 630],
    ["8:00–10:30", 480, 630],
    ["08.00 s/d 10.30", 480, 630],
    ["08.00 sd 10.30", 480, 630],
    ["08.00 s.d. 10.30", 480, 630],
    ["13.15 sampai 16.00", 795, 960],
    ["22.00-24.00", 1320, 1440],
    ["00.00 - 00.30", 0, 30],
  ])("%s → %d to %d", (text, start, end) => expect(parseTimeRange(text)).toEqual({ kind: "range", start, end }));

  it.each(["10.30-08.00", "09.00-09.00"])("%s: the end is not after the start", (text) =>
    expect(parseTimeRange(text)).toEqual({ kind: "end-not-after-start" }),
  );
  it.each(["08.00-25.00", "08.75-09.00", "24.00-24.30", "23.00-24.01"])("%s: outside 00:00–24:00", (text) =>
    expect(parseTimeRange(text)).toEqual({ kind: "outside-day" }),
  );
  it.each(["90", "1:30", "1.30", "pagi", ""])("%s is not a range (minutes are read elsewhere)", (text) =>
    expect(parseTimeRange(text)).toBeUndefined(),
  );
});

describe("formatClock", () => {
  it.each([
    [0, "00:00"],
    [450, "07:30"],
    [1440, "24:00"],
  ])("%d → %s", (minute, text) => expect(formatClock(minute)).toBe(text));
});

describe("fillTimes: missing start and end, one after the other from the day's start, in submit order", () => {
  const minutesOnly = (minutes: number) => ({ startMinute: null, endMinute: null, minutes });
  it("places reports with only minutes from 07:30, each after the one before", () => {
    const filled = fillTimes([minutesOnly(90), minutesOnly(60)], 450);
    expect(filled.map((r) => [formatClock(r.start), formatClock(r.end)])).toEqual([
      ["07:30", "09:00"],
      ["09:00", "10:00"],
    ]);
  });
  it("keeps a typed range and continues after its end", () => {
    const filled = fillTimes([{ startMinute: 780, endMinute: 840, minutes: 60 }, minutesOnly(30)], 450);
    expect(filled.map((r) => [r.start, r.end])).toEqual([
      [780, 840],
      [840, 870],
    ]);
  });
  it("starts at the Ramadan start when the calendar gives one", () =>
    expect(fillTimes([minutesOnly(60)], 480)[0]).toMatchObject({ start: 480, end: 540 }));
  it("never goes past 24:00", () =>
    expect(fillTimes([minutesOnly(720), minutesOnly(720)], 450)[1]).toMatchObject({ start: 1170, end: 1440 }));
});
