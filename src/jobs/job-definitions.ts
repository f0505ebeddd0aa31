import { dayjs } from "../lib/time.ts";
import { addDays, dayOff } from "../domain/calendar.ts";
import type { JobTiming, Policies, SchedulePolicy } from "../domain/policy/sections.ts";
import { workingDaysOfWeek, type ScheduledUnit } from "./calendars.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";
import { approvalDigest, reportReminder, skpDeadlineReminder } from "./reminders.ts";
import { weeklySummary } from "./summary.ts";
import { oversightDigest, periodsClosingOn } from "./oversight-digest.ts";
import { peerRound } from "./peer-round.ts";
import { inRoundWindow } from "../domain/peer/rules.ts";
import { complaintEscalation } from "./complaint-escalation.ts";
import { commandMenus } from "./command-menus.ts";

/**
 * The scheduler. Every job runs per unit at the unit's local time. Rather than one cron task per
 * (time, zone), one node-cron task ticks every minute and asks, for every unit and job, which
 * occurrences are due and have no JobRun row yet; the same question at start-up is the catch-up.
 *
 * - An occurrence is the job's local time on a local date when the job is due that day (a working
 *   day of the unit; for the weekly summary, the unit's last working day of the week).
 * - A due occurrence without a row still inside its window (reminders: the same local day;
 *   summary: `summaryCatchUpHours` after) is claimed and run; one outside it is recorded SKIPPED.
 * - Claiming is an INSERT … ON CONFLICT on (job, scope, scheduledFor) (see runs.ts): with several
 *   instances on one PostgreSQL exactly one of them runs each occurrence.
 */
export const JOB_NAMES = [
  "report-reminder",
  "report-nudge",
  "approval-digest",
  "skp-deadlines",
  "weekly-summary",
  "oversight-digest",
  "peer-round",
  "complaint-escalation",
  "command-menus",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

interface JobDefinition {
  timing(policies: Policies): JobTiming;
  isDue(unit: ScheduledUnit, date: string, policies: Policies): boolean;
  /** Until when a missed occurrence is still made up. */
  windowEnd(unit: ScheduledUnit, date: string, scheduledFor: Date, policy: SchedulePolicy): Date;
  /** Whether what it queues is held through the night (see afterQuietHours). */
  quietAtNight?: boolean;
  run(ctx: JobContext): Promise<JobOutcome>;
}

const workingDay = (unit: ScheduledUnit, date: string) => !dayOff(date, unit.calendar);

/** The instant a job is scheduled for on a unit's local date. */
export function scheduledAt(unit: Pick<ScheduledUnit, "timeZone">, date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, unit.timeZone).toDate();
}

/**
 * A reminder or digest missed (the server was down) is made up the same day, but not in the
 * evening: after the policy's `reminderCatchUpUntil` (18:00) it is recorded SKIPPED. A job set to
 * run later than that still has the rest of its day.
 */
const reminderWindowEnd = (unit: ScheduledUnit, date: string, scheduledFor: Date, policy: SchedulePolicy) => {
  const quiet = scheduledAt(unit, date, policy.reminderCatchUpUntil);
  return quiet > scheduledFor ? quiet : scheduledAt(unit, addDays(date, 1), "00:00");
};

/**
 * A summary made up late is held while the unit sleeps: queued between `summaryQuietFrom` (21:00)
 * and `summaryQuietUntil` (06:00) local, it goes out at the end of that stretch.
 */
export function afterQuietHours(
  unit: Pick<ScheduledUnit, "timeZone">,
  at: Date,
  policy: SchedulePolicy,
): Date | undefined {
  const local = dayjs(at).tz(unit.timeZone);
  const time = local.format("HH:mm");
  const { summaryQuietFrom: from, summaryQuietUntil: until } = policy;
  const quiet = from <= until ? time >= from && time < until : time >= from || time < until;
  if (!quiet) return undefined;
  const date = local.format("YYYY-MM-DD");
  const end = dayjs.tz(`${date} ${until}`, unit.timeZone);
  return (end.isAfter(local) ? end : dayjs.tz(`${addDays(date, 1)} ${until}`, unit.timeZone)).toDate();
}

export const JOBS: Record<JobName, JobDefinition> = {
  "report-reminder": {
    timing: (p) => p.schedule.reportReminder,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: (ctx) => reportReminder(ctx, "reminder"),
  },
  "report-nudge": {
    timing: (p) => p.schedule.reportNudge,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: (ctx) => reportReminder(ctx, "nudge"),
  },
  "approval-digest": {
    timing: (p) => p.schedule.approvalDigest,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: approvalDigest,
  },
  "skp-deadlines": {
    timing: (p) => p.schedule.skpDeadlines,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: skpDeadlineReminder,
  },
  "weekly-summary": {
    timing: (p) => p.schedule.weeklySummary,
    isDue: (unit, date) => workingDaysOfWeek(date, unit.calendar).at(-1) === date,
    windowEnd: (_unit, _date, scheduledFor, policy) =>
      new Date(scheduledFor.getTime() + policy.summaryCatchUpHours * 3_600_000),
    quietAtNight: true,
    run: (ctx) => weeklySummary(ctx),
  },
  // The assessment team's digest, on the day a period's evaluations close (docs/domain.md, "Calibration").
  "oversight-digest": {
    timing: (p) => ({ enabled: true, time: p.oversight.digestTime }),
    isDue: (_unit, date, p) => periodsClosingOn(date, p.rating.period, p.deadlines).length > 0,
    windowEnd: reminderWindowEnd,
    run: oversightDigest,
  },
  // Peer feedback's round, every day of the period's last days (docs/domain.md, "Peer feedback").
  "peer-round": {
    timing: (p) => p.feedback.peer,
    isDue: (_unit, date, p) => inRoundWindow(date, p.rating.period, p.feedback.peer.windowDays),
    windowEnd: reminderWindowEnd,
    run: peerRound,
  },
  // Complaints past their follow-up due time, each unit's own (docs/domain.md, "Complaints"). A day
  // missed is not lost: the next run takes every complaint still overdue and not yet escalated.
  "complaint-escalation": {
    timing: (p) => p.schedule.complaintEscalation,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: complaintEscalation,
  },
  // Delegates whose delegation ended get their own menu back (docs/domain.md, "Command menu").
  "command-menus": {
    timing: () => ({ enabled: true, time: "00:30" }),
    isDue: () => true,
    windowEnd: reminderWindowEnd,
    run: commandMenus,
  },
};

export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);
