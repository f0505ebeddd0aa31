import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { computeIkm, isRepresentative, SKM_ELEMENTS, type IkmResult } from "../../scoring/index.ts";

/** An IKM with the number of respondents behind it. */
export interface CountedIkm extends IkmResult {
  respondents: number;
  representative: boolean;
}

/** Whose responses a figure counts, as the statement groups them. */
interface FigureGroup {
  unitId: number;
  unitName: string;
  /** Null for a unit's figure (all its counters together). */
  counterId: number | null;
  counterName: string | null;
  respondents: number;
  /** Responses flagged as part of a burst of first-time accounts. */
  flagged: number;
}

export interface IkmFigure extends FigureGroup, CountedIkm {}

// Per element, its sum and its number of answers, as one array; column names are constants, never input.
const TOTALS = Prisma.raw(
  `ARRAY[${SKM_ELEMENTS.map((_, i) => `COALESCE(sum(r."s${i + 1}"), 0)::int, count(r."s${i + 1}")::int`).join(", ")}]`,
);

const counted = (respondents: number, totals: number[], minRespondents: number): CountedIkm => ({
  ...computeIkm(SKM_ELEMENTS.map((_, i) => ({ sum: totals[2 * i]!, count: totals[2 * i + 1]! }))),
  respondents,
  representative: isRepresentative(respondents, minRespondents),
});

/** A survey opened and left before the first answer is nobody's rating, so no respondent. */
const ANSWERED = Prisma.sql`COALESCE(r."s1", r."s2", r."s3", r."s4", r."s5", r."s6", r."s7", r."s8", r."s9", r."overall") IS NOT NULL`;

type TotalsRow = FigureGroup & { totals: number[] };

/**
 * The IKM per counter or per unit over local dates `from`…`to` (inclusive): one set-based
 * statement sums and counts each element's answers, and the arithmetic is the scoring module's.
 */
export async function ikmFigures(
  db: Pick<Db, "$queryRaw">,
  options: {
    from: string;
    to: string;
    by: "counter" | "unit";
    unitIds?: number[];
    counterIds?: number[];
    minRespondents: number;
  },
): Promise<IkmFigure[]> {
  const byCounter = options.by === "counter";
  const rows = await db.$queryRaw<TotalsRow[]>`
    SELECT u."id" AS "unitId", u."name" AS "unitName",
           ${byCounter ? Prisma.sql`c."id"` : Prisma.sql`NULL::int`} AS "counterId",
           ${byCounter ? Prisma.sql`c."name"` : Prisma.sql`NULL::text`} AS "counterName",
           count(*)::int AS "respondents", count(*) FILTER (WHERE r."flagged")::int AS "flagged",
           ${TOTALS} AS "totals"
    FROM "SurveyResponse" r
    JOIN "ServiceCounter" c ON c."id" = r."counterId"
    JOIN "Unit" u ON u."id" = c."unitId"
    WHERE r."day" BETWEEN ${options.from}::date AND ${options.to}::date
      AND ${ANSWERED}
      ${options.unitIds ? Prisma.sql`AND u."id" = ANY(${options.unitIds}::int[])` : Prisma.empty}
      ${options.counterIds ? Prisma.sql`AND c."id" = ANY(${options.counterIds}::int[])` : Prisma.empty}
    GROUP BY u."id", u."name" ${byCounter ? Prisma.sql`, c."id", c."name"` : Prisma.empty}
    ORDER BY u."name" ${byCounter ? Prisma.sql`, c."name"` : Prisma.empty}`;
  return rows.map(({ totals, ...row }) => ({
    ...row,
    ...counted(row.respondents, totals, options.minRespondents),
  }));
}

/**
 * Per employee, the IKM of the responses to every counter they serve, pooled (an employee at two
 * counters is rated by the citizens of both), over local dates `from`…`to`; an employee who serves
 * no counter, or whose counters have no answers, is absent. One statement.
 */
export async function ikmOfStaff(
  db: Pick<Db, "$queryRaw">,
  options: { from: string; to: string; employeeIds: number[]; minRespondents: number },
): Promise<Map<number, CountedIkm>> {
  if (options.employeeIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ employeeId: number; respondents: number; totals: number[] }>>`
    SELECT s."employeeId", count(*)::int AS "respondents", ${TOTALS} AS "totals"
    FROM "ServiceCounterStaff" s JOIN "SurveyResponse" r ON r."counterId" = s."counterId"
    WHERE s."employeeId" = ANY(${options.employeeIds}::int[])
      AND r."day" BETWEEN ${options.from}::date AND ${options.to}::date
      AND ${ANSWERED}
    GROUP BY s."employeeId"`;
  return new Map(rows.map((r) => [r.employeeId, counted(r.respondents, r.totals, options.minRespondents)]));
}
