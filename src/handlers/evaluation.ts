import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Evaluation, ReviewerRole } from "../generated/prisma/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "../bot/context.ts";
import { translate } from "../lib/i18n.ts";
import { pendingAnswer } from "../bot/pending-answer.ts";
import { formatNumber } from "../lib/number.ts";
import { formatLocalDate, localDate } from "../lib/time.ts";
import { periodLabel } from "../lib/period-label.ts";
import { BERAKHLAK_VALUES, behaviourRating, type BerakhlakValue, type Rating } from "../scoring/index.ts";
import { loadDeadlinePolicy, loadRatingPolicy } from "../domain/policy.ts";
import type { Reviewer } from "../domain/review.ts";
import type { Period } from "../domain/skp-progress.ts";
import {
  evaluationAuthority,
  evaluationFacts,
  evalueesOf,
  finaliseEvaluation,
  nextUnratedValue,
  openEvaluation,
  parsePeriodKey,
  periodCloses,
  periodKey,
  periodsToEvaluate,
  reopenEvaluation,
  resultOf,
  saveAnswer,
  unitDistribution,
  type EvaluationFacts,
} from "../domain/evaluation.ts";

export interface EvaluationDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The default time zone, for an admin configured by Telegram id who has no employee record. */
  config: { defaultTimeZone: string };
}

export const FEEDBACK_MIN_CHARS = 10;
export const FEEDBACK_MAX_CHARS = 1000;

/** A typed answer being waited for: kept in the database, so it survives a restart. */
interface PendingAnswer {
  evaluationId: number;
  version: number;
  field: "feedback" | "behaviourScore";
}

const LETTER = { A: "ABOVE", M: "MEETS", B: "BELOW" } as const satisfies Record<string, Rating>;
const letterOf = (rating: Rating) =>
  (Object.keys(LETTER) as Array<keyof typeof LETTER>).find((k) => LETTER[k] === rating)!;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const letter = z.enum(["A", "M", "B"]).transform((l) => LETTER[l]);
const period = z
  .string()
  .transform((key, ctx) => parsePeriodKey(key) ?? (ctx.addIssue({ code: "custom", message: "period" }), z.NEVER));
const Action = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("l"), period }),
  z.object({ kind: z.literal("o"), employeeId: id, period }),
  z.object({ kind: z.literal("r"), evaluationId: id, version: id, rating: letter }),
  z.object({ kind: z.literal("b"), evaluationId: id, version: id, rating: letter }),
  z.object({
    kind: z.literal("bv"),
    evaluationId: id,
    version: id,
    value: z.coerce
      .number()
      .int()
      .min(0)
      .max(BERAKHLAK_VALUES.length - 1)
      .optional(),
    rating: letter.optional(),
  }),
  z.object({ kind: z.literal("f"), evaluationId: id, version: id }),
  z.object({ kind: z.literal("e"), evaluationId: id, version: id }),
  z.object({ kind: z.literal("x"), evaluationId: id, version: id }),
]);
export type EvaluationAction = z.infer<typeof Action>;

const FIELDS: Record<string, string[]> = {
  l: ["period"],
  o: ["employeeId", "period"],
  r: ["evaluationId", "version", "rating"],
  b: ["evaluationId", "version", "rating"],
  bv: ["evaluationId", "version", "value", "rating"],
  f: ["evaluationId", "version"],
  e: ["evaluationId", "version"],
  x: ["evaluationId", "version"],
};

/** "ev:<kind>:<field>:…" → an action, or undefined for unknown or tampered data. */
export function parseEvaluationData(data: string): EvaluationAction | undefined {
  const [prefix, kind, ...parts] = data.split(":");
  const fields = kind === undefined ? undefined : FIELDS[kind];
  if (prefix !== "ev" || !fields || parts.length > fields.length) return undefined;
  const parsed = Action.safeParse({ kind, ...Object.fromEntries(parts.map((p, i) => [fields[i], p])) });
  if (!parsed.success) return undefined;
  if (parsed.data.kind === "bv" && (parsed.data.value === undefined) !== (parsed.data.rating === undefined))
    return undefined;
  return parsed.data;
}

type Ctx = BotContext;

/**
 * `/evaluasi` [`/evaluate`]: the supervisor rates each subordinate for the period just ended — the
 * realisation and the suggested work-result rating in front of them, then the work-result rating,
 * the behaviour rating (overall or per BerAKHLAK value), feedback, and a confirmation showing the
 * predicate (and, before the unit's last one, its distribution warning). The answers are stored on
 * the evaluation as they come, so a restart resumes where it was. `/evaluasi <NIP>` opens one
 * employee directly (an admin amends a finalised evaluation that way).
 */
export function evaluation(deps: EvaluationDependencies): Composer<BotContext> {
  const i18n = { t: translate };
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");
  const localeOf = (ctx: Ctx) => ctx.employee?.language ?? (ctx.from?.language_code?.startsWith("en") ? "en" : "id");
  const tr = (locale: string) => (key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
  const evaluatorOf = (ctx: Ctx): Reviewer & { name?: string } => ({
    employeeId: ctx.employee?.id,
    telegramId: BigInt(ctx.from!.id),
    isAdmin: ctx.isAdmin,
    name: ctx.employee?.name,
  });
  const todayOf = (ctx: Ctx) => localDate(deps.clock.now(), ctx.employee?.timeZone ?? deps.config.defaultTimeZone);

  const periodName = (locale: string, p: Period) => periodLabel(tr(locale), p, locale);

  // --- typed answers --------------------------------------------------------------------------

  // The stored answer being waited for is usually read by identify with the sender (src/bot/storage.ts).
  const answer = pendingAnswer<PendingAnswer>("evaluationAnswer", deps);
  const clearAsk = answer.clear;
  const ask = answer.ask;
  const readAsk = answer.read;

  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await clearAsk(ctx))) return next();
    return ctx.reply(tr(localeOf(ctx))("evaluation-cancelled"));
  });

  chat.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/") || (!ctx.employee && !ctx.isAdmin)) return next();
    const pending = await readAsk(ctx);
    if (!pending) return next();
    const t = tr(localeOf(ctx));
    const loaded = await load(ctx, pending.evaluationId);
    if (!loaded || loaded.row.version !== pending.version || loaded.row.status !== "DRAFT") {
      await clearAsk(ctx);
      return ctx.reply(t("evaluation-stale"));
    }
    const text = ctx.msg.text.trim();
    if (pending.field === "behaviourScore") {
      const score = Number(text.replace(",", "."));
      if (!/^\d{1,3}([.,]\d{1,2})?$/.test(text) || !(score >= 0 && score <= 100))
        return ctx.reply(t("evaluation-score-invalid"));
      await saveAnswer(deps.db, pending.evaluationId, pending.version, { behaviourScore: score });
    } else {
      if (text.length < FEEDBACK_MIN_CHARS)
        return ctx.reply(t("evaluation-feedback-too-short", { min: FEEDBACK_MIN_CHARS }));
      if (text.length > FEEDBACK_MAX_CHARS)
        return ctx.reply(t("evaluation-feedback-too-long", { max: FEEDBACK_MAX_CHARS, length: text.length }));
      await saveAnswer(deps.db, pending.evaluationId, pending.version, { feedback: text });
    }
    await clearAsk(ctx);
    return continueDraft(ctx, pending.evaluationId);
  });

  // --- the command ----------------------------------------------------------------------------

  chat.command(["evaluasi", "evaluate"], async (ctx) => {
    const t = tr(localeOf(ctx));
    if (!ctx.employee && !ctx.isAdmin) return ctx.reply(t("help-unlinked"));
    await clearAsk(ctx);
    const [rating, deadlines] = [await loadRatingPolicy(deps.db), await loadDeadlinePolicy(deps.db)];
    const periods = periodsToEvaluate(todayOf(ctx), rating, deadlines);
    const nip = ctx.match.trim();
    if (nip) {
      const employee = await deps.db.employee.findUnique({ where: { nip }, select: { id: true } });
      if (!employee) return ctx.reply(t("evaluation-unknown-nip", { nip }));
      return open(ctx, employee.id, periods[0]!);
    }
    if (!ctx.employee) return ctx.reply(t("evaluation-admin-usage"));
    if (periods.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const p of periods) keyboard.text(periodName(localeOf(ctx), p), `ev:l:${periodKey(p)}`).row();
      return ctx.reply(t("evaluation-choose-period"), { reply_markup: keyboard });
    }
    return showList(ctx, periods[0]!);
  });

  /** The evaluator's subordinates for the period, each with its state, and a button per person. */
  async function showList(ctx: Ctx, p: Period) {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const evaluees = ctx.employee ? await evalueesOf(deps.db, ctx.employee.id, todayOf(ctx)) : [];
    if (evaluees.length === 0) return ctx.reply(t("evaluation-no-subordinates"));
    const done = await deps.db.evaluation.findMany({
      where: { employeeId: { in: evaluees.map((e) => e.id) }, year: p.year, period: p.code, status: "FINALISED" },
      select: { employeeId: true, predicate: true, band: true },
    });
    const byEmployee = new Map(done.map((d) => [d.employeeId, d]));
    const deadlines = await loadDeadlinePolicy(deps.db);
    const lines = [
      t("evaluation-list-header", {
        period: periodName(locale, p),
        closes: formatLocalDate(periodCloses(p, deadlines), locale),
        done: done.length,
        total: evaluees.length,
      }),
    ];
    const keyboard = new InlineKeyboard();
    for (const e of evaluees) {
      const result = byEmployee.get(e.id);
      const outcome = result ? (result.predicate ? t(`predicate-${result.predicate}`) : (result.band ?? "")) : "";
      lines.push(
        result ? t("evaluation-list-done", { name: e.name, outcome }) : t("evaluation-list-todo", { name: e.name }),
      );
      keyboard.text(`${result ? "✅" : "⏳"} ${e.name}`, `ev:o:${e.id}:${periodKey(p)}`).row();
    }
    return ctx.reply(lines.join("\n"), { reply_markup: keyboard });
  }

  // --- one employee ---------------------------------------------------------------------------

  /** The evaluation with its employee, and whether the presser may act on it (checked against the database). */
  async function load(ctx: Ctx, evaluationId: number) {
    const row = await deps.db.evaluation.findUnique({
      where: { id: evaluationId },
      include: { employee: { include: { unit: true } }, evaluator: { select: { name: true } } },
    });
    if (!row) return undefined;
    const authority = await evaluationAuthority(deps.db, evaluatorOf(ctx), row.employee, deps.clock.now());
    return { row, authority };
  }

  async function open(ctx: Ctx, employeeId: number, p: Period) {
    const t = tr(localeOf(ctx));
    const employee = await deps.db.employee.findUnique({ where: { id: employeeId }, include: { unit: true } });
    if (!employee) return ctx.reply(t("evaluation-unknown"));
    const authority = await evaluationAuthority(deps.db, evaluatorOf(ctx), employee, deps.clock.now());
    if (authority.kind === "denied") return ctx.reply(t(`evaluation-denied-${authority.reason}`));
    const rating = await loadRatingPolicy(deps.db);
    const facts = await evaluationFacts(deps.db, employee.id, p, rating);
    const row = await openEvaluation(deps.db, { employeeId: employee.id, facts, mode: rating.mode });
    await ctx.reply(factsText(ctx, employee, facts, row));
    return nextStep(ctx, row, employee.name);
  }

  function factsText(
    ctx: Ctx,
    employee: { name: string; nip: string; position: string },
    facts: EvaluationFacts,
    row: Evaluation,
  ) {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const lines = [
      t("evaluation-facts-header", {
        name: employee.name,
        nip: employee.nip,
        position: employee.position,
        period: periodName(locale, facts.period),
      }),
    ];
    if (facts.indicators.length === 0) lines.push(t("evaluation-facts-no-skp"));
    for (const i of facts.indicators) {
      lines.push(
        t("evaluation-facts-indicator", {
          code: i.code,
          indicator: i.indicator,
          realisation: formatNumber(i.realisation),
          target: formatNumber(i.dueTarget),
          unit: i.unitOfMeasure,
          percent: formatNumber(i.percent, 1),
          kind: t(i.rhkKind === "MAIN" ? "evaluation-rhk-main" : "evaluation-rhk-additional"),
        }),
      );
    }
    const s = facts.stats;
    lines.push(
      "",
      t("evaluation-facts-stats", {
        approved: s.approved,
        revised: s.revised,
        rejected: s.rejected,
        hours: s.averageApprovalHours === null ? "-" : formatNumber(s.averageApprovalHours, 1),
      }),
    );
    if (row.mode === "2022")
      lines.push(
        facts.suggestion
          ? t("evaluation-suggestion", { rating: t(`rating-${facts.suggestion}`) })
          : t("evaluation-suggestion-none"),
      );
    return lines.join("\n");
  }

  /** Asks for the first missing answer of a draft, or shows the summary to confirm; a finalised one is shown as it stands. */
  async function nextStep(ctx: Ctx, row: Evaluation, name: string) {
    const t = tr(localeOf(ctx));
    if (row.status === "FINALISED") return showFinal(ctx, row, name);
    const ref = `${row.id}:${row.version}`;
    if (row.mode === "2022" && !row.resultsRating) {
      const keyboard = new InlineKeyboard();
      for (const r of ["ABOVE", "MEETS", "BELOW"] as const)
        keyboard.text(t(`review-button-rating-${r}`), `ev:r:${ref}:${letterOf(r)}`).row();
      return ctx.reply(t("evaluation-ask-results", { name }), { reply_markup: keyboard });
    }
    if (row.mode === "2022" && !row.behaviourRating) {
      const value = nextUnratedValue(row.behaviourValues);
      if (row.behaviourValues !== null && value) return askValue(ctx, row, value);
      const keyboard = new InlineKeyboard();
      for (const r of ["ABOVE", "MEETS", "BELOW"] as const)
        keyboard.text(t(`review-button-rating-${r}`), `ev:b:${ref}:${letterOf(r)}`).row();
      keyboard.text(t("evaluation-button-per-value"), `ev:bv:${ref}`);
      return ctx.reply(t("evaluation-ask-behaviour", { name }), { reply_markup: keyboard });
    }
    if (row.mode !== "2022" && row.behaviourScore === null) {
      await ask(ctx, { evaluationId: row.id, version: row.version, field: "behaviourScore" });
      return ctx.reply(t("evaluation-ask-behaviour-score", { name }));
    }
    if (!row.feedback) {
      await ask(ctx, { evaluationId: row.id, version: row.version, field: "feedback" });
      return ctx.reply(t("evaluation-ask-feedback", { name, min: FEEDBACK_MIN_CHARS, max: FEEDBACK_MAX_CHARS }));
    }
    return confirm(ctx, row, name);
  }

  function askValue(ctx: Ctx, row: Evaluation, value: BerakhlakValue) {
    const t = tr(localeOf(ctx));
    const index = BERAKHLAK_VALUES.indexOf(value);
    const keyboard = new InlineKeyboard();
    for (const r of ["ABOVE", "MEETS", "BELOW"] as const)
      keyboard.text(t(`review-button-rating-${r}`), `ev:bv:${row.id}:${row.version}:${index}:${letterOf(r)}`).row();
    return ctx.reply(
      t("evaluation-ask-value", { value: t(`berakhlak-${value}`), n: index + 1, of: BERAKHLAK_VALUES.length }),
      { reply_markup: keyboard },
    );
  }

  function resultLines(ctx: Ctx, row: Evaluation): string[] {
    const t = tr(localeOf(ctx));
    const result = resultOf(row);
    const lines: string[] = [];
    if (row.mode === "2022") {
      lines.push(
        t("evaluation-summary-results", { rating: row.resultsRating ? t(`rating-${row.resultsRating}`) : "-" }),
      );
      lines.push(
        t("evaluation-summary-behaviour", { rating: row.behaviourRating ? t(`rating-${row.behaviourRating}`) : "-" }),
      );
      const values = (row.behaviourValues ?? {}) as Partial<Record<BerakhlakValue, Rating>>;
      for (const v of BERAKHLAK_VALUES)
        if (values[v]) lines.push(`  • ${t(`berakhlak-${v}`)}: ${t(`rating-${values[v]}`)}`);
      if (result?.predicate)
        lines.push(t("evaluation-summary-predicate", { predicate: t(`predicate-${result.predicate}`) }));
    } else if (result) {
      lines.push(
        t("evaluation-summary-legacy", {
          mode: row.mode,
          skp: formatNumber(result.skpScore ?? 0),
          behaviour: formatNumber(Number(row.behaviourScore)),
          final: formatNumber(result.finalScore ?? 0),
          band: t(`band-${result.band}`),
        }),
      );
    }
    lines.push(t("evaluation-summary-feedback", { feedback: row.feedback ?? "-" }));
    return lines;
  }

  async function confirm(ctx: Ctx, row: Evaluation, name: string) {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const lines = [t("evaluation-summary-header", { name }), ...resultLines(ctx, row)];
    const result = resultOf(row);
    if (result?.predicate) {
      const rating = await loadRatingPolicy(deps.db);
      const distribution = await unitDistribution(deps.db, {
        evaluationId: row.id,
        employeeId: row.employeeId,
        candidate: result.predicate,
        year: row.year,
        period: row.period,
        defaultResult: rating.organisationalResult,
      });
      if (distribution.isLast && distribution.warnings.length > 0) {
        lines.push(
          "",
          t("evaluation-distribution-header", { result: t(`organisational-${distribution.organisationalResult}`) }),
        );
        for (const w of distribution.warnings) {
          lines.push(
            t(`evaluation-distribution-${w.kind}`, {
              predicate: w.predicate === "BELOW_BAIK" ? t("evaluation-below-baik") : t(`predicate-${w.predicate}`),
              actual: formatNumber(w.actualShare * 100, 0),
              limit: formatNumber(w.limit * 100, 0),
            }),
          );
        }
        lines.push(t("evaluation-distribution-advisory"));
      }
    }
    const keyboard = new InlineKeyboard()
      .text(t("evaluation-button-finalise"), `ev:f:${row.id}:${row.version}`)
      .row()
      .text(t("evaluation-button-edit"), `ev:e:${row.id}:${row.version}`);
    return ctx.reply(lines.join("\n"), { reply_markup: keyboard });
  }

  async function showFinal(ctx: Ctx, row: Evaluation & { evaluator?: { name: string } | null }, name: string) {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const evaluator =
      row.evaluator?.name ??
      (row.evaluatorId
        ? (await deps.db.employee.findUnique({ where: { id: row.evaluatorId }, select: { name: true } }))?.name
        : undefined);
    const lines = [
      t("evaluation-final-header", {
        name,
        by: evaluator ?? "Admin",
        date: row.finalisedAt
          ? formatLocalDate(localDate(row.finalisedAt, ctx.employee?.timeZone ?? deps.config.defaultTimeZone), locale)
          : "-",
      }),
      ...resultLines(ctx, row),
    ];
    const markup = ctx.isAdmin
      ? { reply_markup: new InlineKeyboard().text(t("evaluation-button-amend"), `ev:x:${row.id}:${row.version}`) }
      : {};
    return ctx.reply(lines.join("\n"), markup);
  }

  async function continueDraft(ctx: Ctx, evaluationId: number) {
    const row = await deps.db.evaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      include: { employee: { select: { name: true } } },
    });
    return nextStep(ctx, row, row.employee.name);
  }

  /** After a finalisation: the next subordinate still to rate for the same period, or "all done". */
  async function nextEvaluee(ctx: Ctx, p: Period) {
    const t = tr(localeOf(ctx));
    if (!ctx.employee) return;
    const evaluees = await evalueesOf(deps.db, ctx.employee.id, todayOf(ctx));
    const done = new Set(
      (
        await deps.db.evaluation.findMany({
          where: { employeeId: { in: evaluees.map((e) => e.id) }, year: p.year, period: p.code, status: "FINALISED" },
          select: { employeeId: true },
        })
      ).map((e) => e.employeeId),
    );
    const next = evaluees.find((e) => !done.has(e.id));
    if (!next)
      return evaluees.length > 0
        ? ctx.reply(t("evaluation-all-done", { period: periodName(localeOf(ctx), p) }))
        : undefined;
    return open(ctx, next.id, p);
  }

  // --- buttons --------------------------------------------------------------------------------

  chat.callbackQuery(/^ev:/, async (ctx) => {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const action = parseEvaluationData(ctx.callbackQuery.data);
    if (!action) {
      deps.logger.warn(
        { data: ctx.callbackQuery.data, from: ctx.from.id },
        "evaluation: unknown or tampered button data",
      );
      return ctx.answerCallbackQuery({ text: t("evaluation-unknown"), show_alert: true });
    }
    if (!ctx.employee && !ctx.isAdmin)
      return ctx.answerCallbackQuery({ text: t("evaluation-denied-not-evaluator"), show_alert: true });
    if (action.kind === "l") {
      await ctx.answerCallbackQuery();
      return showList(ctx, action.period);
    }
    if (action.kind === "o") {
      await ctx.answerCallbackQuery();
      await clearAsk(ctx);
      return open(ctx, action.employeeId, action.period);
    }

    const loaded = await load(ctx, action.evaluationId);
    if (!loaded) return ctx.answerCallbackQuery({ text: t("evaluation-unknown"), show_alert: true });
    const { row, authority } = loaded;
    if (authority.kind === "denied")
      return ctx.answerCallbackQuery({ text: t(`evaluation-denied-${authority.reason}`), show_alert: true });
    if (action.kind === "x") return amend(ctx, row, authority.actingAs === "ADMIN");
    if (row.status === "FINALISED")
      return ctx.answerCallbackQuery({
        text: t("evaluation-already", { name: row.evaluator?.name ?? "Admin" }),
        show_alert: true,
      });
    if (row.version !== action.version)
      return ctx.answerCallbackQuery({ text: t("evaluation-stale"), show_alert: true });
    // Any button moves on from a typed answer being waited for.
    await clearAsk(ctx);

    switch (action.kind) {
      case "r":
        await saveAnswer(deps.db, row.id, row.version, { resultsRating: action.rating });
        break;
      case "b":
        await saveAnswer(deps.db, row.id, row.version, { behaviourRating: action.rating, behaviourValues: null });
        break;
      case "bv": {
        if (action.value === undefined || action.rating === undefined) {
          await saveAnswer(deps.db, row.id, row.version, { behaviourRating: null, behaviourValues: {} });
          break;
        }
        const values = {
          ...((row.behaviourValues ?? {}) as Record<string, Rating>),
          [BERAKHLAK_VALUES[action.value]!]: action.rating,
        };
        const complete = nextUnratedValue(values) === undefined;
        await saveAnswer(deps.db, row.id, row.version, {
          behaviourValues: values,
          behaviourRating: complete ? behaviourRating({ perValue: values }) : null,
        });
        break;
      }
      case "e":
        await saveAnswer(deps.db, row.id, row.version, {
          resultsRating: null,
          behaviourRating: null,
          behaviourValues: null,
          behaviourScore: null,
          feedback: null,
        });
        break;
      case "f":
        return finalise(ctx, row, authority.actingAs);
    }
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return continueDraft(ctx, row.id);
  });

  async function finalise(ctx: Ctx, row: Evaluation & { employee: { name: string } }, actingAs: ReviewerRole) {
    const t = tr(localeOf(ctx));
    const outcome = await finaliseEvaluation(deps.db, {
      id: row.id,
      version: row.version,
      evaluator: evaluatorOf(ctx),
      actingAs,
      now: deps.clock.now(),
      notice: (e, employee) => noticeText(employee.language, e, ctx.employee?.name ?? "Admin"),
    });
    if (outcome.kind === "already")
      return ctx.answerCallbackQuery({ text: t("evaluation-already", { name: outcome.by }), show_alert: true });
    if (outcome.kind !== "finalised")
      return ctx.answerCallbackQuery({
        text: t(outcome.kind === "incomplete" ? "evaluation-incomplete" : "evaluation-unknown"),
        show_alert: true,
      });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const e = outcome.evaluation;
    await ctx.reply(t("evaluation-finalised", { name: row.employee.name, outcome: outcomeText(localeOf(ctx), e) }));
    const p = parsePeriodKey(`${e.year}-${e.period}`);
    if (p && actingAs !== "ADMIN") return nextEvaluee(ctx, p);
  }

  async function amend(ctx: Ctx, row: Evaluation & { employee: { name: string } }, isAdmin: boolean) {
    const t = tr(localeOf(ctx));
    if (!isAdmin) return ctx.answerCallbackQuery({ text: t("evaluation-amend-admin-only"), show_alert: true });
    const reopened = await reopenEvaluation(deps.db, { id: row.id, admin: evaluatorOf(ctx), now: deps.clock.now() });
    if (!reopened) return ctx.answerCallbackQuery({ text: t("evaluation-stale"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.reply(t("evaluation-reopened", { name: row.employee.name }));
    return nextStep(ctx, reopened, row.employee.name);
  }

  const outcomeText = (locale: string, e: Evaluation) =>
    e.predicate
      ? tr(locale)(`predicate-${e.predicate}`)
      : `${formatNumber(Number(e.finalScore))} (${tr(locale)(`band-${e.band}`)})`;

  function noticeText(locale: string, e: Evaluation, evaluatorName: string) {
    const t = tr(locale);
    const p = parsePeriodKey(`${e.year}-${e.period}`)!;
    return [
      t("evaluation-notice", { period: periodName(locale, p), outcome: outcomeText(locale, e), by: evaluatorName }),
      t("evaluation-summary-feedback", { feedback: e.feedback ?? "-" }),
      t("evaluation-notice-more"),
    ].join("\n");
  }

  return feature;
}
