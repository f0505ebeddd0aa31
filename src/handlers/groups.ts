import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { BotContext } from "../bot/context.ts";
import { LOCALES } from "../lib/i18n.ts";
import {
  deactivateGroup,
  linkGroup,
  linkableUnits,
  migrateGroup,
  UNITS_PER_PAGE,
  type Linker,
} from "../domain/groups.ts";

/**
 * `/daftargrup` [`/registergroup`]: an admin or a unit head links the group to a unit and picks the
 * group's language. Buttons carry ids only (`g:<step>:<id>:<initiator>`, well under 64 bytes);
 * whoever presses is checked again against the database on every press.
 */
const callback = z.union([
  z.object({
    step: z.literal("p"),
    page: z.coerce.number().int().min(0).max(10_000),
    by: z.coerce.number().int().positive(),
  }),
  z.object({
    step: z.literal("u"),
    unitId: z.coerce.number().int().positive(),
    by: z.coerce.number().int().positive(),
  }),
  z.object({
    step: z.literal("l"),
    unitId: z.coerce.number().int().positive(),
    language: z.enum(LOCALES),
    by: z.coerce.number().int().positive(),
  }),
]);

function parse(data: string) {
  const [prefix, step, a, b, c] = data.split(":");
  if (prefix !== "g") return undefined;
  const raw =
    step === "p"
      ? { step, page: a, by: b }
      : step === "u"
        ? { step, unitId: a, by: b }
        : { step, unitId: a, language: b, by: c };
  const parsed = callback.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function groups(deps: { db: Db; clock: Clock }) {
  const feature = new Composer<BotContext>();

  feature
    .chatType("private")
    .command(["daftargrup", "registergroup"], (ctx) => ctx.reply(ctx.t("group-register-private")));

  const group = feature.chatType(["group", "supergroup"]);
  const linker = (ctx: BotContext): Linker => ({ telegramId: BigInt(ctx.from!.id), isAdmin: ctx.isAdmin });

  async function unitKeyboard(ctx: BotContext, page: number): Promise<InlineKeyboard | undefined> {
    const units = await linkableUnits(deps.db, linker(ctx));
    if (units.length === 0) return undefined;
    const pages = Math.max(1, Math.ceil(units.length / UNITS_PER_PAGE));
    const current = Math.min(page, pages - 1);
    const keyboard = new InlineKeyboard();
    for (const unit of units.slice(current * UNITS_PER_PAGE, (current + 1) * UNITS_PER_PAGE)) {
      keyboard.text(`${unit.name} (${unit.code})`.slice(0, 60), `g:u:${unit.id}:${ctx.from!.id}`).row();
    }
    if (current > 0) keyboard.text(ctx.t("button-previous"), `g:p:${current - 1}:${ctx.from!.id}`);
    if (current < pages - 1) keyboard.text(ctx.t("button-next"), `g:p:${current + 1}:${ctx.from!.id}`);
    return keyboard;
  }

  group.command(["daftargrup", "registergroup"], async (ctx) => {
    const mayTry = ctx.isAdmin || (ctx.employee?.roles.includes("HEAD") ?? false);
    if (!mayTry) return ctx.reply(ctx.t("group-register-not-allowed"));
    const keyboard = await unitKeyboard(ctx, 0);
    if (!keyboard) return ctx.reply(ctx.t("group-register-no-units"));
    return ctx.reply(ctx.t("group-register-choose-unit"), { reply_markup: keyboard });
  });

  group.callbackQuery(/^g:/, async (ctx) => {
    const data = parse(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    if (data.by !== ctx.from.id)
      return ctx.answerCallbackQuery({ text: ctx.t("group-register-refused"), show_alert: true });
    if (data.step === "p") {
      const keyboard = await unitKeyboard(ctx, data.page);
      if (!keyboard) return ctx.answerCallbackQuery({ text: ctx.t("group-register-refused"), show_alert: true });
      await ctx.answerCallbackQuery();
      return ctx.editMessageReplyMarkup({ reply_markup: keyboard });
    }
    const allowed = (await linkableUnits(deps.db, linker(ctx))).find((u) => u.id === data.unitId);
    if (!allowed) return ctx.answerCallbackQuery({ text: ctx.t("group-register-refused"), show_alert: true });
    if (data.step === "u") {
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t("group-register-choose-language"), {
        reply_markup: new InlineKeyboard()
          .text("🇮🇩 Bahasa Indonesia", `g:l:${data.unitId}:id:${ctx.from.id}`)
          .text("🇬🇧 English", `g:l:${data.unitId}:en:${ctx.from.id}`),
      });
    }
    const chat = ctx.callbackQuery.message?.chat as { id: number; title?: string } | undefined;
    if (!chat) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    await linkGroup(deps.db, {
      chatId: BigInt(chat.id),
      title: chat.title ?? String(chat.id),
      unitId: data.unitId,
      language: data.language,
      by: BigInt(ctx.from.id),
      now: deps.clock.now(),
    });
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(ctx.t("group-register-done", { unit: allowed.name }));
  });

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
