// Legacy final scores and their bands (docs/domain.md, "Legacy scores"). Bands are read from the final score
// as rounded to 2 decimals, so the number shown and its band always agree. Band edges
// are lower bounds: a value between two printed ranges (90.5 under 2011) takes the band
// whose lower bound it has reached (BAIK, since it has not reached 91).
import { roundTo } from "./round.ts";

export type Band2011 = "SANGAT_BAIK" | "BAIK" | "CUKUP" | "KURANG" | "BURUK";
export type Band2019 = "SANGAT_BAIK" | "BAIK" | "CUKUP" | "KURANG" | "SANGAT_KURANG";

export interface Final2011Input {
  skpScore: number;
  behaviourScore: number;
}

export interface Final2019Input {
  skpScore: number;
  behaviourScore: number;
  /** Peers and subordinates gave behaviour input (360°): behaviour weighs 40% instead of 30%. */
  peerInput: boolean;
  /** A recognised innovation: the only way to reach SANGAT_BAIK. */
  innovation: boolean;
}

export interface LegacyFinal<Band> {
  final: number;
  band: Band;
}

export function band2011(score: number): Band2011 {
  if (score >= 91) return "SANGAT_BAIK";
  if (score >= 76) return "BAIK";
  if (score >= 61) return "CUKUP";
  if (score >= 51) return "KURANG";
  return "BURUK";
}

/** 110–120 is SANGAT_BAIK only with a recognised innovation; without one it stays BAIK. */
export function band2019(score: number, innovation: boolean): Band2019 {
  assertWithin2019Range("score", score);
  if (score >= 110 && innovation) return "SANGAT_BAIK";
  if (score >= 90) return "BAIK";
  if (score >= 70) return "CUKUP";
  if (score >= 50) return "KURANG";
  return "SANGAT_KURANG";
}

export function final2011({ skpScore, behaviourScore }: Final2011Input): LegacyFinal<Band2011> {
  assertScore("skpScore", skpScore);
  assertScore("behaviourScore", behaviourScore);
  const final = roundTo(0.6 * skpScore + 0.4 * behaviourScore, 2);
  return { final, band: band2011(final) };
}

export function final2019({ skpScore, behaviourScore, peerInput, innovation }: Final2019Input): LegacyFinal<Band2019> {
  assertWithin2019Range("skpScore", skpScore);
  assertWithin2019Range("behaviourScore", behaviourScore);
  const behaviourWeight = peerInput ? 0.4 : 0.3;
  const final = roundTo((1 - behaviourWeight) * skpScore + behaviourWeight * behaviourScore, 2);
  return { final, band: band2019(final, innovation) };
}

function assertScore(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number, got ${value}`);
}

// Under the 2019 rules a score runs from 0 to 120; anything else is a caller's mistake.
function assertWithin2019Range(name: string, value: number): void {
  if (!(value >= 0 && value <= 120)) throw new RangeError(`${name} must be within 0..120, got ${value}`);
}
