import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { computeIkm, isRepresentative, type IkmResult } from "../../scoring/index.ts";

export interface IkmFigure extends IkmResult {
  unitId: number;
  unitName: string;
  /** Null for a unit's figure (all its counters together). */
  counterId: number | null;
  counterName: string | null;
  respondents: number;
  /** Responses flagged as part of a burst of first-time accounts. */
  flagged: number;
  representative: boolean;
}

type TotalsRow = {
  unitId: number;
  unitName: string;
  counterId: number | null;
  counterName: string | null;
  respondents: number;
  flagged: number;
  totals: number[];
};

/**
 * The IKM per counter or per unit over local dates `from`…`to` (inclusive): one set-based
 * statement sums and counts each element's answers, and the arithmetic is the scoring module's.
 */
export async function ikmFigures(
  db: Pick<Db, "$queryRaw">,
  options: { from: string; to: string; by: "counter" | "unit"; unitIds?: number[]; minRespondents: number },
): Promise<IkmFigure[]> {
  const byCounter = options.by === "counter";
  // Column names are constants of this module, never input.
  const totals = Array.from(
    { length: 9 },
    (_, i) => `COALESCE(sum(r."s${i + 1}"), 0)::int, count(r."s${i + 1}")::int`,
  ).join(", ");
  const rows = await db.$queryRaw<TotalsRow[]>`
    SELECT u."id" AS "unitId", u."name" AS "unitName",
           ${byCounter ? Prisma.sql`c."id"` : Prisma.sql`NULL::int`} AS "counterId",
           ${byCounter ? Prisma.sql`c."name"` : Prisma.sql`NULL::text`} AS "counterName",
           count(*)::int AS "respondents", count(*) FILTER (WHERE r."flagged")::int AS "flagged",
           ARRAY[${Prisma.raw(totals)}] AS "totals"
    FROM "SurveyResponse" r
    JOIN "ServiceCounter" c ON c."id" = r."counterId"
    JOIN "Unit" u ON u."id" = c."unitId"
    WHERE r."day" BETWEEN ${options.from}::date AND ${options.to}::date
      -- A survey opened and left before the first answer is nobody's rating.
      AND COALESCE(r."s1", r."s2", r."s3", r."s4", r."s5", r."s6", r."s7", r."s8", r."s9", r."overall") IS NOT NULL
      ${options.unitIds ? Prisma.sql`AND u."id" = ANY(${options.unitIds}::int[])` : Prisma.empty}
    GROUP BY u."id", u."name" ${byCounter ? Prisma.sql`, c."id", c."name"` : Prisma.empty}
    ORDER BY u."name" ${byCounter ? Prisma.sql`, c."name"` : Prisma.empty}`;
  return rows.map(({ totals, ...row }) => ({
    ...row,
    ...computeIkm(Array.from({ length: 9 }, (_, i) => ({ sum: totals[2 * i]!, count: totals[2 * i + 1]! }))),
    representative: isRepresentative(row.respondents, options.minRespondents),
  }));
}
