import { describe, expect, it } from "vitest";
import {
  legacyActivityScore,
  legacyAspectScore,
  legacySkpFromIndicators,
  legacySkpScore,
} from "../../src/scoring/index.ts";
import type { Aspect, LegacyActivity } from "../../src/scoring/index.ts";

describe("legacy aspect score: quantity and quality are R/T × 100", () => {
  it.each<[Aspect, number, number, number]>([
    ["QUANTITY", 10, 10, 100],
    ["QUANTITY", 10, 8, 80],
    ["QUANTITY", 10, 12, 120],
    ["QUANTITY", 10, 0, 0],
    ["QUALITY", 100, 90, 90],
  ])("%s target %d, realisation %d → %d", (aspect, target, realisation, expected) => {
    expect(legacyAspectScore(aspect, { target, realisation })).toBeCloseTo(expected, 10);
  });
});

describe("legacy aspect score: time and cost reward efficiency up to e = 24", () => {
  it.each<[Aspect, number, number, number, string]>([
    ["TIME", 12, 12, 76, "on time (e = 0) scores 76"],
    ["TIME", 12, 10, 92.6667, "e = 16.7 scores 76 + e"],
    ["TIME", 12, 9.12, 100, "e exactly 24 is still the first branch and scores 100"],
    ["TIME", 100, 76, 100, "e exactly 24 (R/T = 0.76) scores 100"],
    ["TIME", 100, 76.01, 99.99, "e just under 24 scores just under 100"],
    ["TIME", 100, 75.99, 75.99, "e just over 24 falls to the second branch"],
    ["TIME", 12, 9, 75, "e = 25 scores 76 − (101 − 100)"],
    ["TIME", 12, 6, 50, "e = 50 scores 50"],
    ["TIME", 12, 14, 59.3333, "late (e < 0) scores below 76"],
    ["TIME", 12, 0, 0, "no time used (e = 100) scores 0"],
    ["COST", 1_000_000, 1_000_000, 76, "cost on budget scores 76"],
    ["COST", 1_000_000, 900_000, 86, "cost 10% under budget scores 86"],
    ["COST", 1_000_000, 760_000, 100, "cost exactly 24% under budget scores 100"],
    ["COST", 1_000_000, 700_000, 70, "cost 30% under budget falls to the second branch"],
  ])("%s target %d, realisation %d → %d: %s", (aspect, target, realisation, expected) => {
    expect(legacyAspectScore(aspect, { target, realisation })).toBeCloseTo(expected, 4);
  });

  it.each([
    [0, 5],
    [-1, 5],
    [10, -1],
    [10, Number.NaN],
  ])("rejects target %d with realisation %d as a programmer error", (target, realisation) => {
    expect(() => legacyAspectScore("QUANTITY", { target, realisation })).toThrow(RangeError);
  });
});

const onTarget: LegacyActivity = {
  quantity: { target: 10, realisation: 10 }, // 100
  quality: { target: 100, realisation: 90 }, // 90
  time: { target: 12, realisation: 12 }, // 76
};

describe("legacy activity score", () => {
  it.each<[string, LegacyActivity, number]>([
    ["three aspects: mean of quantity, quality and time", onTarget, (100 + 90 + 76) / 3],
    [
      "four aspects when the activity has a cost",
      { ...onTarget, cost: { target: 1_000_000, realisation: 900_000 } }, // 86
      (100 + 90 + 76 + 86) / 4,
    ],
    [
      "an activity not done (quantity 0) scores 0 even with quality and time filled in",
      { ...onTarget, quantity: { target: 10, realisation: 0 } },
      0,
    ],
    [
      "an activity not done scores 0 even with a cost",
      { ...onTarget, quantity: { target: 10, realisation: 0 }, cost: { target: 100, realisation: 90 } },
      0,
    ],
  ])("%s", (_behaviour, activity, expected) => {
    expect(legacyActivityScore(activity)).toBeCloseTo(expected, 10);
  });
});

describe("legacy SKP score", () => {
  it("is the mean of its activities, a not-done activity counting as 0", () => {
    const notDone = { ...onTarget, quantity: { target: 10, realisation: 0 } };
    expect(legacySkpScore([onTarget, notDone])).toBeCloseTo((100 + 90 + 76) / 3 / 2, 10);
  });

  it("is the single activity's score when there is one", () => {
    expect(legacySkpScore([onTarget])).toBeCloseTo(88.6667, 4);
  });

  it("rejects an SKP without activities", () => {
    expect(() => legacySkpScore([])).toThrow(RangeError);
  });
});

describe("legacySkpFromIndicators: today's indicator SKP read as legacy activities (one per main RHK)", () => {
  const ind = (
    rhk: string,
    aspect: "QUANTITY" | "QUALITY" | "TIME" | "COST",
    target: number,
    realisation: number,
    rhkKind: "MAIN" | "ADDITIONAL" = "MAIN",
  ) => ({ rhk, rhkKind, aspect, target, realisation });
  it.each([
    ["one RHK, all on target", [ind("A", "QUANTITY", 10, 10), ind("A", "QUALITY", 100, 100)], 100],
    ["means the aspects of one RHK", [ind("A", "QUANTITY", 10, 12), ind("A", "QUALITY", 100, 90)], 105],
    ["means the RHKs", [ind("A", "QUANTITY", 10, 10), ind("B", "QUANTITY", 10, 5)], 75],
    [
      "an RHK whose quantity realised nothing scores 0",
      [ind("A", "QUANTITY", 10, 10), ind("B", "QUANTITY", 10, 0), ind("B", "QUALITY", 100, 100)],
      50,
    ],
    ["time under target by 24% or less earns up to 176", [ind("A", "TIME", 100, 80)], 96],
    [
      "additional RHKs do not count while main ones exist",
      [ind("A", "QUANTITY", 10, 10), ind("X", "QUANTITY", 10, 0, "ADDITIONAL")],
      100,
    ],
    ["only additional RHKs: they are what there is", [ind("X", "QUANTITY", 10, 5, "ADDITIONAL")], 50],
    ["an indicator without a target is left out", [ind("A", "QUANTITY", 0, 3), ind("A", "QUALITY", 100, 80)], 80],
    ["nothing scorable: 0", [], 0],
  ] as const)("%s → %d", (_name, indicators, expected) =>
    expect(legacySkpFromIndicators(indicators)).toBeCloseTo(expected, 9),
  );
});
