import cron, { type ScheduledTask } from "node-cron";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { dayjs, localDate } from "../lib/time.ts";
import { addDays, dayOff } from "../domain/calendar.ts";
import { loadUnits, workingDaysOfWeek, type ScheduledUnit } from "./calendars.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";
import { approvalDigest, reportReminder, skpDeadlineReminder } from "./reminders.ts";
import { claimRun, finishRun, recordSkipped } from "./runs.ts";
import {
  loadPolicies,
  loadSchedulePolicy,
  type JobTiming,
  type Policies,
  type ReviewPolicy,
  type SchedulePolicy,
} from "../domain/policy.ts";
import { weeklySummary } from "./summary.ts";
import { enqueueEscalations } from "../domain/review/escalation.ts";
import { enqueueAdminDigest } from "./admin-digest.ts";

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
] as const;
export type JobName = (typeof JOB_NAMES)[number];

interface JobDefinition {
  timing(policy: SchedulePolicy): JobTiming;
  isDue(unit: ScheduledUnit, date: string): boolean;
  /** Until when a missed occurrence is still made up. */
  windowEnd(unit: ScheduledUnit, date: string, scheduledFor: Date, policy: SchedulePolicy): Date;
  /** Whether what it queues is held through the night (see afterQuietHours). */
  quietAtNight?: boolean;
  run(ctx: JobContext): Promise<JobOutcome>;
}

const workingDay = (unit: ScheduledUnit, date: string) => !dayOff(date, unit.calendar);
const localTimeOn = (unit: ScheduledUnit, date: string, time: string) =>
  dayjs.tz(`${date} ${time}`, unit.timeZone).toDate();

/**
 * A reminder or digest missed (the server was down) is made up the same day, but not in the
 * evening: after the policy's `reminderCatchUpUntil` (18:00) it is recorded SKIPPED. A job set to
 * run later than that still has the rest of its day.
 */
const reminderWindowEnd = (unit: ScheduledUnit, date: string, scheduledFor: Date, policy: SchedulePolicy) => {
  const quiet = localTimeOn(unit, date, policy.reminderCatchUpUntil);
  return quiet > scheduledFor ? quiet : localTimeOn(unit, addDays(date, 1), "00:00");
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
    timing: (p) => p.reportReminder,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: (ctx) => reportReminder(ctx, "reminder"),
  },
  "report-nudge": {
    timing: (p) => p.reportNudge,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: (ctx) => reportReminder(ctx, "nudge"),
  },
  "approval-digest": {
    timing: (p) => p.approvalDigest,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: approvalDigest,
  },
  "skp-deadlines": {
    timing: (p) => p.skpDeadlines,
    isDue: workingDay,
    windowEnd: reminderWindowEnd,
    run: skpDeadlineReminder,
  },
  "weekly-summary": {
    timing: (p) => p.weeklySummary,
    isDue: (unit, date) => workingDaysOfWeek(date, unit.calendar).at(-1) === date,
    windowEnd: (_unit, _date, scheduledFor, policy) =>
      new Date(scheduledFor.getTime() + policy.summaryCatchUpHours * 3_600_000),
    quietAtNight: true,
    run: (ctx) => weeklySummary(ctx),
  },
};

export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);

/** The instant a job is scheduled for on a unit's local date. */
export function scheduledAt(unit: Pick<ScheduledUnit, "timeZone">, date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, unit.timeZone).toDate();
}

const scopeOf = (unit: { id: number }) => `unit:${unit.id}`;

/** Runs of different units at once: each is a few round trips, so 500 units go in parallel lanes. */
const RUN_CONCURRENCY = 8;

async function inParallel(tasks: Array<() => Promise<void>>, lanes: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(lanes, tasks.length) }, lane));
}

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  /** How far back the tick looks for missed occurrences. */
  lookBackDays?: number;
  /** Recipients of the admins' daily digest besides employees with the ADMIN role (ADMIN_TELEGRAM_IDS). */
  adminTelegramIds?: bigint[];
  /** The zone the admins' digest dates are shown in (DEFAULT_TIMEZONE). */
  adminTimeZone?: string;
}

export interface TickResult {
  ran: Array<{ job: JobName; unit: string; scheduledFor: Date; status: string }>;
  skipped: number;
  /** Review reminders/escalations queued (src/domain/review/escalation.ts). */
  escalations?: number;
}

/** One tick at `at`: runs every due occurrence that has no run yet, records the too-old ones SKIPPED. */
export async function tick(deps: SchedulerDeps, at: Date = deps.clock.now()): Promise<TickResult> {
  const lookBack = deps.lookBackDays ?? 7;
  // Read once a tick, so an import takes effect within a minute without a restart.
  const policies = await loadPolicies(deps.db, deps.logger);
  const policy = policies.schedule;
  const from = addDays(at.toISOString().slice(0, 10), -lookBack - 1);
  const to = addDays(at.toISOString().slice(0, 10), 8);
  const units = await loadUnits(deps.db, { from, to });
  const since = new Date(at.getTime() - (lookBack + 1) * 86_400_000);
  const existing = new Set(
    (
      await deps.db.jobRun.findMany({
        where: { scheduledFor: { gte: since, lte: at } },
        select: { job: true, scope: true, scheduledFor: true },
      })
    ).map((r) => `${r.job}|${r.scope}|${r.scheduledFor.getTime()}`),
  );
  const result: TickResult = { ran: [], skipped: 0 };
  const due: Array<() => Promise<void>> = [];
  for (const name of JOB_NAMES) {
    const job = JOBS[name];
    const timing = job.timing(policy);
    if (!timing.enabled) continue;
    for (const unit of units) {
      const today = localDate(at, unit.timeZone);
      for (let back = lookBack; back >= 0; back--) {
        const date = addDays(today, -back);
        const scheduledFor = scheduledAt(unit, date, timing.time);
        if (scheduledFor > at || scheduledFor < since || !job.isDue(unit, date)) continue;
        if (existing.has(`${name}|${scopeOf(unit)}|${scheduledFor.getTime()}`)) continue;
        if (at >= job.windowEnd(unit, date, scheduledFor, policy)) {
          if (await recordSkipped(deps.db, { job: name, scope: scopeOf(unit), scheduledFor }, at, "missed"))
            result.skipped++;
          continue;
        }
        due.push(async () => {
          const outcome = await execute(deps, { name, unit, date, scheduledFor, policies, at }, false);
          if (outcome) result.ran.push({ job: name, unit: unit.code, scheduledFor, status: outcome });
        });
      }
    }
  }
  await inParallel(due, RUN_CONCURRENCY);
  // The review issue's per-report reminder and escalation go out with the morning digests: once a
  // tick in which some unit's digest ran (idempotent per report version, so more often is harmless).
  if (result.ran.some((r) => r.job === "approval-digest" && r.status === "DONE")) {
    result.escalations = await afterMorningDigests(deps, at, policies.review);
  }
  return result;
}

/**
 * What goes out with the morning digests, once for all units: the review reminders and escalations,
 * and the admins' digest of undeliverable messages (both idempotent, so a second call adds nothing).
 * Returns the number of escalation messages queued.
 */
async function afterMorningDigests(
  deps: SchedulerDeps,
  at: Date,
  review: ReviewPolicy,
  queuedAt: Date = at,
): Promise<number> {
  const escalations = await enqueueEscalations(deps.db, at, { policy: review });
  await enqueueAdminDigest(deps.db, {
    at,
    queuedAt,
    adminTelegramIds: deps.adminTelegramIds ?? [],
    timeZone: deps.adminTimeZone ?? "Asia/Jakarta",
  });
  return escalations;
}

/**
 * Runs a job now as if it were `at` (the `lapkin job` command): for each unit, the occurrence of
 * `at`'s local date. A run that already exists is run again under the same key, so it queues
 * nothing that was queued before. What it queues goes out now, whatever `at` says.
 */
export async function runJobNow(
  deps: SchedulerDeps,
  name: JobName,
  options: { at: Date; unitCodes?: string[] },
): Promise<Array<{ unit: string; scheduledFor: Date; status: string; details?: Record<string, unknown> }>> {
  const policies = await loadPolicies(deps.db, deps.logger);
  const today = options.at.toISOString().slice(0, 10);
  let units = await loadUnits(deps.db, { from: addDays(today, -8), to: addDays(today, 8) });
  if (options.unitCodes) units = units.filter((u) => options.unitCodes!.includes(u.code));
  const out: Array<{ unit: string; scheduledFor: Date; status: string; details?: Record<string, unknown> }> = [];
  await inParallel(
    units.map((unit) => async () => {
      const date = localDate(options.at, unit.timeZone);
      const scheduledFor = scheduledAt(unit, date, JOBS[name].timing(policies.schedule).time);
      const details: Record<string, unknown> = {};
      const status = await execute(deps, { name, unit, date, scheduledFor, policies, at: options.at }, true, details);
      out.push({ unit: unit.code, scheduledFor, status: status ?? "BUSY", details });
    }),
    RUN_CONCURRENCY,
  );
  if (name === "approval-digest" && out.some((r) => r.status === "DONE"))
    await afterMorningDigests(deps, options.at, policies.review, deps.clock.now());
  return out.sort((a, b) => a.unit.localeCompare(b.unit));
}

async function execute(
  deps: SchedulerDeps,
  run: { name: JobName; unit: ScheduledUnit; date: string; scheduledFor: Date; policies: Policies; at: Date },
  force: boolean,
  detailsOut: Record<string, unknown> = {},
): Promise<string | undefined> {
  const key = { job: run.name, scope: scopeOf(run.unit), scheduledFor: run.scheduledFor };
  let runId = await claimRun(deps.db, key, run.at);
  if (runId === undefined) {
    if (!force) return undefined;
    const existing = await deps.db.jobRun.findUnique({ where: { job_scope_scheduledFor: key } });
    if (!existing || existing.status === "RUNNING") return undefined;
    runId = existing.id;
  }
  const ctx: JobContext = {
    db: deps.db,
    logger: deps.logger,
    dataDir: deps.dataDir,
    policy: run.policies.schedule,
    deadlines: run.policies.deadlines,
    ratingPeriod: run.policies.rating.period,
    unit: run.unit,
    localDate: run.date,
    scheduledFor: run.scheduledFor,
    now: run.at,
    queuedAt: force ? deps.clock.now() : run.at,
    // An admin forcing a run wants it now; a catch-up at night waits for the morning.
    notBefore:
      !force && JOBS[run.name].quietAtNight ? afterQuietHours(run.unit, run.at, run.policies.schedule) : undefined,
    runId,
    runKey: `${run.name}:${key.scope}:${run.scheduledFor.toISOString()}`,
  };
  try {
    const outcome = await JOBS[run.name].run(ctx);
    await finishRun(deps.db, runId, outcome.status, deps.clock.now(), outcome.details);
    Object.assign(detailsOut, outcome.details);
    deps.logger.info(
      { job: run.name, unit: run.unit.code, scheduledFor: run.scheduledFor, ...outcome },
      "job run finished",
    );
    return outcome.status;
  } catch (error) {
    deps.logger.error({ err: error, job: run.name, unit: run.unit.code }, "job run failed");
    await finishRun(deps.db, runId, "FAILED", deps.clock.now(), { error: (error as Error).message }).catch(() => {});
    Object.assign(detailsOut, { error: (error as Error).message });
    return "FAILED";
  }
}

/** Each job's next occurrence per unit after `at`, for `lapkin job --list`. */
export async function nextRuns(
  db: Db,
  at: Date,
): Promise<Array<{ job: JobName; unit: string; timeZone: string; next: Date | null; enabled: boolean }>> {
  const policy = await loadSchedulePolicy(db);
  const today = at.toISOString().slice(0, 10);
  const units = await loadUnits(db, { from: addDays(today, -2), to: addDays(today, 40) });
  const out = [];
  for (const name of JOB_NAMES) {
    const timing = JOBS[name].timing(policy);
    for (const unit of units) {
      let next: Date | null = null;
      const start = localDate(at, unit.timeZone);
      for (let i = 0; i < 35 && !next; i++) {
        const date = addDays(start, i);
        const when = scheduledAt(unit, date, timing.time);
        if (when > at && JOBS[name].isDue(unit, date)) next = when;
      }
      out.push({ job: name, unit: unit.code, timeZone: unit.timeZone, next, enabled: timing.enabled });
    }
  }
  return out;
}

export interface IntervalTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /**
   * Catches up at once, then ticks every minute. Interval tasks run at once too (what a restart
   * left behind: evidence still to fetch, conversations idle since before it), then every `everyMs`.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
  tick(at?: Date): Promise<TickResult>;
}

export function createScheduler(deps: SchedulerDeps & { intervals?: IntervalTask[] }): Scheduler {
  let task: ScheduledTask | undefined;
  let ticking: Promise<unknown> | undefined;
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;

  /** One run of an interval task, unless the previous one is still going. */
  const runInterval = (interval: IntervalTask) => {
    if (stopped || running.has(interval.name)) return;
    const run = interval
      .run()
      .catch((error) => deps.logger.error({ err: error, task: interval.name }, "scheduler: interval task failed"))
      .finally(() => running.delete(interval.name));
    running.set(interval.name, run);
  };

  const guardedTick = async (at?: Date) => {
    const current = tick(deps, at);
    ticking = current.catch(() => {});
    return current;
  };

  return {
    tick: guardedTick,
    async start() {
      stopped = false;
      // The catch-up runs in the background: start-up does not wait for a week of missed runs.
      void guardedTick().catch((error) => deps.logger.error({ err: error }, "scheduler: catch-up failed"));
      task = cron.schedule(
        "* * * * *",
        async () => {
          if (stopped) return;
          await guardedTick().catch((error) => deps.logger.error({ err: error }, "scheduler: tick failed"));
        },
        { noOverlap: true, name: "lapkin-scheduler" },
      );
      for (const interval of deps.intervals ?? []) {
        runInterval(interval);
        timers.push(setInterval(() => runInterval(interval), interval.everyMs));
      }
    },
    async stop() {
      stopped = true;
      await task?.stop();
      await task?.destroy();
      for (const timer of timers) clearInterval(timer);
      await Promise.all([ticking, ...running.values()]);
    },
  };
}
