import { addDays, dayOff, isoWeekday, type UnitCalendar } from "../domain/calendar.ts";

export { loadUnits, type ScheduledUnit } from "../domain/unit-calendars.ts";

export function workingDaysOfWeek(date: string, calendar: UnitCalendar): string[] {
  const monday = addDays(date, 1 - isoWeekday(date));
  const days: string[] = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (!dayOff(day, { ...calendar, leave: undefined })) days.push(day);
  }
  return days;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, calendar: UnitCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to && count < 400; day = addDays(day, 1)) {
    if (!dayOff(day, { ...calendar, leave: undefined })) count++;
  }
  return count;
}
