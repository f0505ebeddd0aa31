/**
 * Evaluation periods: the quarter or month a local date falls in, and which months an indicator's
 * own target covers (docs/domain.md, "SKP").
 */

export type EvaluationPeriodKind = "QUARTER" | "MONTH";
/** Periodic evaluation is quarterly by default; the policy may make it monthly (docs/domain.md, "SKP"). */
export const DEFAULT_EVALUATION_PERIOD: EvaluationPeriodKind = "QUARTER";

export interface Period {
  /** "Q4" or "M11". */
  code: string;
  year: number;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  /** 1–12: the month the period ends in, i.e. the months of the year due by its end. */
  endMonth: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthPeriod(year: number, month: number): Period {
  return {
    code: `M${pad(month)}`,
    year,
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
    endMonth: month,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const endMonth = quarter * 3;
  return {
    code: `Q${quarter}`,
    year,
    from: `${year}-${pad(endMonth - 2)}-01`,
    to: `${year}-${pad(endMonth)}-${pad(lastDayOfMonth(year, endMonth))}`,
    endMonth,
  };
}

/** The evaluation period a local date falls in. */
export function periodOf(date: string, kind: EvaluationPeriodKind = DEFAULT_EVALUATION_PERIOD): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return kind === "MONTH" ? monthPeriod(year, month) : quarterPeriod(year, Math.ceil(month / 3));
}

/** The months (1–12) an indicator's own target period covers. */
export function targetMonths(period: string): number[] {
  const quarter = /^Q([1-4])$/.exec(period);
  if (quarter) {
    const q = Number(quarter[1]);
    return [3 * q - 2, 3 * q - 1, 3 * q];
  }
  const month = /^M(0[1-9]|1[0-2])$/.exec(period);
  if (month) return [Number(month[1])];
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
}

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
