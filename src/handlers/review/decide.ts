import type { CallbackQueryContext, ChatTypeContext, CommandContext, Filter, NextFunction } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { BotContext } from "../../bot/context.ts";
import { negotiateLocale } from "../../bot/i18n.ts";
import { pendingAnswer, type PendingAnswer } from "../../bot/pending-answer.ts";
import { recordUpdateIn } from "../../bot/redelivery.ts";
import type { ReviewPolicy } from "../../domain/policy/sections.ts";
import type { Decision, Rating } from "../../domain/review/card.ts";
import { checkReview, type CheckOutcome, type Reviewer } from "../../domain/review/check.ts";
import { decide, NOTE_CHARS } from "../../domain/review/decide.ts";
import type { ReviewAction } from "./callback-data.ts";
import { reviewRenderer } from "./render.ts";

export interface ReviewDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  reviewPolicy?: ReviewPolicy;
}

/** An update in a private chat: the sender is known. */
export type PrivateContext = ChatTypeContext<BotContext, "private">;
export type PressContext = CallbackQueryContext<PrivateContext>;
export type Refusal = Exclude<CheckOutcome, { kind: "ok" }>;

/** A decision button: on the card, or among the ratings. */
export type DecisionAction = Extract<ReviewAction, { kind: "ask-rating" | "back" | "revise" | "reject" | "approve" }>;
export const isDecision = (action: ReviewAction): action is DecisionAction =>
  ["ask-rating", "back", "revise", "reject", "approve"].includes(action.kind);

/** Who may use the review feature: a linked employee, or an admin without an employee record. */
export const mayReview = (ctx: BotContext) => ctx.employee !== undefined || ctx.isAdmin;

export const reviewerOf = (ctx: PrivateContext): Reviewer => ({
  employeeId: ctx.employee?.id,
  telegramId: BigInt(ctx.from.id),
  isAdmin: ctx.isAdmin,
});

/** Why a button cannot act, as the alert text. */
export function refusalText(ctx: BotContext, outcome: Refusal): string {
  if (outcome.kind === "unknown") return ctx.t("review-unknown");
  if (outcome.kind === "denied") return ctx.t(`review-denied-${outcome.reason}`);
  if (outcome.standing.kind === "decided") return ctx.t("review-stale-decided", { name: outcome.standing.by });
  return ctx.t(`review-stale-${outcome.standing.kind}`);
}

/** A revision note or rejection reason being asked for: kept in the database, so it survives a restart. */
interface PendingComment {
  decision: Exclude<Decision, "APPROVED">;
  reportId: number;
  version: number;
  /** The message whose button was pressed: edited once decided. */
  chatId: string;
  messageId: number;
}

interface Finish {
  decision: Decision;
  rating?: Rating;
  comment?: string;
  reportId: number;
  version: number;
  chatId: string;
  messageId: number;
}

const render = reviewRenderer();

/** Answers a press that cannot act with why, as an alert; a button for an unknown report is logged. */
export async function alert(deps: Pick<ReviewDependencies, "logger">, ctx: BotContext, outcome: Refusal) {
  if (outcome.kind === "unknown")
    deps.logger.warn({ data: ctx.callbackQuery?.data, from: ctx.from?.id }, "review: button for an unknown report");
  return ctx.answerCallbackQuery({ text: refusalText(ctx, outcome), show_alert: true });
}

/**
 * Records the decision, then shows its outcome in the message the decision came from. The note being
 * asked for (if any) is dropped and the update recorded as applied in the decision's transaction:
 * if the decision fails or the process dies before it commits, the note is still asked for and its
 * redelivery decides; once it has committed, a redelivery changes nothing.
 */
async function finish(
  deps: ReviewDependencies,
  ctx: PrivateContext,
  input: Finish,
  note: PendingAnswer<PendingComment>,
) {
  const now = deps.clock.now();
  const record = recordUpdateIn(ctx, now);
  const outcome = await decide(deps.db, {
    alongside: async (tx) => {
      await record(tx);
      await note.clearIn(tx, ctx);
    },
    reviewer: reviewerOf(ctx),
    reportId: input.reportId,
    version: input.version,
    decision: input.decision,
    rating: input.rating,
    comment: input.comment,
    now,
    from: input.messageId ? { chatId: BigInt(input.chatId), messageId: input.messageId } : undefined,
    render,
  });
  const pressed = ctx.callbackQuery !== undefined;
  if (outcome.kind !== "decided") {
    if (pressed) return alert(deps, ctx, outcome);
    return ctx.reply(refusalText(ctx, outcome));
  }
  if (pressed) await ctx.answerCallbackQuery();
  if (input.messageId) {
    // Without reply_markup the edit removes the buttons.
    const text = render.outcome(negotiateLocale(ctx), outcome.card, outcome.outcome);
    await ctx.api.editMessageText(Number(input.chatId), input.messageId, text).catch((error: unknown) => {
      deps.logger.warn({ err: error, reportId: input.reportId }, "review: could not edit the decided message");
    });
  }
  if (!pressed || input.decision !== "APPROVED") {
    return ctx.reply(
      ctx.t(`review-done-${input.decision}`, {
        number: outcome.card.number,
        name: outcome.card.employeeName,
        rating: outcome.outcome.rating ? ctx.t(`rating-${outcome.outcome.rating}`) : "-",
      }),
    );
  }
}

/**
 * The decision buttons of a review request (approve with a rating, ask for revision, reject) and
 * the note a revision or rejection asks for.
 */
export function decisions(deps: ReviewDependencies) {
  // Read with the sender by identify when it can be (most texts are not a note: the /lapor answers).
  const note = pendingAnswer<PendingComment>("reviewNote", deps);

  async function cancelNote(ctx: CommandContext<PrivateContext>, next: NextFunction) {
    if (!(await note.clear(ctx))) return next();
    return ctx.reply(ctx.t("review-comment-cancelled"));
  }

  async function takeNote(ctx: Filter<PrivateContext, "message:text">, next: NextFunction) {
    if (ctx.msg.text.startsWith("/") || !mayReview(ctx)) return next();
    const pending = await note.read(ctx);
    if (!pending) return next();
    const comment = ctx.msg.text.trim();
    if (comment.length < NOTE_CHARS.min) return ctx.reply(ctx.t("review-comment-too-short", { min: NOTE_CHARS.min }));
    if (comment.length > NOTE_CHARS.max)
      return ctx.reply(ctx.t("review-comment-too-long", { max: NOTE_CHARS.max, length: comment.length }));
    return finish(deps, ctx, { ...pending, comment }, note);
  }

  async function press(ctx: PressContext, action: DecisionAction) {
    const messageId = ctx.callbackQuery.message?.message_id ?? 0;
    const from = { reportId: action.reportId, version: action.version, chatId: String(ctx.chat.id), messageId };
    if (action.kind === "approve")
      return finish(deps, ctx, { ...from, decision: "APPROVED", rating: action.rating }, note);
    const check = await checkReview(deps.db, reviewerOf(ctx), action.reportId, action.version, deps.clock.now());
    if (check.kind !== "ok") return alert(deps, ctx, check);
    if (action.kind === "ask-rating" || action.kind === "back") {
      await ctx.answerCallbackQuery();
      const locale = negotiateLocale(ctx);
      const markup =
        action.kind === "ask-rating"
          ? render.ratingButtons(locale, action.reportId, action.version)
          : render.buttons(locale, action.reportId, action.version);
      return ctx.editMessageReplyMarkup({ reply_markup: markup });
    }
    const decision = action.kind === "revise" ? "REVISION_REQUESTED" : "REJECTED";
    await note.ask(ctx, { ...from, decision });
    await ctx.answerCallbackQuery();
    return ctx.reply(
      ctx.t(`review-ask-${decision}`, { name: check.target.employee.name, number: check.target.number ?? "-" }),
    );
  }

  return { note, cancelNote, takeNote, press };
}
