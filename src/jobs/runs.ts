import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db/client.ts";

/** How long a RUNNING run may go without finishing before another instance (or tick) takes it over. */
export const STALE_RUN_MS = 10 * 60_000;

/**
 * "Once and only once": a run is the row (job, scope, scheduledFor). Whoever inserts it runs it;
 * every other instance (or a second tick) finds it there and does nothing. A run left RUNNING by a
 * crashed instance may be taken over after `staleAfterMs`: what it sends is keyed by the run, so
 * the takeover cannot send twice what the first attempt already queued.
 *
 * `force` (`lapkin job --at`) also takes a run that has finished, by turning it RUNNING again in
 * the same statement: the row stays the lock, so a forced re-run and a scheduled run, or two forced
 * re-runs, never run at once (the second finds it RUNNING and is told the job is busy).
 */
export async function claimRun(
  db: Db,
  run: { job: string; scope: string; scheduledFor: Date },
  now: Date,
  options: { force?: boolean; staleAfterMs?: number } = {},
): Promise<bigint | undefined> {
  const stale = new Date(now.getTime() - (options.staleAfterMs ?? STALE_RUN_MS));
  const force = options.force === true;
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO "JobRun" ("job", "scope", "scheduledFor", "status", "startedAt")
    VALUES (${run.job}, ${run.scope}, ${run.scheduledFor}, 'RUNNING', ${now})
    ON CONFLICT ("job", "scope", "scheduledFor") DO UPDATE
      SET "status" = 'RUNNING', "startedAt" = EXCLUDED."startedAt", "finishedAt" = NULL
      WHERE ("JobRun"."status" = 'RUNNING' AND "JobRun"."startedAt" < ${stale})
         OR (${force}::boolean AND "JobRun"."status" <> 'RUNNING')
    RETURNING "id"`;
  return rows[0]?.id;
}

/** Records a run that was due but will not run (missed beyond its window, or a day off); no-op if it exists. */
export async function recordSkipped(
  db: Db,
  run: { job: string; scope: string; scheduledFor: Date },
  now: Date,
  reason: string,
): Promise<boolean> {
  const details = JSON.stringify({ reason });
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO "JobRun" ("job", "scope", "scheduledFor", "status", "startedAt", "finishedAt", "details")
    VALUES (${run.job}, ${run.scope}, ${run.scheduledFor}, 'SKIPPED', ${now}, ${now}, ${details}::jsonb)
    ON CONFLICT ("job", "scope", "scheduledFor") DO NOTHING
    RETURNING "id"`;
  return rows.length > 0;
}

export async function finishRun(
  db: Db,
  id: bigint,
  status: "DONE" | "SKIPPED" | "FAILED",
  now: Date,
  details: Record<string, unknown>,
): Promise<void> {
  await db.jobRun.update({
    where: { id },
    data: { status, finishedAt: now, details: details as Prisma.InputJsonValue },
  });
}
