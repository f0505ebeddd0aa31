import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { approvals } from "./approvals.ts";
import { parseReviewData, REVIEW_BUTTONS } from "./callback-data.ts";
import { decisions, isDecision, mayReview, type ReviewDependencies } from "./decide.ts";
import { team } from "./team.ts";

export type { ReviewDependencies } from "./decide.ts";
export { reviewRenderer } from "./render.ts";

/**
 * The supervisor's side: the decision buttons of a review request (approve with a rating, ask for
 * revision, reject), `/persetujuan` (what waits for me) and `/tim` (who reported today).
 * Registered before the report feature, so that a note being asked for is taken before anything
 * else reads the text, and `/batal` cancels it.
 */
export function review(deps: ReviewDependencies): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");
  const decision = decisions(deps);
  const approval = approvals(deps);

  // A note being asked for (revision or rejection): /batal drops it, the next text is it.
  chat.command(["batal", "cancel"], decision.cancelNote);
  chat.on("message:text", decision.takeNote);

  chat.callbackQuery(REVIEW_BUTTONS, async (ctx) => {
    const action = parseReviewData(ctx.callbackQuery.data);
    if (!action) {
      deps.logger.warn({ data: ctx.callbackQuery.data, from: ctx.from.id }, "review: unknown or tampered button data");
      return ctx.answerCallbackQuery({ text: ctx.t("review-unknown"), show_alert: true });
    }
    if (!mayReview(ctx))
      return ctx.answerCallbackQuery({ text: ctx.t("review-denied-not-reviewer"), show_alert: true });
    // Any other review button ends a note being asked for: the next text is not taken as one.
    if (action.kind !== "revise" && action.kind !== "reject") await decision.note.clear(ctx);
    return isDecision(action) ? decision.press(ctx, action) : approval.press(ctx, action);
  });

  chat.command(["persetujuan", "approvals"], approval.command);
  chat.command(["tim", "team"], team(deps));

  return feature;
}
