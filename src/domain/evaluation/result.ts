import type { Evaluation, Prisma } from "../../generated/prisma/client.ts";
import {
  legacyFinal,
  legacySkpFromIndicators,
  predicateFor,
  type LegacyIndicator,
  type Predicate,
  type RatingMode,
} from "../../scoring/index.ts";

export interface EvaluationResult {
  mode: RatingMode;
  predicate: Predicate | null;
  skpScore: number | null;
  finalScore: number | null;
  band: string | null;
}

/** The top of the 2019 rules' scale (docs/domain.md, "Legacy scores"). */
const SCALE_2019_MAX = 120;

export const decimalOrNull = (value: Prisma.Decimal | number | null) => (value === null ? null : Number(value));

/**
 * The outcome of a complete draft under its mode, or undefined while an answer is missing. 2022: the
 * predicate of the matrix. Legacy modes: the SKP score from the realisation snapshot and the
 * behaviour score give the final score and its band (2019: 70/30 with the supervisor's input only,
 * 60/40 when enough colleagues gave peer feedback for the period — `peerInput`, docs/domain.md,
 * "Peer feedback").
 */
export function resultOf(
  evaluation: Pick<
    Evaluation,
    "mode" | "resultsRating" | "behaviourRating" | "behaviourScore" | "realisation" | "feedback" | "peerInput"
  >,
): EvaluationResult | undefined {
  if (!evaluation.feedback) return undefined;
  const mode = evaluation.mode as RatingMode;
  if (mode === "2022") {
    if (!evaluation.resultsRating || !evaluation.behaviourRating) return undefined;
    return {
      mode,
      predicate: predicateFor(evaluation.resultsRating, evaluation.behaviourRating),
      skpScore: null,
      finalScore: null,
      band: null,
    };
  }
  const behaviourScore = decimalOrNull(evaluation.behaviourScore);
  if (behaviourScore === null) return undefined;
  const computed = legacySkpFromIndicators((evaluation.realisation ?? []) as unknown as LegacyIndicator[]);
  // The 2019 scale runs to 120: an over-achieved SKP (R/T far above 100%) counts as its top.
  const skpScore = mode === "2019" ? Math.min(computed, SCALE_2019_MAX) : computed;
  const final =
    mode === "2019"
      ? legacyFinal("2019", { skpScore, behaviourScore, peerInput: evaluation.peerInput, innovation: false })
      : legacyFinal("2011", { skpScore, behaviourScore });
  return {
    mode,
    predicate: null,
    skpScore: Math.round(skpScore * 100) / 100,
    finalScore: final.final,
    band: final.band,
  };
}
