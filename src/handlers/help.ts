import { Composer } from "grammy";
import { commandList } from "../bot/menu.ts";
import type { BotContext } from "../bot/context.ts";

export function help() {
  const feature = new Composer<BotContext>();
  feature.command(["bantuan", "help"], (ctx) =>
    ctx.reply(ctx.employee ? ctx.t("help", { commands: commandList(ctx) }) : ctx.t("help-unlinked")),
  );
  return feature;
}
