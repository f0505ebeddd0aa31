import { z } from "zod";
import { callbackData, id } from "../../lib/callback-data.ts";
import { DRAFT_FIELDS } from "../../domain/report/drafts.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const yesNo = z.enum(["yes", "no"]);

/** Every /lapor button starts so: one pressed after its conversation ended is answered as stale. */
export const LAPOR_BUTTON = /^lp:/;

/**
 * The buttons of the /lapor conversation. They carry ids only; the conversation compares them
 * with its own draft, so a button of another report or an older question does nothing.
 */
export const laporData = {
  today: callbackData("lp:d:today"),
  otherDay: callbackData("lp:d:other"),
  /** One of the days the report may still be dated. */
  date: callbackData("lp:d", isoDate),
  /** Report on a day off anyway? */
  dayOff: callbackData("lp:d", yesNo),
  indicator: callbackData("lp:i", id),
  indicatorPage: callbackData("lp:i:p", id),
  additionalTask: callbackData("lp:i:add"),
  /** The rencana aksi, by its place in the indicator's list (read again from the database). */
  actionPlan: callbackData("lp:a", id),
  /** Keep a time that takes the day over the confirmation limit? */
  longDay: callbackData("lp:m", yesNo),
  /** Keep a time range that overlaps another report of the same day? */
  overlap: callbackData("lp:m:o", yesNo),
  photosDone: callbackData("lp:ph:done"),
  /** Submit this report (also answered outside the conversation: a second press sends nothing twice). */
  submit: callbackData("lp:s:submit", id),
  edit: callbackData("lp:s:edit"),
  cancel: callbackData("lp:s:cancel"),
  /** Which answer to change, from the summary's Edit. */
  editField: callbackData("lp:e", z.enum(DRAFT_FIELDS)),
};

/** /lapor found an unfinished draft: continue it, or delete it and start over. */
export const draftData = callbackData("lr", z.enum(["resume", "new"]), id);

/** /riwayat: a page of the list, one report, withdrawing it, revising it. */
export const historyData = {
  page: callbackData("rh:p", id),
  open: callbackData("rh:o", id),
  withdraw: callbackData("rh:w", id),
  revise: callbackData("rh:e", id),
};
