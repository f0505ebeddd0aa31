import { describe, expect, it } from "vitest";
import { band2011, band2019, final2011, final2019, legacyFinal } from "../../src/scoring/index.ts";
import type { Band2011, Band2019 } from "../../src/scoring/index.ts";

describe("2011 bands (lower bounds ≥91, ≥76, ≥61, ≥51)", () => {
  it.each<[number, Band2011]>([
    [100, "SANGAT_BAIK"],
    [91, "SANGAT_BAIK"],
    [90.99, "BAIK"],
    [90.5, "BAIK"],
    [76, "BAIK"],
    [75.99, "CUKUP"],
    [61, "CUKUP"],
    [60.99, "KURANG"],
    [51, "KURANG"],
    [50.99, "BURUK"],
    [50, "BURUK"],
    [0, "BURUK"],
  ])("%d → %s", (score, band) => {
    expect(band2011(score)).toBe(band);
  });
});

describe("2011 final = 60% SKP + 40% behaviour", () => {
  it.each<[number, number, number, Band2011]>([
    [80, 90, 84, "BAIK"],
    [91, 91, 91, "SANGAT_BAIK"],
    [90.99, 90.99, 90.99, "BAIK"],
    [100, 70, 88, "BAIK"],
    [88.6667, 80, 85.2, "BAIK"], // 85.20002 rounded to 2 decimals
    [50, 53, 51.2, "KURANG"],
    [0, 0, 0, "BURUK"],
    [1.005, 1.005, 1.01, "BURUK"], // half up, though 1.005 × 100 is 100.4999… in binary
  ])("SKP %d, behaviour %d → %d (%s)", (skpScore, behaviourScore, final, band) => {
    expect(final2011({ skpScore, behaviourScore })).toEqual({ final, band });
  });

  it("reads the band from the rounded final, so 90.996 shows as 91 and is SANGAT_BAIK", () => {
    expect(final2011({ skpScore: 90.996, behaviourScore: 90.996 })).toEqual({ final: 91, band: "SANGAT_BAIK" });
  });

  it.each([
    [-1, 80],
    [80, Number.NaN],
  ])("rejects SKP %d, behaviour %d", (skpScore, behaviourScore) => {
    expect(() => final2011({ skpScore, behaviourScore })).toThrow(RangeError);
  });
});

describe("2019 bands", () => {
  it.each<[number, boolean, Band2019]>([
    [120, true, "SANGAT_BAIK"],
    [110, true, "SANGAT_BAIK"],
    [109.99, true, "BAIK"],
    [120, false, "BAIK"],
    [110, false, "BAIK"],
    [90, false, "BAIK"],
    [90, true, "BAIK"],
    [89.99, false, "CUKUP"],
    [89.5, false, "CUKUP"],
    [70, false, "CUKUP"],
    [69.99, false, "KURANG"],
    [50, false, "KURANG"],
    [49.99, false, "SANGAT_KURANG"],
    [0, false, "SANGAT_KURANG"],
  ])("%d with innovation %s → %s", (score, innovation, band) => {
    expect(band2019(score, innovation)).toBe(band);
  });

  it.each([-0.01, 120.01, Number.NaN])("rejects %d as outside 0..120", (score) => {
    expect(() => band2019(score, true)).toThrow(RangeError);
  });
});

describe("2019 final = 70/30, or 60/40 with peer and subordinate input", () => {
  it.each<[number, number, boolean, boolean, number, Band2019]>([
    [100, 80, false, false, 94, "BAIK"],
    [100, 80, true, false, 92, "BAIK"],
    // The weighting switch alone moves the band.
    [100, 70, false, false, 91, "BAIK"],
    [100, 70, true, false, 88, "CUKUP"],
    // 110–120 is SANGAT_BAIK only with an innovation.
    [120, 100, false, true, 114, "SANGAT_BAIK"],
    [120, 100, false, false, 114, "BAIK"],
    [110, 110, true, true, 110, "SANGAT_BAIK"],
    [109.99, 109.99, false, true, 109.99, "BAIK"],
    [120, 120, false, true, 120, "SANGAT_BAIK"],
    [0, 0, false, false, 0, "SANGAT_KURANG"],
  ])(
    "SKP %d, behaviour %d, peer input %s, innovation %s → %d (%s)",
    (skpScore, behaviourScore, peerInput, innovation, final, band) => {
      expect(final2019({ skpScore, behaviourScore, peerInput, innovation })).toEqual({ final, band });
    },
  );

  it.each([
    [120.01, 100],
    [100, -1],
    [Number.NaN, 100],
  ])("rejects SKP %d, behaviour %d as outside 0..120", (skpScore, behaviourScore) => {
    expect(() => final2019({ skpScore, behaviourScore, peerInput: false, innovation: false })).toThrow(RangeError);
  });
});

describe("legacyFinal dispatches on the rating mode", () => {
  it("2022 gives the predicate of the matrix", () => {
    expect(legacyFinal("2022", { results: "ABOVE", behaviour: "ABOVE" })).toEqual({ predicate: "SANGAT_BAIK" });
  });

  it("2019 gives the weighted final and its band", () => {
    expect(legacyFinal("2019", { skpScore: 100, behaviourScore: 70, peerInput: true, innovation: false })).toEqual({
      final: 88,
      band: "CUKUP",
    });
  });

  it("2011 gives the weighted final and its band", () => {
    expect(legacyFinal("2011", { skpScore: 80, behaviourScore: 90 })).toEqual({ final: 84, band: "BAIK" });
  });
});
