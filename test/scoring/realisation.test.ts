import { describe, expect, it } from "vitest";
import {
  achievementPercent,
  DEFAULT_SUGGESTION_THRESHOLDS,
  indicatorProgress,
  proRatedTarget,
  realisationOf,
  suggestResultsRating,
} from "../../src/scoring/index.ts";
import type { Aspect, Rating, RhkKind } from "../../src/scoring/index.ts";

describe("realisationOf approved outputs", () => {
  it.each<[Aspect, number[], number, string]>([
    ["QUANTITY", [3, 4, 5], 12, "quantity adds up the outputs"],
    ["QUALITY", [80, 90, 100], 90, "quality is the mean of per-entry scores"],
    ["TIME", [30, 45], 75, "time adds up the time spent"],
    ["COST", [100_000, 250_000], 350_000, "cost adds up the money spent"],
    ["QUANTITY", [], 0, "no approved entry means no quantity"],
    ["QUALITY", [], 0, "no approved entry means no quality (not NaN)"],
  ])("%s of %j is %d — %s", (aspect, outputs, expected) => {
    expect(realisationOf(aspect, outputs)).toBe(expected);
  });
});

describe("achievementPercent", () => {
  it.each<[Aspect, number, number, number, string]>([
    ["QUANTITY", 10, 5, 50, "half the quantity is 50%"],
    ["QUANTITY", 10, 12, 120, "over-achievement is above 100%"],
    ["QUALITY", 90, 90, 100, "quality on target is 100%"],
    ["TIME", 60, 30, 200, "finishing in half the time is 200% (less is better)"],
    ["TIME", 60, 120, 50, "taking twice the time is 50%"],
    ["COST", 1_000, 800, 125, "spending less than budget is above 100%"],
    ["COST", 1_000, 1_000, 100, "spending exactly the budget is 100%"],
    ["QUANTITY", 0, 5, 100, "a zero target asks nothing, so it is met (no division by zero)"],
    ["QUALITY", 0, 0, 100, "a zero quality target is met"],
    ["TIME", 60, 0, 0, "no time recorded means nothing achieved (no division by zero)"],
    ["COST", 0, 0, 0, "no cost recorded means nothing achieved"],
  ])("%s target %d, realisation %d → %d%% — %s", (aspect, target, realisation, expected) => {
    expect(achievementPercent(aspect, target, realisation)).toBeCloseTo(expected, 10);
  });
});

describe("proRatedTarget", () => {
  it.each([
    [120, 12, 120],
    [120, 3, 30],
    [120, 6, 60],
    [12, 1, 1],
    [10, 7, 70 / 12],
  ])("annual target %d after %d months is %d", (target, months, expected) => {
    expect(proRatedTarget(target, months)).toBeCloseTo(expected, 10);
  });

  it.each([0, -1, 12.5, 13, Number.NaN])("rejects %d months elapsed as a programmer error", (months) => {
    expect(() => proRatedTarget(120, months)).toThrow(RangeError);
  });
});

describe("indicatorProgress", () => {
  it("pro-rates a quantity target to the months elapsed", () => {
    expect(indicatorProgress({ rhkKind: "MAIN", aspect: "QUANTITY", target: 120 }, [10, 20], 3)).toEqual({
      target: 30,
      realisation: 30,
      percent: 100,
    });
  });

  it("keeps the full quality target whatever the month (a level, not an amount)", () => {
    expect(indicatorProgress({ rhkKind: "MAIN", aspect: "QUALITY", target: 90 }, [90, 90], 3)).toEqual({
      target: 90,
      realisation: 90,
      percent: 100,
    });
  });

  it("inverts the ratio for a pro-rated time target", () => {
    const progress = indicatorProgress({ rhkKind: "MAIN", aspect: "TIME", target: 1200 }, [150], 3);
    expect(progress).toEqual({ target: 300, realisation: 150, percent: 200 });
  });

  it("defaults to the whole year", () => {
    expect(indicatorProgress({ rhkKind: "MAIN", aspect: "QUANTITY", target: 12 }, [6]).percent).toBe(50);
  });
});

describe("suggestResultsRating", () => {
  const main = (percent: number) => ({ rhkKind: "MAIN" as RhkKind, percent });
  const additional = (percent: number) => ({ rhkKind: "ADDITIONAL" as RhkKind, percent });

  it("ships the documented default thresholds", () => {
    expect(DEFAULT_SUGGESTION_THRESHOLDS).toEqual({ meetsMinPercent: 100, aboveAveragePercent: 110 });
  });

  it.each<[string, { rhkKind: RhkKind; percent: number }[], Rating | null]>([
    ["every main indicator at exactly 100% meets expectation", [main(100), main(100)], "MEETS"],
    ["an average of 109.9% with none below 100% only meets", [main(100), main(119.8)], "MEETS"],
    ["an average of exactly 110% with none below 100% is above", [main(100), main(120)], "ABOVE"],
    ["a single main indicator at 110% is above", [main(110)], "ABOVE"],
    ["one main indicator at 99.9% is below, however high the average", [main(99.9), main(300)], "BELOW"],
    ["one main indicator at 0% is below", [main(0), main(100)], "BELOW"],
    ["a weak additional indicator is ignored", [main(100), additional(0)], "MEETS"],
    ["a strong additional indicator is ignored", [main(100), additional(500)], "MEETS"],
    ["additional indicators alone give no suggestion", [additional(150)], null],
    ["no indicators give no suggestion", [], null],
  ])("%s", (_behaviour, indicators, expected) => {
    expect(suggestResultsRating(indicators)).toBe(expected);
  });

  it("does not miss 100% through binary noise (0.1 + 0.2 spent of a 0.3 budget is on budget)", () => {
    const { percent } = indicatorProgress({ rhkKind: "MAIN", aspect: "COST", target: 0.3 }, [0.1, 0.2]);
    expect(percent).toBeLessThan(100); // 99.99999999999999 in binary
    expect(suggestResultsRating([{ rhkKind: "MAIN", percent }])).toBe("MEETS");
  });

  it.each<[number[], Rating]>([
    [[90, 90], "MEETS"],
    [[89.9, 120], "BELOW"],
    [[100, 100], "ABOVE"],
  ])("applies configured thresholds (min 90%%, above 100%%): %j → %s", (percents, expected) => {
    const thresholds = { meetsMinPercent: 90, aboveAveragePercent: 100 };
    expect(suggestResultsRating(percents.map(main), thresholds)).toBe(expected);
  });
});
