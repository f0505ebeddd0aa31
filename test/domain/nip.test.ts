import { describe, expect, it } from "vitest";
import { normaliseNip, validateNip } from "../../src/domain/nip.ts";
import { plainText } from "../../src/lib/i18n.ts";

describe("validateNip, PNS", () => {
  it.each([
    ["198501012010011001", "1985-01-01", "2010-01", "MALE"],
    ["199602142020032003", "1996-02-14", "2020-03", "FEMALE"],
    ["200002292018021001", "2000-02-29", "2018-02", "MALE"], // leap day; start exactly 18 years later
    ["197012312000121999", "1970-12-31", "2000-12", "MALE"],
  ])("%s is born %s, starts %s, %s", (nip, birthDate, startYearMonth, sex) => {
    expect(validateNip(nip, "PNS")).toEqual({
      ok: true,
      kind: "PNS",
      birthDate,
      startYearMonth,
      sex,
      sequence: nip.slice(15),
    });
  });

  it.each([
    ["19850101201001100", "format"], // 17 digits
    ["1985010120100110011", "format"], // 19 digits
    ["19850101201001100A", "format"],
    ["", "format"],
    ["198502302010011001", "birth-date"], // 30 February
    ["199902292018011001", "birth-date"], // 1999 is no leap year
    ["198513012010011001", "birth-date"], // month 13
    ["198501002010011001", "birth-date"], // day 0
    ["185001012010011001", "birth-date"], // before 1900: not a real birth year here
    ["198501012010131001", "start-date"], // start month 13
    ["198501012010001001", "start-date"], // start month 00
    ["198501012002121001", "start-too-early"], // born 1985-01, start 2002-12: 17 years 11 months
    ["198506152003051001", "start-too-early"], // one month short of 18 years
    ["198501012010013001", "sex-digit"],
    ["198501012010010001", "sex-digit"],
    ["199509032022211005", "start-date"], // a PPPK number is not a PNS one
  ])("%s → %s", (nip, reason) => {
    const result = validateNip(nip, "PNS");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it("accepts a start in the same month 18 years after birth", () => {
    expect(validateNip("198506152003061001", "PNS").ok).toBe(true);
  });
});

describe("validateNip, PPPK", () => {
  it.each([
    ["199509032022211005", "1995-09-03", 2022, "MALE"],
    ["198012122019212001", "1980-12-12", 2019, "FEMALE"],
    ["199001012008001001", "1990-01-01", 2008, "MALE"], // digits 13–14 are not checked; 18 years exactly
  ])("%s is born %s, appointed %i, %s", (nip, birthDate, appointmentYear, sex) => {
    expect(validateNip(nip, "PPPK")).toEqual({
      ok: true,
      kind: "PPPK",
      birthDate,
      appointmentYear,
      sex,
      sequence: nip.slice(15),
    });
  });

  it.each([
    ["19950903202221100", "format"],
    ["199502302022211005", "birth-date"],
    ["199509032012211005", "appointment-year"], // 17 years after birth
    ["199509032022210005", "sex-digit"],
    ["199509032022219005", "sex-digit"],
  ])("%s → %s", (nip, reason) => {
    const result = validateNip(nip, "PPPK");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });
});

it("explains a failure in words that name the digits", () => {
  const result = validateNip("198502302010011001", "PNS");
  expect(result.ok ? "valid" : plainText("en", result.message)).toBe(
    "birth date 1985-02-30 (digits 1–8) is not a real date",
  );
});

it.each([
  ["19850101 201001 1 001", "198501012010011001"],
  ["'198501012010011001", "198501012010011001"],
  [" 198501012010011001 ", "198501012010011001"],
])("normaliseNip(%j) = %s", (raw, nip) => expect(normaliseNip(raw)).toBe(nip));
