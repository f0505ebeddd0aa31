import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { issueLoginToken, LOGIN_LINK_MINUTES } from "../../domain/dashboard/login.ts";

/**
 * `/dasbor` [`/dashboard`]: a one-time link into the web dashboard, for the linked employee who
 * asks, in a private chat. Without PUBLIC_URL the dashboard is off and the bot says so.
 */
export function dashboard(deps: { db: Db; clock: Clock; config: { publicUrl?: string } }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private").filter(isLinked);
  chat.command(["dasbor", "dashboard"], async (ctx) => {
    const base = deps.config.publicUrl;
    if (!base) return ctx.reply(ctx.t("dasbor-off"));
    const token = await issueLoginToken(deps.db, ctx.employee.id, deps.clock.now());
    // No preview: Telegram's preview fetch would open (and so use up) the one-time link.
    return ctx.reply(ctx.t("dasbor-link", { url: `${base}/masuk/${token}`, minutes: LOGIN_LINK_MINUTES }), {
      link_preview_options: { is_disabled: true },
    });
  });
  return feature;
}
