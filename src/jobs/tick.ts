import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { localDate } from "../lib/time.ts";
import { addDays } from "../domain/calendar.ts";
import { loadPolicies } from "../domain/policy/load.ts";
import type { Policies, ReviewPolicy } from "../domain/policy/sections.ts";
import { enqueueEscalations } from "../domain/review/escalation.ts";
import { enqueueAdminDigest } from "./admin-digest.ts";
import { loadUnits, type ScheduledUnit } from "./calendars.ts";
import type { JobContext } from "./job-context.ts";
import { JOB_NAMES, JOBS, afterQuietHours, scheduledAt, type JobName } from "./job-definitions.ts";
import { STALE_RUN_MS, claimRun, finishRun, recordSkipped } from "./runs.ts";

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

/** One unit's run of a job forced with `runJobNow`. */
interface ForcedRun {
  unit: string;
  scheduledFor: Date;
  status: string;
  details?: Record<string, unknown>;
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
  const rows = await deps.db.jobRun.findMany({
    where: { scheduledFor: { gte: since, lte: at } },
    select: { job: true, scope: true, scheduledFor: true, status: true, startedAt: true },
  });
  const existing = new Set(rows.map((r) => `${r.job}|${r.scope}|${r.scheduledFor.getTime()}`));
  // A run left RUNNING by a crashed instance: claimRun takes it over once stale, while in its window.
  const stale = new Set(
    rows
      .filter((r) => r.status === "RUNNING" && r.startedAt.getTime() < at.getTime() - STALE_RUN_MS)
      .map((r) => `${r.job}|${r.scope}|${r.scheduledFor.getTime()}`),
  );
  const result: TickResult = { ran: [], skipped: 0 };
  const due: Array<() => Promise<void>> = [];
  for (const name of JOB_NAMES) {
    const job = JOBS[name];
    const timing = job.timing(policies);
    if (!timing.enabled) continue;
    for (const unit of units) {
      const today = localDate(at, unit.timeZone);
      for (let back = lookBack; back >= 0; back--) {
        const date = addDays(today, -back);
        const scheduledFor = scheduledAt(unit, date, timing.time);
        if (scheduledFor > at || scheduledFor < since || !job.isDue(unit, date, policies)) continue;
        const key = `${name}|${scopeOf(unit)}|${scheduledFor.getTime()}`;
        const pastWindow = at >= job.windowEnd(unit, date, scheduledFor, policy);
        if (existing.has(key) && (!stale.has(key) || pastWindow)) continue;
        if (pastWindow) {
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
  const escalations = await enqueueEscalations(deps.db, at, { policy: review, queuedAt });
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
 * nothing that was queued before; one that is RUNNING (scheduled, or forced by someone else) is
 * left alone and reported BUSY. What it queues goes out now, whatever `at` says.
 */
export async function runJobNow(
  deps: SchedulerDeps,
  name: JobName,
  options: { at: Date; unitCodes?: string[] },
): Promise<ForcedRun[]> {
  const policies = await loadPolicies(deps.db, deps.logger);
  const today = options.at.toISOString().slice(0, 10);
  let units = await loadUnits(deps.db, { from: addDays(today, -8), to: addDays(today, 8) });
  if (options.unitCodes) units = units.filter((u) => options.unitCodes!.includes(u.code));
  const out: ForcedRun[] = [];
  await inParallel(
    units.map((unit) => async () => {
      const date = localDate(options.at, unit.timeZone);
      const scheduledFor = scheduledAt(unit, date, JOBS[name].timing(policies).time);
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
  // A forced run takes the same row lock as a scheduled one: undefined means another run holds it.
  const runId = await claimRun(deps.db, key, run.at, { force });
  if (runId === undefined) return undefined;
  const ctx: JobContext = {
    db: deps.db,
    logger: deps.logger,
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
