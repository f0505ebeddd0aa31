import { Composer } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { BotContext } from "../../bot/context.ts";
import { negotiateLocale } from "../../bot/i18n.ts";
import { pendingAnswer } from "../../bot/pending-answer.ts";
import { DEFAULT_FEEDBACK_POLICY, type FeedbackPolicy } from "../../domain/policy/sections.ts";
import { startSurvey } from "../../domain/survey/start.ts";
import { recordAnswer, type AnswerOutcome } from "../../domain/survey/answer.ts";
import { loadSurveyState } from "../../domain/survey/state.ts";
import type { Step, SurveyAction } from "../../domain/survey/steps.ts";
import type { SkmScore } from "../../scoring/index.ts";
import { complaintChoiceData, overallOnlyData, scoreData, skipCommentData } from "./callback-data.ts";
import { complaintMessages, finished, question } from "./render.ts";

type OpenSurvey = { responseId: string };

/**
 * The citizen survey (SKM) of a service counter, from the poster's `/start fb_<code>`: anyone may
 * answer, linked or not. Every press is saved at once; whose response it is, is checked in the
 * database on every press (docs/domain.md, "Citizen survey and IKM").
 */
export function survey(deps: { db: Db; clock: Clock; feedbackPolicy?: FeedbackPolicy }) {
  const policy = deps.feedbackPolicy ?? DEFAULT_FEEDBACK_POLICY;
  const open = pendingAnswer<OpenSurvey>("surveyOpen", deps);
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");

  chat.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!payload.startsWith("fb_")) return next();
    const outcome = await startSurvey(deps.db, {
      publicCode: payload.slice(3),
      telegramId: BigInt(ctx.from.id),
      locale: negotiateLocale(ctx),
      now: deps.clock.now(),
      policy,
    });
    if (outcome.kind !== "started" && outcome.kind !== "resumed") return ctx.reply(ctx.t(`survey-${outcome.kind}`));
    await open.ask(ctx, { responseId: String(outcome.state.id) });
    const asked = question(outcome.state);
    return ctx.reply(asked.text, { reply_markup: asked.keyboard });
  });

  chat.callbackQuery(scoreData.filter, async (ctx) => {
    const data = scoreData.parse(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    const [id, step, score] = data;
    return answer(ctx, id, step, { kind: "score", score: score as SkmScore });
  });
  chat.callbackQuery(overallOnlyData.filter, (ctx) =>
    withId(ctx, overallOnlyData.parse(ctx.callbackQuery.data), (id) => answer(ctx, id, "e1", { kind: "overall-only" })),
  );
  chat.callbackQuery(skipCommentData.filter, (ctx) =>
    withId(ctx, skipCommentData.parse(ctx.callbackQuery.data), (id) =>
      answer(ctx, id, "comment", { kind: "skip-comment" }),
    ),
  );
  chat.callbackQuery(complaintChoiceData.filter, async (ctx) => {
    const data = complaintChoiceData.parse(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    return answer(ctx, data[0], "complaint", { kind: "complaint", complaint: data[1] === "y" });
  });

  // While a survey is open, a message answers the comment question or gets the current question again.
  chat.on("message", async (ctx, next) => {
    const waiting = await open.read(ctx);
    if (!waiting) return next();
    if (/^\/(batal|cancel)(@\w+)?$/.test(ctx.message.text ?? "")) {
      await open.clear(ctx);
      return ctx.reply(ctx.t("survey-left"));
    }
    const id = BigInt(waiting.responseId);
    const state = await loadSurveyState(deps.db, id);
    const text = ctx.message.text;
    if (state.step === "comment" && text !== undefined && !text.startsWith("/"))
      return answer(ctx, id, "comment", { kind: "comment", text });
    const asked = question(state);
    return ctx.reply(asked.text, { reply_markup: asked.keyboard });
  });

  async function answer(ctx: BotContext & { from: { id: number } }, id: bigint, step: Step, action: SurveyAction) {
    const outcome = await recordAnswer(deps.db, {
      responseId: id,
      telegramId: BigInt(ctx.from.id),
      step,
      action,
      now: deps.clock.now(),
      chatId: BigInt(ctx.chat?.id ?? ctx.from.id),
      followUpWorkingDays: policy.complaintFollowUpWorkingDays,
      render: complaintMessages,
    });
    // Each answer keeps the survey open for another half hour, so a typed comment still reaches it
    // however long the questions took.
    if (outcome.kind === "next") await open.ask(ctx, { responseId: String(id) });
    return show(ctx, outcome);
  }

  async function show(ctx: BotContext, outcome: AnswerOutcome) {
    if (outcome.kind === "not-yours")
      return ctx.callbackQuery
        ? ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true })
        : ctx.reply(ctx.t("button-stale"));
    if (outcome.kind === "finished") {
      await open.clear(ctx);
      return say(ctx, finished(outcome.state, outcome.complaintNumber));
    }
    if (outcome.kind === "too-long") await ctx.reply(ctx.t("survey-comment-too-long", { max: 1000 }));
    const asked = question(outcome.state);
    return say(ctx, asked.text, asked.keyboard);
  }

  /** A press edits its own message into the next question; a typed answer gets a new message. */
  async function say(ctx: BotContext, text: string, keyboard?: ReturnType<typeof question>["keyboard"]) {
    if (!ctx.callbackQuery) return ctx.reply(text, { reply_markup: keyboard });
    await ctx.answerCallbackQuery();
    return ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
  }

  function withId(ctx: BotContext, data: readonly [bigint] | undefined, fn: (id: bigint) => Promise<unknown>) {
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    return fn(data[0]);
  }

  return feature;
}
