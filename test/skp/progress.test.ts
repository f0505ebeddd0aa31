import { describe, expect, it } from "vitest";
import { periodOf, targetMonths } from "../../src/domain/skp/periods.ts";
import { indicatorStatus, type IndicatorOutputs, type SkpIndicatorInfo } from "../../src/domain/skp/progress.ts";

const info = (over: Partial<SkpIndicatorInfo> = {}): SkpIndicatorInfo => ({
  id: 1,
  code: "1.1",
  rhk: "RHK",
  rhkKind: "MAIN",
  aspect: "QUANTITY",
  indicator: "Dokumen",
  unitOfMeasure: "dokumen",
  target: 12,
  period: "YEAR",
  ...over,
});

/** Outputs by month: { 3: [2, 1] } = two approved reports in March. */
function outputs(approved: Record<number, number[]>, submitted: Record<number, number[]> = {}): IndicatorOutputs {
  const months = (byMonth: Record<number, number[]>) => Array.from({ length: 12 }, (_, i) => byMonth[i + 1] ?? []);
  return { approved: months(approved), submitted: months(submitted) };
}

describe("periods", () => {
  it.each([
    ["2026-01-01", "QUARTER", { code: "Q1", from: "2026-01-01", to: "2026-03-31", endMonth: 3 }],
    ["2026-05-11", "QUARTER", { code: "Q2", from: "2026-04-01", to: "2026-06-30", endMonth: 6 }],
    ["2026-11-24", "QUARTER", { code: "Q4", from: "2026-10-01", to: "2026-12-31", endMonth: 12 }],
    ["2026-11-24", "MONTH", { code: "M11", from: "2026-11-01", to: "2026-11-30", endMonth: 11 }],
    ["2028-02-10", "MONTH", { code: "M02", from: "2028-02-01", to: "2028-02-29", endMonth: 2 }],
  ] as const)("%s (%s) → %o", (date, kind, expected) => expect(periodOf(date, kind)).toMatchObject(expected));

  it.each([
    ["YEAR", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ["Q3", [7, 8, 9]],
    ["M02", [2]],
  ])("a %s target covers months %o", (period, months) => expect(targetMonths(period)).toEqual(months));
});

describe("indicator status", () => {
  const q2 = periodOf("2026-05-11");
  const m5 = periodOf("2026-05-11", "MONTH");

  it.each([
    // [what, indicator, outputs, period, dueTarget, realisation, percent]
    ["annual target, Q2: half the year due", info(), outputs({ 2: [3], 5: [3] }), q2, 6, 6, 100],
    ["annual target, monthly policy in May: 5/12 due", info(), outputs({ 2: [3], 5: [2] }), m5, 5, 5, 100],
    ["annual target, nothing approved", info(), outputs({}, { 5: [4] }), q2, 6, 0, 0],
    [
      "a Q2 target counts only April–June reports, in full",
      info({ period: "Q2", target: 4 }),
      outputs({ 3: [10], 4: [1], 6: [1] }),
      q2,
      4,
      2,
      50,
    ],
    [
      "a Q1 target in Q2 keeps its own quarter's result",
      info({ period: "Q1", target: 4 }),
      outputs({ 1: [2], 3: [2], 4: [9] }),
      q2,
      4,
      4,
      100,
    ],
    ["an M05 target", info({ period: "M05", target: 2 }), outputs({ 5: [1], 6: [9] }), q2, 2, 1, 50],
    [
      "QUALITY is a level: mean of entries, full target all year",
      info({ aspect: "QUALITY", target: 90 }),
      outputs({ 1: [80], 4: [100, 90] }),
      q2,
      90,
      90,
      100,
    ],
    ["TIME: less is better, pro-rated", info({ aspect: "TIME", target: 24 }), outputs({ 4: [6] }), q2, 12, 6, 200],
  ] as const)("%s", (_what, indicator, data, period, due, realisation, percent) => {
    const status = indicatorStatus(indicator, data, period);
    expect(status.dueTarget).toBeCloseTo(due, 9);
    expect(status.realisation).toBeCloseTo(realisation, 9);
    expect(status.percent).toBeCloseTo(percent, 9);
  });

  it("keeps submitted output apart from the realisation", () => {
    const status = indicatorStatus(info(), outputs({ 4: [1] }, { 5: [2.5, 1.5] }), q2);
    expect(status).toMatchObject({ realisation: 1, approvedCount: 1, pendingOutput: 4, pendingCount: 2 });
  });

  it.each([
    ["Q1", "past"],
    ["Q2", "current"],
    ["M04", "current"],
    ["Q3", "future"],
    ["YEAR", "current"],
  ])("a %s target seen in Q2 is %s", (period, timing) =>
    expect(indicatorStatus(info({ period }), undefined, q2).timing).toBe(timing),
  );
});
