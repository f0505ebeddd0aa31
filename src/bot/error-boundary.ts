import { GrammyError, HttpError, type BotError } from "grammy";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "./context.ts";

/**
 * The last stop for an error in a handler: log it with the update it came from, and tell the
 * person something friendly. Nobody sees a stack trace; nothing they sent is dropped silently.
 */
export function errorBoundary(logger: Logger) {
  return async (error: BotError<BotContext>) => {
    const ctx = error.ctx;
    const cause = error.error;
    logger.error(
      { err: cause, updateId: ctx.update.update_id, chatId: ctx.chat?.id, kind: describe(cause) },
      "update failed",
    );
    // A Telegram failure while answering would most likely fail again; anything else gets an apology.
    if (cause instanceof GrammyError || cause instanceof HttpError) return;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-generic"), show_alert: true });
      else if (ctx.chat?.type === "private") await ctx.reply(ctx.t("error-generic"));
    } catch (replyError) {
      logger.warn({ err: replyError }, "could not tell the user about the error");
    }
  };
}

function describe(error: unknown): string {
  if (error instanceof GrammyError) return `telegram ${error.error_code}`;
  if (error instanceof HttpError) return "telegram unreachable";
  return "handler";
}
