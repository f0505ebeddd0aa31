import { Composer } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import { pendingAnswer } from "../../bot/pending-answer.ts";
import { closedNumber, closeComplaint, followUpComplaint, mayRespond } from "../../domain/complaints/respond.ts";
import { complaintActionData } from "./callback-data.ts";
import { citizenFollowUp } from "./render.ts";

const NOTE_MAX_CHARS = 1000;

/**
 * A head's side of a complaint: "ditindaklanjuti" asks for a follow-up note that goes to the
 * citizen, "selesai" closes it. Who may press is checked in the database on every press and note.
 */
export function complaint(deps: { db: Db; clock: Clock }) {
  const note = pendingAnswer<{ complaintId: number }>("complaintNote", deps);
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private").filter(isLinked);

  // The note answers the last "Ditindaklanjuti" and nothing else: /batal drops it, and so does any
  // other command or button ("Selesai" too), so a text meant for something else never reaches the citizen.
  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await note.clear(ctx))) return next();
    return ctx.reply(ctx.t("complaint-note-cancelled"));
  });
  chat.on("callback_query:data", async (ctx, next) => {
    const asksNote = complaintActionData.parse(ctx.callbackQuery.data)?.[1] === "f";
    if (!asksNote && (await note.read(ctx))) await note.clear(ctx);
    return next();
  });

  chat.callbackQuery(complaintActionData.filter, async (ctx) => {
    const data = complaintActionData.parse(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    const [complaintId, action] = data;
    if (action === "d") {
      const outcome = await closeComplaint(deps.db, {
        complaintId,
        employeeId: ctx.employee.id,
        now: deps.clock.now(),
      });
      if (outcome.kind === "not-allowed")
        return ctx.answerCallbackQuery({ text: ctx.t("complaint-not-allowed"), show_alert: true });
      await ctx.answerCallbackQuery();
      return ctx.reply(ctx.t(`complaint-${outcome.kind}`, { number: "number" in outcome ? outcome.number : "" }));
    }
    if (!(await mayRespond(deps.db, complaintId, ctx.employee.id)))
      return ctx.answerCallbackQuery({ text: ctx.t("complaint-not-allowed"), show_alert: true });
    const closed = await closedNumber(deps.db, complaintId);
    if (closed !== null) {
      await ctx.answerCallbackQuery();
      return ctx.reply(ctx.t("complaint-closed", { number: closed }));
    }
    await note.ask(ctx, { complaintId });
    await ctx.answerCallbackQuery();
    return ctx.reply(ctx.t("complaint-ask-note"));
  });

  chat.on("message:text", async (ctx, next) => {
    const waiting = await note.read(ctx);
    if (!waiting) return next();
    if (ctx.message.text.startsWith("/")) {
      await note.clear(ctx);
      return next();
    }
    const text = ctx.message.text.trim();
    if (text.length === 0 || text.length > NOTE_MAX_CHARS)
      return ctx.reply(ctx.t("complaint-note-length", { max: NOTE_MAX_CHARS }));
    await note.clear(ctx);
    const outcome = await followUpComplaint(deps.db, {
      complaintId: waiting.complaintId,
      employeeId: ctx.employee.id,
      note: text,
      now: deps.clock.now(),
      render: citizenFollowUp,
    });
    if (outcome.kind === "not-allowed") return ctx.reply(ctx.t("complaint-not-allowed"));
    return ctx.reply(ctx.t(`complaint-${outcome.kind}`, { number: "number" in outcome ? outcome.number : "" }));
  });

  return feature;
}
