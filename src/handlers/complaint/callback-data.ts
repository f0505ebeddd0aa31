import { z } from "zod";
import { callbackData, id } from "../../lib/callback-data.ts";

/** A head's answer to a complaint: f = follow-up note (ditindaklanjuti), d = done (selesai). */
export const complaintActionData = callbackData("ad", id, z.enum(["f", "d"]));
