import type { Db } from "../../db/client.ts";

/** The units a viewer may pick on the unit pages, by name. */
export async function unitChoices(db: Db, unitIds: number[] | "all") {
  return db.unit.findMany({
    where: unitIds === "all" ? {} : { id: { in: unitIds } },
    select: { id: true, code: true, name: true, timeZone: true, organisationalResult: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
