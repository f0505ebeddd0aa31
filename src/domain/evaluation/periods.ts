import { addDays } from "../calendar.ts";
import type { DeadlinePolicy, RatingPolicy } from "../policy/sections.ts";
import { periodOf, type EvaluationPeriodKind, type Period } from "../skp/periods.ts";

/** Which periods are rated when, and when their evaluation closes (docs/domain.md, "SKP"). */

export const yearPeriod = (year: number): Period => ({
  code: "YEAR",
  year,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  endMonth: 12,
});

/** The period that ended most recently before `today`. */
export function previousPeriod(today: string, kind: EvaluationPeriodKind): Period {
  return periodOf(addDays(periodOf(today, kind).from, -1), kind);
}

/** The last local date on which the period's evaluation is on time (policy deadlines). */
export function periodCloses(period: Period, deadlines: DeadlinePolicy): string {
  if (period.code === "YEAR") return `${period.year + 1}-${deadlines.annualDue}`;
  const next = addDays(period.to, 1);
  const lastDay = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 0)).getUTCDate();
  return `${next.slice(0, 8)}${String(Math.min(deadlines.periodicCloseDay, lastDay)).padStart(2, "0")}`;
}

/**
 * The periods a supervisor rates on `today`: the period just ended (late ones are still accepted,
 * so no one is left unrated), and in the weeks after a year ends, that year's annual evaluation.
 */
export function periodsToEvaluate(
  today: string,
  rating: Pick<RatingPolicy, "period">,
  deadlines: DeadlinePolicy,
): [Period, ...Period[]] {
  const periods: [Period, ...Period[]] = [previousPeriod(today, rating.period)];
  const year = Number(today.slice(0, 4));
  if (today <= periodCloses(yearPeriod(year - 1), deadlines)) periods.push(yearPeriod(year - 1));
  return periods;
}

/** "2026-Q3", "2026-M09", "2025-YEAR": how a period travels in button data. */
export const periodKey = (period: Period) => `${period.year}-${period.code}`;

export function parsePeriodKey(key: string): Period | undefined {
  const match = /^(\d{4})-(Q[1-4]|M(?:0[1-9]|1[0-2])|YEAR)$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const code = match[2]!;
  if (code === "YEAR") return yearPeriod(year);
  return periodOf(
    code.startsWith("Q") ? `${year}-${String(Number(code[1]) * 3).padStart(2, "0")}-01` : `${year}-${code.slice(1)}-01`,
    code.startsWith("Q") ? "QUARTER" : "MONTH",
  );
}

/** The period of a stored evaluation (its year and period code). */
export const periodOfEvaluation = (evaluation: { year: number; period: string }) =>
  parsePeriodKey(`${evaluation.year}-${evaluation.period}`);
