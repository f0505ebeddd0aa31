import { Composer } from "grammy";
import { commandList } from "../../bot/menu.ts";
import type { BotContext } from "../../bot/context.ts";

export function help() {
  const feature = new Composer<BotContext>();
  feature.command(["bantuan", "help"], (ctx) =>
    ctx.reply(ctx.employee ? ctx.t("help", { commands: commandList(ctx) }) : ctx.t("help-unlinked")),
  );
  return feature;
}

/** Last in the chain: a private message no feature took gets a pointer to the menu, never silence. */
export function fallback() {
  const feature = new Composer<BotContext>();
  feature
    .chatType("private")
    .on("message", (ctx) => ctx.reply(ctx.employee ? ctx.t("fallback-linked") : ctx.t("not-linked")));
  feature
    .chatType("private")
    .on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true }));
  return feature;
}
