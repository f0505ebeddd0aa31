import { Composer, InlineKeyboard, type ChatTypeContext } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import { pendingAnswer } from "../../bot/pending-answer.ts";
import { recordUpdateIn } from "../../bot/redelivery.ts";
import type { Db } from "../../db/client.ts";
import { todayIn } from "../../domain/calendar.ts";
import {
  addNote,
  answerValue,
  checkRequest,
  chooseColleague,
  nextValue,
  openRequestsOf,
  pickableColleagues,
  type Rules,
} from "../../domain/peer/answer.ts";
import { openForTeam } from "../../domain/peer/requests.ts";
import { PEER_NOTE_MAX_CHARS, periodToAsk } from "../../domain/peer/rules.ts";
import { loadPolicies } from "../../domain/policy/load.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import { periodOf } from "../../domain/skp/periods.ts";
import type { Clock } from "../../lib/clock.ts";
import { BERAKHLAK_VALUES, type Rating } from "../../scoring/index.ts";
import { peerData, type PeerAnswerLetter } from "./callback-data.ts";
import { valueQuestion } from "./render.ts";

type Ctx = ChatTypeContext<BotContext, "private"> & { employee: NonNullable<BotContext["employee"]> };

/** The note being waited for, after a request's seventh value. */
type NoteQuestion = { requestId: number };

const RATING_OF: Record<PeerAnswerLetter, Rating | null> = { A: "ABOVE", M: "MEETS", B: "BELOW", X: null };

/** Colleagues listed for picking; the rest are reached by their turn in a later round. */
const PICK_LIMIT = 30;

/**
 * `/rekan` [`/peers`]: my open peer-feedback requests and "pick a colleague"; `/rekan minta`
 * [`/peers ask`] (a supervisor) opens requests for their team now; answering walks the seven
 * BerAKHLAK values, each saved at once, then an optional note (docs/domain.md, "Peer feedback").
 */
export function peer(deps: { db: Db; clock: Clock }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private").filter(isLinked);
  const question = pendingAnswer<NoteQuestion>("peerNote", deps);

  async function context(ctx: Ctx) {
    const policies = await loadPolicies(deps.db);
    const today = todayIn(deps.clock.now(), ctx.employee);
    const rules: Rules = {
      today,
      deadlines: policies.deadlines,
      upwardFeedback: policies.feedback.peer.upwardFeedback,
    };
    return { policies, today, rules, period: periodOf(today, policies.rating.period) };
  }

  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await question.clear(ctx))) return next();
    return ctx.reply(ctx.t("peer-note-skipped"));
  });
  chat.on("message:text", (ctx, next) => (ctx.msg.text.startsWith("/") ? next() : onNote(ctx, ctx.msg.text, next)));
  chat.command(["rekan", "peers"], (ctx) =>
    /^(minta|ask)$/i.test(ctx.match.trim()) ? askForTeam(ctx) : showRequests(ctx),
  );
  chat.callbackQuery(peerData.open.filter, async (ctx) => {
    const parsed = peerData.open.parse(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    return openRequest(ctx, parsed[0]);
  });
  chat.callbackQuery(peerData.value.filter, async (ctx) => {
    const parsed = peerData.value.parse(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    return onValue(ctx, ...parsed);
  });
  chat.callbackQuery(peerData.skipNote.filter, async (ctx) => {
    await question.clear(ctx);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return ctx.reply(ctx.t("peer-note-skipped"));
  });
  chat.callbackQuery(peerData.pick.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { period, rules } = await context(ctx);
    const people = await pickableColleagues(deps.db, ctx.employee.id, period, rules.upwardFeedback);
    if (people.length === 0) return ctx.reply(ctx.t("peer-pick-none"));
    const keyboard = new InlineKeyboard();
    for (const p of people.slice(0, PICK_LIMIT)) keyboard.text(p.name.slice(0, 60), peerData.choose.pack(p.id)).row();
    return ctx.reply(ctx.t("peer-pick"), { reply_markup: keyboard });
  });
  chat.callbackQuery(peerData.choose.filter, async (ctx) => {
    const parsed = peerData.choose.parse(ctx.callbackQuery.data);
    if (!parsed) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    const { period, rules } = await context(ctx);
    const outcome = await chooseColleague(deps.db, {
      giverId: ctx.employee.id,
      receiverId: parsed[0],
      period,
      upwardFeedback: rules.upwardFeedback,
      now: deps.clock.now(),
    });
    if (outcome.kind === "not-allowed")
      return ctx.answerCallbackQuery({ text: ctx.t("peer-not-allowed"), show_alert: true });
    return openRequest(ctx, outcome.requestId);
  });

  async function showRequests(ctx: Ctx) {
    const { rules } = await context(ctx);
    const open = await openRequestsOf(deps.db, ctx.employee.id, rules);
    const keyboard = new InlineKeyboard();
    for (const r of open) keyboard.text(`📝 ${r.name.slice(0, 60)}`, peerData.open.pack(r.id)).row();
    keyboard.text(ctx.t("peer-button-pick"), peerData.pick.pack());
    const text = open.length > 0 ? ctx.t("peer-open", { count: open.length }) : ctx.t("peer-none-open");
    return ctx.reply(text, { reply_markup: keyboard });
  }

  async function askForTeam(ctx: Ctx) {
    if (!ctx.employee.isSupervisor) return ctx.reply(ctx.t("peer-ask-not-supervisor"));
    const { policies, today } = await context(ctx);
    const period = periodToAsk(today, policies.rating.period, policies.deadlines);
    const opened = await openForTeam(deps.db, {
      supervisorId: ctx.employee.id,
      period,
      policy: policies.feedback.peer,
      now: deps.clock.now(),
    });
    const label = periodLabel(ctx.t.bind(ctx), period, ctx.employee.language);
    return ctx.reply(ctx.t("peer-asked", { count: opened ?? 0, period: label }));
  }

  async function openRequest(ctx: Ctx, requestId: number) {
    const { rules } = await context(ctx);
    const checked = await checkRequest(deps.db, requestId, ctx.employee.id, rules);
    if (checked.kind !== "ok")
      return ctx.answerCallbackQuery({ text: ctx.t(`peer-${checked.kind}`), show_alert: true });
    await ctx.answerCallbackQuery();
    const value = nextValue(checked.answered) ?? BERAKHLAK_VALUES[0];
    const asked = valueQuestion(ctx.t.bind(ctx), requestId, checked.receiverName, value);
    return ctx.reply(asked.text, { reply_markup: asked.keyboard });
  }

  async function onValue(ctx: Ctx, requestId: number, index: number, letter: PeerAnswerLetter) {
    const { rules } = await context(ctx);
    const now = deps.clock.now();
    const outcome = await answerValue(deps.db, {
      requestId,
      giver: { id: ctx.employee.id, nip: ctx.employee.nip, telegramId: BigInt(ctx.from.id) },
      value: BERAKHLAK_VALUES[index]!,
      rating: RATING_OF[letter],
      rules,
      now,
      record: recordUpdateIn(ctx, now),
    });
    if (outcome.kind === "unknown" || outcome.kind === "closed" || outcome.kind === "not-allowed")
      return ctx.answerCallbackQuery({ text: ctx.t(`peer-${outcome.kind}`), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (outcome.kind === "next") {
      const asked = valueQuestion(ctx.t.bind(ctx), requestId, outcome.receiverName, outcome.value);
      return ctx.reply(asked.text, { reply_markup: asked.keyboard });
    }
    await question.ask(ctx, { requestId });
    return ctx.reply(ctx.t("peer-ask-note", { max: PEER_NOTE_MAX_CHARS }), {
      reply_markup: new InlineKeyboard().text(ctx.t("peer-button-skip-note"), peerData.skipNote.pack(requestId)),
    });
  }

  async function onNote(ctx: Ctx, raw: string, next: () => Promise<void>) {
    const pending = await question.read(ctx);
    if (!pending) return next();
    const note = raw.trim();
    if (note.length === 0) return ctx.reply(ctx.t("peer-ask-note", { max: PEER_NOTE_MAX_CHARS }));
    if (note.length > PEER_NOTE_MAX_CHARS)
      return ctx.reply(ctx.t("peer-note-too-long", { max: PEER_NOTE_MAX_CHARS, length: note.length }));
    const saved = await addNote(deps.db, {
      requestId: pending.requestId,
      giverId: ctx.employee.id,
      note,
      // The note, the end of its question and the update's record go together (src/bot/redelivery.ts).
      clear: async (tx) => {
        await recordUpdateIn(ctx, deps.clock.now())(tx);
        await question.clearIn(tx, ctx);
      },
    });
    return ctx.reply(ctx.t(saved ? "peer-note-saved" : "peer-unknown"));
  }

  return feature;
}
