import { BotError, GrammyError, HttpError, type MiddlewareFn } from "grammy";
import { translate } from "../lib/i18n.ts";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "./context.ts";
import { negotiateLocale } from "./i18n.ts";

/**
 * The last stop for an error in a handler, the same in polling and webhook mode: it is the bot's
 * first middleware, so no error leaves `handleUpdate` (grammY's `bot.catch` is only called by
 * polling; in webhook mode the error would reach the server, which could only answer 500 in
 * silence). The error is logged with the update it came from and the person is told something
 * friendly, in their language; nobody sees a stack trace.
 *
 * The update is then acknowledged, on purpose, not failed for Telegram to deliver again:
 * - what the update committed stays committed (its id with it, so a redelivery would change
 *   nothing), and what it did not commit is still there to be sent again — a draft keeps its
 *   answers, a note being asked for stays asked for until the decision is stored — so the apology
 *   ("please try again") is true;
 * - an update that fails for good (a bug, bad data) would otherwise be delivered again and again,
 *   apologised for every time, and hold up the person's later updates behind it;
 * - polling (grammY moves past an update once `bot.catch` ran) behaves the same way.
 */
export function errorBoundary(logger: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      await reportError(logger, ctx, error instanceof BotError ? error.error : error);
    }
  };
}

/** For `bot.catch`: an error the boundary itself could not handle (it logs and goes on). */
export function lastResort(logger: Logger) {
  return (error: BotError<BotContext>) =>
    logger.error({ err: error.error, updateId: error.ctx.update.update_id }, "update failed outside the boundary");
}

async function reportError(logger: Logger, ctx: BotContext, cause: unknown) {
  logger.error(
    { err: cause, updateId: ctx.update.update_id, chatId: ctx.chat?.id, kind: describe(cause) },
    "update failed",
  );
  // A Telegram failure while answering would most likely fail again; anything else gets an apology.
  if (cause instanceof GrammyError || cause instanceof HttpError) return;
  // identify may be what failed: then there is no ctx.t, and the language comes from the client.
  const text = translate(negotiateLocale(ctx), "error-generic");
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat?.type === "private") await ctx.reply(text);
  } catch (replyError) {
    logger.warn({ err: replyError, updateId: ctx.update.update_id }, "could not tell the user about the error");
  }
}

function describe(error: unknown): string {
  if (error instanceof GrammyError) return `telegram ${error.error_code}`;
  if (error instanceof HttpError) return "telegram unreachable";
  return "handler";
}
