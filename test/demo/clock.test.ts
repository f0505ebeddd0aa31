import { describe, expect, it } from "vitest";
import { demoClock, lastWorkingDayOfWeek, nextWorkingDay, workingDayThisWeek } from "../../src/demo/clock.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import type { UnitCalendar } from "../../src/domain/calendar.ts";

const weekdays: UnitCalendar = {
  timeZone: "Asia/Jakarta",
  workingDays: [1, 2, 3, 4, 5],
  holidays: { "2026-12-25": "Natal" },
};
const sixDays: UnitCalendar = { ...weekdays, workingDays: [1, 2, 3, 4, 5, 6] };
const wib = (local: string) => new Date(`${local}+07:00`);

describe("the demo clock", () => {
  it("runs at the real pace from the time it is set to, and can be moved", () => {
    const real = fixedClock("2026-12-05T23:00:00Z");
    const clock = demoClock(wib("2026-12-04T09:00:00"), real);
    real.advance(90_000);
    expect(clock.now()).toEqual(wib("2026-12-04T09:01:30"));
    clock.set(wib("2026-12-07T09:00:00"));
    real.advance(1_000);
    expect(clock.now()).toEqual(wib("2026-12-07T09:00:01"));
  });

  it.each([
    ["a Wednesday stays that Wednesday", "2026-12-02T14:00:00", weekdays, "2026-12-02T09:00:00"],
    ["a Saturday goes back to Friday", "2026-12-05T08:00:00", weekdays, "2026-12-04T09:00:00"],
    ["a Sunday goes back to Friday", "2026-12-06T06:05:00", weekdays, "2026-12-04T09:00:00"],
    ["a Saturday is a working day for a six-day unit", "2026-12-05T08:00:00", sixDays, "2026-12-05T09:00:00"],
    ["late in the evening, the same working day at 09:00", "2026-12-03T23:30:00", weekdays, "2026-12-03T09:00:00"],
  ])("a working day of this week: %s", (_name, now, calendar, expected) => {
    expect(workingDayThisWeek(wib(now), calendar)).toEqual(wib(expected));
  });

  it("a week that starts with days off gives the week's next working day", () => {
    const closed = { ...weekdays, holidays: { "2026-12-07": "Libur", "2026-12-08": "Libur" } };
    expect(workingDayThisWeek(wib("2026-12-07T10:00:00"), closed)).toEqual(wib("2026-12-09T09:00:00"));
  });

  it("the next working day skips weekends and holidays", () => {
    expect(nextWorkingDay("2026-12-04", weekdays)).toEqual(wib("2026-12-07T09:00:00"));
    expect(nextWorkingDay("2026-12-24", weekdays)).toEqual(wib("2026-12-28T09:00:00"));
  });

  it("the weekly summary's day is the unit's last working day of the week, at the same time of day", () => {
    expect(lastWorkingDayOfWeek(wib("2026-12-01T10:15:00"), weekdays)).toEqual(wib("2026-12-04T10:15:00"));
    expect(lastWorkingDayOfWeek(wib("2026-12-01T10:15:00"), sixDays)).toEqual(wib("2026-12-05T10:15:00"));
  });
});
