import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";

/** The given units and every unit below them (one recursive query). */
export async function unitsUnder(db: Db, unitIds: number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    WITH RECURSIVE tree AS (
      SELECT "id" FROM "Unit" WHERE "id" IN (${Prisma.join(unitIds)})
      UNION
      SELECT u."id" FROM "Unit" u JOIN tree t ON u."parentId" = t."id"
    )
    SELECT "id" FROM tree ORDER BY "id"`;
  return rows.map((r) => r.id);
}

/** The units a viewer may pick on the unit pages, by name. */
export async function unitChoices(db: Db, unitIds: number[] | "all") {
  return db.unit.findMany({
    where: unitIds === "all" ? {} : { id: { in: unitIds } },
    select: { id: true, code: true, name: true, timeZone: true, organisationalResult: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
