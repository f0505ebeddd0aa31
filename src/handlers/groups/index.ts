import { Composer, InlineKeyboard } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { BotContext } from "../../bot/context.ts";
import {
  deactivateGroup,
  linkGroup,
  linkableUnits,
  migrateGroup,
  UNITS_PER_PAGE,
} from "../../domain/groups/linking.ts";
import { groupData } from "./callback-data.ts";
import { addPageButtons } from "../../lib/pager.ts";

type GroupContext = BotContext & { from: { id: number } };

/**
 * `/daftargrup` [`/registergroup`]: an admin or a unit head links the group to a unit and picks the
 * group's language. Whoever presses is checked again against the database on every press.
 */
export function groups(deps: { db: Db; clock: Clock }) {
  const feature = new Composer<BotContext>();

  feature
    .chatType("private")
    .command(["daftargrup", "registergroup"], (ctx) => ctx.reply(ctx.t("group-register-private")));

  const group = feature.chatType(["group", "supergroup"]);
  const linker = (ctx: GroupContext) => ({ telegramId: BigInt(ctx.from.id), isAdmin: ctx.isAdmin });

  async function unitKeyboard(ctx: GroupContext, page: number): Promise<InlineKeyboard | undefined> {
    const units = await linkableUnits(deps.db, linker(ctx));
    if (units.length === 0) return undefined;
    const pages = Math.max(1, Math.ceil(units.length / UNITS_PER_PAGE));
    const current = Math.min(page, pages - 1);
    const keyboard = new InlineKeyboard();
    for (const unit of units.slice(current * UNITS_PER_PAGE, (current + 1) * UNITS_PER_PAGE)) {
      keyboard.text(`${unit.name} (${unit.code})`.slice(0, 60), groupData.unit.pack(unit.id, ctx.from.id)).row();
    }
    return addPageButtons(keyboard, ctx.t.bind(ctx), current, pages, (p) => groupData.page.pack(p, ctx.from.id));
  }

  group.command(["daftargrup", "registergroup"], async (ctx) => {
    if (!ctx.from) return;
    const mayTry = ctx.isAdmin || (ctx.employee?.roles.includes("HEAD") ?? false);
    if (!mayTry) return ctx.reply(ctx.t("group-register-not-allowed"));
    const keyboard = await unitKeyboard(ctx as GroupContext, 0);
    if (!keyboard) return ctx.reply(ctx.t("group-register-no-units"));
    return ctx.reply(ctx.t("group-register-choose-unit"), { reply_markup: keyboard });
  });

  const refuse = (ctx: BotContext, key = "group-register-refused") =>
    ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });

  group.callbackQuery(groupData.page.filter, async (ctx) => {
    const data = groupData.page.parse(ctx.callbackQuery.data);
    if (!data) return refuse(ctx, "button-stale");
    const [page, by] = data;
    if (by !== ctx.from.id) return refuse(ctx);
    const keyboard = await unitKeyboard(ctx, page);
    if (!keyboard) return refuse(ctx);
    await ctx.answerCallbackQuery();
    return ctx.editMessageReplyMarkup({ reply_markup: keyboard });
  });

  group.callbackQuery(groupData.unit.filter, async (ctx) => {
    const data = groupData.unit.parse(ctx.callbackQuery.data);
    if (!data) return refuse(ctx, "button-stale");
    const [unitId, by] = data;
    if (by !== ctx.from.id) return refuse(ctx);
    if (!(await linkableUnits(deps.db, linker(ctx))).some((u) => u.id === unitId)) return refuse(ctx);
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(ctx.t("group-register-choose-language"), {
      reply_markup: new InlineKeyboard()
        .text("🇮🇩 Bahasa Indonesia", groupData.language.pack(unitId, "id", ctx.from.id))
        .text("🇬🇧 English", groupData.language.pack(unitId, "en", ctx.from.id)),
    });
  });

  group.callbackQuery(groupData.language.filter, async (ctx) => {
    const data = groupData.language.parse(ctx.callbackQuery.data);
    if (!data) return refuse(ctx, "button-stale");
    const [unitId, language, by] = data;
    if (by !== ctx.from.id) return refuse(ctx);
    const allowed = (await linkableUnits(deps.db, linker(ctx))).find((u) => u.id === unitId);
    if (!allowed) return refuse(ctx);
    const chat = ctx.callbackQuery.message?.chat as { id: number; title?: string } | undefined;
    if (!chat) return refuse(ctx, "button-stale");
    await linkGroup(deps.db, {
      chatId: BigInt(chat.id),
      title: chat.title ?? String(chat.id),
      unitId,
      language,
      by: BigInt(ctx.from.id),
      now: deps.clock.now(),
    });
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(ctx.t("group-register-done", { unit: allowed.name }));
  });

  // Any other g: data (tampered, or an old layout) is stale.
  group.callbackQuery(/^g:/, (ctx) => refuse(ctx, "button-stale"));

  // Removed from the group (or the group deleted): stop posting there.
  feature.on("my_chat_member", async (ctx, next) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "left" || status === "kicked") {
      await deactivateGroup(deps.db, BigInt(ctx.myChatMember.chat.id), `bot ${status}`, deps.clock.now());
      return;
    }
    return next();
  });

  // A group upgraded to a supergroup gets a new id; Telegram says so in both chats.
  feature.on("message:migrate_to_chat_id", async (ctx) => {
    await migrateGroup(deps.db, BigInt(ctx.chat.id), BigInt(ctx.message.migrate_to_chat_id), deps.clock.now());
  });
  feature.on("message:migrate_from_chat_id", async (ctx) => {
    await migrateGroup(deps.db, BigInt(ctx.message.migrate_from_chat_id), BigInt(ctx.chat.id), deps.clock.now());
  });

  return feature;
}
