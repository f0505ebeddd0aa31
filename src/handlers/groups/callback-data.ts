import { z } from "zod";
import { callbackData, id } from "../../lib/callback-data.ts";
import { LOCALES } from "../../lib/i18n.ts";

/**
 * `/daftargrup` buttons carry ids only and the Telegram id of whoever started the registration
 * (`by`): only that person's presses count, and each is checked again against the database.
 */
export const groupData = {
  /** A page of the unit list. */
  page: callbackData("g:p", id, id),
  /** A unit picked: next, the group's language. */
  unit: callbackData("g:u", id, id),
  /** The group's language picked for the unit: the group is linked. */
  language: callbackData("g:l", id, z.enum(LOCALES), id),
};
