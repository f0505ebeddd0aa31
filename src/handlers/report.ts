import { Composer, InlineKeyboard, type Context } from "grammy";
import { conversations, createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "../bot/context.ts";
import { translate } from "../lib/i18n.ts";
import { conversationStorage, flushPendingWrites, writeWithConversation } from "../bot/storage.ts";
import { formatDateTime, formatLocalDate, fromDbDate } from "../lib/time.ts";
import { formatQuantity } from "../lib/number.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../domain/policy.ts";
import {
  addDays,
  checkReportDate,
  dayOff,
  isoWeekday,
  loadUnitCalendar,
  todayIn,
  backdateWindow,
} from "../domain/calendar.ts";
import {
  addPhoto,
  clearPhotos,
  createDraft,
  discardDraft,
  draftUpdate,
  findDraft,
  findOrCreateDraft,
  indicatorChoices,
  listReports,
  loadDraft,
  missingField,
  openRevision,
  ownIndicator,
  reportDetail,
  saveMinutesWithin,
  submitReport,
  withdrawReport,
  type DraftField,
  type DraftPatch,
  type DraftView,
  type IncomingPhoto,
  type SubmitOutcome,
} from "../domain/reports.ts";
import { retryPendingEvidence } from "../jobs/evidence.ts";
import { reviewRenderer } from "./review-render.ts";

/**
 * Bump whenever the /lapor conversation below changes: stored conversations of an older version
 * are dropped (their answers are still in the draft report, which /lapor offers to resume).
 */
export const REPORT_CONVERSATION_VERSION = 2; // 2: the time-spent step saves in the statement that checks the day's total

export interface ReportDependencies {
  config: Pick<Config, "botApiRoot" | "botToken" | "dataDir">;
  db: Db;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  policy?: ReportPolicy;
  /** Where background work (evidence downloads) runs; tests collect it to await it. */
  background?: (task: Promise<unknown>) => void;
}

type ReportContext = ConversationFlavor<BotContext>;
type LaporConversation = Conversation<ReportContext, Context>;
interface LaporArgs {
  mode: "new" | "resume" | "revise";
  reportId?: number;
  /** A draft the caller has just made for this conversation (kept with the conversation's arguments). */
  draft?: DraftView;
}

const IMAGE_MIME = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
const INDICATOR_PAGE = 5;

/**
 * `/lapor`: the daily activity report, one question at a time, saved as a draft after every
 * answer; `/riwayat`: the employee's own reports. `/batal` leaves /lapor at any step.
 */
export function report(deps: ReportDependencies): Composer<BotContext> {
  const policy = deps.policy ?? DEFAULT_POLICY;
  const i18n = { t: translate };
  const background =
    deps.background ??
    ((task) => void task.catch((error) => deps.logger.error({ err: error }, "background task failed")));
  const feature = new Composer<ReportContext>();
  const chat = feature.chatType("private").filter((ctx) => ctx.employee !== undefined);

  const reviewCards = reviewRenderer();
  const tr = (locale: string) => (key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
  const showDate = (date: string, locale: string) => formatLocalDate(date, locale);

  const storeEvidenceSoon = (api: ReportContext["api"], reportId: number) =>
    background(
      retryPendingEvidence(
        { db: deps.db, api, config: deps.config, clock: deps.clock, fetch: deps.fetch, logger: deps.logger, policy },
        { reportId },
      ),
    );

  const submit = (employeeId: number, reportId: number) =>
    submitReport(deps.db, {
      reportId,
      employeeId,
      now: deps.clock.now(),
      policy,
      render: reviewCards,
    });

  /** Answers of this update not yet written: a second save in one update is merged into the first. */
  const unsavedAnswers = new WeakMap<object, DraftPatch>();

  // An answer saved by a conversation that also ended in this update has no state write to go with.
  chat.use(async (ctx, next) => {
    await next();
    await flushPendingWrites(deps.db, ctx);
  });
  chat.use(
    conversations<ReportContext, Context>({
      // Kept under conv:<chat id>; identify has usually read it already, with the sender.
      storage: {
        type: "context",
        version: REPORT_CONVERSATION_VERSION,
        adapter: conversationStorage({ db: deps.db, clock: deps.clock }),
      },
    }),
  );

  // Before createConversation, so that an open wait does not swallow it (SPEC §5).
  chat.command(["batal", "cancel"], async (ctx) => {
    const t = tr(ctx.employee!.language);
    if (!ctx.conversation.active("lapor")) return ctx.reply(t("cancel-nothing"));
    await ctx.conversation.exit("lapor");
    const draft = await findDraft(deps.db, ctx.employee!.id);
    if (draft) await discardDraft(deps.db, ctx.employee!.id, draft.id);
    return ctx.reply(t("lapor-cancelled"));
  });

  chat.use(createConversation<ReportContext, Context>(lapor, { id: "lapor" }));

  chat.command(["lapor", "report"], async (ctx) => {
    const t = tr(ctx.employee!.language);
    // The unfinished draft, or a new one made in the same statement.
    const { draft, created } = await findOrCreateDraft(deps.db, ctx.employee!.id);
    if (created) return ctx.conversation.enter("lapor", { mode: "new", draft });
    if (missingField(draft, policy) !== "date") {
      return ctx.reply(
        t("lapor-draft-found", {
          date: draft.date ? showDate(draft.date, ctx.employee!.language) : "-",
          answered: answeredCount(draft),
        }),
        {
          reply_markup: new InlineKeyboard()
            .text(t("lapor-button-resume"), `lr:resume:${draft.id}`)
            .text(t("lapor-button-start-over"), `lr:new:${draft.id}`),
        },
      );
    }
    return ctx.conversation.enter("lapor", { mode: "resume", reportId: draft.id });
  });

  chat.callbackQuery(/^lr:(resume|new):(\d+)$/, async (ctx) => {
    const t = tr(ctx.employee!.language);
    const reportId = Number(ctx.match[2]);
    // An old button pressed while another /lapor is open: entering again would clash with it.
    if (ctx.conversation.active("lapor"))
      return ctx.answerCallbackQuery({ text: t("lapor-in-progress"), show_alert: true });
    const draft = await loadDraft(deps.db, ctx.employee!.id, reportId);
    await ctx.answerCallbackQuery();
    if (!draft || draft.status !== "DRAFT") return ctx.reply(t("button-stale"));
    if (ctx.match[1] === "new") {
      await discardDraft(deps.db, ctx.employee!.id, reportId);
      return ctx.conversation.enter("lapor", { mode: "new" });
    }
    return ctx.conversation.enter("lapor", { mode: "resume", reportId });
  });

  // A Submit pressed again after the report went out (or delivered twice): never a second report.
  chat.callbackQuery(/^lp:s:submit:(\d+)$/, async (ctx) => {
    const t = tr(ctx.employee!.language);
    const outcome = await submit(ctx.employee!.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    if (outcome.kind === "submitted") storeEvidenceSoon(ctx.api, Number(ctx.match[1]));
    return ctx.reply(submitMessage(t, outcome));
  });
  chat.callbackQuery(/^lp:/, (ctx) =>
    ctx.answerCallbackQuery({ text: tr(ctx.employee!.language)("button-stale"), show_alert: true }),
  );

  // --- /riwayat ---------------------------------------------------------------------------

  chat.command(["riwayat", "history"], (ctx) => showHistory(ctx, 0, false));
  chat.callbackQuery(
    /^rh:p:(\d+)$/,
    async (ctx) => (await ctx.answerCallbackQuery(), showHistory(ctx, Number(ctx.match[1]), true)),
  );
  chat.callbackQuery(
    /^rh:o:(\d+)$/,
    async (ctx) => (await ctx.answerCallbackQuery(), showDetail(ctx, Number(ctx.match[1]))),
  );
  chat.callbackQuery(/^rh:w:(\d+)$/, async (ctx) => {
    const t = tr(ctx.employee!.language);
    const outcome = await withdrawReport(deps.db, ctx.employee!.id, Number(ctx.match[1]), deps.clock.now());
    if (outcome === "not-allowed")
      return ctx.answerCallbackQuery({ text: t("history-withdraw-not-allowed"), show_alert: true });
    await ctx.answerCallbackQuery();
    return ctx.reply(t("history-withdrawn"));
  });
  chat.callbackQuery(/^rh:e:(\d+)$/, async (ctx) => {
    const t = tr(ctx.employee!.language);
    const reportId = Number(ctx.match[1]);
    if (ctx.conversation.active("lapor"))
      return ctx.answerCallbackQuery({ text: t("lapor-in-progress"), show_alert: true });
    const row = await deps.db.report.findFirst({
      where: { id: reportId, employeeId: ctx.employee!.id, status: "REVISION_REQUESTED" },
    });
    if (!row) return ctx.answerCallbackQuery({ text: t("history-revise-not-allowed"), show_alert: true });
    await ctx.answerCallbackQuery();
    return ctx.conversation.enter("lapor", { mode: "revise", reportId });
  });

  async function showHistory(ctx: ReportContext, page: number, edit: boolean) {
    const employee = ctx.employee!;
    const t = tr(employee.language);
    const list = await listReports(deps.db, employee.id, page);
    if (list.total === 0) return ctx.reply(t("history-empty"));
    const keyboard = new InlineKeyboard();
    const lines = list.rows.map((r) => {
      const label = `${r.number ?? "-"} · ${r.date ? showDate(fromDbDate(r.date)!, employee.language) : "-"} · ${t(`status-${r.status}`)}`;
      keyboard.text(label.slice(0, 60), `rh:o:${r.id}`).row();
      return label;
    });
    if (page > 0) keyboard.text(t("button-previous"), `rh:p:${page - 1}`);
    if (page + 1 < list.pages) keyboard.text(t("button-next"), `rh:p:${page + 1}`);
    const text = t("history-list", { page: page + 1, pages: list.pages, total: list.total, lines: lines.join("\n") });
    if (edit) return ctx.editMessageText(text, { reply_markup: keyboard });
    return ctx.reply(text, { reply_markup: keyboard });
  }

  async function showDetail(ctx: ReportContext, reportId: number) {
    const employee = ctx.employee!;
    const t = tr(employee.language);
    const r = await reportDetail(deps.db, employee.id, reportId);
    if (!r || r.status === "DRAFT") return ctx.reply(t("button-stale"));
    const text = t("history-detail", {
      number: r.number ?? "-",
      status: t(`status-${r.status}`),
      date: r.date ? showDate(fromDbDate(r.date)!, employee.language) : "-",
      indicator: r.indicator?.indicator ?? t("lapor-additional-task"),
      description: r.description ?? "-",
      output:
        r.outputQuantity === null ? "-" : `${formatQuantity(Number(r.outputQuantity))} ${r.outputUnit ?? ""}`.trim(),
      minutes: r.minutes ?? 0,
      photos: r.evidence.length,
      version: r.version,
      submitted: r.submittedAt ? formatDateTime(r.submittedAt, employee.timeZone, employee.language) : "-",
      rating: r.rating ? t(`rating-${r.rating}`) : "-",
      comment: r.reviewerComment ?? "-",
    });
    const keyboard = new InlineKeyboard();
    if (r.status === "SUBMITTED") keyboard.text(t("history-button-withdraw"), `rh:w:${r.id}`).row();
    if (r.status === "REVISION_REQUESTED") keyboard.text(t("history-button-revise"), `rh:e:${r.id}`).row();
    keyboard.text(t("history-button-back"), "rh:p:0");
    await ctx.reply(r.reusedEvidence ? `${text}\n\n${t("history-reused-note")}` : text, { reply_markup: keyboard });
    const photos = r.evidence.filter((e) => e.width !== null);
    const documents = r.evidence.filter((e) => e.width === null);
    if (photos.length === 1) await ctx.replyWithPhoto(photos[0]!.fileId);
    else if (photos.length > 1)
      await ctx.replyWithMediaGroup(photos.map((e) => ({ type: "photo" as const, media: e.fileId })));
    for (const d of documents) await ctx.replyWithDocument(d.fileId);
  }

  // --- the /lapor conversation -------------------------------------------------------------
  // Replayed from the top on every update: every read of the database or the clock is inside
  // conversation.external, and what it returns is plain JSON.

  async function lapor(conversation: LaporConversation, ctx: Context, args: LaporArgs) {
    const me = await conversation.external((outer) => {
      const e = outer.employee!;
      return { id: e.id, unitId: e.unitId, timeZone: e.timeZone, language: e.language };
    });
    const t = tr(me.language);
    const fmt = (date: string) => showDate(date, me.language);
    const now = () => conversation.external(() => deps.clock.now().getTime());
    let lastSeen = await now();

    const opened =
      args.draft ??
      (await conversation.external(async () => {
        if (args.mode === "revise") return (await openRevision(deps.db, me.id, args.reportId!)) ?? null;
        if (args.mode === "resume") return (await loadDraft(deps.db, me.id, args.reportId!)) ?? null;
        return createDraft(deps.db, me.id);
      }));
    if (!opened || (args.mode === "resume" && opened.status !== "DRAFT")) {
      await ctx.reply(t("button-stale"));
      return;
    }
    let draft: DraftView = opened;
    /**
     * Saves an answer to the draft: the UPDATE goes out in the statement that stores this step of
     * the conversation, at the end of the update (one round trip for both; both or neither). The
     * conversation keeps its own copy of the draft in step (local is deterministic on replay).
     */
    const save = async (patch: DraftPatch, local: Partial<DraftView> = {}) => {
      await conversation.external((outer) => {
        const unsaved = { ...unsavedAnswers.get(outer), ...patch };
        unsavedAnswers.set(outer, unsaved);
        writeWithConversation(outer, "draft", draftUpdate(me.id, draft.id, unsaved));
      });
      draft = { ...draft, ...(patch as Partial<DraftView>), ...local };
    };
    const reload = async () => {
      draft = (await conversation.external(async () => (await loadDraft(deps.db, me.id, draft.id)) ?? null)) ?? draft;
    };

    /** The next update for this step; handles idle expiry, other commands and foreign buttons. */
    async function next(): Promise<Context> {
      const c = await conversation.wait();
      const at = await now();
      if (at - lastSeen > policy.idleMinutes * 60_000) {
        await c.reply(t("lapor-idle", { minutes: policy.idleMinutes }));
        if (c.callbackQuery) await c.answerCallbackQuery();
        // A command (e.g. /lapor again) is handled after the conversation ends; an old answer is not.
        await conversation.halt({ next: (c.message?.text ?? "").startsWith("/") });
      }
      lastSeen = at;
      const command = /^\/([a-z_]+)/i.exec(c.message?.text ?? "")?.[1]?.toLowerCase();
      if (command === "lapor" || command === "report") {
        await c.reply(t("lapor-in-progress"));
        await conversation.skip();
      }
      if (command !== undefined) await conversation.skip({ next: true });
      const data = c.callbackQuery?.data;
      if (data !== undefined && !data.startsWith("lp:")) await conversation.skip({ next: true });
      if (data !== undefined) await c.answerCallbackQuery();
      return c;
    }

    // 1. Date ---------------------------------------------------------------------------------
    async function askDate() {
      const facts = await conversation.external(async () => {
        const today = todayIn(deps.clock.now(), { timeZone: me.timeZone });
        const calendar = await loadUnitCalendar(deps.db, {
          unitId: me.unitId,
          employeeId: me.id,
          from: addDays(today, -60),
          to: addDays(today, 1),
        });
        return { today, calendar };
      });
      const { today, calendar } = facts;
      // Worked out only when asked for: this step is replayed on every later update of the report.
      let known: ReturnType<typeof backdateWindow> | undefined;
      const window = () => (known ??= backdateWindow(today, calendar, policy.backdateWorkingDays));
      const dateKeyboard = new InlineKeyboard()
        .text(t("lapor-button-today", { date: fmt(today) }), "lp:d:today")
        .text(t("lapor-button-other-day"), "lp:d:other");
      await ctx.reply(t("lapor-ask-date", { today: fmt(today) }), { reply_markup: dateKeyboard });
      for (;;) {
        const c = await next();
        const data = c.callbackQuery?.data;
        let chosen: string | undefined;
        if (data === "lp:d:today") chosen = today;
        else if (data === "lp:d:other") {
          const others = new InlineKeyboard();
          for (const d of window().dates.filter((d) => d !== today))
            others.text(`${t("weekday", { day: isoWeekday(d) })}, ${fmt(d)}`, `lp:d:${d}`).row();
          await c.reply(
            t("lapor-ask-date-other", { earliest: fmt(window().earliest), days: policy.backdateWorkingDays }),
            { reply_markup: others },
          );
          continue;
        } else if (data?.startsWith("lp:d:") && /^\d{4}-\d{2}-\d{2}$/.test(data.slice(5))) chosen = data.slice(5);
        else if (c.message?.text) chosen = parseDate(c.message.text, today);
        if (data !== undefined && chosen === undefined) {
          await c.reply(t("lapor-use-buttons"));
          continue;
        }
        if (!chosen) {
          await c.reply(t("lapor-date-invalid"), { reply_markup: dateKeyboard });
          continue;
        }
        const verdict = checkReportDate(chosen, today, calendar, policy.backdateWorkingDays);
        if (verdict === "future") {
          await c.reply(t("lapor-date-future", { today: fmt(today) }), { reply_markup: dateKeyboard });
          continue;
        }
        if (verdict === "too-old") {
          await c.reply(
            t("lapor-date-too-old", { earliest: fmt(window().earliest), days: policy.backdateWorkingDays }),
            { reply_markup: dateKeyboard },
          );
          continue;
        }
        const off = dayOff(chosen, calendar);
        if (off) {
          const reason =
            off.kind === "holiday" ? off.name : off.kind === "leave" ? t(`leave-${off.leave}`) : t("day-off-weekend");
          await c.reply(t("lapor-date-day-off", { date: fmt(chosen), reason }), {
            reply_markup: new InlineKeyboard()
              .text(t("button-yes-continue"), "lp:d:yes")
              .text(t("lapor-button-other-date"), "lp:d:no"),
          });
          const confirmed = await confirm("lp:d:yes", "lp:d:no");
          if (!confirmed) {
            await ctx.reply(t("lapor-ask-date", { today: fmt(today) }), { reply_markup: dateKeyboard });
            continue;
          }
        }
        await save({ date: chosen });
        return;
      }
    }

    /** Waits for a yes/no button; anything else repeats the question. */
    async function confirm(yes: string, no: string): Promise<boolean> {
      for (;;) {
        const c = await next();
        const data = c.callbackQuery?.data;
        if (data === yes) return true;
        if (data === no) return false;
        await c.reply(t("lapor-use-buttons"));
      }
    }

    // 2. Indicator ----------------------------------------------------------------------------
    async function askIndicator() {
      const year = Number(draft.date!.slice(0, 4));
      const choices = await conversation.external(() => indicatorChoices(deps.db, me.id, year));
      if (choices.length === 0 && !policy.allowAdditionalTask) {
        await ctx.reply(t("lapor-no-indicators", { year }));
        await conversation.halt();
      }
      const pages = Math.max(1, Math.ceil(choices.length / INDICATOR_PAGE));
      const keyboard = (page: number) => {
        const k = new InlineKeyboard();
        for (const c of choices.slice(page * INDICATOR_PAGE, (page + 1) * INDICATOR_PAGE))
          k.text(shorten(`${c.code} · ${c.label}`, 60), `lp:i:${c.id}`).row();
        if (page > 0) k.text(t("button-previous"), `lp:i:p:${page - 1}`);
        if (page + 1 < pages) k.text(t("button-next"), `lp:i:p:${page + 1}`);
        if (pages > 1) k.row();
        if (policy.allowAdditionalTask) k.text(t("lapor-additional-task"), "lp:i:add");
        return k;
      };
      await ctx.reply(choices.length ? t("lapor-ask-indicator", { year }) : t("lapor-ask-indicator-none", { year }), {
        reply_markup: keyboard(0),
      });
      for (;;) {
        const c = await next();
        const data = c.callbackQuery?.data ?? "";
        const page = /^lp:i:p:(\d+)$/.exec(data);
        if (page) {
          await c.editMessageReplyMarkup({ reply_markup: keyboard(Math.min(Number(page[1]), pages - 1)) });
          continue;
        }
        if (data === "lp:i:add" && policy.allowAdditionalTask) {
          await save({ indicatorId: null, isAdditional: true }, { indicatorLabel: null, defaultUnit: null });
          return;
        }
        const picked = /^lp:i:(\d+)$/.exec(data);
        const choice = picked ? choices.find((x) => x.id === Number(picked[1])) : undefined;
        if (choice) {
          await save(
            { indicatorId: choice.id, isAdditional: false },
            { indicatorLabel: choice.label, defaultUnit: choice.unitOfMeasure },
          );
          return;
        }
        await c.reply(t("lapor-indicator-use-buttons"), { reply_markup: keyboard(0) });
      }
    }

    // 3. What was done ------------------------------------------------------------------------
    async function askDescription() {
      await ctx.reply(t("lapor-ask-description", { min: policy.descriptionMinChars, max: policy.descriptionMaxChars }));
      for (;;) {
        const c = await next();
        const text = c.message?.text?.trim();
        if (!text) await c.reply(t("lapor-description-not-text"));
        else if (text.length < policy.descriptionMinChars)
          await c.reply(t("lapor-description-too-short", { min: policy.descriptionMinChars, length: text.length }));
        else if (text.length > policy.descriptionMaxChars)
          await c.reply(t("lapor-description-too-long", { max: policy.descriptionMaxChars, length: text.length }));
        else return save({ description: text });
      }
    }

    // 4. Output -------------------------------------------------------------------------------
    async function askOutput() {
      const unit = draft.defaultUnit ?? t("lapor-default-unit");
      await ctx.reply(t("lapor-ask-output", { unit }));
      for (;;) {
        const c = await next();
        const parsed = c.message?.text ? parseQuantity(c.message.text) : undefined;
        if (!parsed) await c.reply(t("lapor-output-invalid", { unit }));
        else if (parsed.value <= 0) await c.reply(t("lapor-output-not-positive"));
        else return save({ outputQuantity: parsed.value, outputUnit: parsed.unit || unit });
      }
    }

    // 5. Time spent ---------------------------------------------------------------------------
    async function askMinutes() {
      await ctx.reply(t("lapor-ask-minutes", { max: policy.maxMinutesPerEntry }));
      for (;;) {
        const c = await next();
        const minutes = c.message?.text ? parseMinutes(c.message.text) : undefined;
        if (minutes === undefined) {
          await c.reply(t("lapor-minutes-invalid"));
          continue;
        }
        if (minutes < 1 || minutes > policy.maxMinutesPerEntry) {
          await c.reply(t("lapor-minutes-range", { max: policy.maxMinutesPerEntry }));
          continue;
        }
        // Saved at once when the day stays under the confirmation limit (one statement); else asked.
        const { others } = await conversation.external(() =>
          saveMinutesWithin(deps.db, {
            employeeId: me.id,
            reportId: draft.id,
            date: draft.date!,
            minutes,
            confirmAbove: policy.confirmMinutesPerDay,
          }),
        );
        if (others + minutes <= policy.confirmMinutesPerDay) {
          draft = { ...draft, minutes };
          return;
        }
        await c.reply(
          t("lapor-minutes-confirm", {
            total: others + minutes,
            hours: Math.round(((others + minutes) / 60) * 10) / 10,
          }),
          {
            reply_markup: new InlineKeyboard()
              .text(t("button-yes-continue"), "lp:m:yes")
              .text(t("lapor-button-change"), "lp:m:no"),
          },
        );
        if (!(await confirm("lp:m:yes", "lp:m:no"))) {
          await ctx.reply(t("lapor-ask-minutes", { max: policy.maxMinutesPerEntry }));
          continue;
        }
        return save({ minutes });
      }
    }

    // 6. Photos -------------------------------------------------------------------------------
    async function askPhotos() {
      const done = new InlineKeyboard().text(t("lapor-button-photos-done"), "lp:ph:done");
      await ctx.reply(t("lapor-ask-photos", { min: policy.minPhotos, max: policy.maxPhotos, count: draft.photos }), {
        reply_markup: done,
      });
      const acknowledgedAlbums = new Set<string>();
      for (;;) {
        const c = await next();
        const message = c.message;
        const data = c.callbackQuery?.data;
        const text = message?.text?.trim().toLowerCase();
        if (data === "lp:ph:done" || text === "selesai" || text === "done") {
          if (draft.photos >= policy.minPhotos) return;
          await c.reply(t("lapor-photos-need", { min: policy.minPhotos }), { reply_markup: done });
          continue;
        }
        let photo: IncomingPhoto | undefined;
        if (message?.photo?.length) {
          const largest = message.photo.at(-1)!;
          photo = {
            fileId: largest.file_id,
            fileUniqueId: largest.file_unique_id,
            width: largest.width,
            height: largest.height,
            size: largest.file_size,
            mimeType: "image/jpeg",
            mediaGroupId: message.media_group_id,
          };
        } else if (message?.document && IMAGE_MIME.includes(message.document.mime_type ?? "")) {
          const d = message.document;
          if ((d.file_size ?? 0) > policy.maxPhotoBytes) {
            await c.reply(t("lapor-photo-too-big", { mb: Math.round(policy.maxPhotoBytes / 1024 / 1024) }), {
              reply_markup: done,
            });
            continue;
          }
          photo = {
            fileId: d.file_id,
            fileUniqueId: d.file_unique_id,
            size: d.file_size,
            mimeType: d.mime_type,
            mediaGroupId: message.media_group_id,
          };
        }
        if (!photo) {
          await c.reply(t("lapor-photo-not-image"), { reply_markup: done });
          continue;
        }
        const added = await conversation.external(() => addPhoto(deps.db, draft.id, photo, deps.clock.now(), policy));
        draft = { ...draft, photos: added.count };
        if (added.kind === "full") {
          await c.reply(t("lapor-photos-full", { max: policy.maxPhotos }), { reply_markup: done });
          continue;
        }
        // An album arrives as one message per photo: acknowledge it once, not once per photo.
        const group = photo.mediaGroupId;
        if (group && acknowledgedAlbums.has(group)) continue;
        if (group) acknowledgedAlbums.add(group);
        await c.reply(
          t(group ? "lapor-album-received" : "lapor-photo-received", { count: added.count, max: policy.maxPhotos }),
          { reply_markup: done },
        );
      }
    }

    const ask: Record<DraftField, () => Promise<void>> = {
      date: askDate,
      indicator: askIndicator,
      description: askDescription,
      output: askOutput,
      minutes: askMinutes,
      photos: askPhotos,
    };

    // The questions still open, in order; then the summary until Submit or Cancel.
    if (args.mode === "resume") await ctx.reply(t("lapor-resumed"));
    if (args.mode === "revise") await ctx.reply(t("lapor-revise-intro", { number: draft.number ?? "-" }));
    for (;;) {
      const missing = missingField(draft, policy);
      if (missing) {
        await ask[missing]();
        continue;
      }
      await ctx.reply(summaryText(t, draft, fmt), {
        reply_markup: new InlineKeyboard()
          .text(t("lapor-button-submit"), `lp:s:submit:${draft.id}`)
          .row()
          .text(t("lapor-button-edit"), "lp:s:edit")
          .text(t("lapor-button-cancel"), "lp:s:cancel"),
      });
      const choice = await summaryChoice();
      if (choice === "submit") {
        const outcome = await conversation.external(async (outer) => {
          const result = await submit(me.id, draft.id);
          if (result.kind === "submitted") storeEvidenceSoon(outer.api, draft.id);
          return result;
        });
        if (outcome.kind === "incomplete") {
          await reload();
          continue;
        }
        await ctx.reply(submitMessage(t, outcome));
        return;
      }
      if (choice === "cancel") {
        await conversation.external(() => discardDraft(deps.db, me.id, draft.id));
        await ctx.reply(draft.status === "DRAFT" ? t("lapor-cancelled") : t("lapor-revise-cancelled"));
        return;
      }
      const field = choice.edit;
      if (field === "photos") {
        await conversation.external(() => clearPhotos(deps.db, me.id, draft.id, deps.clock.now()));
        draft = { ...draft, photos: 0 };
      }
      await ask[field]();
      if (field === "date" && draft.indicatorId !== null) {
        const year = Number(draft.date!.slice(0, 4));
        const still = await conversation.external(
          async () => (await ownIndicator(deps.db, me.id, draft.indicatorId!, year)) ?? null,
        );
        if (!still) await askIndicator();
      }
    }

    async function summaryChoice(): Promise<"submit" | "cancel" | { edit: DraftField }> {
      for (;;) {
        const c = await next();
        const data = c.callbackQuery?.data ?? "";
        if (data === `lp:s:submit:${draft.id}`) return "submit";
        if (data === "lp:s:cancel") return "cancel";
        if (data === "lp:s:edit") {
          const k = new InlineKeyboard();
          for (const f of ["date", "indicator", "description", "output", "minutes", "photos"] as const)
            k.text(t(`lapor-field-${f}`), `lp:e:${f}`).row();
          await c.reply(t("lapor-ask-edit"), { reply_markup: k });
          continue;
        }
        const edit = /^lp:e:(date|indicator|description|output|minutes|photos)$/.exec(data);
        if (edit) return { edit: edit[1] as DraftField };
        await c.reply(t("lapor-use-summary-buttons"));
      }
    }
  }

  return feature as unknown as Composer<BotContext>;
}

type T = (key: string, vars?: Record<string, string | number>) => string;

function submitMessage(t: T, outcome: SubmitOutcome): string {
  switch (outcome.kind) {
    case "submitted":
      return [
        t(outcome.version > 1 ? "lapor-resubmitted" : "lapor-submitted", { number: outcome.number }),
        outcome.supervisorNotified ? t("lapor-supervisor-notified") : t("lapor-supervisor-not-linked"),
        ...(outcome.reusedEvidence ? [t("lapor-reused-evidence")] : []),
      ].join("\n\n");
    case "already":
      return t("lapor-already-submitted", { number: outcome.number ?? "-" });
    case "incomplete":
      return t("lapor-incomplete");
    case "not-found":
      return t("button-stale");
  }
}

function summaryText(t: T, d: DraftView, fmt: (date: string) => string): string {
  return t("lapor-summary", {
    date: d.date ? fmt(d.date) : "-",
    indicator: d.isAdditional ? t("lapor-additional-task") : (d.indicatorLabel ?? "-"),
    description: d.description ?? "-",
    output: d.outputQuantity === null ? "-" : `${formatQuantity(d.outputQuantity)} ${d.outputUnit ?? ""}`.trim(),
    minutes: d.minutes ?? 0,
    duration: d.minutes === null ? "-" : formatMinutes(d.minutes),
    photos: d.photos,
  });
}

const answeredCount = (d: DraftView) =>
  [
    d.date,
    d.indicatorId ?? (d.isAdditional || null),
    d.description,
    d.outputQuantity,
    d.minutes,
    d.photos || null,
  ].filter((v) => v !== null).length;

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const formatMinutes = (minutes: number) =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;

/** "25/11/2026", "25-11-2026", "2026-11-25", "25/11" (this year), "hari ini", "kemarin". */
export function parseDate(text: string, today: string): string | undefined {
  const s = text.trim().toLowerCase();
  if (["hari ini", "today", "hariini"].includes(s)) return today;
  if (["kemarin", "yesterday"].includes(s)) return addDays(today, -1);
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) {
    d = Number(local[1]);
    m = Number(local[2]);
    y = local[3] ? Number(local[3].length === 2 ? `20${local[3]}` : local[3]) : Number(today.slice(0, 4));
  } else return undefined;
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined;
  return at.toISOString().slice(0, 10);
}

/**
 * "12", "2,5 dokumen" (Indonesian decimal comma), "1.500 lembar" (dot as thousands), "2.5".
 * Returns the number and the unit written after it, if any.
 */
export function parseQuantity(text: string): { value: number; unit: string } | undefined {
  const match = /^\s*(-?[\d.,]+)\s*(.*)$/.exec(text);
  if (!match) return undefined;
  let digits = match[1]!;
  if (digits.includes(",")) digits = digits.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(digits)) digits = digits.replace(/\./g, "");
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return undefined;
  const value = Math.round(Number(digits) * 100) / 100;
  if (!Number.isFinite(value) || value >= 1e12) return undefined;
  const unit = match[2]!.trim().slice(0, 50);
  if (/^\d/.test(unit)) return undefined;
  return { value, unit };
}

/** "90", "90 menit", "1:30", "1.30" (h.mm, as Indonesians write times). */
export function parseMinutes(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const plain = /^(\d{1,4})\s*(m|mnt|menit|min|mins|minute|minutes)?$/.exec(s);
  if (plain) return Number(plain[1]);
  const hm = /^(\d{1,2})[:.](\d{2})$/.exec(s);
  if (hm && Number(hm[2]) < 60) return Number(hm[1]) * 60 + Number(hm[2]);
  return undefined;
}
