import { describe, expect, it } from "vitest";
import {
  parsePeriod,
  parseRoles,
  parseTarget,
  parseTimeZone,
  parseWorkingDays,
  type Parsed,
} from "../../src/domain/import/fields.ts";
import { LAYOUTS, recogniseLayout } from "../../src/domain/import/layouts.ts";
import { plainText } from "../../src/lib/i18n.ts";

/** The value, or the error as `lapkin import` words it. */
const value = <T>(parsed: Parsed<T>) => (parsed.ok ? parsed.value : `error: ${plainText("en", parsed.error)}`);

describe("target", () => {
  it.each([
    ["12", "12.00"],
    ["12.5", "12.50"],
    ["12,5", "12.50"],
    ["0,75", "0.75"],
    ["1.000,5", "1000.50"],
    ["1,000.5", "1000.50"],
    ["1.250.000.000", "1250000000.00"],
    ["1 250", "1250.00"],
    ["007", "7.00"],
  ])("%s → %s", (cell, expected) => expect(value(parseTarget(cell))).toBe(expected));

  it.each([
    ["sepuluh", "is not a number"],
    ["12a", "is not a number"],
    ["1.2.3", "is not a number"],
    ["12,", "is not a number"],
    ["0", "must be greater than 0"],
    ["-5", "must be greater than 0"],
    ["1.000", "more than two decimals"], // a thousand or one? refused rather than guessed
    ["1234567890123", "too large"],
  ])("%s is refused: %s", (cell, message) => expect(value(parseTarget(cell))).toContain(message));
});

describe("working days", () => {
  it.each([
    ["1-5", [1, 2, 3, 4, 5]],
    ["1-6", [1, 2, 3, 4, 5, 6]],
    ["1,2,3,4,5", [1, 2, 3, 4, 5]],
    ["6, 1 ,2", [1, 2, 6]],
    ["1;3;5", [1, 3, 5]],
    ["7", [7]],
  ])("%s → %j", (cell, days) => expect(value(parseWorkingDays(cell))).toEqual(days));

  it.each(["1-8", "5-1", "0,1", "senin-jumat", "1-", "1,,2"])("%s is refused", (cell) =>
    expect(value(parseWorkingDays(cell))).toMatch(/^error: working days/),
  );
});

it.each([
  ["WIB", "Asia/Jakarta"],
  ["wita", "Asia/Makassar"],
  ["WIT", "Asia/Jayapura"],
  ["Asia/Jakarta", "Asia/Jakarta"],
  ["asia/makassar", "Asia/Makassar"],
  [
    "Asia/Singapore",
    'error: time zone "Asia/Singapore" is not one of Asia/Jakarta, Asia/Makassar, Asia/Jayapura (or WIB, WITA, WIT)',
  ],
])("time zone %s → %s", (cell, expected) => expect(value(parseTimeZone(cell))).toBe(expected));

it.each([
  ["admin", ["ADMIN"]],
  ["kepala; penilai", ["PENILAI", "HEAD"]],
  ["Kepala,Admin,admin", ["ADMIN", "HEAD"]],
  ["", []],
  ["atasan", 'error: peran "atasan" is not one of admin, penilai, kepala'],
])("roles %j → %j", (cell, expected) => expect(value(parseRoles(cell))).toEqual(expected));

it.each([
  ["", "YEAR"],
  ["tahunan", "YEAR"],
  ["q3", "Q3"],
  ["M1", "M01"],
  ["M12", "M12"],
  ["M13", "error"],
  ["Q5", "error"],
  ["semester", "error"],
])("period %j → %s", (cell, expected) => expect(value(parsePeriod(cell))).toContain(expected));

describe("a header that matches no layout", () => {
  const recognition = recogniseLayout({ file: "catatan.csv", header: ["tanggal", "catatan"], rows: [] });
  const worded = (locale: string) => (recognition.ok ? "recognised" : plainText(locale, recognition.problem));

  it("is told, in English as before, every layout with its required columns", () =>
    expect(worded("en")).toBe(
      "matches no known layout: the first row must name the columns of units (kode, nama), or employees (nip, nama, jabatan, unit), or SKP (nip, tahun, kode, rhk, jenis_rhk, aspek, indikator, target, satuan), or leave (nip, dari, sampai, jenis), or policy (kunci, nilai), or service counters (kode, unit, nama)",
    ));

  // A layout added to LAYOUTS needs its place in both sentences; a variable left out shows as "{$name}".
  it.each(["id", "en"])("names every layout's required columns in %s", (locale) => {
    for (const layout of Object.values(LAYOUTS)) expect(worded(locale)).toContain(`(${layout.required.join(", ")})`);
    expect(worded(locale)).not.toContain("{");
  });
});
