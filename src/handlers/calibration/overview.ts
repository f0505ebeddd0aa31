import { InlineKeyboard, InputFile } from "grammy";
import { feedbackOfPeriod } from "../../domain/feedback/notes.ts";
import { periodKey, periodOfEvaluation, previousPeriod } from "../../domain/evaluation/periods.ts";
import { openFlagOf } from "../../domain/oversight/flags.ts";
import { nineBox, unitOverview, type UnitEvaluation } from "../../domain/oversight/overview.ts";
import { evaluationAccess, scopeUnits } from "../../domain/oversight/scope.ts";
import { loadRatingPolicy } from "../../domain/policy/load.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import type { Period } from "../../domain/skp/periods.ts";
import { escapeHtml } from "../../lib/html.ts";
import { shorten, MESSAGE_MAX } from "../../lib/telegram-limits.ts";
import { feedbackLines } from "../feedback/render.ts";
import { calibrationData } from "./callback-data.ts";
import { lastClosedPeriod } from "../../domain/oversight/recap.ts";
import { alert, type Turn } from "./context.ts";
import { evaluationText, overviewText } from "./render.ts";
import { addPageButtons } from "../../lib/pager.ts";

const RATINGS = ["BELOW", "MEETS", "ABOVE"] as const;

export const periodName = (turn: Turn, period: Period) => periodLabel(turn.ctx.t.bind(turn.ctx), period, turn.locale);

/** Units per page of buttons: a member whose scope is the whole instansi may see hundreds. */
const UNITS_PER_PAGE = 40;

/** `/kalibrasi`: the units in the member's scope for the last closed period (or the one chosen), a page at a time. */
export async function showUnits(turn: Turn, chosen?: Period, page = 0) {
  const { ctx, deps } = turn;
  const units = await scopeUnits(deps.db, turn.viewer, "calibration");
  if (!units) return ctx.reply(ctx.t("calibration-not-member"));
  const period = chosen ?? (await lastClosedPeriod(deps.db, turn.today));
  const rows = await deps.db.unit.findMany({
    where: { id: { in: units } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: page * UNITS_PER_PAGE,
    take: UNITS_PER_PAGE,
  });
  const keyboard = new InlineKeyboard();
  for (const u of rows) keyboard.text(u.name.slice(0, 60), calibrationData.unit.pack(u.id, periodKey(period))).row();
  const pages = Math.ceil(units.length / UNITS_PER_PAGE);
  addPageButtons(keyboard, ctx.t.bind(ctx), page, pages, (p) => calibrationData.units.pack(periodKey(period), p));
  keyboard.row();
  const earlier = previousPeriod(period.from, (await loadRatingPolicy(deps.db)).period);
  keyboard.text(`◀ ${periodName(turn, earlier)}`, calibrationData.period.pack(periodKey(earlier)));
  return ctx.reply(ctx.t("calibration-choose-unit", { period: periodName(turn, period) }), { reply_markup: keyboard });
}

/** A unit's overview: distribution, counts, supervisors by possible leniency, finalised evaluations. */
export async function showUnit(turn: Turn, unitId: number, period: Period) {
  const { ctx, deps } = turn;
  const units = await scopeUnits(deps.db, turn.viewer, "calibration");
  if (!units?.includes(unitId)) return refuseScope(turn, { unitId });
  await ctx.answerCallbackQuery();
  const overview = await unitOverview(deps.db, unitId, period, await loadRatingPolicy(deps.db));
  if (!overview) return ctx.reply(ctx.t("calibration-unknown"));
  const keyboard = evaluationButtons(turn, overview.finalised, unitId, period, 0);
  keyboard.text(ctx.t("calibration-button-nine-box"), calibrationData.nineBox.pack(unitId, periodKey(period)));
  const text = overviewText(turn, overview, periodName(turn, period));
  return ctx.reply(shorten(text, MESSAGE_MAX), { reply_markup: keyboard });
}

/** Finalised evaluations per page of buttons: a big unit's run to hundreds, and Telegram allows 100 buttons. */
const EVALUATIONS_PER_PAGE = 30;

/** One page of the unit's finalised evaluations, a button each, with the way to the pages around it. */
function evaluationButtons(
  turn: Turn,
  finalised: UnitEvaluation[],
  unitId: number,
  period: Period,
  page: number,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const shown = finalised.slice(page * EVALUATIONS_PER_PAGE, (page + 1) * EVALUATIONS_PER_PAGE);
  for (const e of shown)
    keyboard.text(`${e.openFlagId ? "🚩 " : ""}${e.name}`.slice(0, 60), calibrationData.view.pack(e.id)).row();
  const pages = Math.ceil(finalised.length / EVALUATIONS_PER_PAGE);
  addPageButtons(keyboard, turn.ctx.t.bind(turn.ctx), page, pages, (p) =>
    calibrationData.evaluations.pack(unitId, periodKey(period), p),
  );
  return keyboard.row();
}

/** Another page of a unit's finalised evaluations (the overview's first page has its buttons). */
export async function showEvaluations(turn: Turn, unitId: number, period: Period, page: number) {
  const { ctx, deps } = turn;
  const units = await scopeUnits(deps.db, turn.viewer, "calibration");
  if (!units?.includes(unitId)) return refuseScope(turn, { unitId });
  const overview = await unitOverview(deps.db, unitId, period, await loadRatingPolicy(deps.db));
  const total = overview?.finalised.length ?? 0;
  if (!overview || page * EVALUATIONS_PER_PAGE >= total) return alert(turn, "calibration-unknown");
  await ctx.answerCallbackQuery();
  const text = ctx.t("calibration-evaluations-page", {
    unit: overview.unit.name,
    period: periodName(turn, period),
    from: page * EVALUATIONS_PER_PAGE + 1,
    to: Math.min(total, (page + 1) * EVALUATIONS_PER_PAGE),
    total,
  });
  return ctx.reply(text, { reply_markup: evaluationButtons(turn, overview.finalised, unitId, period, page) });
}

/** A finalised evaluation, read-only: the facts the supervisor saw, ratings, feedback, any open flag. */
export async function showEvaluation(turn: Turn, evaluationId: number) {
  const { ctx, deps } = turn;
  const access = await evaluationAccess(deps.db, turn.viewer, evaluationId);
  if (access.kind !== "allowed") return refuseAccess(turn, access.kind, evaluationId);
  const evaluation = await deps.db.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: { employee: true, evaluator: { select: { name: true } } },
  });
  if (evaluation.status !== "FINALISED") return alert(turn, "calibration-not-final");
  await ctx.answerCallbackQuery();
  const period = periodOfEvaluation(evaluation)!;
  const [flag, notes] = await Promise.all([
    openFlagOf(deps.db, evaluationId),
    feedbackOfPeriod(deps.db, evaluation.employeeId, period),
  ]);
  const lines = [
    ...evaluationText(turn, evaluation, periodName(turn, period), flag),
    "",
    ...feedbackLines({ t: ctx.t.bind(ctx), locale: turn.locale }, turn.timeZone, periodName(turn, period), notes),
  ];
  const keyboard = new InlineKeyboard();
  if (!flag) keyboard.text(ctx.t("calibration-button-flag"), calibrationData.flag.pack(evaluationId));
  else if (flag.memberId === turn.viewer.employeeId && flag.status !== "AMENDING")
    keyboard.text(ctx.t("calibration-button-close"), calibrationData.close.pack(flag.id));
  return ctx.reply(shorten(lines.join("\n"), MESSAGE_MAX), { reply_markup: keyboard });
}

/** The unit's 9-box as a picture, with a button per cell that lists its names. */
export async function showNineBox(turn: Turn, unitId: number, period: Period) {
  const { ctx, deps } = turn;
  const units = await scopeUnits(deps.db, turn.viewer, "calibration");
  if (!units?.includes(unitId)) return refuseScope(turn, { unitId });
  await ctx.answerCallbackQuery();
  const overview = (await unitOverview(deps.db, unitId, period, await loadRatingPolicy(deps.db)))!;
  const cells = nineBox(overview.finalised);
  const counts = RATINGS.map((r) =>
    RATINGS.map((b) => cells.find((c) => c.results === r && c.behaviour === b)!.names.length),
  );
  const label = (r: (typeof RATINGS)[number]) => ctx.t(`rating-${r}`);
  const { renderNineBox } = await import("../../lib/nine-box.ts"); // the canvas: not at start-up
  const png = renderNineBox({
    title: `${overview.unit.name} — ${periodName(turn, period)}`.slice(0, 70),
    counts,
    ratingLabels: [label("BELOW"), label("MEETS"), label("ABOVE")],
    resultsLabel: ctx.t("calibration-nine-box-results"),
    behaviourLabel: ctx.t("calibration-nine-box-behaviour"),
  });
  const keyboard = new InlineKeyboard();
  cells.forEach((c, index) => {
    if (c.names.length === 0) return;
    const text = `${ctx.t(`rating-${c.results}`)} × ${ctx.t(`rating-${c.behaviour}`)}: ${c.names.length}`;
    keyboard.text(text.slice(0, 60), calibrationData.cell.pack(unitId, periodKey(period), index)).row();
  });
  return ctx.replyWithPhoto(new InputFile(png, "9-box.png"), {
    caption: ctx.t("calibration-nine-box-caption", { unit: overview.unit.name, period: periodName(turn, period) }),
    reply_markup: keyboard,
  });
}

/** The names in one cell of the 9-box (tapped). */
export async function showCell(turn: Turn, unitId: number, period: Period, index: number) {
  const { ctx, deps } = turn;
  const units = await scopeUnits(deps.db, turn.viewer, "calibration");
  if (!units?.includes(unitId)) return refuseScope(turn, { unitId });
  await ctx.answerCallbackQuery();
  const overview = (await unitOverview(deps.db, unitId, period, await loadRatingPolicy(deps.db)))!;
  const cell = nineBox(overview.finalised)[index]!;
  const header = ctx.t("calibration-cell", {
    results: ctx.t(`rating-${cell.results}`),
    behaviour: ctx.t(`rating-${cell.behaviour}`),
  });
  return ctx.reply(shorten([header, ...cell.names.map((n) => `• ${escapeHtml(n)}`)].join("\n"), MESSAGE_MAX));
}

/** Out of scope: refused, logged, nothing changed. */
export function refuseScope(turn: Turn, target: Record<string, number>) {
  turn.deps.logger.warn({ from: turn.ctx.from.id, ...target }, "calibration: out of the member's scope");
  return turn.ctx.callbackQuery
    ? alert(turn, "calibration-out-of-scope")
    : turn.ctx.reply(turn.ctx.t("calibration-out-of-scope"));
}

export function refuseAccess(turn: Turn, kind: "unknown" | "out-of-scope" | "conflict", evaluationId: number) {
  if (kind === "conflict")
    turn.deps.logger.warn({ from: turn.ctx.from.id, evaluationId }, "calibration: conflict of interest refused");
  else if (kind === "out-of-scope") return refuseScope(turn, { evaluationId });
  const key = kind === "conflict" ? "calibration-conflict" : "calibration-unknown";
  return turn.ctx.callbackQuery ? alert(turn, key) : turn.ctx.reply(turn.ctx.t(key));
}
