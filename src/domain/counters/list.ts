import type { Db } from "../../db/client.ts";

export interface CounterForPoster {
  code: string;
  publicCode: string;
  name: string;
  unitCode: string;
  unitName: string;
}

/** A unit code that names no unit: the CLI says so rather than printing no poster. */
export class UnknownUnitError extends Error {}

/** The counters of a unit (or all), ordered by unit and code, for printing their posters. */
export async function countersForPosters(db: Db, unitCode?: string): Promise<CounterForPoster[]> {
  if (unitCode !== undefined && !(await db.unit.findUnique({ where: { code: unitCode }, select: { id: true } })))
    throw new UnknownUnitError(`No unit has the code ${unitCode}.`);
  return db.$queryRaw<CounterForPoster[]>`
    SELECT c."code", c."publicCode", c."name", u."code" AS "unitCode", u."name" AS "unitName"
    FROM "ServiceCounter" c JOIN "Unit" u ON u."id" = c."unitId"
    WHERE ${unitCode ?? null}::text IS NULL OR u."code" = ${unitCode ?? null}
    ORDER BY u."code", c."code"`;
}

/** The link a poster's QR code carries: opens the bot with the counter's survey. */
export const surveyLink = (botUsername: string, publicCode: string) =>
  `https://t.me/${botUsername}?start=fb_${publicCode}`;
