import type { Clock } from "../lib/clock.ts";
import { dayjs } from "../lib/time.ts";
import { addDays, isoWeekday, isWorkingDay, type UnitCalendar } from "../domain/calendar.ts";
import { workingDaysOfWeek } from "../jobs/calendars.ts";

/** The demo's clock: runs at the real pace from a time the trainer picks, and can be moved. */
export interface DemoClock extends Clock {
  set(at: Date): void;
}

export function demoClock(start: Date, real: Clock = { now: () => new Date() }): DemoClock {
  let offset = start.getTime() - real.now().getTime();
  return {
    now: () => new Date(real.now().getTime() + offset),
    set: (at) => (offset = at.getTime() - real.now().getTime()),
  };
}

/** The hour the demo's days start at: offices open at 07:30, and the morning's work is under way. */
const DEMO_TIME = "09:00";

/**
 * A working day of the current week in the unit's calendar: today when it is one, else the latest
 * working day of this week before it (a Sunday gives Friday, or Saturday for a six-day unit), else
 * the next one (a week that starts with holidays). At 09:00 local time.
 */
export function workingDayThisWeek(now: Date, calendar: UnitCalendar): Date {
  const today = dayjs(now).tz(calendar.timeZone).format("YYYY-MM-DD");
  const monday = addDays(today, 1 - isoWeekday(today));
  for (let date = today; date >= monday; date = addDays(date, -1))
    if (isWorkingDay(date, calendar)) return at(date, calendar);
  return nextWorkingDay(today, calendar);
}

/** 09:00 on the unit's next working day after `date` (holidays and weekends skipped). */
export function nextWorkingDay(date: string, calendar: UnitCalendar): Date {
  let next = addDays(date, 1);
  for (let i = 0; i < 60 && !isWorkingDay(next, calendar); i++) next = addDays(next, 1);
  return at(next, calendar);
}

const at = (date: string, calendar: UnitCalendar) => dayjs.tz(`${date} ${DEMO_TIME}`, calendar.timeZone).toDate();

/**
 * The weekly summary is sent on a unit's last working day of the week; run from the time panel on
 * another day, the demo first moves its clock there (same time of day), as the job would wait.
 */
export function lastWorkingDayOfWeek(now: Date, calendar: UnitCalendar): Date {
  const local = dayjs(now).tz(calendar.timeZone);
  const last = workingDaysOfWeek(local.format("YYYY-MM-DD"), calendar).at(-1);
  if (!last) return now;
  return dayjs.tz(`${last} ${local.format("HH:mm:ss")}`, calendar.timeZone).toDate();
}
