import { describe, expect, it } from "vitest";
import { comparePredicates, needsCoaching, PREDICATE_ORDER, predicateFor } from "../../src/scoring/index.ts";
import type { Predicate, Rating } from "../../src/scoring/index.ts";

describe("predicateFor (the PermenPANRB 6/2022 matrix)", () => {
  it.each<[Rating, Rating, Predicate]>([
    ["ABOVE", "ABOVE", "SANGAT_BAIK"],
    ["ABOVE", "MEETS", "BAIK"],
    ["ABOVE", "BELOW", "KURANG"],
    ["MEETS", "ABOVE", "BAIK"],
    ["MEETS", "MEETS", "BAIK"],
    ["MEETS", "BELOW", "KURANG"],
    ["BELOW", "ABOVE", "BUTUH_PERBAIKAN"],
    ["BELOW", "MEETS", "BUTUH_PERBAIKAN"],
    ["BELOW", "BELOW", "SANGAT_KURANG"],
  ])("results %s, behaviour %s → %s", (results, behaviour, predicate) => {
    expect(predicateFor(results, behaviour)).toBe(predicate);
  });
});

describe("predicate order", () => {
  it("lists predicates from worst to best", () => {
    expect(PREDICATE_ORDER).toEqual(["SANGAT_KURANG", "KURANG", "BUTUH_PERBAIKAN", "BAIK", "SANGAT_BAIK"]);
  });

  it.each<[Predicate, Predicate]>([
    ["SANGAT_KURANG", "KURANG"],
    ["KURANG", "BUTUH_PERBAIKAN"],
    ["BUTUH_PERBAIKAN", "BAIK"],
    ["BAIK", "SANGAT_BAIK"],
    ["SANGAT_KURANG", "SANGAT_BAIK"],
  ])("%s ranks below %s", (worse, better) => {
    expect(comparePredicates(worse, better)).toBeLessThan(0);
    expect(comparePredicates(better, worse)).toBeGreaterThan(0);
  });

  it.each(PREDICATE_ORDER)("%s compares equal to itself", (p) => {
    expect(comparePredicates(p, p)).toBe(0);
  });

  it("sorts a unit's predicates worst first", () => {
    const sorted = (["BAIK", "SANGAT_KURANG", "SANGAT_BAIK", "KURANG", "BUTUH_PERBAIKAN"] as Predicate[]).sort(
      comparePredicates,
    );
    expect(sorted).toEqual([...PREDICATE_ORDER]);
  });

  it.each<[Predicate, boolean]>([
    ["SANGAT_BAIK", false],
    ["BAIK", false],
    ["BUTUH_PERBAIKAN", true],
    ["KURANG", true],
    ["SANGAT_KURANG", true],
  ])("%s needs coaching: %s (BUTUH_PERBAIKAN or lower)", (p, expected) => {
    expect(needsCoaching(p)).toBe(expected);
  });
});
