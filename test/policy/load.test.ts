import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { composePolicies } from "../../src/domain/policy/compose.ts";
import { POLICY_KEYS, readPolicyValue, showPolicyValue } from "../../src/domain/policy/keys.ts";
import {
  loadDeadlinePolicy,
  loadPolicies,
  loadRatingPolicy,
  loadReportPolicy,
  mergeStoredSection,
} from "../../src/domain/policy/load.ts";
import {
  DEFAULT_DEADLINE_POLICY,
  DEFAULT_RATING_POLICY,
  DEFAULT_SCHEDULE_POLICY,
} from "../../src/domain/policy/sections.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());

const store = (key: string, value: unknown) => db.prisma.keyValue.create({ data: { key, value: value as object } });

/** A logger that keeps its warnings. */
function warnings() {
  const lines: string[] = [];
  return { lines, logger: { warn: (message: string) => void lines.push(message) } as never };
}

describe("loading stored policy", () => {
  beforeEach(async () => resetDatabase(db));

  it("gives the defaults when nothing is stored", async () => {
    const { lines, logger } = warnings();
    expect(await loadPolicies(db.prisma, logger)).toEqual(composePolicies(new Map()));
    expect(await loadRatingPolicy(db.prisma)).toEqual(DEFAULT_RATING_POLICY);
    expect(await loadDeadlinePolicy(db.prisma)).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(lines).toEqual([]);
  });

  it("replaces each invalid or unknown stored value by its default, keeps the valid ones, and warns", async () => {
    await store("policy:rating", {
      mode: "2020",
      period: "MONTH",
      thresholds: { meetsMinPercent: "lots", aboveAveragePercent: 120 },
      extra: 1,
    });
    const { lines, logger } = warnings();

    const rating = await loadRatingPolicy(db.prisma, logger);

    expect(rating).toEqual({
      mode: "2022",
      period: "MONTH",
      thresholds: { meetsMinPercent: 100, aboveAveragePercent: 120 },
      organisationalResult: "BAIK",
    });
    // In the order the database keeps the JSON's keys, which is not the order written.
    expect([...lines].sort()).toEqual(
      [
        'policy: rating.mode: the stored "2020" is not one of 2022, 2019, 2011; the default 2022 is used',
        'policy: rating.thresholds.meetsMinPercent: the stored "lots" is not a percentage above 0 and at most 1000; the default 100 is used',
        'policy: policy:rating holds "extra", which is not a policy value; it is ignored',
      ].sort(),
    );
  });

  it("uses the defaults of a section stored as something other than an object", async () => {
    await store("policy:deadlines", "5 Februari");
    const { lines, logger } = warnings();
    expect(await loadDeadlinePolicy(db.prisma, logger)).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(lines).toEqual(["policy: policy:deadlines is not a JSON object; the defaults are used"]);
  });

  it("puts values that contradict each other back to their defaults, and keeps the rest of the section", async () => {
    await store("policy:report", { minPhotos: 5, maxPhotos: 3, backdateWorkingDays: 2 });
    const { lines, logger } = warnings();

    expect(await loadReportPolicy(db.prisma, logger)).toMatchObject({
      minPhotos: 1,
      maxPhotos: 10,
      backdateWorkingDays: 2,
    });
    expect(lines).toEqual([
      "policy: report.minPhotos (5) must be at most report.maxPhotos (3); the defaults of report.minPhotos and report.maxPhotos are used",
    ]);
  });

  it("does not let one bad section spoil another", async () => {
    await store("policy:schedule", { reportReminder: { time: "25:00" }, weeklySummary: { recognition: false } });
    await store("policy:review", { reviewEscalationWorkingDays: 7 });

    const policies = await loadPolicies(db.prisma);

    expect(policies.schedule.reportReminder).toEqual({ enabled: true, time: "15:00" });
    expect(policies.schedule.weeklySummary.recognition).toBe(false);
    expect(policies.review.reviewEscalationWorkingDays).toBe(7);
  });
});

describe("mergeStoredSection", () => {
  it("merges stored JSON over the defaults value by value, leaving out what is invalid", () => {
    const problems: string[] = [];
    const policy = mergeStoredSection(
      "schedule",
      { reportNudge: { time: "16:00", enabled: "no" }, skpDeadlines: { daysBefore: [] } },
      problems,
    );
    expect(policy.reportNudge).toEqual({ enabled: true, time: "16:00" });
    expect(policy.skpDeadlines.daysBefore).toEqual(DEFAULT_SCHEDULE_POLICY.skpDeadlines.daysBefore);
    expect(problems).toHaveLength(2);
  });
});

describe("every key", () => {
  // What `lapkin policy` shows can be copied into an import file and reads back the same.
  it("shows its default so that it reads back as the default", () => {
    const defaults = composePolicies(new Map());
    for (const key of POLICY_KEYS) {
      const value = key.split(".").reduce<unknown>((node, name) => (node as Record<string, unknown>)[name], defaults);
      expect(readPolicyValue(key, showPolicyValue(key, value)), key).toEqual({ ok: true, value });
    }
  });
});
