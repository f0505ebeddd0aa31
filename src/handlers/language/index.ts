import { Composer, InlineKeyboard } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { BotContext } from "../../bot/context.ts";
import { setEmployeeLanguage } from "../../domain/registration/language.ts";
import { languageData } from "./callback-data.ts";

/** `/bahasa` [`/language`]: the employee's language for every message the bot sends them. */
export function language(deps: { db: Db; clock: Clock }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");

  chat.command(["bahasa", "language"], (ctx) =>
    ctx.reply(ctx.t("language-choose"), {
      reply_markup: new InlineKeyboard()
        .text("🇮🇩 Bahasa Indonesia", languageData.pack("id"))
        .text("🇬🇧 English", languageData.pack("en")),
    }),
  );

  chat.callbackQuery(languageData.filter, async (ctx) => {
    const [locale] = languageData.parse(ctx.callbackQuery.data) ?? [];
    if (!locale) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    if (!ctx.employee) return ctx.answerCallbackQuery({ text: ctx.t("language-unlinked"), show_alert: true });

    await setEmployeeLanguage(deps.db, ctx.employee.id, locale, deps.clock.now());
    ctx.employee.language = locale; // ctx.t follows from here on
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(ctx.t("language-set"));
  });

  return feature;
}
