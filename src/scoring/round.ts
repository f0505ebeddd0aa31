/**
 * Rounds half up to `decimals` places. Going through toPrecision(15) first drops the
 * binary noise of the multiplication, so 1.005 rounds to 1.01 as a person expects.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(15))) / factor;
}
