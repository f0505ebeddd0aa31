import { InlineKeyboard } from "grammy";
import {
  REASON_MAX_CHARS,
  REASON_MIN_CHARS,
  amendRating,
  closeFlag,
  flagRefusal,
  keepRating,
  mayAnswerFlag,
  raiseFlag,
} from "../../domain/oversight/flags.ts";
import { evaluationAccess } from "../../domain/oversight/scope.ts";
import { translate } from "../../lib/i18n.ts";
import { evaluationData } from "../evaluation/callback-data.ts";
import { calibrationData } from "./callback-data.ts";
import { alert, type CalibrationQuestion, type Turn } from "./context.ts";
import { refuseAccess } from "./overview.ts";

/** Flag pressed: scope and conflict checked, then the reason is asked for. */
export async function askReason(turn: Turn, evaluationId: number) {
  const { ctx, deps } = turn;
  if (turn.viewer.employeeId === undefined) return alert(turn, "calibration-member-only");
  const access = await evaluationAccess(deps.db, turn.viewer, evaluationId);
  if (access.kind !== "allowed") return refuseAccess(turn, access.kind, evaluationId);
  const refusal = await flagRefusal(deps.db, evaluationId);
  if (refusal) return alert(turn, `calibration-flag-${refusal}`);
  await ctx.answerCallbackQuery();
  await turn.question.ask(ctx, { kind: "flag", evaluationId });
  return ctx.reply(ctx.t("calibration-ask-reason", { min: REASON_MIN_CHARS, max: REASON_MAX_CHARS }));
}

/** Keep pressed by the supervisor: their authority checked, then the justification is asked for. */
export async function askJustification(turn: Turn, flagId: number) {
  const { ctx, deps } = turn;
  const may = await mayAnswerFlag(deps.db, flagId, turn.reviewer, deps.clock.now());
  if (may !== "ok") return alert(turn, `calibration-answer-${may}`);
  await ctx.answerCallbackQuery();
  await turn.question.ask(ctx, { kind: "keep", flagId });
  return ctx.reply(ctx.t("calibration-ask-justification", { min: REASON_MIN_CHARS, max: REASON_MAX_CHARS }));
}

/** The typed reason or justification: checked, then stored with its notice. */
export async function onTypedText(turn: Turn, pending: CalibrationQuestion, raw: string) {
  const { ctx } = turn;
  const text = raw.trim();
  if (text.length < REASON_MIN_CHARS) return ctx.reply(ctx.t("calibration-too-short", { min: REASON_MIN_CHARS }));
  if (text.length > REASON_MAX_CHARS)
    return ctx.reply(ctx.t("calibration-too-long", { max: REASON_MAX_CHARS, length: text.length }));
  await turn.question.clear(ctx);
  return pending.kind === "flag" ? flag(turn, pending.evaluationId, text) : keep(turn, pending.flagId, text);
}

async function flag(turn: Turn, evaluationId: number, reason: string) {
  const { ctx, deps } = turn;
  // Checked again: scope or the team may have changed since the button was pressed.
  const access = await evaluationAccess(deps.db, turn.viewer, evaluationId);
  if (access.kind !== "allowed" || turn.viewer.employeeId === undefined)
    return refuseAccess(turn, access.kind === "allowed" ? "unknown" : access.kind, evaluationId);
  const outcome = await raiseFlag(deps.db, {
    evaluationId,
    member: { employeeId: turn.viewer.employeeId, telegramId: turn.reviewer.telegramId },
    reason,
    now: deps.clock.now(),
    notice: (f, supervisor, name) => ({
      text: translate(supervisor.language, "calibration-flag-notice", { name, reason: f.reason }),
      replyMarkup: new InlineKeyboard()
        .text(translate(supervisor.language, "calibration-button-keep"), calibrationData.keep.pack(f.id))
        .row()
        .text(translate(supervisor.language, "calibration-button-amend"), calibrationData.amend.pack(f.id)),
    }),
  });
  if (outcome.kind !== "raised") return ctx.reply(ctx.t(`calibration-flag-${outcome.kind}`));
  return ctx.reply(ctx.t("calibration-flag-raised"));
}

async function keep(turn: Turn, flagId: number, justification: string) {
  const { ctx, deps } = turn;
  const outcome = await keepRating(deps.db, {
    flagId,
    by: turn.reviewer,
    justification,
    now: deps.clock.now(),
    notice: (f, member, name) => ({
      text: translate(member.language, "calibration-kept-notice", { name, text: justification }),
      replyMarkup: new InlineKeyboard().text(
        translate(member.language, "calibration-button-close"),
        calibrationData.close.pack(f.id),
      ),
    }),
  });
  if (outcome.kind !== "done") return ctx.reply(ctx.t(`calibration-answer-${outcome.kind}`));
  return ctx.reply(ctx.t("calibration-kept", { name: outcome.employeeName }));
}

/** Amend pressed: the evaluation reopens for the supervisor, who rates again from the button given. */
export async function amend(turn: Turn, flagId: number) {
  const { ctx, deps } = turn;
  const outcome = await amendRating(deps.db, { flagId, by: turn.reviewer, now: deps.clock.now() });
  if (outcome.kind !== "done") return alert(turn, `calibration-answer-${outcome.kind}`);
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard().text(
    ctx.t("calibration-button-rate-again"),
    evaluationData.open.pack(outcome.employeeId, `${outcome.year}-${outcome.period}`),
  );
  return ctx.reply(ctx.t("calibration-reopened", { name: outcome.employeeName }), { reply_markup: keyboard });
}

/** The member closes their flag; anyone else's press is refused and changes nothing. */
export async function close(turn: Turn, flagId: number) {
  const { deps } = turn;
  const outcome = await closeFlag(deps.db, {
    flagId,
    memberId: turn.viewer.employeeId,
    telegramId: turn.reviewer.telegramId,
    now: deps.clock.now(),
  });
  if (outcome.kind === "not-yours")
    deps.logger.warn({ from: turn.ctx.from.id, flagId }, "calibration: close refused, not the member's flag");
  return alert(turn, `calibration-close-${outcome.kind}`);
}
