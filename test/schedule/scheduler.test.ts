import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { nextRuns } from "../../src/jobs/next-runs.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { runJobNow, tick } from "../../src/jobs/tick.ts";
import { mergeStoredSection } from "../../src/domain/policy/load.ts";
import { claimRun, finishRun } from "../../src/jobs/runs.ts";
import { schedulerDeps, seedLinkedUnit } from "./helpers.ts";

let database: Database & { dataDir: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));
const db = () => database.prisma;

describe("scheduler", () => {
  it("catches up at start, runs its interval tasks, and stops cleanly", async () => {
    await seedLinkedUnit(db(), { timeZone: "Asia/Jayapura" });
    // Monday 23 November 15:20 WIT: the 15:00 reminder was missed minutes ago.
    const deps = schedulerDeps(db(), database.dataDir, "2026-11-23T06:20:00Z");
    let evidenceRuns = 0;
    const scheduler = createScheduler({
      ...deps,
      intervals: [{ name: "evidence", everyMs: 10, run: async () => void evidenceRuns++ }],
    });
    await scheduler.start();
    await expect
      .poll(async () => db().jobRun.count({ where: { job: "report-reminder", status: "DONE" } }), { timeout: 5000 })
      .toBe(1);
    await expect.poll(() => evidenceRuns, { timeout: 2000 }).toBeGreaterThan(1);
    await scheduler.stop();
    const after = evidenceRuns;
    await new Promise((r) => setTimeout(r, 50));
    expect(evidenceRuns).toBe(after);
  });

  it("makes up a missed reminder before 18:00 local, not after: a restart at 22:44 sends no nudge", async () => {
    await seedLinkedUnit(db()); // WIB
    const deps = schedulerDeps(db(), database.dataDir);
    // Tuesday 24 November 17:50 WIB: the 15:00 reminder and the 16:30 nudge are still made up.
    await tick(deps, new Date("2026-11-24T10:50:00Z"));
    const day = { gte: new Date("2026-11-24T00:00:00Z"), lt: new Date("2026-11-25T00:00:00Z") };
    expect(await db().jobRun.count({ where: { job: "report-nudge", status: "DONE", scheduledFor: day } })).toBe(1);
    // Wednesday 25 November 22:44 WIB, after a day down: both missed, recorded as such, nothing queued.
    await tick(deps, new Date("2026-11-25T15:44:00Z"));
    const wednesday = { gte: new Date("2026-11-25T00:00:00Z"), lt: new Date("2026-11-26T00:00:00Z") };
    const runs = await db().jobRun.findMany({
      where: { job: { in: ["report-reminder", "report-nudge"] }, scheduledFor: wednesday },
    });
    expect(runs.map((r) => [r.job, r.status, (r.details as { reason?: string }).reason]).sort()).toEqual([
      ["report-nudge", "SKIPPED", "missed"],
      ["report-reminder", "SKIPPED", "missed"],
    ]);
    // Every outbox key of a run names its scheduled time: none of Wednesday's reminders was queued.
    expect(await db().outbox.count({ where: { dedupeKey: { contains: ":2026-11-25T" } } })).toBe(0);
  });

  it("a run is claimed once; a RUNNING run older than 10 minutes (crashed instance) may be taken over", async () => {
    const key = { job: "weekly-summary", scope: "unit:1", scheduledFor: new Date("2026-11-27T09:00:00Z") };
    const t0 = new Date("2026-11-27T09:00:00Z");
    expect(await claimRun(db(), key, t0)).toBeDefined();
    expect(await claimRun(db(), key, new Date(t0.getTime() + 60_000))).toBeUndefined();
    expect(await claimRun(db(), key, new Date(t0.getTime() + 11 * 60_000))).toBeDefined();
    await db().jobRun.updateMany({ data: { status: "DONE" } });
    expect(await claimRun(db(), key, new Date(t0.getTime() + 60 * 60_000))).toBeUndefined();
  });

  it("a run left RUNNING by a crashed instance is taken over by the next tick once stale, within its window", async () => {
    await seedLinkedUnit(db(), { timeZone: "Asia/Makassar" });
    const deps = schedulerDeps(db(), database.dataDir);
    // Tuesday 24 November 15:00 WITA: the reminder runs…
    await tick(deps, new Date("2026-11-24T07:00:00Z"));
    const scheduledFor = new Date("2026-11-24T07:00:00Z");
    const run = await db().jobRun.findFirstOrThrow({ where: { job: "report-reminder", scheduledFor } });
    expect(run.status).toBe("DONE");
    // …but the instance died before it queued anything: the row is left RUNNING.
    await db().jobRun.update({ where: { id: run.id }, data: { status: "RUNNING", finishedAt: null } });
    await db().outbox.deleteMany({ where: { kind: "report-reminder" } });
    // Five minutes later another run may still be at work: left alone.
    await tick(deps, new Date("2026-11-24T07:05:00Z"));
    expect(await db().outbox.count({ where: { kind: "report-reminder" } })).toBe(0);
    // Fifteen minutes later it is stale: the next tick takes it over and the reminders go out.
    await tick(deps, new Date("2026-11-24T07:15:00Z"));
    expect(await db().jobRun.findFirstOrThrow({ where: { id: run.id } })).toMatchObject({ status: "DONE" });
    expect(await db().outbox.count({ where: { kind: "report-reminder" } })).toBeGreaterThan(0);
  });

  it("a forced re-run takes the run's lock: while one holds it, another is busy; once it is done, it may run again", async () => {
    await seedLinkedUnit(db()); // WIB
    const deps = schedulerDeps(db(), database.dataDir, "2026-11-24T08:30:00Z");
    const at = new Date("2026-11-24T08:00:00Z"); // Tuesday 15:00 WIB, the reminder's time
    expect((await runJobNow(deps, "report-reminder", { at })).map((r) => r.status)).toEqual(["DONE"]);

    // A second `lapkin job --at` takes the finished run (as runJobNow does), and holds it while it works…
    const run = await db().jobRun.findFirstOrThrow({ where: { job: "report-reminder" } });
    const held = await claimRun(db(), run, new Date("2026-11-24T08:31:00Z"), { force: true });
    expect(held).toBe(run.id);
    // …so a third one at the same time is busy, and changes nothing.
    expect((await runJobNow(deps, "report-reminder", { at })).map((r) => r.status)).toEqual(["BUSY"]);
    expect(await db().jobRun.findFirstOrThrow({ where: { id: run.id } })).toMatchObject({ status: "RUNNING" });
    // Once the holder has finished, a forced re-run runs again.
    await finishRun(db(), held!, "DONE", new Date("2026-11-24T08:32:00Z"), {});
    expect((await runJobNow(deps, "report-reminder", { at })).map((r) => r.status)).toEqual(["DONE"]);
    // And a forced run while one is RUNNING (scheduled, on another instance) is busy too.
    await db().jobRun.updateMany({ where: { job: "report-reminder" }, data: { status: "RUNNING" } });
    expect((await runJobNow(deps, "report-reminder", { at })).map((r) => r.status)).toEqual(["BUSY"]);
  });

  it("lists the next run per unit in its own zone, moving past holidays", async () => {
    await seedLinkedUnit(db(), { timeZone: "Asia/Makassar" });
    const rows = await nextRuns(db(), new Date("2026-12-23T08:00:00Z")); // Wednesday 16:00 WITA
    const next = (job: string) => rows.find((r) => r.job === job)!.next;
    // 24 (cuti bersama) and 25 (Christmas) December are off; the 26th and 27th a weekend.
    expect(next("report-reminder")).toEqual(new Date("2026-12-28T07:00:00Z"));
    // The summary of the week of 28 December: Thursday 31st is the last working day? 1 January is a holiday.
    expect(next("weekly-summary")).toEqual(new Date("2026-12-31T08:00:00Z"));
  });

  it("merges stored policy over the defaults, job by job", () => {
    const policy = mergeStoredSection("schedule", {
      reportReminder: { time: "14:30" },
      weeklySummary: { recognition: false },
      bogus: 1,
    });
    expect(policy.reportReminder).toEqual({ enabled: true, time: "14:30" });
    expect(policy.reportNudge.time).toBe("16:30");
    expect(policy.weeklySummary).toMatchObject({ time: "16:00", recognition: false });
  });
});
