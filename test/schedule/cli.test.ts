import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { seedLinkedUnit } from "./helpers.ts";

let database: Awaited<ReturnType<typeof createDatabaseEnv>>;

beforeAll(async () => {
  database = await createDatabaseEnv("lapkin-job-cli-");
  await withDb(async (db) => {
    await seedLinkedUnit(db, { code: "DISKOMINFO", timeZone: "Asia/Makassar" });
    await db.regionalHoliday.create({ data: { date: new Date("2026-04-20"), name: "Hari Jadi Kota Balikpapan" } });
  });
});
afterAll(async () => database.cleanup());

const withDb = <T>(fn: (db: Db) => Promise<T>) => database.use(fn);
const run = (args: string[]) => runCli(args, { env: database.env, now: "2026-11-24T00:00:00Z" });

describe("lapkin job", () => {
  it("runs a job as if it were --at, once: a second run queues nothing new", async () => {
    const first = await run(["job", "report-reminder", "--unit", "DISKOMINFO", "--at", "2026-11-23T15:00:00+08:00"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/report-reminder DISKOMINFO 2026-11-23T07:00:00.000Z DONE .*"queued":4/);
    const again = await run(["job", "report-reminder", "--at", "2026-11-23T15:30:00+08:00"]);
    expect(again.stdout).toMatch(/DONE .*"queued":0/);
    expect(await withDb((db) => db.outbox.count({ where: { kind: "report-reminder" } }))).toBe(4);
  });

  it("says a job is busy, and exits non-zero, while another run of it is in progress", async () => {
    const at = "2026-11-24T15:00:00+08:00";
    expect((await run(["job", "report-reminder", "--at", at])).code).toBe(0);
    // Another `lapkin job` (or the scheduler) holds the run now.
    await withDb((db) =>
      db.jobRun.updateMany({
        where: { job: "report-reminder", scheduledFor: new Date(at) },
        data: { status: "RUNNING" },
      }),
    );
    const busy = await run(["job", "report-reminder", "--at", at]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe(
      "report-reminder DISKOMINFO 2026-11-24T07:00:00.000Z: busy, another run of it is in progress; try again when it has finished.\n",
    );
    expect(busy.stdout).toBe("");
  });

  it("lists each job's next run per unit in the unit's zone", async () => {
    const list = await run(["job", "--list"]);
    expect(list.code).toBe(0);
    // Tuesday 24 November 08:00 WITA; the summary on Friday 27 November 16:00 WITA.
    expect(list.stdout).toMatch(/report-reminder\s+DISKOMINFO\s+2026-11-24 15:00 WITA \(2026-11-24T07:00:00.000Z\)/);
    expect(list.stdout).toMatch(/weekly-summary\s+DISKOMINFO\s+2026-11-27 16:00 WITA/);
  });

  it.each([
    [["job"], /Usage: lapkin job/],
    [["job", "coffee"], /Unknown job "coffee"/],
    [["job", "report-reminder", "--at", "tomorrow"], /--at must be an ISO time/],
    // 30 February is no date: it is not rolled over into 2 March (and its reminders sent).
    [["job", "report-reminder", "--at", "2026-02-30T15:00:00+08:00"], /--at must be an ISO time/],
    [["job", "report-reminder", "--at", "2026-11-24T25:00:00+08:00"], /--at must be an ISO time/],
    // Without an offset the time would be the server's, not the unit's.
    [["job", "report-reminder", "--at", "2026-11-24T15:00"], /--at must be an ISO time with its offset/],
    [["job", "report-reminder", "--unit", "NOPE"], /Unknown unit code: NOPE/],
  ])("refuses %j with a readable message", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("lapkin holidays", () => {
  it("lists national holidays and cuti bersama with the decree, and regional days off", async () => {
    const result = await run(["holidays", "--year", "2026"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("SKB");
    expect(result.stdout).toMatch(/2026-12-24\s+cuti bersama\s+Cuti Bersama Kelahiran Yesus Kristus/);
    expect(result.stdout).toMatch(/2026-12-25\s+national\s+Kelahiran Yesus Kristus/);
    expect(result.stdout).toMatch(/2026-04-20\s+all units\s+Hari Jadi Kota Balikpapan/);
  });

  it("adds a regional closure for one unit, which then skips its reminders", async () => {
    const added = await run(["holidays", "--add", "2026-12-01", "--name", "Penutupan kantor", "--unit", "DISKOMINFO"]);
    expect(added.code).toBe(0);
    expect((await run(["holidays", "--year", "2026"])).stdout).toMatch(/2026-12-01\s+DISKOMINFO\s+Penutupan kantor/);
    const job = await run(["job", "report-reminder", "--at", "2026-12-01T15:00:00+08:00"]);
    expect(job.stdout).toMatch(/SKIPPED .*day-off/);
    expect((await run(["holidays", "--add", "2026-02-30", "--name", "x"])).stderr).toContain("YYYY-MM-DD");
  });

  it("records a day off once however often it is added, and takes it back with --remove", async () => {
    const add = ["holidays", "--add", "2026-12-02", "--name", "Rapat kerja daerah", "--unit", "DISKOMINFO"];
    expect((await run(add)).code).toBe(0);
    const again = await run(add);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already a day off for DISKOMINFO (Rapat kerja daerah); nothing added");
    const rows = () => withDb((db) => db.regionalHoliday.count({ where: { date: new Date("2026-12-02") } }));
    expect(await rows()).toBe(1);

    const removed = await run(["holidays", "--remove", "2026-12-02", "--unit", "DISKOMINFO"]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("Removed 2026-12-02 Rapat kerja daerah (DISKOMINFO)");
    expect(await rows()).toBe(0);
    expect(await withDb((db) => db.auditLog.count({ where: { action: "holiday.remove" } }))).toBe(1);

    const none = await run(["holidays", "--remove", "2026-12-02", "--unit", "DISKOMINFO"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("No regional day off on 2026-12-02 for DISKOMINFO; nothing removed.");
  });

  it("refuses a bad year", async () => {
    const result = await run(["holidays", "--year", "26"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("four-digit year");
  });
});
