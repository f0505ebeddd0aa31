import type { Db } from "../../db/client.ts";
import { dayOff, loadUnitCalendar, todayIn, type DayOff } from "../calendar.ts";
import { delegatorsOf } from "./delegation.ts";
import { localDate } from "../../lib/time.ts";

export interface TeamMemberToday {
  employeeId: number;
  name: string;
  unitName: string;
  supervisorId: number | null;
  /** The member's "today", in their unit's time zone. */
  date: string;
  /** Reports dated today (submitted, approved, or sent back: anything but drafts and withdrawn). */
  reports: number;
  /** Why today is not a working day for this person, if it is not. */
  off?: DayOff;
}

export interface TeamToday {
  members: TeamMemberToday[];
  /** Reports waiting for this person's decision (same set as /persetujuan). */
  waiting: number;
}

/**
 * `/tim`: for each direct subordinate (and each subordinate of a supervisor this person is an
 * active delegate for), whether they reported today — "today" in the member's unit's time zone —
 * or have the day off (weekend, holiday, closure, leave), so nobody is counted missing on a day off.
 */
export async function teamToday(db: Db, me: { employeeId: number; timeZone: string }, now: Date): Promise<TeamToday> {
  const delegators = await delegatorsOf(db, me.employeeId, localDate(now, me.timeZone));
  const supervisors = [me.employeeId, ...delegators];
  const people = await db.employee.findMany({
    where: { supervisorId: { in: supervisors }, active: true, id: { not: me.employeeId } },
    include: { unit: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const members: TeamMemberToday[] = [];
  for (const person of people) {
    const date = todayIn(now, person.unit);
    const calendar = await loadUnitCalendar(db, { unitId: person.unitId, employeeId: person.id, from: date, to: date });
    const reports = await db.report.count({
      where: {
        employeeId: person.id,
        date: new Date(`${date}T00:00:00Z`),
        status: { in: ["SUBMITTED", "APPROVED", "REVISION_REQUESTED", "REJECTED"] },
      },
    });
    members.push({
      employeeId: person.id,
      name: person.name,
      unitName: person.unit.name,
      supervisorId: person.supervisorId,
      date,
      reports,
      off: dayOff(date, calendar),
    });
  }
  const waiting = await db.report.count({
    where: { status: "SUBMITTED", employee: { supervisorId: { in: supervisors } }, employeeId: { not: me.employeeId } },
  });
  return { members, waiting };
}
