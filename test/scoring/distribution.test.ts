import { describe, expect, it } from "vitest";
import { checkDistribution, DEFAULT_DISTRIBUTION_RULES } from "../../src/scoring/index.ts";
import type {
  DistributionRules,
  DistributionWarning,
  OrganisationalResult,
  Predicate,
} from "../../src/scoring/index.ts";

/** A unit's predicates from counts, e.g. unit({ SANGAT_BAIK: 7, BAIK: 3 }). */
const unit = (counts: Partial<Record<Predicate, number>>): Predicate[] =>
  Object.entries(counts).flatMap(([p, n]) => Array<Predicate>(n).fill(p as Predicate));

const over = (
  predicate: DistributionWarning["predicate"],
  actualShare: number,
  limit: number,
): DistributionWarning => ({
  predicate,
  actualShare,
  limit,
  kind: "max",
});

describe("checkDistribution with the default rules", () => {
  it.each<[string, OrganisationalResult, Partial<Record<Predicate, number>>, DistributionWarning[]]>([
    // ISTIMEWA: at most 70% SANGAT_BAIK
    ["excellent unit at 70% SANGAT_BAIK is within the limit", "ISTIMEWA", { SANGAT_BAIK: 7, BAIK: 3 }, []],
    [
      "excellent unit at 71% SANGAT_BAIK is warned",
      "ISTIMEWA",
      { SANGAT_BAIK: 71, BAIK: 29 },
      [over("SANGAT_BAIK", 0.71, 0.7)],
    ],
    ["excellent unit may have every other employee BAIK", "ISTIMEWA", { BAIK: 10 }, []],

    // BAIK: at most 20% SANGAT_BAIK, at most 70% BAIK, at least 10% below BAIK
    ["good unit at every limit exactly is within them", "BAIK", { SANGAT_BAIK: 2, BAIK: 7, BUTUH_PERBAIKAN: 1 }, []],
    [
      "good unit at 21% SANGAT_BAIK is warned",
      "BAIK",
      { SANGAT_BAIK: 21, BAIK: 69, KURANG: 10 },
      [over("SANGAT_BAIK", 0.21, 0.2)],
    ],
    [
      "good unit at 71% BAIK with 9% below BAIK is warned twice",
      "BAIK",
      { SANGAT_BAIK: 20, BAIK: 71, SANGAT_KURANG: 9 },
      [over("BAIK", 0.71, 0.7), { predicate: "BELOW_BAIK", actualShare: 0.09, limit: 0.1, kind: "min" }],
    ],
    [
      "good unit with nobody below BAIK is warned about that too",
      "BAIK",
      { SANGAT_BAIK: 2, BAIK: 8 },
      [over("BAIK", 0.8, 0.7), { predicate: "BELOW_BAIK", actualShare: 0, limit: 0.1, kind: "min" }],
    ],

    // BUTUH_PERBAIKAN: at most 10% SANGAT_BAIK, at most 50% BAIK
    [
      "unit needing improvement at its limits is within them",
      "BUTUH_PERBAIKAN",
      { SANGAT_BAIK: 1, BAIK: 5, BUTUH_PERBAIKAN: 4 },
      [],
    ],
    [
      "unit needing improvement at 11% SANGAT_BAIK is warned",
      "BUTUH_PERBAIKAN",
      { SANGAT_BAIK: 11, BAIK: 50, KURANG: 39 },
      [over("SANGAT_BAIK", 0.11, 0.1)],
    ],
    [
      "unit needing improvement at 51% BAIK is warned",
      "BUTUH_PERBAIKAN",
      { SANGAT_BAIK: 10, BAIK: 51, KURANG: 39 },
      [over("BAIK", 0.51, 0.5)],
    ],

    // KURANG and SANGAT_KURANG: no SANGAT_BAIK, at most 30% BAIK
    ["poor unit with no SANGAT_BAIK and 30% BAIK is within the limits", "KURANG", { BAIK: 3, BUTUH_PERBAIKAN: 7 }, []],
    [
      "poor unit with a single SANGAT_BAIK is warned",
      "KURANG",
      { SANGAT_BAIK: 1, BAIK: 2, KURANG: 97 },
      [over("SANGAT_BAIK", 0.01, 0)],
    ],
    ["poor unit at 31% BAIK is warned", "KURANG", { BAIK: 31, KURANG: 69 }, [over("BAIK", 0.31, 0.3)]],
    [
      "very poor unit with no SANGAT_BAIK and 30% BAIK is within the limits",
      "SANGAT_KURANG",
      { BAIK: 3, SANGAT_KURANG: 7 },
      [],
    ],
    [
      "very poor unit with a single SANGAT_BAIK is warned",
      "SANGAT_KURANG",
      { SANGAT_BAIK: 1, KURANG: 99 },
      [over("SANGAT_BAIK", 0.01, 0)],
    ],
    ["very poor unit at 31% BAIK is warned", "SANGAT_KURANG", { BAIK: 31, KURANG: 69 }, [over("BAIK", 0.31, 0.3)]],
  ])("%s", (_behaviour, result, counts, expected) => {
    expect(checkDistribution(unit(counts), result)).toEqual(expected);
  });

  it.each<OrganisationalResult>(["ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"])(
    "an empty %s unit gives no warnings",
    (result) => {
      expect(checkDistribution([], result)).toEqual([]);
    },
  );

  it("never throws for a one-person unit, it only warns", () => {
    expect(() => checkDistribution(["SANGAT_BAIK"], "SANGAT_KURANG")).not.toThrow();
    expect(checkDistribution(["SANGAT_BAIK"], "SANGAT_KURANG")).toEqual([over("SANGAT_BAIK", 1, 0)]);
  });
});

describe("checkDistribution with a region's own rules", () => {
  it("uses the rules passed in instead of the defaults", () => {
    const rules: DistributionRules = {
      ...DEFAULT_DISTRIBUTION_RULES,
      ISTIMEWA: [{ subject: "SANGAT_BAIK", kind: "max", share: 0.5 }],
    };
    const predicates = unit({ SANGAT_BAIK: 6, BAIK: 4 });
    expect(checkDistribution(predicates, "ISTIMEWA")).toEqual([]);
    expect(checkDistribution(predicates, "ISTIMEWA", rules)).toEqual([over("SANGAT_BAIK", 0.6, 0.5)]);
  });
});
