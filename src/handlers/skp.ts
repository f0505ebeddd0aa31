import { Composer, GrammyError, InlineKeyboard } from "grammy";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { BotContext } from "../bot/context.ts";
import { formatLocalDate } from "../lib/time.ts";
import { periodLabel } from "../lib/period-label.ts";
import { formatNumber } from "../lib/number.ts";
import { todayIn } from "../domain/calendar.ts";
import {
  skpProgress,
  type EvaluationPeriodKind,
  type IndicatorStatus,
  type SkpProgress,
} from "../domain/skp-progress.ts";

/** More indicators than this are shown a page at a time. */
export const SKP_PAGE_SIZE = 8;
const BAR_CELLS = 10;

/**
 * `/skp`: the employee's own SKP progress — per indicator the target, the approved realisation and
 * the percentage with a bar, what still waits for the supervisor, and the days left in the period.
 * Page buttons carry only the page number; whose SKP is shown always follows from the presser.
 */
export function skp(deps: { db: Db; clock: Clock; periodKind?: EvaluationPeriodKind }) {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");

  chat.command("skp", (ctx) => (ctx.employee ? show(ctx, 0, false) : ctx.reply(ctx.t("help-unlinked"))));

  chat.callbackQuery(/^skp:p:(\d{1,3})$/, async (ctx) => {
    if (!ctx.employee) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    await ctx.answerCallbackQuery();
    return show(ctx, Number(ctx.match[1]), true);
  });

  async function show(ctx: BotContext, page: number, edit: boolean) {
    const employee = ctx.employee!;
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
    if (current > 0) keyboard.text(ctx.t("button-previous"), `skp:p:${current - 1}`);
    if (current + 1 < pages) keyboard.text(ctx.t("button-next"), `skp:p:${current + 1}`);
    const markup = pages > 1 ? { reply_markup: keyboard } : {};
    if (!edit) return ctx.reply(text, markup);
    // A second press of the same page button edits to the same text, which Telegram refuses: nothing to do.
    return ctx.editMessageText(text, markup).catch((error: unknown) => {
      if (!(error instanceof GrammyError && error.description.includes("message is not modified"))) throw error;
    });
  }

  return feature;
}

/** MAIN work results before ADDITIONAL ones, each RHK's indicators together, in SKP order. */
function ordered(indicators: IndicatorStatus[]): IndicatorStatus[] {
  const rhkOrder = new Map<string, number>();
  for (const i of indicators) if (!rhkOrder.has(i.rhk)) rhkOrder.set(i.rhk, rhkOrder.size);
  return [...indicators].sort(
    (a, b) =>
      (a.rhkKind === b.rhkKind ? 0 : a.rhkKind === "MAIN" ? -1 : 1) || rhkOrder.get(a.rhk)! - rhkOrder.get(b.rhk)!,
  );
}

export function progressBar(percent: number): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.floor(Math.min(percent, 100) / (100 / BAR_CELLS) + 1e-9)));
  return "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled);
}

function renderSkp(ctx: BotContext, name: string, progress: SkpProgress, page: number, pages: number): string {
  const locale = ctx.employee?.language;
  const lines = [
    ctx.t("skp-header", { year: String(progress.year), name }),
    ctx.t("skp-period", {
      period: periodLabel(ctx.t.bind(ctx), progress.period, locale),
      end: formatLocalDate(progress.period.to, locale),
      days: progress.daysLeft,
      workdays: progress.workingDaysLeft,
    }),
  ];
  const shown = ordered(progress.indicators).slice(page * SKP_PAGE_SIZE, (page + 1) * SKP_PAGE_SIZE);
  let rhk: string | undefined;
  for (const i of shown) {
    if (i.rhk !== rhk) {
      rhk = i.rhk;
      lines.push("", ctx.t(i.rhkKind === "MAIN" ? "skp-rhk-main" : "skp-rhk-additional", { rhk: i.rhk }));
    }
    lines.push(...renderIndicator(ctx, i));
  }
  if (pages > 1) lines.push("", ctx.t("skp-page", { page: page + 1, pages }));
  return lines.join("\n");
}

function renderIndicator(ctx: BotContext, i: IndicatorStatus): string[] {
  const unit = i.unitOfMeasure;
  const vars = {
    code: i.code,
    indicator: i.indicator,
    target: formatNumber(i.target),
    due: formatNumber(i.dueTarget),
    realisation: formatNumber(i.realisation),
    unit,
    percent: formatNumber(i.percent, 1),
    period: i.period,
  };
  const targetKey =
    i.period !== "YEAR" ? "skp-target-period" : i.dueTarget !== i.target ? "skp-target-prorated" : "skp-target";
  const out = [ctx.t("skp-indicator", vars), ctx.t(targetKey, vars), `${progressBar(i.percent)} ${vars.percent}%`];
  if (i.timing !== "current") out.push(ctx.t(`skp-timing-${i.timing}`));
  if (i.pendingCount > 0) {
    out.push(
      i.aspect === "QUALITY"
        ? ctx.t("skp-pending-count", { count: i.pendingCount })
        : ctx.t("skp-pending", { output: formatNumber(i.pendingOutput), unit, count: i.pendingCount }),
    );
  }
  return out;
}
