import { InlineKeyboard } from "grammy";
import { indicatorChoices, type IndicatorChoice } from "../../domain/report/indicators.ts";
import { laporData } from "./callback-data.ts";
import { shorten } from "./render.ts";
import type { Step } from "./step.ts";
import { addPageButtons } from "../../lib/pager.ts";

const INDICATOR_PAGE = 5;

/**
 * 2. Which SKP indicator of the report's year (or an additional task, when the policy allows it),
 * then its rencana aksi when it has any. A draft with the indicator but not the rencana aksi (the
 * list arrived by import after it was chosen) is asked only the latter.
 */
export async function askIndicator(s: Step): Promise<void> {
  if (s.draft.indicatorId === null || s.draft.actionPlan !== null || s.draft.actionPlanOptions.length === 0)
    await pickIndicator(s);
  if (s.draft.actionPlanOptions.length > 0) await askActionPlan(s);
}

async function pickIndicator(s: Step): Promise<void> {
  const { t, policy } = s;
  const year = Number(s.draft.date!.slice(0, 4));
  const choices = await s.conversation.external(() => indicatorChoices(s.deps.db, s.me.id, year));
  // A year is a name, not a quantity: as a number Fluent would write "2.026".
  const words = { year: String(year) };
  if (choices.length === 0 && !policy.allowAdditionalTask) {
    await s.ctx.reply(t("lapor-no-indicators", words));
    await s.conversation.halt();
  }
  const pages = Math.max(1, Math.ceil(choices.length / INDICATOR_PAGE));
  const keyboard = (page: number) => indicatorKeyboard(s, choices, page, pages);
  await s.ctx.reply(choices.length ? t("lapor-ask-indicator", words) : t("lapor-ask-indicator-none", words), {
    reply_markup: keyboard(0),
  });
  for (;;) {
    const c = await s.next();
    const data = c.callbackQuery?.data;
    const [page] = laporData.indicatorPage.parse(data) ?? [];
    if (page !== undefined) {
      await c.editMessageReplyMarkup({ reply_markup: keyboard(Math.min(page, pages - 1)) });
      continue;
    }
    if (laporData.additionalTask.parse(data) && policy.allowAdditionalTask) {
      return s.save(
        { indicatorId: null, isAdditional: true, actionPlan: null },
        { indicatorLabel: null, defaultUnit: null, actionPlanOptions: [] },
      );
    }
    const [picked] = laporData.indicator.parse(data) ?? [];
    const choice = choices.find((x) => x.id === picked);
    if (choice) {
      return s.save(
        { indicatorId: choice.id, isAdditional: false, actionPlan: null },
        { indicatorLabel: choice.label, defaultUnit: choice.unitOfMeasure, actionPlanOptions: choice.actionPlans },
      );
    }
    await c.reply(t("lapor-indicator-use-buttons"), { reply_markup: keyboard(0) });
  }
}

function indicatorKeyboard(s: Step, choices: IndicatorChoice[], page: number, pages: number): InlineKeyboard {
  const k = new InlineKeyboard();
  for (const c of choices.slice(page * INDICATOR_PAGE, (page + 1) * INDICATOR_PAGE))
    k.text(shorten(`${c.code} · ${c.label}`, 60), laporData.indicator.pack(c.id)).row();
  addPageButtons(k, s.t, page, pages, (p) => laporData.indicatorPage.pack(p));
  if (pages > 1) k.row();
  if (s.policy.allowAdditionalTask) k.text(s.t("lapor-additional-task"), laporData.additionalTask.pack());
  return k;
}

/** 2b. Which rencana aksi of the indicator; the button carries its place in the list read with the indicator. */
async function askActionPlan(s: Step): Promise<void> {
  const { t } = s;
  const plans = s.draft.actionPlanOptions;
  const keyboard = new InlineKeyboard();
  plans.forEach((plan, i) => keyboard.text(shorten(plan, 60), laporData.actionPlan.pack(i)).row());
  await s.ctx.reply(t("lapor-ask-action-plan", { indicator: shorten(s.draft.indicatorLabel ?? "-", 200) }), {
    reply_markup: keyboard,
  });
  for (;;) {
    const c = await s.next();
    const [index] = laporData.actionPlan.parse(c.callbackQuery?.data) ?? [];
    const plan = index === undefined ? undefined : plans[index];
    if (plan !== undefined) return s.save({ actionPlan: plan });
    await c.reply(t("lapor-action-plan-use-buttons"), { reply_markup: keyboard });
  }
}
