import { z } from "zod";
import { parsePeriodKey } from "../../domain/evaluation/periods.ts";
import { callbackData, id } from "../../lib/callback-data.ts";

/** Database ids are positive int4: anything else is tampered data, refused before a query. */
const rowId = id.pipe(z.number().int().positive().max(2_147_483_647));
/** A period key ("2026-Q3", see `periodKey`). */
const period = z.string().refine((key) => parsePeriodKey(key) !== undefined);
const cell = id.pipe(z.number().int().min(0).max(8));
const page = id.pipe(z.number().int().min(0).max(1000));

/**
 * `/kalibrasi` buttons: ids only. Whoever presses is checked again against the database: the unit
 * or evaluation in their scope, no conflict of interest, the flag theirs to answer or close.
 */
export const calibrationData = {
  /** Another period: its units. */
  period: callbackData("kb:p", period),
  /** One page of the units in the member's scope, for a period. */
  units: callbackData("kb:up", period, page),
  /** A unit's overview for a period. */
  unit: callbackData("kb:u", rowId, period),
  /** One page of a unit's finalised evaluations, a button each. */
  evaluations: callbackData("kb:e", rowId, period, page),
  /** A finalised evaluation, read-only. */
  view: callbackData("kb:v", rowId),
  /** Flag an evaluation (a reason is asked next). */
  flag: callbackData("kb:f", rowId),
  /** The supervisor keeps the rating (a justification is asked next). */
  keep: callbackData("kb:k", rowId),
  /** The supervisor amends: the evaluation reopens. */
  amend: callbackData("kb:a", rowId),
  /** The member closes their flag. */
  close: callbackData("kb:c", rowId),
  /** The unit's 9-box chart for a period. */
  nineBox: callbackData("kb:9", rowId, period),
  /** The names in one cell of the 9-box. */
  cell: callbackData("kb:n", rowId, period, cell),
};
