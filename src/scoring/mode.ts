import type { Band2011, Band2019, Final2011Input, Final2019Input, LegacyFinal } from "./legacy-final.ts";
import { final2011, final2019 } from "./legacy-final.ts";
import { predicateFor } from "./predicate.ts";
import type { Predicate, Rating } from "./rating.ts";

/** Which rules a region rates by: the current 2022 predicate, or a legacy numeric mode. */
export const RATING_MODES = ["2022", "2019", "2011"] as const;
export type RatingMode = (typeof RATING_MODES)[number];

export interface ModeInput {
  "2022": { results: Rating; behaviour: Rating };
  "2019": Final2019Input;
  "2011": Final2011Input;
}

export interface ModeResult {
  "2022": { predicate: Predicate };
  "2019": LegacyFinal<Band2019>;
  "2011": LegacyFinal<Band2011>;
}

const FINALS: { [M in RatingMode]: (input: ModeInput[M]) => ModeResult[M] } = {
  "2022": ({ results, behaviour }) => ({ predicate: predicateFor(results, behaviour) }),
  "2019": final2019,
  "2011": final2011,
};

/** The final result under the given mode's rules. */
export function legacyFinal<M extends RatingMode>(mode: M, input: ModeInput[M]): ModeResult[M] {
  return FINALS[mode](input);
}
