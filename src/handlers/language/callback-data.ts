import { z } from "zod";
import { callbackData } from "../../lib/callback-data.ts";
import { LOCALES } from "../../lib/i18n.ts";

/** A language picked in `/bahasa`. */
export const languageData = callbackData("lang", z.enum(LOCALES));
