import { z } from "zod";
import { callbackData } from "../../lib/callback-data.ts";
import { STEPS } from "../../domain/survey/steps.ts";

const responseId = z
  .string()
  .regex(/^\d{1,18}$/)
  .transform((s) => BigInt(s));
const step = z.enum(STEPS);

/** A score 1–4 for the question at `step` of response `id`. */
export const scoreData = callbackData("fb:s", responseId, step, z.enum(["1", "2", "3", "4"]).transform(Number));
/** "Nilai keseluruhan saja": skip to the one overall question. */
export const overallOnlyData = callbackData("fb:o", responseId);
/** No comment. */
export const skipCommentData = callbackData("fb:n", responseId);
/** Whether the response is a complaint: y or n. */
export const complaintChoiceData = callbackData("fb:k", responseId, z.enum(["y", "n"]));
