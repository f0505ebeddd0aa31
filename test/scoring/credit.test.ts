import { describe, expect, it } from "vitest";
import { creditPercentFor, creditPoints } from "../../src/scoring/index.ts";
import type { Predicate } from "../../src/scoring/index.ts";

describe("credit points for functional positions", () => {
  it.each<[Predicate, number]>([
    ["SANGAT_BAIK", 150],
    ["BAIK", 100],
    ["BUTUH_PERBAIKAN", 75],
    ["KURANG", 50],
    ["SANGAT_KURANG", 25],
  ])("%s earns %d%% of the yearly coefficient", (predicate, percent) => {
    expect(creditPercentFor(predicate)).toBe(percent);
  });

  it.each<[Predicate, number, number, number]>([
    // Ahli Pertama has a yearly coefficient of 12.5.
    ["SANGAT_BAIK", 12.5, 12, 18.75],
    ["BAIK", 12.5, 12, 12.5],
    ["BUTUH_PERBAIKAN", 12.5, 12, 9.375],
    ["KURANG", 12.5, 12, 6.25],
    ["SANGAT_KURANG", 12.5, 12, 3.125],
    // Pro-rated for a periodic evaluation.
    ["BAIK", 12.5, 3, 3.125],
    ["BAIK", 25, 6, 12.5],
    ["BAIK", 12.5, 1, 1.042], // 1.0416… rounded to 3 decimals
    ["SANGAT_BAIK", 12.5, 3, 4.688], // 4.6875 rounds half up
    ["SANGAT_KURANG", 37.5, 1, 0.781], // 0.78125
    ["BAIK", 0, 12, 0],
  ])("%s with coefficient %d over %d months earns %d", (predicate, yearlyCoefficient, months, expected) => {
    expect(creditPoints({ predicate, yearlyCoefficient, months })).toBe(expected);
  });

  it.each([0, 13, 2.5, -1, Number.NaN])("rejects %d months as a programmer error", (months) => {
    expect(() => creditPoints({ predicate: "BAIK", yearlyCoefficient: 12.5, months })).toThrow(RangeError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects a yearly coefficient of %d", (yearlyCoefficient) => {
    expect(() => creditPoints({ predicate: "BAIK", yearlyCoefficient, months: 12 })).toThrow(RangeError);
  });
});
