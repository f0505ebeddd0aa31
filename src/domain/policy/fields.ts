import { z } from "zod";
import type { Message } from "../../lib/i18n.ts";

// --- how each value is written in the import file and checked when stored -------------------------

/** One configurable value: the schema of its stored JSON, and how the import file's text cell reads and shows it. */
export interface PolicyField<T> {
  schema: z.ZodType<T>;
  /** What a valid value looks like, for messages: "a whole number from 1 to 10" (locales/, "import problems"). */
  expected: Message;
  /** The cell's text as a candidate value (undefined when it cannot be one); the schema decides. */
  fromCell(cell: string): unknown;
  show(value: T): string;
}

const field = <T>(
  schema: z.ZodType<T>,
  expected: Message,
  fromCell: (cell: string) => unknown,
  show: (value: T) => string = String,
): PolicyField<T> => ({
  schema,
  expected,
  fromCell,
  show,
});

export const whole = (min: number, max: number) =>
  field(
    z.number().int().min(min).max(max),
    { key: "import-policy-expected-whole", args: { min: String(min), max: String(max) } },
    (cell) => (/^\d+$/.test(cell) ? Number(cell) : undefined),
  );

export const percent = field(z.number().positive().max(1000), { key: "import-policy-expected-percent" }, (cell) =>
  /^\d+([.,]\d+)?$/.test(cell) ? Number(cell.replace(",", ".")) : undefined,
);

const YES_NO: Record<string, boolean> = {
  true: true,
  ya: true,
  yes: true,
  "1": true,
  false: false,
  tidak: false,
  no: false,
  "0": false,
};
export const yesNo = field(z.boolean(), { key: "import-policy-expected-yes-no" }, (cell) => YES_NO[cell.toLowerCase()]);

// Indonesians write times with a dot ("15.00") as often as with a colon.
export const localTime = field(
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  { key: "import-policy-expected-time" },
  (cell) => {
    const match = /^(\d{1,2})[:.](\d{2})$/.exec(cell);
    return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : undefined;
  },
);

/** A day of the year that exists in every year (so not 02-29). */
function isMonthDay(value: string): boolean {
  const at = new Date(`2025-${value}T00:00:00Z`);
  return /^\d{2}-\d{2}$/.test(value) && !Number.isNaN(at.getTime()) && at.toISOString().slice(5, 10) === value;
}

// MM-DD as stored, or DD/MM the way the import's dates are written (DD/MM/YYYY).
export const monthDay = field(z.string().refine(isMonthDay), { key: "import-policy-expected-month-day" }, (cell) => {
  const local = /^(\d{1,2})\/(\d{1,2})$/.exec(cell);
  return local ? `${local[2]!.padStart(2, "0")}-${local[1]!.padStart(2, "0")}` : cell;
});

/** One of `values`, case and spaces not minding ("butuh perbaikan" is BUTUH_PERBAIKAN), or one of the aliases. */
export function oneOf<T extends string>(values: readonly T[], aliases: Record<string, T> = {}) {
  return field(
    z.custom<T>((v) => values.includes(v as T)),
    { key: "import-policy-expected-one-of", args: { values: values.join(", ") } },
    (cell) => {
      const word = cell.toLowerCase().replace(/\s+/g, "_");
      return aliases[word] ?? values.find((v) => v.toLowerCase() === word);
    },
  );
}

// Days before a deadline, largest first; ";" or spaces between them keep a comma-separated file intact.
export const daysList = field(
  z.array(z.number().int().min(0).max(90)).min(1).max(10),
  { key: "import-policy-expected-days" },
  (cell) =>
    /^\d+([\s,;]+\d+)*$/.test(cell) ? [...new Set(cell.split(/[\s,;]+/).map(Number))].sort((a, b) => b - a) : undefined,
  (days) => days.join(";"),
);
