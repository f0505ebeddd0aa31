import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { LOCALES } from "../lib/i18n.ts";
import type { BotContext } from "../bot/context.ts";

const choice = z.enum(LOCALES);

/** `/bahasa`: the language is stored on the employee, so every device and message follows it. */
export function language(deps: { db: Db }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");

  chat.command(["bahasa", "language"], (ctx) =>
    ctx.reply(ctx.t("language-choose"), {
      reply_markup: new InlineKeyboard().text("🇮🇩 Bahasa Indonesia", "lang:id").text("🇬🇧 English", "lang:en"),
    }),
  );

  chat.callbackQuery(/^lang:(.+)$/, async (ctx) => {
    const parsed = choice.safeParse(ctx.match[1]);
    if (!parsed.success) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    if (!ctx.employee) return ctx.answerCallbackQuery({ text: ctx.t("language-unlinked"), show_alert: true });

    await deps.db.employee.update({ where: { id: ctx.employee.id }, data: { language: parsed.data } });
    ctx.employee.language = parsed.data;
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(ctx.t("language-set"));
  });

  return feature;
}
