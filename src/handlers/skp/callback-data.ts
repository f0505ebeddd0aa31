import { z } from "zod";
import { callbackData } from "../../lib/callback-data.ts";

/** `/skp` page buttons carry only the page number: whose SKP is shown always follows from the presser. */
export const skpData = {
  page: callbackData(
    "skp:p",
    z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number),
  ),
};
