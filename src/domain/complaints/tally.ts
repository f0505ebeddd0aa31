import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";

/** How many complaints a counter or a unit received in a period, how they stand, and their first numbers. */
export interface ComplaintTally {
  total: number;
  /** Not yet closed (no follow-up, or followed up but not marked done). */
  open: number;
  /** Still without a follow-up past its due time, as of `now` (what the escalation acts on). */
  overdue: number;
  /** The first `listed` numbers, oldest first: a long list is summarised by its counts. */
  numbers: string[];
}

/**
 * Complaints received on the unit's local dates `from`…`to` (inclusive), per counter or per unit,
 * in one statement. Numbers and counts only: never what the citizen wrote.
 */
export async function complaintTallies(
  db: Pick<Db, "$queryRaw">,
  options: { by: "counter" | "unit"; ids: number[]; from: string; to: string; now: Date; listed: number },
): Promise<Map<number, ComplaintTally>> {
  if (options.ids.length === 0) return new Map();
  const key = options.by === "counter" ? Prisma.sql`c."counterId"` : Prisma.sql`c."unitId"`;
  const rows = await db.$queryRaw<Array<ComplaintTally & { id: number }>>`
    SELECT ${key} AS "id", count(*)::int AS "total",
           count(*) FILTER (WHERE c."status" <> 'DONE')::int AS "open",
           count(*) FILTER (WHERE c."status" = 'OPEN' AND c."followUpDue" <= ${options.now})::int AS "overdue",
           (array_agg(c."number" ORDER BY c."receivedAt", c."id"))[1:${options.listed}::int] AS "numbers"
    FROM "Complaint" c JOIN "Unit" u ON u."id" = c."unitId"
    WHERE ${key} = ANY(${options.ids}::int[])
      -- receivedAt is a UTC timestamp without zone: read it as UTC first, then as the unit's local time.
      AND (c."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE u."timeZone")::date BETWEEN ${options.from}::date AND ${options.to}::date
    GROUP BY ${key}`;
  return new Map(rows.map(({ id, ...tally }) => [id, tally]));
}

export const NO_COMPLAINTS: Readonly<ComplaintTally> = Object.freeze({ total: 0, open: 0, overdue: 0, numbers: [] });
