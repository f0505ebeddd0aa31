import { Composer, InlineKeyboard, type ChatTypeContext } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import { pendingAnswer } from "../../bot/pending-answer.ts";
import type { Db } from "../../db/client.ts";
import {
  NOTE_MAX_CHARS,
  NOTE_MIN_CHARS,
  giveFeedback,
  replyToFeedback,
  subordinateOf,
  subordinatesMatching,
} from "../../domain/feedback/notes.ts";
import { todayIn } from "../../domain/calendar.ts";
import { loadRatingPolicy } from "../../domain/policy/load.ts";
import { periodOf } from "../../domain/skp/periods.ts";
import type { Clock } from "../../lib/clock.ts";
import { translate } from "../../lib/i18n.ts";
import type { Logger } from "../../lib/logger.ts";
import { feedbackData } from "./callback-data.ts";

type Ctx = ChatTypeContext<BotContext, "private"> & { employee: NonNullable<BotContext["employee"]> };

/** The typed text being waited for: a note to a subordinate, or the employee's reply to one. */
type FeedbackQuestion = { kind: "note"; employeeId: number } | { kind: "reply"; noteId: number };

interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/**
 * `/umpanbalik` [`/feedback`] `<NIP or name>`, the "💬 Umpan balik" buttons of the report card and
 * /tim, and the employee's one reply (docs/domain.md, "Continuous feedback").
 */
export function feedback(deps: Deps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private").filter(isLinked);
  const question = pendingAnswer<FeedbackQuestion>("feedbackText", deps);

  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await question.clear(ctx))) return next();
    return ctx.reply(ctx.t("feedback-cancelled"));
  });
  chat.on("message:text", (ctx, next) => (ctx.msg.text.startsWith("/") ? next() : onText(ctx, ctx.msg.text, next)));
  chat.command(["umpanbalik", "feedback"], (ctx) => onCommand(ctx, ctx.match.trim()));
  chat.callbackQuery(feedbackData.subordinate.filter, async (ctx) => {
    const parsed = feedbackData.subordinate.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    if (parsed) return askNote(ctx, parsed[0]);
  });
  chat.callbackQuery(feedbackData.fromReport.filter, async (ctx) => {
    const parsed = feedbackData.fromReport.parse(ctx.callbackQuery.data);
    await ctx.answerCallbackQuery();
    const report =
      parsed && (await deps.db.report.findUnique({ where: { id: parsed[0] }, select: { employeeId: true } }));
    if (report) return askNote(ctx, report.employeeId);
  });
  chat.callbackQuery(feedbackData.reply.filter, async (ctx) => {
    const parsed = feedbackData.reply.parse(ctx.callbackQuery.data);
    const note =
      parsed && (await deps.db.feedbackNote.findFirst({ where: { id: parsed[0], employeeId: ctx.employee.id } }));
    if (!note) return ctx.answerCallbackQuery({ text: ctx.t("feedback-unknown"), show_alert: true });
    if (note.reply !== null)
      return ctx.answerCallbackQuery({ text: ctx.t("feedback-reply-already"), show_alert: true });
    await ctx.answerCallbackQuery();
    await question.ask(ctx, { kind: "reply", noteId: note.id });
    return ctx.reply(ctx.t("feedback-ask-reply", { max: NOTE_MAX_CHARS }));
  });

  async function onCommand(ctx: Ctx, query: string) {
    if (!ctx.employee.isSupervisor) return ctx.reply(ctx.t("feedback-not-supervisor"));
    const found = await subordinatesMatching(deps.db, ctx.employee.id, query);
    if (query && found.length === 0) return ctx.reply(ctx.t("feedback-not-found", { query: query.slice(0, 100) }));
    if (found.length === 1 && query) return askNote(ctx, found[0]!.id);
    const keyboard = new InlineKeyboard();
    for (const s of found) keyboard.text(s.name.slice(0, 60), feedbackData.subordinate.pack(s.id)).row();
    return ctx.reply(ctx.t("feedback-choose"), { reply_markup: keyboard });
  }

  async function askNote(ctx: Ctx, employeeId: number) {
    const employee = await subordinateOf(deps.db, ctx.employee.id, employeeId);
    if (!employee) return ctx.reply(ctx.t("feedback-not-subordinate"));
    await question.ask(ctx, { kind: "note", employeeId: employee.id });
    return ctx.reply(ctx.t("feedback-ask-note", { name: employee.name, min: NOTE_MIN_CHARS, max: NOTE_MAX_CHARS }));
  }

  async function onText(ctx: Ctx, raw: string, next: () => Promise<void>) {
    const pending = await question.read(ctx);
    if (!pending) return next();
    const text = raw.trim();
    if (text.length < NOTE_MIN_CHARS) return ctx.reply(ctx.t("feedback-too-short", { min: NOTE_MIN_CHARS }));
    if (text.length > NOTE_MAX_CHARS)
      return ctx.reply(ctx.t("feedback-too-long", { max: NOTE_MAX_CHARS, length: text.length }));
    await question.clear(ctx);
    return pending.kind === "note" ? sendNote(ctx, pending.employeeId, text) : sendReply(ctx, pending.noteId, text);
  }

  async function sendNote(ctx: Ctx, employeeId: number, text: string) {
    const me = ctx.employee;
    const now = deps.clock.now();
    const rating = await loadRatingPolicy(deps.db);
    const outcome = await giveFeedback(deps.db, {
      supervisor: { id: me.id, name: me.name, telegramId: BigInt(ctx.from.id) },
      employeeId,
      text,
      period: periodOf(todayIn(now, me), rating.period),
      now,
      notice: (note, employee) => ({
        text: translate(employee.language, "feedback-notice", { by: me.name, text: note.text }),
        replyMarkup: new InlineKeyboard().text(
          translate(employee.language, "feedback-button-reply"),
          feedbackData.reply.pack(note.id),
        ),
      }),
    });
    if (outcome.kind === "not-subordinate") return ctx.reply(ctx.t("feedback-not-subordinate"));
    return ctx.reply(ctx.t("feedback-sent"));
  }

  async function sendReply(ctx: Ctx, noteId: number, text: string) {
    const outcome = await replyToFeedback(deps.db, {
      noteId,
      employeeId: ctx.employee.id,
      telegramId: BigInt(ctx.from.id),
      text,
      now: deps.clock.now(),
      notice: (supervisor, name) => translate(supervisor.language, "feedback-reply-notice", { name, text }),
    });
    if (outcome.kind === "already") return ctx.reply(ctx.t("feedback-reply-already"));
    if (outcome.kind === "unknown") return ctx.reply(ctx.t("feedback-unknown"));
    return ctx.reply(ctx.t("feedback-reply-sent"));
  }

  return feature;
}
