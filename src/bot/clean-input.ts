import type { MiddlewareFn } from "grammy";
import type { Message, MessageEntity } from "grammy/types";
import { cleanText, cleanTextWithSpans, needsCleaning } from "../lib/clean-text.ts";
import type { BotContext } from "./context.ts";

/**
 * Cleans what people type before any feature sees it (src/lib/clean-text.ts): a message's text or
 * caption (with its entities moved along), an edited message's, a button's data and an inline
 * query. The update object itself is changed, so the conversations plugin stores the clean text
 * and replays it.
 */
export function cleanInput(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const update = ctx.update;
    for (const message of [update.message, update.edited_message, update.channel_post, update.edited_channel_post])
      if (message) cleanMessage(message);
    const query = update.callback_query;
    if (query?.data !== undefined && needsCleaning(query.data)) query.data = cleanText(query.data);
    if (update.inline_query && needsCleaning(update.inline_query.query))
      update.inline_query.query = cleanText(update.inline_query.query);
    return next();
  };
}

function cleanMessage(message: Message): void {
  if (message.text !== undefined) {
    const cleaned = cleanTextWithSpans<MessageEntity>(message.text, message.entities);
    message.text = cleaned.text;
    if (message.entities) message.entities = cleaned.spans;
  }
  if (message.caption !== undefined) {
    const cleaned = cleanTextWithSpans<MessageEntity>(message.caption, message.caption_entities);
    message.caption = cleaned.text;
    if (message.caption_entities) message.caption_entities = cleaned.spans;
  }
}
