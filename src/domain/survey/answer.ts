import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { openComplaint, type ComplaintRenderer } from "../complaints/open.ts";
import { respondentHash } from "./respondent.ts";
import { loadSurveyState, type SurveyState } from "./state.ts";
import { COMMENT_MAX_CHARS, nextStep, scoreColumn, type Step, type SurveyAction } from "./steps.ts";

export interface AnswerInput {
  responseId: bigint;
  telegramId: bigint;
  /** The step the button (or the open question) was for. */
  step: Step;
  action: SurveyAction;
  now: Date;
  /** Where a complaint's follow-up goes: the citizen's private chat, kept only on the complaint. */
  chatId: bigint;
  followUpWorkingDays: number;
  render: ComplaintRenderer;
}

export type AnswerOutcome =
  | { kind: "not-yours" }
  | { kind: "stale" | "invalid" | "too-long"; state: SurveyState }
  | { kind: "next"; state: SurveyState }
  | { kind: "finished"; state: SurveyState; complaintNumber: string | null };

/**
 * Saves one answer and moves the response on, in one statement guarded by the step it answers: a
 * replayed press, or a press on an old message, changes nothing and shows the current question.
 * Whose response it is comes from the database (the respondent's hash), never from the button.
 */
export async function recordAnswer(db: Db, input: AnswerInput): Promise<AnswerOutcome> {
  const hash = await respondentHash(db, input.telegramId);
  const row = await db.surveyResponse.findUnique({
    where: { id: input.responseId },
    select: { respondentHash: true, step: true, s7: true },
  });
  if (!row || row.respondentHash !== hash) return { kind: "not-yours" };
  const current = () => loadSurveyState(db, input.responseId);
  if (row.step !== input.step) return { kind: "stale", state: await current() };
  const next = nextStep(input.step, input.action);
  if (!next) return { kind: "invalid", state: await current() };
  if (input.action.kind === "comment" && input.action.text.length > COMMENT_MAX_CHARS)
    return { kind: "too-long", state: await current() };

  const data = changes(input, next);
  const complaintNumber = await db.$transaction(async (tx) => {
    const updated = await tx.surveyResponse.updateMany({ where: { id: input.responseId, step: input.step }, data });
    if (updated.count === 0 || next !== "done") return updated.count === 0 ? undefined : null;
    const behaviourLowest = row.s7 === 1;
    if (!(data.complaint === true || behaviourLowest)) return null;
    return openComplaint(tx, { ...input, locale: (await loadSurveyState(tx, input.responseId)).locale });
  });
  const state = await current();
  if (complaintNumber === undefined) return { kind: "stale", state };
  return next === "done" ? { kind: "finished", state, complaintNumber } : { kind: "next", state };
}

function changes(input: AnswerInput, next: Step): Prisma.SurveyResponseUpdateManyMutationInput {
  const { action } = input;
  const data: Prisma.SurveyResponseUpdateManyMutationInput = { step: next };
  if (action.kind === "score") {
    const column = scoreColumn(input.step);
    if (column) (data as Record<string, unknown>)[column] = action.score;
  }
  if (action.kind === "comment") data.comment = action.text.trim();
  if (action.kind === "complaint") data.complaint = action.complaint;
  if (next === "done") data.completedAt = input.now;
  return data;
}
