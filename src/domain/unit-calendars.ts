import type { Db } from "../db/client.ts";
import { nationalHolidays, type UnitCalendar } from "./calendar.ts";

/**
 * The unit calendars of many units at once (one query for regional closures), built on the rules
 * of calendar.ts. Leave is per employee and is checked in SQL by its readers instead.
 */
export interface ScheduledUnit {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  calendar: UnitCalendar;
}

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

export async function loadUnits(
  db: Db,
  options: { from: string; to: string; unitIds?: number[] },
): Promise<ScheduledUnit[]> {
  const units = await db.unit.findMany({
    where: options.unitIds ? { id: { in: options.unitIds } } : {},
    select: { id: true, code: true, name: true, timeZone: true, workingDays: true },
    orderBy: { id: "asc" },
  });
  const regional = await db.regionalHoliday.findMany({
    where: { date: { gte: asDate(options.from), lte: asDate(options.to) } },
  });
  const national: Record<string, string> = {};
  for (const [date, name] of Object.entries(nationalHolidays()))
    if (date >= options.from && date <= options.to) national[date] = name;
  return units.map((unit) => {
    const holidays = { ...national };
    for (const r of regional)
      if (r.unitId === null || r.unitId === unit.id) holidays[r.date.toISOString().slice(0, 10)] = r.name;
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      timeZone: unit.timeZone,
      calendar: {
        timeZone: unit.timeZone,
        workingDays: unit.workingDays.length ? unit.workingDays : [1, 2, 3, 4, 5],
        holidays,
      },
    };
  });
}

/** The unit's working days of the ISO week that holds `date` (Monday … Sunday). */
