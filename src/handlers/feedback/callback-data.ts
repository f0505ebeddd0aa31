import { z } from "zod";
import { callbackData, id } from "../../lib/callback-data.ts";

/** Database ids are positive int4: anything else is tampered data, refused before a query. */
const rowId = id.pipe(z.number().int().positive().max(2_147_483_647));

/** Continuous-feedback buttons: ids only; who presses is checked against the database. */
export const feedbackData = {
  /** A supervisor picks a subordinate to write to (/umpanbalik, /tim). */
  subordinate: callbackData("ub:s", rowId),
  /** From a report card: write to the report's author. */
  fromReport: callbackData("ub:c", rowId),
  /** The employee replies (once) to a note. */
  reply: callbackData("ub:r", rowId),
};
