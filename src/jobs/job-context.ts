import type { Db } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import type { ScheduledUnit } from "./calendars.ts";
import type { DeadlinePolicy, SchedulePolicy } from "../domain/policy/sections.ts";
import type { EvaluationPeriodKind } from "../domain/skp/periods.ts";

/** What one run of a per-unit job gets. */
export interface JobContext {
  db: Db;
  logger: Logger;
  policy: SchedulePolicy;
  /** The SKP deadlines and the evaluation period in force, loaded with `policy`. */
  deadlines: DeadlinePolicy;
  ratingPeriod: EvaluationPeriodKind;
  unit: ScheduledUnit;
  /** The unit's local date of the run ("YYYY-MM-DD"). */
  localDate: string;
  scheduledFor: Date;
  /** The job's clock: "as if it were" this time. */
  now: Date;
  /**
   * When its messages may go out: the tick's time, or the real clock for a run forced with
   * `lapkin job --at`, whose messages are sent at once even when `--at` lies ahead.
   */
  queuedAt: Date;
  /** Hold its messages until then (a summary caught up at night waits for the morning). */
  notBefore?: Date;
  runId: bigint;
  /** Stable per run: every outbox key of the run starts with it, so a re-run queues nothing new. */
  runKey: string;
}

export interface JobOutcome {
  status: "DONE" | "SKIPPED";
  details: Record<string, unknown>;
}
