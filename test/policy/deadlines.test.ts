import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_POLICY } from "../../src/domain/policy/sections.ts";
import { skpDeadlines } from "../../src/jobs/reminders.ts";
import { runJobNow } from "../../src/jobs/tick.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { queued, schedulerDeps, seedLinkedUnit } from "../schedule/helpers.ts";

const periodic = (deadlines: ReturnType<typeof skpDeadlines>) =>
  deadlines.filter((d) => d.kind === "periodic-evaluation").map((d) => `${d.year} ${d.period} ${d.date}`);

describe("skpDeadlines", () => {
  it("by default: plan and annual evaluation by 31 January, each quarter closing on day 5 of the next month", () => {
    expect(skpDeadlines(2026, DEFAULT_DEADLINE_POLICY, "QUARTER")).toEqual([
      { kind: "skp-plan", date: "2026-01-31", year: 2026 },
      { kind: "annual-evaluation", date: "2026-01-31", year: 2025 },
      { kind: "periodic-evaluation", date: "2026-01-05", year: 2025, period: "Q4" },
      { kind: "periodic-evaluation", date: "2026-04-05", year: 2026, period: "Q1" },
      { kind: "periodic-evaluation", date: "2026-07-05", year: 2026, period: "Q2" },
      { kind: "periodic-evaluation", date: "2026-10-05", year: 2026, period: "Q3" },
    ]);
  });

  it("monthly: twelve periodic deadlines in the year, on the policy's close day of the next month", () => {
    const deadlines = skpDeadlines(2026, { ...DEFAULT_DEADLINE_POLICY, periodicCloseDay: 10 }, "MONTH");
    expect(periodic(deadlines)).toEqual([
      "2025 M12 2026-01-10",
      "2026 M01 2026-02-10",
      "2026 M02 2026-03-10",
      "2026 M03 2026-04-10",
      "2026 M04 2026-05-10",
      "2026 M05 2026-06-10",
      "2026 M06 2026-07-10",
      "2026 M07 2026-08-10",
      "2026 M08 2026-09-10",
      "2026 M09 2026-10-10",
      "2026 M10 2026-11-10",
      "2026 M11 2026-12-10",
    ]);
  });

  it("closes on the month's last day when the close day is past it", () => {
    const deadlines = skpDeadlines(2026, { ...DEFAULT_DEADLINE_POLICY, periodicCloseDay: 31 }, "MONTH");
    expect(periodic(deadlines).slice(1, 4)).toEqual([
      "2026 M01 2026-02-28",
      "2026 M02 2026-03-31",
      "2026 M03 2026-04-30",
    ]);
  });

  it("takes the plan and annual dates from the policy", () => {
    const deadlines = skpDeadlines(2026, { skpPlanDue: "02-15", periodicCloseDay: 5, annualDue: "02-28" }, "QUARTER");
    expect(deadlines.slice(0, 2)).toEqual([
      { kind: "skp-plan", date: "2026-02-15", year: 2026 },
      { kind: "annual-evaluation", date: "2026-02-28", year: 2025 },
    ]);
  });
});

describe("the skp-deadlines job", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(async () => database?.close());
  beforeEach(async () => resetDatabase(database));

  // Monday 7 December 2026, 08:00 WIB: three days before 10 December.
  const MONDAY_0800 = new Date("2026-12-07T01:00:00Z");

  it("reminds supervisors of the deadlines of the stored policy", async () => {
    const unit = await seedLinkedUnit(database.prisma);
    await database.prisma.keyValue.create({ data: { key: "policy:rating", value: { period: "MONTH" } } });
    await database.prisma.keyValue.create({ data: { key: "policy:deadlines", value: { periodicCloseDay: 10 } } });

    await runJobNow(schedulerDeps(database.prisma, database.dataDir), "skp-deadlines", { at: MONDAY_0800 });

    const rows = await queued(database.prisma, "skp-deadline");
    expect(rows.map((r) => r.chatId).sort()).toEqual([unit.head, unit.supervisor].map(unit.chatOf).sort());
    expect(rows.every((r) => r.dedupeKey.includes(":periodic-evaluation:2026-12-10:"))).toBe(true);
    const text = (rows.find((r) => r.chatId === unit.chatOf(unit.head))!.payload as { params: { text: string } }).params
      .text;
    expect(text).toContain("M11 2026");
    expect(text).toContain("10 Desember 2026");
  });

  it("has nothing due that day under the default policy", async () => {
    await seedLinkedUnit(database.prisma);
    await runJobNow(schedulerDeps(database.prisma, database.dataDir), "skp-deadlines", { at: MONDAY_0800 });
    expect(await queued(database.prisma, "skp-deadline")).toEqual([]);
  });
});
