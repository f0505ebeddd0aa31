import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import type { IndicatorAspect, RhkKind } from "../../src/generated/prisma/client.ts";
import { periodOf, type EvaluationPeriodKind } from "../../src/domain/skp/periods.ts";
import { indicatorStatus, loadIndicators, loadOutputs } from "../../src/domain/skp/progress.ts";
import { skpSummary } from "../../src/domain/skp/progress-summary.ts";
import { createTestDatabase } from "../support/db.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { addReport } from "./helpers.ts";

/**
 * The unit page's SKP summary pro-rates targets in SQL; the chat and the evaluations do it in
 * JavaScript (`indicatorStatus` over the scoring's `indicatorProgress`). On one fixture with every
 * kind of target, both must give the same figures.
 */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
let unitIds: number[];
let planIds: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  const { unit, head, supervisor, staff, colleague } = await seedSmallUnit(db);
  unitIds = [unit.id];
  const plan = (employeeId: number, year = 2026) => db.skpPlan.create({ data: { employeeId, year } });
  const indicator = (
    planId: number,
    code: string,
    aspect: IndicatorAspect,
    target: number,
    period = "YEAR",
    rhkKind: RhkKind = "MAIN",
  ) =>
    db.skpIndicator.create({
      data: { planId, code, rhk: "RHK", rhkKind, aspect, indicator: code, target, unitOfMeasure: "dokumen", period },
    });

  // The head: a year's quantity, well ahead; a Q4 quality score; an additional one that never counts.
  const headPlan = await plan(head.id);
  const headQty = await indicator(headPlan.id, "1", "QUANTITY", 40);
  const headQuality = await indicator(headPlan.id, "2", "QUALITY", 90, "Q4");
  const headExtra = await indicator(headPlan.id, "3", "QUANTITY", 5, "YEAR", "ADDITIONAL");
  for (const [date, output] of [
    ["2026-02-03", 12.5],
    ["2026-07-14", 20],
    ["2026-11-20", 15.25],
  ] as const)
    await addReport(db, { employeeId: head.id, indicatorId: headQty.id, date, status: "APPROVED", output });
  await addReport(db, {
    employeeId: head.id,
    indicatorId: headQty.id,
    date: "2026-11-23",
    status: "SUBMITTED",
    output: 50,
  });
  await addReport(db, {
    employeeId: head.id,
    indicatorId: headQty.id,
    date: "2026-11-10",
    status: "REJECTED",
    output: 50,
  });
  await addReport(db, {
    employeeId: head.id,
    indicatorId: headQty.id,
    date: "2025-12-30",
    status: "APPROVED",
    output: 50,
  });
  for (const [date, output] of [
    ["2026-09-30", 100],
    ["2026-10-05", 95],
    ["2026-11-02", 80.5],
  ] as const)
    await addReport(db, { employeeId: head.id, indicatorId: headQuality.id, date, status: "APPROVED", output });
  await addReport(db, {
    employeeId: head.id,
    indicatorId: headExtra.id,
    date: "2026-11-02",
    status: "APPROVED",
    output: 1,
  });

  // The supervisor: TIME and COST (less is better), a November target, a past Q1 and a future December one.
  const supPlan = await plan(supervisor.id);
  const time = await indicator(supPlan.id, "1", "TIME", 120);
  const cost = await indicator(supPlan.id, "2", "COST", 1000, "M11");
  const q1 = await indicator(supPlan.id, "3", "QUANTITY", 3, "Q1");
  await indicator(supPlan.id, "4", "QUANTITY", 3, "M12");
  const november = await indicator(supPlan.id, "5", "QUANTITY", 4, "M11");
  await addReport(db, {
    employeeId: supervisor.id,
    indicatorId: time.id,
    date: "2026-03-02",
    status: "APPROVED",
    output: 30,
  });
  await addReport(db, {
    employeeId: supervisor.id,
    indicatorId: time.id,
    date: "2026-10-02",
    status: "APPROVED",
    output: 45.75,
  });
  await addReport(db, {
    employeeId: supervisor.id,
    indicatorId: cost.id,
    date: "2026-10-30",
    status: "APPROVED",
    output: 300,
  });
  await addReport(db, {
    employeeId: supervisor.id,
    indicatorId: cost.id,
    date: "2026-11-03",
    status: "APPROVED",
    output: 450,
  });
  await addReport(db, {
    employeeId: supervisor.id,
    indicatorId: q1.id,
    date: "2026-02-02",
    status: "APPROVED",
    output: 1,
  });
  await addReport(db, {
    employeeId: supervisor.id,
    indicatorId: november.id,
    date: "2026-11-04",
    status: "APPROVED",
    output: 5,
  });
  // Someone else's report on the supervisor's indicator counts for nobody.
  await addReport(db, {
    employeeId: staff.id,
    indicatorId: november.id,
    date: "2026-11-05",
    status: "APPROVED",
    output: 9,
  });

  // The staff: on target exactly; a zero target asks nothing; an empty quality indicator.
  const staffPlan = await plan(staff.id);
  const exact = await indicator(staffPlan.id, "1", "QUANTITY", 24);
  await indicator(staffPlan.id, "2", "QUANTITY", 0, "Q4");
  await indicator(staffPlan.id, "3", "QUALITY", 80);
  for (const date of ["2026-01-05", "2026-04-06", "2026-08-03", "2026-11-02"])
    await addReport(db, { employeeId: staff.id, indicatorId: exact.id, date, status: "APPROVED", output: 5.5 });
  await addReport(db, {
    employeeId: staff.id,
    indicatorId: exact.id,
    date: "2026-11-30",
    status: "APPROVED",
    output: 20,
  }); // after "today"

  // The colleague: only additional work (no plan counted); last year's plan is not this year's.
  const colleaguePlan = await plan(colleague.id);
  await indicator(colleaguePlan.id, "1", "QUANTITY", 10, "YEAR", "ADDITIONAL");
  const lastYear = await plan(colleague.id, 2025);
  await indicator(lastYear.id, "1", "QUANTITY", 10);

  // Another unit's plan is outside the summary.
  const otherUnit = await db.unit.create({ data: { code: "DINKES", name: "Dinas Kesehatan" } });
  const outsider = await db.employee.create({
    data: { nip: "199306062019032003", name: "Yusuf Hakim", position: "Staf", unitId: otherUnit.id },
  });
  const otherPlan = await plan(outsider.id);
  const otherQty = await indicator(otherPlan.id, "1", "QUANTITY", 1);
  await addReport(db, {
    employeeId: outsider.id,
    indicatorId: otherQty.id,
    date: "2026-03-02",
    status: "APPROVED",
    output: 1,
  });

  planIds = [headPlan.id, supPlan.id, staffPlan.id, colleaguePlan.id];
});
afterAll(async () => database.close());

/** The previous computation: each plan's indicators through `indicatorStatus`, averaged in JavaScript. */
async function summaryInJs(db: Db, today: string, periodKind?: EvaluationPeriodKind) {
  const [indicators, outputs] = await Promise.all([loadIndicators(db, planIds), loadOutputs(db, planIds, today)]);
  const period = periodOf(today, periodKind);
  const means: number[] = [];
  for (const list of indicators.values()) {
    const main = list
      .map((info) => indicatorStatus(info, outputs.get(info.id), period))
      .filter((i) => i.rhkKind === "MAIN" && i.timing === "current");
    if (main.length) means.push(main.reduce((sum, i) => sum + i.percent, 0) / main.length);
  }
  return {
    plans: means.length,
    averagePercent: means.length ? means.reduce((a, b) => a + b, 0) / means.length : null,
    onTarget: means.filter((m) => m >= 100).length,
  };
}

describe("the SKP summary of a unit page", () => {
  it.each([
    ["2026-11-24", "QUARTER"],
    ["2026-11-24", "MONTH"],
    ["2026-12-31", "QUARTER"],
    ["2026-03-15", "QUARTER"],
    ["2026-02-10", "MONTH"],
  ] as const)("on %s (%s periods) gives the figures of the per-indicator computation", async (today, kind) => {
    const db = database.prisma;
    const inJs = await summaryInJs(db, today, kind);
    const inSql = await skpSummary(db, unitIds, today, kind);
    expect(inSql.plans).toBe(inJs.plans);
    expect(inSql.onTarget).toBe(inJs.onTarget);
    expect(inSql.averagePercent).toBeCloseTo(inJs.averagePercent!, 9);
  });

  it("averages each plan's current main indicators: on 24 November, quarterly", async () => {
    // Head: 47.75 of 40 → 119.375%; quality Q4 (95 + 80.5) / 2 = 87.75 of 90 → 97.5%; mean 108.4375.
    // Supervisor: TIME 120 / 75.75 → 158.42%; COST M11 1000 / 450 → 222.2%; M11 5 of 4 → 125%; M12 0 of 3 → 0%.
    // Staff: 22 of 24 due by December → 91.67%; zero target → 100%; quality nothing → 0%.
    const summary = await skpSummary(database.prisma, unitIds, "2026-11-24", "QUARTER");
    const supervisor = ((120 / 75.75) * 100 + (1000 / 450) * 100 + 125 + 0) / 4;
    const staff = ((22 / 24) * 100 + 100 + 0) / 3;
    expect(summary.plans).toBe(3);
    expect(summary.onTarget).toBe(2);
    expect(summary.averagePercent).toBeCloseTo((108.4375 + supervisor + staff) / 3, 9);
  });

  it("is empty without plans", async () => {
    expect(await skpSummary(database.prisma, [], "2026-11-24")).toEqual({
      plans: 0,
      averagePercent: null,
      onTarget: 0,
    });
  });
});
