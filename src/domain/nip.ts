/**
 * NIP (Nomor Induk Pegawai) rules.
 *
 * PNS:  YYYYMMDD (birth) + YYYYMM (civil-service start) + sex digit + 3-digit sequence.
 * PPPK: YYYYMMDD (birth) + YYYY (appointment year) + 2 digits that are not a month + sex digit + sequence.
 */

import type { Message } from "../lib/i18n.ts";

export type NipKind = "PNS" | "PPPK";
export type Sex = "MALE" | "FEMALE";

export type NipProblem =
  | "format" // not exactly 18 digits
  | "birth-date" // digits 1–8 are not a real date
  | "start-date" // PNS digits 9–14 are not a real year and month
  | "start-too-early" // PNS start less than 18 years after birth
  | "appointment-year" // PPPK appointment year less than 18 years after birth
  | "sex-digit"; // digit 15 is neither 1 nor 2

export type NipResult =
  | { ok: true; kind: "PNS"; birthDate: string; startYearMonth: string; sex: Sex; sequence: string }
  | { ok: true; kind: "PPPK"; birthDate: string; appointmentYear: number; sex: Sex; sequence: string }
  | { ok: false; reason: NipProblem; message: Message };

/** Years between birth and the start of service (or PPPK appointment). */
export const MINIMUM_AGE_AT_START = 18;

/** Spaces (as in the printed form "19850101 201001 1 001") are not part of the number. */
export const normaliseNip = (raw: string) => raw.replace(/\s+/g, "").replace(/^'/, "");

export function validateNip(nip: string, kind: NipKind): NipResult {
  if (!/^\d{18}$/.test(nip)) return fail("format", "import-nip-format");

  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isRealDate(birthYear, birthMonth, Number(nip.slice(6, 8)))) {
    return fail("birth-date", "import-nip-birth-date", { birthDate });
  }
  const sex = nip[14] === "1" ? "MALE" : nip[14] === "2" ? "FEMALE" : null;
  const sequence = nip.slice(15);

  if (kind === "PPPK") {
    const appointmentYear = Number(nip.slice(8, 12));
    if (appointmentYear < birthYear + MINIMUM_AGE_AT_START) {
      return fail("appointment-year", "import-nip-appointment-year", {
        year: String(appointmentYear),
        minAge: String(MINIMUM_AGE_AT_START),
        birthYear: String(birthYear),
      });
    }
    if (!sex) return fail("sex-digit", "import-nip-sex-digit", { digit: nip[14]! });
    return { ok: true, kind, birthDate, appointmentYear, sex, sequence };
  }

  const startYear = Number(nip.slice(8, 12));
  const startMonth = Number(nip.slice(12, 14));
  const startYearMonth = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  if (startYear < 1900 || startMonth < 1 || startMonth > 12) {
    return fail("start-date", "import-nip-start-date", { start: startYearMonth });
  }
  // Compared by year and month only: the NIP does not carry the start day.
  if (startYear * 12 + startMonth < (birthYear + MINIMUM_AGE_AT_START) * 12 + birthMonth) {
    return fail("start-too-early", "import-nip-start-too-early", {
      start: startYearMonth,
      minAge: String(MINIMUM_AGE_AT_START),
      birthDate,
    });
  }
  if (!sex) return fail("sex-digit", "import-nip-sex-digit", { digit: nip[14]! });
  return { ok: true, kind, birthDate, startYearMonth, sex, sequence };
}

/** The reason, and the words for it (locales/, "import problems"). */
function fail(reason: NipProblem, key: string, args?: Message["args"]): NipResult {
  return { ok: false, reason, message: { key, args } };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
