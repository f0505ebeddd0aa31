import { mergeStoredSection, type SchedulePolicy } from "../domain/policy.ts";

/**
 * Policy of the scheduled jobs (SPEC §3 *policy*): local times, on/off switches and thresholds.
 * The shape and defaults live with the rest of the policy in src/domain/policy.ts; overrides are
 * stored as JSON in KeyValue under `policy:schedule` (`lapkin import` writes them) and merged
 * over the defaults value by value, so a partial override keeps the rest.
 */
export { DEFAULT_SCHEDULE_POLICY, loadSchedulePolicy, type JobTiming, type SchedulePolicy } from "../domain/policy.ts";

/** Stored JSON merged over the defaults; unknown or invalid values are left out (and described in `problems`). */
export function mergeSchedulePolicy(stored: unknown, problems?: string[]): SchedulePolicy {
  return mergeStoredSection("schedule", stored, problems);
}
