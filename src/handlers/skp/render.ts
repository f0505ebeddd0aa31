import type { BotContext } from "../../bot/context.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import type { IndicatorStatus, SkpProgress } from "../../domain/skp/progress.ts";
import { formatNumber } from "../../lib/number.ts";
import { formatLocalDate } from "../../lib/time.ts";

/** More indicators than this are shown a page at a time. */
export const SKP_PAGE_SIZE = 8;
const BAR_CELLS = 10;

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

export function renderSkp(ctx: BotContext, name: string, progress: SkpProgress, page: number, pages: number): string {
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
