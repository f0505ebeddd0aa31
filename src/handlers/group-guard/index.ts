import { Composer } from "grammy";
import { PERSONAL_COMMANDS } from "../../bot/menu.ts";
import type { BotContext } from "../../bot/context.ts";

/** Personal data never goes to a group: personal commands and invite codes are refused there. */
export function groupGuard() {
  const feature = new Composer<BotContext>();
  const group = feature.chatType(["group", "supergroup"]);

  group.command("start", async (ctx, next) => {
    if (ctx.match.trim().startsWith("inv_")) return ctx.reply(ctx.t("invite-in-group"));
    return next();
  });
  group.command(PERSONAL_COMMANDS, (ctx) => ctx.reply(ctx.t("private-only")));

  return feature;
}
