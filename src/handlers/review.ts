import { Composer, InlineKeyboard } from "grammy";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "../bot/context.ts";
import { translate } from "../lib/i18n.ts";
import { pendingAnswer } from "../bot/pending-answer.ts";
import { formatLocalDate, localDate } from "../lib/time.ts";
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from "../domain/policy.ts";
import { fromDbDate } from "../lib/time.ts";
import {
  cardOf,
  checkReview,
  decide,
  evidenceCalls,
  parseReviewData,
  pendingFor,
  reviewData,
  type CheckOutcome,
  type Decision,
  type Rating,
  type Reviewer,
} from "../domain/review.ts";
import { teamToday } from "../domain/team.ts";
import { reviewRenderer } from "./review-render.ts";

export interface ReviewDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  reviewPolicy?: ReviewPolicy;
}

/** A revision note or rejection reason being asked for: kept in the database, so it survives a restart. */
interface PendingComment {
  decision: Exclude<Decision, "APPROVED">;
  reportId: number;
  version: number;
  /** The message whose button was pressed: edited once decided. */
  chatId: string;
  messageId: number;
}

const MIN_COMMENT_CHARS = 5;

/**
 * The supervisor's side: the decision buttons of a review request (approve with a rating, ask for
 * revision, reject), `/persetujuan` (what waits for me) and `/tim` (who reported today).
 * Registered before the report feature, so that a note being asked for is taken before anything
 * else reads the text, and `/batal` cancels it.
 */
export function review(deps: ReviewDependencies): Composer<BotContext> {
  const policy = deps.reviewPolicy ?? DEFAULT_REVIEW_POLICY;
  const i18n = { t: translate };
  const render = reviewRenderer();
  const feature = new Composer<BotContext>();
  const chat = feature.chatType("private");
  const tr = (locale: string) => (key: string, vars?: Record<string, string | number>) => i18n.t(locale, key, vars);
  const localeOf = (ctx: BotContext) =>
    ctx.employee?.language ?? (ctx.from?.language_code?.startsWith("en") ? "en" : "id");
  const reviewerOf = (ctx: BotContext): Reviewer => ({
    employeeId: ctx.employee?.id,
    telegramId: BigInt(ctx.from!.id),
    isAdmin: ctx.isAdmin,
  });

  /** Why a button cannot act, as the alert text. */
  const refusal = (locale: string, outcome: Exclude<CheckOutcome, { kind: "ok" }>) => {
    const t = tr(locale);
    if (outcome.kind === "unknown") return t("review-unknown");
    if (outcome.kind === "denied") return t(`review-denied-${outcome.reason}`);
    if (outcome.standing.kind === "decided") return t("review-stale-decided", { name: outcome.standing.by });
    return t(`review-stale-${outcome.standing.kind}`);
  };

  // --- a note being asked for (revision or rejection) ---------------------------------------

  // Read with the sender by identify when it can be (most texts are not a note: the /lapor answers).
  const note = pendingAnswer<PendingComment>("reviewNote", deps);
  const readPending = note.read;
  const clearPending = note.clear;

  chat.command(["batal", "cancel"], async (ctx, next) => {
    if (!(await clearPending(ctx))) return next();
    return ctx.reply(tr(localeOf(ctx))("review-comment-cancelled"));
  });

  chat.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/") || (!ctx.employee && !ctx.isAdmin)) return next();
    const pending = await readPending(ctx);
    if (!pending) return next();
    const t = tr(localeOf(ctx));
    const comment = ctx.msg.text.trim();
    if (comment.length < MIN_COMMENT_CHARS) return ctx.reply(t("review-comment-too-short", { min: MIN_COMMENT_CHARS }));
    await clearPending(ctx);
    return finish(ctx, { ...pending, comment });
  });

  // --- buttons --------------------------------------------------------------------------------

  chat.callbackQuery(/^rv:/, async (ctx) => {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const action = parseReviewData(ctx.callbackQuery.data);
    if (!action) {
      deps.logger.warn({ data: ctx.callbackQuery.data, from: ctx.from.id }, "review: unknown or tampered button data");
      return ctx.answerCallbackQuery({ text: t("review-unknown"), show_alert: true });
    }
    if (!ctx.employee && !ctx.isAdmin)
      return ctx.answerCallbackQuery({ text: t("review-denied-not-reviewer"), show_alert: true });
    const reviewer = reviewerOf(ctx);
    const now = deps.clock.now();
    const messageId = ctx.callbackQuery.message?.message_id;
    // Any other review button ends a note being asked for: the next text is not taken as one.
    if (action.kind !== "revise" && action.kind !== "reject") await clearPending(ctx);

    switch (action.kind) {
      case "ask-rating":
      case "back":
      case "revise":
      case "reject": {
        const check = await checkReview(deps.db, reviewer, action.reportId, action.version, now);
        if (check.kind !== "ok") return alert(ctx, check);
        if (action.kind === "ask-rating" || action.kind === "back") {
          await ctx.answerCallbackQuery();
          const markup =
            action.kind === "ask-rating"
              ? render.ratingButtons(locale, action.reportId, action.version)
              : render.buttons(locale, action.reportId, action.version);
          return ctx.editMessageReplyMarkup({ reply_markup: markup });
        }
        const decision = action.kind === "revise" ? "REVISION_REQUESTED" : "REJECTED";
        const pending: PendingComment = {
          decision,
          reportId: action.reportId,
          version: action.version,
          chatId: String(ctx.chat.id),
          messageId: messageId ?? 0,
        };
        await note.ask(ctx, pending);
        await ctx.answerCallbackQuery();
        return ctx.reply(
          t(`review-ask-${decision}`, { name: check.target.employee.name, number: check.target.number ?? "-" }),
        );
      }
      case "approve":
        return finish(ctx, {
          decision: "APPROVED",
          rating: action.rating,
          reportId: action.reportId,
          version: action.version,
          chatId: String(ctx.chat.id),
          messageId: messageId ?? 0,
        });
      case "open": {
        const target = await deps.db.report.findUnique({ where: { id: action.reportId }, select: { version: true } });
        const check = await checkReview(deps.db, reviewer, action.reportId, target?.version ?? 0, now);
        if (check.kind !== "ok") return alert(ctx, check);
        await ctx.answerCallbackQuery();
        for (const call of evidenceCalls(ctx.chat.id, check.target.evidence)) {
          await (ctx.api.raw as unknown as Record<string, (p: Record<string, unknown>) => Promise<unknown>>)[
            call.method
          ]!(call.params);
        }
        return ctx.reply(render.card(locale, cardOf(check.target)), {
          reply_markup: render.buttons(locale, check.target.id, check.target.version),
        });
      }
      case "list":
        await ctx.answerCallbackQuery();
        return showApprovals(ctx, action.page, true);
      case "approve-all-ask": {
        await ctx.answerCallbackQuery();
        const keyboard = new InlineKeyboard()
          .text(t("approvals-button-confirm"), reviewData.approveAll(action.reportIds))
          .text(t("approvals-button-cancel"), reviewData.list(action.page));
        return ctx.editMessageText(t("approvals-confirm", { count: action.reportIds.length }), {
          reply_markup: keyboard,
        });
      }
      case "approve-all": {
        await ctx.answerCallbackQuery();
        let approved = 0;
        for (const reportId of action.reportIds) {
          const row = await deps.db.report.findUnique({ where: { id: reportId }, select: { version: true } });
          if (!row) continue;
          const outcome = await decide(deps.db, {
            reviewer,
            reportId,
            version: row.version,
            decision: "APPROVED",
            rating: "MEETS",
            now: deps.clock.now(),
            render,
          });
          if (outcome.kind === "decided") approved++;
        }
        return ctx.editMessageText(
          t("approvals-approved-all", { approved, skipped: action.reportIds.length - approved }),
        );
      }
    }
  });

  async function alert(ctx: BotContext, outcome: Exclude<CheckOutcome, { kind: "ok" }>) {
    if (outcome.kind === "unknown")
      deps.logger.warn({ data: ctx.callbackQuery?.data, from: ctx.from?.id }, "review: button for an unknown report");
    return ctx.answerCallbackQuery({ text: refusal(localeOf(ctx), outcome), show_alert: true });
  }

  /** Records the decision, then shows its outcome in the message the decision came from. */
  async function finish(
    ctx: BotContext,
    input: {
      decision: Decision;
      rating?: Rating;
      comment?: string;
      reportId: number;
      version: number;
      chatId: string;
      messageId: number;
    },
  ) {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const outcome = await decide(deps.db, {
      reviewer: reviewerOf(ctx),
      reportId: input.reportId,
      version: input.version,
      decision: input.decision,
      rating: input.rating,
      comment: input.comment,
      now: deps.clock.now(),
      from: input.messageId ? { chatId: BigInt(input.chatId), messageId: input.messageId } : undefined,
      render,
    });
    const pressed = ctx.callbackQuery !== undefined;
    if (outcome.kind !== "decided") {
      if (pressed) return alert(ctx, outcome);
      return ctx.reply(refusal(locale, outcome));
    }
    if (pressed) await ctx.answerCallbackQuery();
    if (input.messageId) {
      // Without reply_markup the edit removes the buttons.
      await ctx.api
        .editMessageText(Number(input.chatId), input.messageId, render.outcome(locale, outcome.card, outcome.outcome))
        .catch((error: unknown) => {
          deps.logger.warn({ err: error, reportId: input.reportId }, "review: could not edit the decided message");
        });
    }
    if (!pressed || input.decision !== "APPROVED") {
      return ctx.reply(
        t(`review-done-${input.decision}`, {
          number: outcome.card.number,
          name: outcome.card.employeeName,
          rating: outcome.outcome.rating ? t(`rating-${outcome.outcome.rating}`) : "-",
        }),
      );
    }
  }

  // --- /persetujuan -----------------------------------------------------------------------------

  chat.command(["persetujuan", "approvals"], (ctx) => showApprovals(ctx, 0, false));

  async function showApprovals(ctx: BotContext, page: number, edit: boolean) {
    const locale = localeOf(ctx);
    const t = tr(locale);
    if (!ctx.employee && !ctx.isAdmin) return ctx.reply(t("approvals-not-reviewer"));
    const reviewer = { ...reviewerOf(ctx), timeZone: ctx.employee?.timeZone ?? "Asia/Jakarta" };
    const list = await pendingFor(deps.db, reviewer, deps.clock.now(), page, policy.approvalsPageSize);
    if (list.total === 0) {
      const text = ctx.employee?.isSupervisor || ctx.isAdmin ? t("approvals-empty") : t("approvals-not-reviewer");
      return edit ? ctx.editMessageText(text) : ctx.reply(text);
    }
    const keyboard = new InlineKeyboard();
    const lines = list.rows.map((r, i) => {
      const date = r.date ? formatLocalDate(fromDbDate(r.date)!, locale) : "-";
      const label = `${page * policy.approvalsPageSize + i + 1}. ${r.number ?? "-"} · ${r.employee.name} · ${date}`;
      keyboard.text(label.slice(0, 60), reviewData.open(r.id)).row();
      return label;
    });
    if (page > 0) keyboard.text(t("button-previous"), reviewData.list(page - 1));
    if (page + 1 < list.pages) keyboard.text(t("button-next"), reviewData.list(page + 1));
    const all = reviewData.approveAllAsk(
      page,
      list.rows.map((r) => r.id),
    );
    const confirm = reviewData.approveAll(list.rows.map((r) => r.id));
    if (Buffer.byteLength(all) <= 64 && Buffer.byteLength(confirm) <= 64)
      keyboard.row().text(t("approvals-button-approve-all"), all);
    const text = t("approvals-list", { page: page + 1, pages: list.pages, total: list.total, lines: lines.join("\n") });
    return edit ? ctx.editMessageText(text, { reply_markup: keyboard }) : ctx.reply(text, { reply_markup: keyboard });
  }

  // --- /tim -------------------------------------------------------------------------------------

  chat.command(["tim", "team"], async (ctx) => {
    const locale = localeOf(ctx);
    const t = tr(locale);
    const me = ctx.employee;
    if (!me) return ctx.reply(t("approvals-not-reviewer"));
    const now = deps.clock.now();
    const team = await teamToday(deps.db, { employeeId: me.id, timeZone: me.timeZone }, now);
    if (team.members.length === 0) return ctx.reply(t("approvals-not-reviewer"));
    const reported = team.members.filter((m) => !m.off && m.reports > 0).map((m) => `• ${m.name} (${m.reports})`);
    const missing = team.members.filter((m) => !m.off && m.reports === 0).map((m) => `• ${m.name}`);
    const off = team.members
      .filter((m) => m.off)
      .map((m) => {
        const why =
          m.off!.kind === "holiday"
            ? m.off!.name
            : m.off!.kind === "leave"
              ? t(`team-off-leave-${m.off!.leave}`)
              : t("team-off-weekend");
        return `• ${m.name}: ${why}${m.reports ? ` (${m.reports})` : ""}`;
      });
    const section = (title: string, lines: string[]) => `${title}\n${lines.length ? lines.join("\n") : t("team-none")}`;
    const text = [
      t("team-header", { date: formatLocalDate(localDate(now, me.timeZone), locale) }),
      section(t("team-reported"), reported),
      section(t("team-missing"), missing),
      ...(off.length ? [section(t("team-off"), off)] : []),
      t("team-waiting", { count: team.waiting }),
    ].join("\n\n");
    return ctx.reply(text);
  });

  return feature;
}
