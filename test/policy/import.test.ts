import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importFiles, ImportRefused } from "../../src/domain/import/index.ts";
import {
  loadDeadlinePolicy,
  loadPolicies,
  loadRatingPolicy,
  loadReportPolicy,
  loadSchedulePolicy,
} from "../../src/domain/policy/load.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { clockAt, EXAMPLE_DIR, inEnglish, writeFiles, type WordedProblem } from "../import/helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const POLICY_FILE = [
  "kunci,nilai,keterangan",
  "rating.mode,2019,Perda lama masih memakai nilai angka",
  "rating.period,bulanan,",
  'rating.thresholds.aboveAveragePercent,"112,5",',
  "deadlines.periodicCloseDay,10,",
  "schedule.reportReminder.time,14.30,",
  "schedule.skpDeadlines.daysBefore,1;7;3,",
  "report.backdateWorkingDays,2,",
  "Review.ReviewEscalationWorkingDays,4,kunci tidak peka huruf besar",
  "report.allowAdditionalTask,tidak,",
].join("\n");
const POLICY_ROWS = 9;

const importPolicy = (text = POLICY_FILE, at = "2026-11-24T03:00:00Z") =>
  importFiles(db, [writeFiles({ "kebijakan.csv": text })], { clock: clockAt(at) });

/** The refusal's problems, or a failure when the import went through. */
async function refusal(paths: string[]): Promise<WordedProblem[]> {
  const error = await importFiles(db, paths).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefused);
  return inEnglish((error as ImportRefused).problems);
}

const storedPolicy = () =>
  db.prisma.keyValue.findMany({ where: { key: { startsWith: "policy:" } }, orderBy: { key: "asc" } });

describe("importing a policy file", () => {
  it("stores each value under its section, and the loaders return them over the defaults", async () => {
    const summary = await importPolicy();

    expect(summary.policy).toEqual({ changed: POLICY_ROWS, unchanged: 0 });
    expect(await loadRatingPolicy(db.prisma)).toEqual({
      mode: "2019",
      period: "MONTH",
      thresholds: { meetsMinPercent: 100, aboveAveragePercent: 112.5 },
      organisationalResult: "BAIK",
    });
    expect(await loadDeadlinePolicy(db.prisma)).toEqual({
      skpPlanDue: "01-31",
      periodicCloseDay: 10,
      annualDue: "01-31",
    });
    const schedule = await loadSchedulePolicy(db.prisma);
    expect(schedule.reportReminder).toEqual({ enabled: true, time: "14:30" });
    expect(schedule.skpDeadlines.daysBefore).toEqual([7, 3, 1]);
    expect(await loadReportPolicy(db.prisma)).toMatchObject({
      backdateWorkingDays: 2,
      allowAdditionalTask: false,
      maxPhotos: 10,
    });
    expect((await loadPolicies(db.prisma)).review).toEqual({
      reviewReminderWorkingDays: 3,
      reviewEscalationWorkingDays: 4,
      approvalsPageSize: 5,
    });
    // Only what was set is stored; the rest stays the default, and follows the defaults if they change.
    expect((await storedPolicy()).map((r) => [r.key, r.value])).toEqual([
      ["policy:deadlines", { periodicCloseDay: 10 }],
      ["policy:rating", { mode: "2019", period: "MONTH", thresholds: { aboveAveragePercent: 112.5 } }],
      ["policy:report", { backdateWorkingDays: 2, allowAdditionalTask: false }],
      ["policy:review", { reviewEscalationWorkingDays: 4 }],
      ["policy:schedule", { reportReminder: { time: "14:30" }, skpDeadlines: { daysBefore: [7, 3, 1] } }],
    ]);
  });

  it("records the change in the audit log, with the values in force before and after", async () => {
    await importPolicy();

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "policy.import" } });
    expect(audit).toMatchObject({
      actor: "cli",
      entity: "policy",
      at: new Date("2026-11-24T03:00:00Z"),
      details: { files: ["kebijakan.csv"] },
    });
    expect(audit.before).toMatchObject({
      "rating.mode": "2022",
      "rating.period": "QUARTER",
      "deadlines.periodicCloseDay": 5,
      "schedule.skpDeadlines.daysBefore": [7, 3, 1],
    });
    expect(audit.after).toMatchObject({
      "rating.mode": "2019",
      "rating.period": "MONTH",
      "deadlines.periodicCloseDay": 10,
      "schedule.skpDeadlines.daysBefore": [7, 3, 1],
    });
    expect(Object.keys(audit.after as object)).toHaveLength(POLICY_ROWS);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importPolicy();
    const before = await storedPolicy();

    const summary = await importPolicy(POLICY_FILE, "2026-11-25T03:00:00Z");

    expect(summary.policy).toEqual({ changed: 0, unchanged: POLICY_ROWS });
    expect(await storedPolicy()).toEqual(before); // same values, same updatedAt
    expect(await db.prisma.auditLog.count({ where: { action: "policy.import" } })).toBe(1);
  });

  it("changes only the values that differ, and keeps the others stored before", async () => {
    await importPolicy();

    const summary = await importPolicy("kunci,nilai\nrating.mode,2011\nrating.period,MONTH\n");

    expect(summary.policy).toEqual({ changed: 1, unchanged: 1 });
    expect(await loadRatingPolicy(db.prisma)).toMatchObject({
      mode: "2011",
      period: "MONTH",
      thresholds: { aboveAveragePercent: 112.5 },
    });
    expect((await loadReportPolicy(db.prisma)).backdateWorkingDays).toBe(2);
    const audits = await db.prisma.auditLog.findMany({ where: { action: "policy.import" }, orderBy: { id: "asc" } });
    expect(audits[1]).toMatchObject({ before: { "rating.mode": "2019" }, after: { "rating.mode": "2011" } });
  });

  it("reads a semicolon-separated file, with a list in quotes and a decimal comma", async () => {
    await importPolicy(
      'kunci;nilai\nschedule.skpDeadlines.daysBefore;"14;7;1"\nrating.thresholds.meetsMinPercent;97,5\n',
    );
    expect((await loadSchedulePolicy(db.prisma)).skpDeadlines.daysBefore).toEqual([14, 7, 1]);
    expect((await loadRatingPolicy(db.prisma)).thresholds.meetsMinPercent).toBe(97.5);
  });

  it("counts without writing on a dry run", async () => {
    const summary = await importFiles(db, [writeFiles({ "kebijakan.csv": POLICY_FILE })], { dryRun: true });
    expect(summary.policy).toEqual({ changed: POLICY_ROWS, unchanged: 0 });
    expect(await storedPolicy()).toEqual([]);
  });
});

describe("a policy file with problems", () => {
  it("lists the file, row and reason of each bad row, and writes nothing — not even the other files", async () => {
    const dir = writeFiles({
      "kebijakan.csv": [
        "kunci,nilai",
        "rating.mode,2022",
        "rating.modus,2019",
        "rating.mode,2020",
        "deadlines.periodicCloseDay,0",
        "deadlines.skpPlanDue,31-01",
        "schedule.reportNudge.time,25:00",
        "report.allowAdditionalTask,mungkin",
        "review.approvalsPageSize,",
        "schedule.weeklySummary.recognition,ya",
      ].join("\n"),
      "unit.csv": "kode,nama\nA,Unit A\n",
    });

    const problems = await refusal([dir]);

    expect(problems).toEqual([
      { file: "kebijakan.csv", row: 3, message: 'kunci "rating.modus" is not a policy key (lapkin policy lists them)' },
      { file: "kebijakan.csv", row: 4, message: 'rating.mode "2020" is not one of 2022, 2019, 2011' },
      { file: "kebijakan.csv", row: 5, message: 'deadlines.periodicCloseDay "0" is not a whole number from 1 to 31' },
      {
        file: "kebijakan.csv",
        row: 6,
        message: 'deadlines.skpPlanDue "31-01" is not a date MM-DD (month first, like 01-31) or DD/MM (like 31/01)',
      },
      {
        file: "kebijakan.csv",
        row: 7,
        message: 'schedule.reportNudge.time "25:00" is not a local time HH:mm, like 15:00',
      },
      {
        file: "kebijakan.csv",
        row: 8,
        message: 'report.allowAdditionalTask "mungkin" is not true or false (ya or tidak)',
      },
      { file: "kebijakan.csv", row: 9, message: "missing nilai" },
    ]);
    expect(await storedPolicy()).toEqual([]);
    expect(await db.prisma.unit.count()).toBe(0);
    expect(await db.prisma.auditLog.count()).toBe(0);
  });

  it("refuses a key given twice", async () => {
    const problems = await refusal([
      writeFiles({ "kebijakan.csv": "kunci,nilai\nrating.mode,2019\nRATING.MODE,2011\n" }),
    ]);
    expect(problems).toEqual([
      { file: "kebijakan.csv", row: 3, message: "duplicate policy key rating.mode (first at kebijakan.csv row 2)" },
    ]);
  });

  it("refuses values that contradict each other, or a value stored before", async () => {
    const contradicting = writeFiles({ "kebijakan.csv": "kunci,nilai\nreport.minPhotos,3\nreport.maxPhotos,2\n" });
    expect(await refusal([contradicting])).toEqual([
      { file: "kebijakan.csv", row: 2, message: "report.minPhotos (3) must be at most report.maxPhotos (2)" },
    ]);

    await importPolicy("kunci,nilai\nreview.reviewEscalationWorkingDays,4\n");
    const againstStored = writeFiles({ "kebijakan.csv": "kunci,nilai\nreview.reviewReminderWorkingDays,6\n" });
    expect(await refusal([againstStored])).toEqual([
      {
        file: "kebijakan.csv",
        row: 2,
        message: "review.reviewReminderWorkingDays (6) must be at most review.reviewEscalationWorkingDays (4)",
      },
    ]);
    expect((await loadPolicies(db.prisma)).review.reviewReminderWorkingDays).toBe(3);
  });

  it("refuses a list cut in pieces by the file's own separator", async () => {
    const problems = await refusal([
      writeFiles({ "kebijakan.csv": "kunci;nilai\nschedule.skpDeadlines.daysBefore;7;3;1\n" }),
    ]);
    expect(problems).toEqual([
      {
        file: "kebijakan.csv",
        row: 2,
        message: "has more cells than the header has columns: put a value that holds the separator in quotes",
      },
    ]);
  });
});

describe("the example city's policy file", () => {
  it("imports on its own", async () => {
    const summary = await importFiles(db, [join(EXAMPLE_DIR, "kebijakan.csv")]);
    expect(summary.policy.unchanged).toBe(0);
    expect(await loadDeadlinePolicy(db.prisma)).toEqual({
      skpPlanDue: "01-31",
      periodicCloseDay: 10,
      annualDue: "01-31",
    });
    expect((await loadSchedulePolicy(db.prisma)).skpDeadlines.daysBefore).toEqual([14, 7, 3, 1]);
  });
});
