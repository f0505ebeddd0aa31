import type { Db } from "../../db/client.ts";

/** An SKP indicator a report can be about, as /lapor offers it. */
export interface IndicatorChoice {
  id: number;
  code: string;
  label: string;
  unitOfMeasure: string;
  /** e-Kinerja's rencana aksi under it, in import order (often none). */
  actionPlans: string[];
}

/** The employee's SKP indicators of a year, the most recently reported first, then in plan order. One statement. */
export async function indicatorChoices(db: Db, employeeId: number, year: number): Promise<IndicatorChoice[]> {
  const rows = await db.$queryRaw<Array<IndicatorChoice & { used: Date | null }>>`
    SELECT i."id", i."code", i."indicator" AS "label", i."unitOfMeasure", i."actionPlans",
      (SELECT max(r."createdAt") FROM "Report" r WHERE r."employeeId" = ${employeeId} AND r."indicatorId" = i."id" AND r."status" <> 'DRAFT') AS "used"
    FROM "SkpIndicator" i JOIN "SkpPlan" p ON p."id" = i."planId"
    WHERE p."employeeId" = ${employeeId} AND p."year" = ${year}
    ORDER BY i."code" ASC, i."id" ASC`;
  return rows
    .map((r, order) => ({ r, order, used: r.used?.getTime() ?? 0 }))
    .sort((a, b) => b.used - a.used || a.order - b.order)
    .map(({ r }) => ({
      id: r.id,
      code: r.code,
      label: r.label,
      unitOfMeasure: r.unitOfMeasure,
      actionPlans: r.actionPlans,
    }));
}

/** An indicator the employee may report on (their own plan, that year), or undefined. */
export async function ownIndicator(
  db: Db,
  employeeId: number,
  indicatorId: number,
  year: number,
): Promise<IndicatorChoice | undefined> {
  const i = await db.skpIndicator.findFirst({ where: { id: indicatorId, plan: { employeeId, year } } });
  return i
    ? { id: i.id, code: i.code, label: i.indicator, unitOfMeasure: i.unitOfMeasure, actionPlans: i.actionPlans }
    : undefined;
}
