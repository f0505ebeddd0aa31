import { z } from "zod";
import { callbackData, id, type CallbackCodec } from "../../lib/callback-data.ts";
import { parsePeriodKey } from "../../domain/evaluation/periods.ts";
import type { Period } from "../../domain/skp/periods.ts";
import { BERAKHLAK_VALUES, type Rating } from "../../scoring/index.ts";

/** A rating travels as one letter. */
const LETTER = { A: "ABOVE", M: "MEETS", B: "BELOW" } as const satisfies Record<string, Rating>;
export type RatingLetter = keyof typeof LETTER;
export const letterOf = (rating: Rating): RatingLetter =>
  (Object.keys(LETTER) as RatingLetter[]).find((k) => LETTER[k] === rating)!;

/** Database ids (and versions) are positive int4: anything else is tampered data, refused before a query. */
const rowId = id.pipe(z.number().int().positive().max(2_147_483_647));
const letter = z.enum(["A", "M", "B"]);
/** A period key ("2026-Q3", see `periodKey`). */
const period = z.string().refine((key) => parsePeriodKey(key) !== undefined);
/** A page of the list of subordinates. */
const page = id.pipe(z.number().int().min(0).max(1000));
/** The index of a BerAKHLAK value. */
const value = id.pipe(z.number().max(BERAKHLAK_VALUES.length - 1));

/** Every evaluation button, and tampered data that looks like one. */
export const EVALUATION_BUTTON = /^ev:/;

/**
 * `/evaluasi` buttons: ids, the version pressed on and the answer; whoever presses is checked against
 * the database, and a button of an older version is stale.
 */
export const evaluationData = {
  /** A period chosen: its list of subordinates. */
  list: callbackData("ev:l", period),
  /** Another page of that list (a big team's does not fit one message). */
  listPage: callbackData("ev:lp", period, page),
  /** One subordinate opened for a period. */
  open: callbackData("ev:o", rowId, period),
  /** The work-result rating. */
  results: callbackData("ev:r", rowId, rowId, letter),
  /** The overall behaviour rating. */
  behaviour: callbackData("ev:b", rowId, rowId, letter),
  /** Behaviour to be rated per BerAKHLAK value instead. */
  perValue: callbackData("ev:bv", rowId, rowId),
  /** One BerAKHLAK value rated. */
  value: callbackData("ev:bv", rowId, rowId, value, letter),
  finalise: callbackData("ev:f", rowId, rowId),
  /** Back to the first question, the answers dropped. */
  edit: callbackData("ev:e", rowId, rowId),
  /** An admin reopens a finalised evaluation. */
  amend: callbackData("ev:x", rowId, rowId),
};

interface Draft {
  evaluationId: number;
  version: number;
}

export type EvaluationAction =
  | { kind: "l"; period: Period; page?: number }
  | { kind: "o"; employeeId: number; period: Period }
  | (Draft & { kind: "r"; rating: Rating })
  | (Draft & { kind: "b"; rating: Rating })
  | (Draft & { kind: "bv"; value?: number; rating?: Rating })
  | (Draft & { kind: "f" })
  | (Draft & { kind: "e" })
  | (Draft & { kind: "x" });

const on =
  <T extends readonly unknown[]>(codec: CallbackCodec<T>, action: (values: T) => EvaluationAction) =>
  (data: string) => {
    const values = codec.parse(data);
    return values && action(values);
  };
const draft = (kind: "f" | "e" | "x") => (values: readonly [number, number]) =>
  ({ kind, evaluationId: values[0], version: values[1] }) as const;

const ACTIONS = [
  on(evaluationData.list, ([key]) => ({ kind: "l", period: parsePeriodKey(key)! })),
  on(evaluationData.listPage, ([key, p]) => ({ kind: "l", period: parsePeriodKey(key)!, page: p })),
  on(evaluationData.open, ([employeeId, key]) => ({ kind: "o", employeeId, period: parsePeriodKey(key)! })),
  on(evaluationData.results, ([evaluationId, version, l]) => ({ kind: "r", evaluationId, version, rating: LETTER[l] })),
  on(evaluationData.behaviour, ([evaluationId, version, l]) => ({
    kind: "b",
    evaluationId,
    version,
    rating: LETTER[l],
  })),
  on(evaluationData.perValue, ([evaluationId, version]) => ({ kind: "bv", evaluationId, version })),
  on(evaluationData.value, ([evaluationId, version, index, l]) => ({
    kind: "bv",
    evaluationId,
    version,
    value: index,
    rating: LETTER[l],
  })),
  on(evaluationData.finalise, draft("f")),
  on(evaluationData.edit, draft("e")),
  on(evaluationData.amend, draft("x")),
];

/** The action of an evaluation button, or undefined for unknown or tampered data. */
export function parseEvaluationData(data: string): EvaluationAction | undefined {
  for (const parse of ACTIONS) {
    const action = parse(data);
    if (action) return action;
  }
  return undefined;
}
