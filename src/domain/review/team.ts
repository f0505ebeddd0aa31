import type { Db } from "../../db/client.ts";
import { dayOff, loadUnitCalendar, todayIn, type DayOff, type UnitCalendar } from "../calendar.ts";
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
  const [members, waiting] = await Promise.all([
    membersToday(db, people, now),
    waitingFor(db, me.employeeId, supervisors),
  ]);
  return { members, waiting };
}

type Member = {
  id: number;
  name: string;
  unitId: number;
  supervisorId: number | null;
  unit: { name: string; timeZone: string };
};

/**
 * Each member's day: "today" is their unit's; calendars, leave and reports are read once for the
 * whole team, not per member.
 */
async function membersToday(db: Db, people: Member[], now: Date): Promise<TeamMemberToday[]> {
  if (people.length === 0) return [];
  const dates = new Map(people.map((p) => [p.id, todayIn(now, p.unit)]));
  const ids = people.map((p) => p.id);
  const days = [...new Set(dates.values())].map((d) => new Date(`${d}T00:00:00Z`));
  const [calendars, leave, counts] = await Promise.all([
    unitCalendars(db, new Map(people.map((p) => [p.unitId, dates.get(p.id)!]))),
    db.leave.findMany({ where: { employeeId: { in: ids }, from: { lte: max(days) }, to: { gte: min(days) } } }),
    db.report.groupBy({
      by: ["employeeId", "date"],
      where: { employeeId: { in: ids }, date: { in: days }, status: { in: [...SENT] } },
      _count: true,
    }),
  ]);
  const reportsOn = new Map(counts.map((r) => [`${r.employeeId} ${r.date && isoDay(r.date)}`, r._count]));
  return people.map((person) => {
    const date = dates.get(person.id)!;
    const calendar = {
      ...calendars.get(person.unitId)!,
      leave: leave
        .filter((l) => l.employeeId === person.id)
        .map((l) => ({ from: isoDay(l.from), to: isoDay(l.to), kind: l.kind })),
    };
    return {
      employeeId: person.id,
      name: person.name,
      unitName: person.unit.name,
      supervisorId: person.supervisorId,
      date,
      reports: reportsOn.get(`${person.id} ${date}`) ?? 0,
      off: dayOff(date, calendar),
    };
  });
}

/** Reports waiting for this person's decision (same set as /persetujuan). */
function waitingFor(db: Db, employeeId: number, supervisors: number[]): Promise<number> {
  return db.report.count({
    where: { status: "SUBMITTED", employee: { supervisorId: { in: supervisors } }, employeeId: { not: employeeId } },
  });
}

/** Reports that count as "reported": anything sent, whatever its decision. */
const SENT = ["SUBMITTED", "APPROVED", "REVISION_REQUESTED", "REJECTED"] as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const min = (dates: Date[]) => new Date(Math.min(...dates.map(Number)));
const max = (dates: Date[]) => new Date(Math.max(...dates.map(Number)));

/** Each unit's calendar (holidays, working days) on its own date: one read per unit, not per person. */
async function unitCalendars(db: Db, dateByUnit: Map<number, string>): Promise<Map<number, UnitCalendar>> {
  const entries = await Promise.all(
    [...dateByUnit].map(
      async ([unitId, date]) => [unitId, await loadUnitCalendar(db, { unitId, from: date, to: date })] as const,
    ),
  );
  return new Map(entries);
}
