import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { Period } from "../skp/periods.ts";

/** What one export covers: a period, and the units whose people it lists. */
export interface ExportScope {
  period: Period;
  /** The unit and all units below it; every unit when absent. */
  unitIds?: number[];
}

/** The SQL condition limiting the employee `e` to the scope's units (none when every unit is in scope). */
export const unitFilter = (unitIds: number[] | undefined) =>
  unitIds ? Prisma.sql`AND e."unitId" = ANY(${unitIds}::int[])` : Prisma.empty;

/** The unit with this code and every unit below it, or undefined for an unknown code. */
export async function unitSubtree(db: Db, code: string): Promise<number[] | undefined> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    WITH RECURSIVE tree AS (
      SELECT "id" FROM "Unit" WHERE "code" = ${code}
      UNION SELECT u."id" FROM "Unit" u JOIN tree t ON u."parentId" = t."id"
    )
    SELECT "id" FROM tree`;
  return rows.length ? rows.map((r) => r.id) : undefined;
}
