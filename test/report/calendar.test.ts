import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  backdateWindow,
  checkReportDate,
  dayOff,
  isWorkingDay,
  nationalHolidays,
  todayIn,
  yearsWithoutHolidays,
  type UnitCalendar,
} from "../../src/domain/calendar.ts";

const holidays = nationalHolidays();
const weekdays: UnitCalendar = { timeZone: "Asia/Jakarta", workingDays: [1, 2, 3, 4, 5], holidays };
const sixDays: UnitCalendar = { ...weekdays, workingDays: [1, 2, 3, 4, 5, 6] };
const UNITS = { "Mon–Fri unit": weekdays, "six-day unit": sixDays };
type UnitName = keyof typeof UNITS;

describe("the shipped holiday files", () => {
  it("hold 2026 (confirmed) and 2027, national holidays and cuti bersama", () => {
    expect(holidays["2026-12-25"]).toBe("Kelahiran Yesus Kristus");
    expect(holidays["2026-12-24"]).toBe("Cuti Bersama Kelahiran Yesus Kristus");
    expect(holidays["2027-03-10"]).toBe("Idulfitri 1448 Hijriah");
    expect(Object.keys(holidays).filter((d) => d.startsWith("2026"))).toHaveLength(25);
  });
});

describe("yearsWithoutHolidays (warned at start)", () => {
  const only2026 = () => {
    const dir = mkdtempSync(join(tmpdir(), "lapkin-holidays-"));
    const file = {
      year: 2026,
      source: "SKB",
      status: "test",
      holidays: [{ date: "2026-12-25", name: "Natal", kind: "national" }],
    };
    writeFileSync(join(dir, "2026.json"), JSON.stringify(file));
    return `${dir}/`;
  };

  it.each([
    ["2026-05-04", [], "this year shipped; next year not asked before October"],
    ["2026-10-01", [2027], "from October, next year's file is asked for"],
    ["2027-01-04", [2027], "a year with no file"],
  ])("on %s: %j (%s)", (today, missing, _why) => {
    expect(yearsWithoutHolidays(today, only2026())).toEqual(missing);
  });

  it("finds nothing missing for the shipped files in December 2026", () => {
    expect(yearsWithoutHolidays("2026-12-06")).toEqual([]);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-24", "Mon–Fri unit", true, "a Tuesday"],
    ["2026-11-28", "Mon–Fri unit", false, "a Saturday"],
    ["2026-11-28", "six-day unit", true, "a Saturday"],
    ["2026-11-29", "six-day unit", false, "a Sunday"],
    ["2026-12-25", "six-day unit", false, "Christmas"],
    ["2026-12-24", "Mon–Fri unit", false, "cuti bersama"],
    ["2026-08-17", "Mon–Fri unit", false, "Independence Day"],
  ] as Array<[string, UnitName, boolean, string]>)("%s in a %s: working day %s (%s)", (date, unit, expected) => {
    expect(isWorkingDay(date, UNITS[unit])).toBe(expected);
  });

  it("knows regional closures and personal leave", () => {
    const calendar: UnitCalendar = {
      ...weekdays,
      holidays: { ...holidays, "2026-11-26": "HUT Kota" },
      leave: [{ from: "2026-11-23", to: "2026-11-24", kind: "CUTI" }],
    };
    expect(dayOff("2026-11-26", calendar)).toEqual({ kind: "holiday", name: "HUT Kota" });
    expect(dayOff("2026-11-24", calendar)).toEqual({ kind: "leave", leave: "CUTI" });
    expect(dayOff("2026-11-25", calendar)).toBeUndefined();
  });
});

describe("backdateWindow (3 working days)", () => {
  it.each([
    ["a Tuesday", "2026-11-24", "Mon–Fri unit", "2026-11-19"],
    ["a Monday, across a weekend", "2026-11-30", "Mon–Fri unit", "2026-11-25"],
    ["a Monday", "2026-11-30", "six-day unit", "2026-11-26"],
    ["the Monday after Christmas and its cuti bersama", "2026-12-28", "Mon–Fri unit", "2026-12-21"],
    ["a Sunday", "2026-11-29", "Mon–Fri unit", "2026-11-25"],
    ["the day after Nyepi and the Idulfitri break", "2026-03-25", "Mon–Fri unit", "2026-03-13"],
  ] as Array<[string, string, UnitName, string]>)(
    "on %s (%s) in a %s it reaches back to %s",
    (_name, today, unit, earliest) => {
      expect(backdateWindow(today, UNITS[unit], 3).earliest).toBe(earliest);
    },
  );

  it("never allows the future and lists the dates, newest first", () => {
    expect(checkReportDate("2026-12-01", "2026-11-30", weekdays, 3)).toBe("future");
    expect(checkReportDate("2026-11-24", "2026-11-30", weekdays, 3)).toBe("too-old");
    expect(checkReportDate("2026-11-28", "2026-11-30", weekdays, 3)).toBe("ok");
    expect(backdateWindow("2026-11-30", weekdays, 3).dates).toEqual([
      "2026-11-30",
      "2026-11-29",
      "2026-11-28",
      "2026-11-27",
      "2026-11-26",
      "2026-11-25",
    ]);
  });

  it("does not shrink for the employee's own leave: the window is the unit's", () => {
    const onLeave: UnitCalendar = {
      ...weekdays,
      leave: [{ from: "2026-11-25", to: "2026-11-27", kind: "DINAS_LUAR" }],
    };
    expect(backdateWindow("2026-11-30", onLeave, 3).earliest).toBe("2026-11-25");
  });
});

describe("today is the unit's", () => {
  it("at 23:30 WITA on a Friday it is still Friday there, as it is in UTC", () => {
    expect(todayIn(new Date("2026-11-27T15:30:00Z"), { timeZone: "Asia/Makassar" })).toBe("2026-11-27");
  });
  it("at 00:30 WITA on a Saturday it is Saturday there while UTC (and WIB) still say Friday", () => {
    const at = new Date("2026-11-27T16:30:00Z");
    expect(todayIn(at, { timeZone: "Asia/Makassar" })).toBe("2026-11-28");
    expect(todayIn(at, { timeZone: "Asia/Jakarta" })).toBe("2026-11-27");
    expect(at.toISOString().slice(0, 10)).toBe("2026-11-27");
  });
  it("WIT is a further hour ahead: 23:30 WITA is already tomorrow in Jayapura", () => {
    expect(todayIn(new Date("2026-11-27T15:30:00Z"), { timeZone: "Asia/Jayapura" })).toBe("2026-11-28");
  });
});
