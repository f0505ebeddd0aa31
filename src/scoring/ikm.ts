// The community satisfaction index (IKM, Indeks Kepuasan Masyarakat) of PermenPANRB 14/2017
// on the survey of community satisfaction (SKM); docs/domain.md, "Citizen survey and IKM".
import { roundTo } from "./round.ts";

/** The nine SKM elements, in the regulation's order; the survey asks them in this order. */
export const SKM_ELEMENTS = [
  "PERSYARATAN",
  "PROSEDUR",
  "WAKTU",
  "BIAYA",
  "PRODUK",
  "KOMPETENSI",
  "PERILAKU",
  "PENGADUAN",
  "SARANA",
] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

/** An answer is 1 (tidak baik) … 4 (sangat baik). */
export const SKM_SCORES = [1, 2, 3, 4] as const;
export type SkmScore = (typeof SKM_SCORES)[number];

export type IkmBand = "A" | "B" | "C" | "D";

/** Sum of the scores and number of answers of one element (what a GROUP BY gives). */
export interface ElementTotal {
  sum: number;
  count: number;
}

export interface IkmResult {
  /** Per element, sum ÷ answers; null for an element nobody answered. */
  nrr: (number | null)[];
  /** Unrounded; null when no element was answered. */
  ikm: number | null;
  /** IKM × 25 rounded to 2 decimals, the unit's service score. */
  score: number | null;
  band: IkmBand | null;
}

/**
 * Band of a service score (already rounded to 2 decimals, so the number shown and its band
 * agree): A 88.31–100 sangat baik, B 76.61–88.30 baik, C 65.00–76.60 kurang baik, D 25.00–64.99
 * tidak baik. Edges are lower bounds.
 */
export function ikmBand(score: number): IkmBand {
  if (score >= 88.31) return "A";
  if (score >= 76.61) return "B";
  if (score >= 65) return "C";
  return "D";
}

/**
 * IKM = Σ NRR × 1/9 with the exact ninth (the regulation's tables print 0.111 or 0.11, which
 * loses up to a point of the score): the sum is divided by 9, never multiplied by a decimal.
 * An element nobody answered (a respondent may stop midway) is left out and the rest weigh
 * equally, 1/k; with all nine answered that is exactly 1/9. Rounding happens once, on the score.
 */
export function computeIkm(totals: readonly ElementTotal[]): IkmResult {
  if (totals.length !== SKM_ELEMENTS.length) throw new Error(`IKM needs ${SKM_ELEMENTS.length} element totals`);
  const nrr = totals.map(({ sum, count }) => (count > 0 ? sum / count : null));
  const answered = nrr.filter((value): value is number => value !== null);
  if (answered.length === 0) return { nrr, ikm: null, score: null, band: null };

  const ikm = answered.reduce((total, value) => total + value, 0) / answered.length;
  const score = roundTo(ikm * 25, 2);
  return { nrr, ikm, score, band: ikmBand(score) };
}

/** Fewer respondents than the policy's minimum (30 by default) are "belum representatif". */
export const isRepresentative = (respondents: number, minimum: number) => respondents >= minimum;
