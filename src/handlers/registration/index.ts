import { Composer } from "grammy";
import type { Clock } from "../../lib/clock.ts";
import type { Db } from "../../db/client.ts";
import type { Config } from "../../config.ts";
import { redeemInvite, type RedeemOutcome } from "../../domain/registration/redeem-invite.ts";
import { findLinkedEmployee } from "../../bot/identify.ts";
import { commandList, OPEN_COMMANDS, roleList } from "../../bot/menu.ts";
import type { BotContext } from "../../bot/context.ts";
import { formatDateTime } from "../../lib/time.ts";
import { negotiateLocale } from "../../bot/i18n.ts";

/**
 * Account linking: `/start inv_<code>` ties the Telegram account to an employee record.
 * Everything else from an unlinked person gets the same guidance on how to join.
 */
export function registration(deps: { db: Db; clock: Clock; config: Pick<Config, "defaultTimeZone"> }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");

  chat.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (payload.startsWith("inv_")) return linkAccount(ctx, payload.slice(4));
    if (!ctx.employee) return ctx.reply(ctx.t("start-how-to-join"));
    return ctx.reply(ctx.t("menu", { name: ctx.employee.name, commands: commandList(ctx) }));
  });

  // The gate: an unlinked person reaches nothing personal, whatever they send. An admin named in
  // ADMIN_TELEGRAM_IDS passes without an employee record, to review and approve.
  chat.filter(
    (ctx) => !ctx.employee && !ctx.isAdmin && !isOpenCommand(ctx),
    async (ctx) => {
      if (ctx.callbackQuery) return ctx.answerCallbackQuery({ text: ctx.t("not-linked"), show_alert: true });
      return ctx.reply(ctx.t("start-how-to-join"));
    },
  );

  async function linkAccount(ctx: BotContext & { from: { id: number } }, code: string) {
    const outcome = await redeemInvite(deps.db, { code, telegramId: BigInt(ctx.from.id), now: deps.clock.now() });
    if (outcome.kind !== "linked" && outcome.kind !== "already-yours") return ctx.reply(refusal(ctx, outcome));

    // Re-read as the middleware would, so the greeting speaks the employee's language and roles.
    ctx.employee = await findLinkedEmployee(deps.db, BigInt(ctx.from.id));
    if (outcome.kind === "already-yours")
      return ctx.reply(ctx.t("invite-already-yours", { name: outcome.employee.name }));
    return ctx.reply(
      ctx.t("invite-linked", {
        name: outcome.employee.name,
        position: outcome.employee.position,
        unit: outcome.employee.unitName,
        roles: roleList(ctx),
        commands: commandList(ctx),
      }),
    );
  }

  function refusal(ctx: BotContext, outcome: Exclude<RedeemOutcome, { kind: "linked" | "already-yours" }>): string {
    if (outcome.kind === "throttled") {
      return ctx.t("invite-throttled", {
        until: formatDateTime(outcome.until, deps.config.defaultTimeZone, negotiateLocale(ctx)),
      });
    }
    return ctx.t(`invite-${outcome.kind}`);
  }

  return feature;
}

function isOpenCommand(ctx: BotContext): boolean {
  const text = ctx.message?.text ?? "";
  const match = /^\/([a-z_]+)(@\w+)?(\s|$)/i.exec(text);
  return match !== null && OPEN_COMMANDS.includes(match[1]!.toLowerCase());
}
