import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { pendingAnswer } from "../../bot/pending-answer.ts";
import { parsePeriodKey } from "../../domain/evaluation/periods.ts";
import { calibrationData } from "./callback-data.ts";
import { turnOf, type CalibrationDependencies, type CalibrationQuestion } from "./context.ts";
import { amend, askJustification, askReason, close, onTypedText } from "./flags.ts";
import { showCell, showEvaluation, showEvaluations, showNineBox, showUnit, showUnits } from "./overview.ts";

/**
 * `/kalibrasi` [`/calibrate`] for the assessment team and admins (docs/domain.md, "Calibration"): a
 * unit's distribution and supervisors, finalised evaluations read-only, flags and their answers, the
 * 9-box. Every button is checked again against the database: scope, conflict of interest, whose flag.
 */
export function calibration(deps: CalibrationDependencies): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private").filter((ctx) => ctx.employee !== undefined || ctx.isAdmin);
  const question = pendingAnswer<CalibrationQuestion>("calibrationText", deps);
  const turn = (ctx: Parameters<typeof turnOf>[0]) => turnOf(ctx, deps, question);

  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await question.clear(ctx))) return next();
    return ctx.reply(ctx.t("calibration-cancelled"));
  });
  chat.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const pending = await question.read(ctx);
    return pending ? onTypedText(turn(ctx), pending, ctx.msg.text) : next();
  });
  chat.command(["kalibrasi", "calibrate"], (ctx) => showUnits(turn(ctx)));

  const on = <T extends readonly unknown[]>(
    codec: { filter: RegExp; parse(data: string): T | undefined },
    act: (values: T, t: ReturnType<typeof turn>) => Promise<unknown>,
  ) =>
    chat.callbackQuery(codec.filter, async (ctx) => {
      const values = codec.parse(ctx.callbackQuery.data);
      if (!values) return ctx.answerCallbackQuery({ text: ctx.t("calibration-unknown"), show_alert: true });
      return act(values, turn(ctx));
    });
  on(calibrationData.period, async ([key], t) => {
    await t.ctx.answerCallbackQuery();
    return showUnits(t, parsePeriodKey(key));
  });
  on(calibrationData.units, async ([key, page], t) => {
    await t.ctx.answerCallbackQuery();
    return showUnits(t, parsePeriodKey(key), page);
  });
  on(calibrationData.unit, ([unitId, key], t) => showUnit(t, unitId, parsePeriodKey(key)!));
  on(calibrationData.evaluations, ([unitId, key, page], t) => showEvaluations(t, unitId, parsePeriodKey(key)!, page));
  on(calibrationData.view, ([id], t) => showEvaluation(t, id));
  on(calibrationData.flag, ([id], t) => askReason(t, id));
  on(calibrationData.keep, ([id], t) => askJustification(t, id));
  on(calibrationData.amend, ([id], t) => amend(t, id));
  on(calibrationData.close, ([id], t) => close(t, id));
  on(calibrationData.nineBox, ([unitId, key], t) => showNineBox(t, unitId, parsePeriodKey(key)!));
  on(calibrationData.cell, ([unitId, key, index], t) => showCell(t, unitId, parsePeriodKey(key)!, index));
  return feature;
}
