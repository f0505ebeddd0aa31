import type { Db } from "../db/client.ts";

/**
 * Policy of the scheduled jobs (SPEC §3 *policy*): local times, on/off switches and thresholds.
 * Typed defaults live here; an admin's overrides are stored as JSON in KeyValue under
 * `policy:schedule` and merged over them, one job at a time, so a partial override keeps the rest.
 */
export interface JobTiming {
  enabled: boolean;
  /** Local time "HH:mm" in each unit's own time zone. */
  time: string;
}

export interface SchedulePolicy {
  reportReminder: JobTiming;
  reportNudge: JobTiming;
  approvalDigest: JobTiming;
  skpDeadlines: JobTiming & { daysBefore: number[] };
  weeklySummary: JobTiming & { recognition: boolean };
  /** The digest counts a report waiting more than this many working days as overdue (the review policy's 3). */
  escalateAfterWorkingDays: number;
  /** A missed run is still made up within its window; older ones are recorded SKIPPED. */
  summaryCatchUpHours: number;
}

export const DEFAULT_SCHEDULE_POLICY: Readonly<SchedulePolicy> = Object.freeze({
  reportReminder: { enabled: true, time: "15:00" },
  reportNudge: { enabled: true, time: "16:30" },
  approvalDigest: { enabled: true, time: "08:00" },
  skpDeadlines: { enabled: true, time: "08:00", daysBefore: [7, 3, 1] },
  weeklySummary: { enabled: true, time: "16:00", recognition: true },
  escalateAfterWorkingDays: 3,
  summaryCatchUpHours: 24,
});

export const SCHEDULE_POLICY_KEY = "policy:schedule";

export function mergeSchedulePolicy(stored: unknown): SchedulePolicy {
  const base = structuredClone(DEFAULT_SCHEDULE_POLICY) as SchedulePolicy;
  if (!stored || typeof stored !== "object") return base;
  const merged = base as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    if (!(key in merged)) continue;
    const current = merged[key];
    if (current && typeof current === "object" && !Array.isArray(current) && value && typeof value === "object") {
      merged[key] = { ...(current as object), ...(value as object) };
    } else if (typeof value === typeof current) {
      merged[key] = value;
    }
  }
  return base;
}

export async function loadSchedulePolicy(db: Db): Promise<SchedulePolicy> {
  const row = await db.keyValue.findUnique({ where: { key: SCHEDULE_POLICY_KEY } });
  return mergeSchedulePolicy(row?.value);
}
