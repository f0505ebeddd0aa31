import { describe, expect, it } from "vitest";
import { computeIkm, ikmBand, isRepresentative, SKM_ELEMENTS } from "../../src/scoring/index.ts";
import type { ElementTotal, IkmBand } from "../../src/scoring/index.ts";

/** Nine elements with the same answers: `scores` is one respondent's answer per respondent. */
const same = (...scores: number[]): ElementTotal[] =>
  SKM_ELEMENTS.map(() => ({ sum: scores.reduce((a, b) => a + b, 0), count: scores.length }));

describe("SKM elements", () => {
  it("are the nine elements of PermenPANRB 14/2017 in order", () => {
    expect(SKM_ELEMENTS).toEqual([
      "PERSYARATAN",
      "PROSEDUR",
      "WAKTU",
      "BIAYA",
      "PRODUK",
      "KOMPETENSI",
      "PERILAKU",
      "PENGADUAN",
      "SARANA",
    ]);
  });
});

describe("ikmBand", () => {
  it.each<[number, IkmBand]>([
    [100, "A"],
    [88.31, "A"],
    [88.3, "B"],
    [76.61, "B"],
    [76.6, "C"],
    [65, "C"],
    [64.99, "D"],
    [25, "D"],
  ])("score %s → band %s", (score, band) => expect(ikmBand(score)).toBe(band));
});

describe("computeIkm", () => {
  it("all answers 4 → IKM 4, score 100, band A", () => {
    expect(computeIkm(same(4, 4))).toMatchObject({ ikm: 4, score: 100, band: "A" });
  });

  it("all answers 1 → score 25, band D", () => {
    expect(computeIkm(same(1))).toMatchObject({ ikm: 1, score: 25, band: "D" });
  });

  it("NRR per element is the sum over the answers to that element", () => {
    const totals = same(3, 4);
    totals[3] = { sum: 2, count: 1 }; // one respondent stopped before "biaya"
    expect(computeIkm(totals).nrr).toEqual([3.5, 3.5, 3.5, 2, 3.5, 3.5, 3.5, 3.5, 3.5]);
  });

  it("uses the exact ninth: NRR 3.5324 on all elements scores 88.31 (A), where 0.11 would give 87.43 (B)", () => {
    const totals = SKM_ELEMENTS.map(() => ({ sum: 35324, count: 10000 }));
    const result = computeIkm(totals);
    expect(result.score).toBe(88.31);
    expect(result.band).toBe("A");
    const shortcut = Math.round(totals.reduce((t, e) => t + (e.sum / e.count) * 0.11, 0) * 25 * 100) / 100;
    expect(shortcut).toBe(87.43);
  });

  it("rounds only at the end: mixed NRRs 3.333…, 2.666… and 3 give IKM 3 exactly → 75.00 (C)", () => {
    const totals: ElementTotal[] = [
      ...Array.from({ length: 3 }, () => ({ sum: 10, count: 3 })),
      ...Array.from({ length: 3 }, () => ({ sum: 8, count: 3 })),
      ...Array.from({ length: 3 }, () => ({ sum: 3, count: 1 })),
    ];
    expect(computeIkm(totals)).toMatchObject({ score: 75, band: "C" });
  });

  it("a score just under an edge stays in the lower band (76.60 → C)", () => {
    // Σ NRR = 27.576 → IKM 3.064 → 76.6
    const totals = SKM_ELEMENTS.map((_, i) => (i === 0 ? { sum: 3576, count: 1000 } : { sum: 3, count: 1 }));
    expect(computeIkm(totals)).toMatchObject({ score: 76.6, band: "C" });
  });

  it("an element nobody answered is left out and the others weigh equally", () => {
    const totals = same(4);
    totals[8] = { sum: 0, count: 0 };
    totals[0] = { sum: 0, count: 0 };
    const result = computeIkm(totals);
    expect(result.nrr[0]).toBeNull();
    expect(result.score).toBe(100);
  });

  it("no answers at all → no IKM", () => {
    expect(computeIkm(same())).toEqual({ nrr: Array(9).fill(null), ikm: null, score: null, band: null });
  });

  it("refuses totals that are not nine elements", () => {
    expect(() => computeIkm([{ sum: 4, count: 1 }])).toThrow();
  });
});

describe("isRepresentative", () => {
  it.each([
    [29, false],
    [30, true],
  ])("%s respondents with a minimum of 30 → %s", (n, ok) => expect(isRepresentative(n, 30)).toBe(ok));
});
