import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { BotContext, CurrentEmployee } from "../../bot/context.ts";
import { todayIn } from "../../domain/calendar.ts";
import type { EvaluationPeriodKind } from "../../domain/skp/periods.ts";
import { skpProgress } from "../../domain/skp/progress.ts";
import { skpData } from "./callback-data.ts";
import { renderSkp, SKP_PAGE_SIZE } from "./render.ts";
import { addPageButtons } from "../../lib/pager.ts";

/**
 * `/skp`: the employee's own SKP progress — per indicator the target, the approved realisation and
 * the percentage with a bar, what still waits for the supervisor, and the days left in the period.
 * Page buttons carry only the page number; whose SKP is shown always follows from the presser.
 */
export function skp(deps: { db: Db; clock: Clock; periodKind?: EvaluationPeriodKind }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");

  chat.command("skp", (ctx) => (ctx.employee ? show(ctx, ctx.employee, 0, false) : ctx.reply(ctx.t("help-unlinked"))));

  chat.callbackQuery(skpData.page.filter, async (ctx, next) => {
    const parsed = skpData.page.parse(ctx.callbackQuery.data);
    if (!parsed) return next();
    const employee = ctx.employee;
    if (!employee) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    await ctx.answerCallbackQuery();
    return show(ctx, employee, parsed[0], true);
  });

  async function show(ctx: BotContext, employee: CurrentEmployee, page: number, edit: boolean) {
    const today = todayIn(deps.clock.now(), employee);
    const progress = await skpProgress(deps.db, {
      employeeId: employee.id,
      unitId: employee.unitId,
      today,
      periodKind: deps.periodKind,
    });
    if (!progress) return ctx.reply(ctx.t("skp-none", { year: today.slice(0, 4) }));

    const pages = Math.max(1, Math.ceil(progress.indicators.length / SKP_PAGE_SIZE));
    const current = Math.min(page, pages - 1);
    const text = renderSkp(ctx, employee.name, progress, current, pages);
    const keyboard = new InlineKeyboard();
    addPageButtons(keyboard, ctx.t.bind(ctx), current, pages, (p) => skpData.page.pack(p));
    const markup = pages > 1 ? { reply_markup: keyboard } : {};
    if (!edit) return ctx.reply(text, markup);
    // A second press of the same page button edits to the same text, which Telegram refuses: nothing to do.
    return ctx.editMessageText(text, markup).catch((error: unknown) => {
      if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
    });
  }

  return feature;
}
