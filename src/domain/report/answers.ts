import { Prisma, type Report } from "../../generated/prisma/client.ts";
import { fromDbDate } from "../../lib/time.ts";

/**
 * A draft's answers: the Report columns /lapor fills in, as plain JSON (dates as "YYYY-MM-DD",
 * quantities as numbers), because the conversation plugin stores what `external` returns.
 *
 * A new answer is added here and in ANSWER_TYPES below; the draft view, the raw SELECT, the
 * UPDATE that saves answers and the snapshot of a version under revision all follow from them.
 */
export interface Answers {
  date: string | null;
  indicatorId: number | null;
  isAdditional: boolean;
  description: string | null;
  outputQuantity: number | null;
  outputUnit: string | null;
  minutes: number | null;
  /** Start and end as minutes after local midnight, when the time was given as a range (time-range.ts). */
  startMinute: number | null;
  endMinute: number | null;
  /** The rencana aksi chosen, as its text. */
  actionPlan: string | null;
}

type SqlType = "date" | "int" | "boolean" | "text" | "numeric";

/** Each answer's column type in PostgreSQL: how it is cast when written and read by raw SQL. */
const ANSWER_TYPES = {
  date: "date",
  indicatorId: "int",
  isAdditional: "boolean",
  description: "text",
  outputQuantity: "numeric",
  outputUnit: "text",
  minutes: "int",
  startMinute: "int",
  endMinute: "int",
  actionPlan: "text",
} as const satisfies Record<keyof Answers, SqlType>;

const ANSWER_KEYS = Object.keys(ANSWER_TYPES) as Array<keyof Answers>;

/** Read back as JSON-friendly values: a date as its text, a numeric as a float. */
const READ_CAST: Record<SqlType, string> = { date: "::text", numeric: "::float8", int: "", boolean: "", text: "" };
/** A parameter's type where PostgreSQL cannot tell it from the value alone. */
const WRITE_CAST: Record<SqlType, string> = {
  date: "::date",
  numeric: "::numeric",
  int: "::int",
  boolean: "",
  text: "",
};

/** The answer columns of `"Report" r`, for a raw SELECT returning `Answers`. */
export const ANSWER_COLUMNS = Prisma.raw(
  ANSWER_KEYS.map((key) => {
    const cast = READ_CAST[ANSWER_TYPES[key]];
    return cast ? `r."${key}"${cast} AS "${key}"` : `r."${key}"`;
  }).join(", "),
);

/** A new draft's answers: none (a boolean column defaults to false). */
export const NO_ANSWERS = Object.fromEntries(
  ANSWER_KEYS.map((key) => [key, ANSWER_TYPES[key] === "boolean" ? false : null]),
) as unknown as Answers;

/** The answers of a Report row as Prisma reads it (a DATE as midnight UTC, a numeric as a Decimal). */
export function answersOf(row: Pick<Report, keyof Answers>): Answers {
  const read = (key: keyof Answers) => {
    const value = row[key];
    if (value === null || value === undefined) return null;
    if (ANSWER_TYPES[key] === "date") return fromDbDate(value as Date);
    if (ANSWER_TYPES[key] === "numeric") return Number(value);
    return value;
  };
  return Object.fromEntries(ANSWER_KEYS.map((key) => [key, read(key)])) as unknown as Answers;
}

/** Some answers, to be saved. */
export type AnswerPatch = Partial<Answers>;

/** `"column" = value` for each answer in the patch, in column order, for an UPDATE of "Report". */
export function answerAssignments(patch: AnswerPatch): Prisma.Sql[] {
  return ANSWER_KEYS.filter((key) => patch[key] !== undefined).map(
    (key) => Prisma.sql`${Prisma.raw(`"${key}"`)} = ${patch[key]}${Prisma.raw(WRITE_CAST[ANSWER_TYPES[key]])}`,
  );
}
