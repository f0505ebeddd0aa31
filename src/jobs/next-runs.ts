import type { Db } from "../db/client.ts";
import { localDate } from "../lib/time.ts";
import { addDays } from "../domain/calendar.ts";
import { loadPolicies } from "../domain/policy/load.ts";
import { loadUnits } from "./calendars.ts";
import { JOB_NAMES, JOBS, scheduledAt, type JobName } from "./job-definitions.ts";

/** Each job's next occurrence per unit after `at`, for `lapkin job --list`. */
export async function nextRuns(
  db: Db,
  at: Date,
): Promise<Array<{ job: JobName; unit: string; timeZone: string; next: Date | null; enabled: boolean }>> {
  const policies = await loadPolicies(db);
  const today = at.toISOString().slice(0, 10);
  const units = await loadUnits(db, { from: addDays(today, -2), to: addDays(today, 40) });
  const out = [];
  for (const name of JOB_NAMES) {
    const timing = JOBS[name].timing(policies);
    for (const unit of units) {
      let next: Date | null = null;
      const start = localDate(at, unit.timeZone);
      for (let i = 0; i < 35 && !next; i++) {
        const date = addDays(start, i);
        const when = scheduledAt(unit, date, timing.time);
        if (when > at && JOBS[name].isDue(unit, date, policies)) next = when;
      }
      out.push({ job: name, unit: unit.code, timeZone: unit.timeZone, next, enabled: timing.enabled });
    }
  }
  return out;
}
