import { InlineKeyboard } from "grammy";
import { negotiateLocale } from "../../bot/i18n.ts";
import { DEFAULT_REVIEW_POLICY } from "../../domain/policy/sections.ts";
import { cardOf, evidenceCalls } from "../../domain/review/card.ts";
import { checkReview } from "../../domain/review/check.ts";
import { decide } from "../../domain/review/decide.ts";
import { pendingFor } from "../../domain/review/pending.ts";
import { formatLocalDate, fromDbDate } from "../../lib/time.ts";
import { packReportIds, reviewData, type ReviewAction } from "./callback-data.ts";
import {
  alert,
  mayReview,
  reviewerOf,
  type PressContext,
  type PrivateContext,
  type ReviewDependencies,
} from "./decide.ts";
import { reviewRenderer } from "./render.ts";
import { addPageButtons } from "../../lib/pager.ts";

/** A button of /persetujuan: a report opened, a page, "approve all shown" and its confirmation. */
export type ApprovalsAction = Extract<ReviewAction, { kind: "open" | "list" | "approve-all-ask" | "approve-all" }>;

type RawApi = Record<string, (params: Record<string, unknown>) => Promise<unknown>>;

/** The data of a button, or undefined when it would not fit Telegram's 64 bytes. */
function packedIfFits(pack: () => string): string | undefined {
  try {
    return pack();
  } catch {
    return undefined;
  }
}

const render = reviewRenderer();

/** A page of what waits for my decision, each report openable as its card; "approve all shown" when it fits. */
async function show(deps: ReviewDependencies, ctx: PrivateContext, page: number, edit: boolean) {
  if (!mayReview(ctx)) return ctx.reply(ctx.t("approvals-not-reviewer"));
  const pageSize = (deps.reviewPolicy ?? DEFAULT_REVIEW_POLICY).approvalsPageSize;
  const reviewer = { ...reviewerOf(ctx), timeZone: ctx.employee?.timeZone ?? "Asia/Jakarta" };
  const list = await pendingFor(deps.db, reviewer, deps.clock.now(), page, pageSize);
  if (list.total === 0) {
    const text = ctx.employee?.isSupervisor || ctx.isAdmin ? ctx.t("approvals-empty") : ctx.t("approvals-not-reviewer");
    return edit ? ctx.editMessageText(text) : ctx.reply(text);
  }
  const locale = negotiateLocale(ctx);
  const keyboard = new InlineKeyboard();
  const lines = list.rows.map((r, i) => {
    const day = fromDbDate(r.date);
    const date = day ? formatLocalDate(day, locale) : "-";
    const label = `${page * pageSize + i + 1}. ${r.number ?? "-"} · ${r.employee.name} · ${date}`;
    keyboard.text(label.slice(0, 60), reviewData.open.pack(r.id)).row();
    return label;
  });
  addPageButtons(keyboard, ctx.t.bind(ctx), page, list.pages, (p) => reviewData.list.pack(p));
  const shown = packReportIds(list.rows.map((r) => r.id));
  const shownAt = Math.floor(deps.clock.now().getTime() / 1000);
  const all = packedIfFits(() => reviewData.approveAllAsk.pack(page, shownAt, shown));
  const confirm = packedIfFits(() => reviewData.approveAll.pack(shownAt, shown));
  if (all && confirm) keyboard.row().text(ctx.t("approvals-button-approve-all"), all);
  const text = ctx.t("approvals-list", {
    page: page + 1,
    pages: list.pages,
    total: list.total,
    lines: lines.join("\n"),
  });
  return edit ? ctx.editMessageText(text, { reply_markup: keyboard }) : ctx.reply(text, { reply_markup: keyboard });
}

/** A report of the list as its card, with the evidence before it and the decision buttons. */
async function open(deps: ReviewDependencies, ctx: PressContext, reportId: number) {
  const target = await deps.db.report.findUnique({ where: { id: reportId }, select: { version: true } });
  const check = await checkReview(deps.db, reviewerOf(ctx), reportId, target?.version ?? 0, deps.clock.now());
  if (check.kind !== "ok") return alert(deps, ctx, check);
  await ctx.answerCallbackQuery();
  for (const call of evidenceCalls(ctx.chat.id, check.target.evidence)) {
    await (ctx.api.raw as unknown as RawApi)[call.method]!(call.params);
  }
  const locale = negotiateLocale(ctx);
  return ctx.reply(render.card(locale, cardOf(check.target)), {
    reply_markup: render.buttons(locale, check.target.id, check.target.version),
  });
}

/** "Approve all shown": asks for the confirmation, or goes back to the page. */
async function confirmApproveAll(ctx: PressContext, page: number, shownAt: number, reportIds: number[]) {
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard()
    .text(ctx.t("approvals-button-confirm"), reviewData.approveAll.pack(shownAt, packReportIds(reportIds)))
    .text(ctx.t("approvals-button-cancel"), reviewData.list.pack(page));
  return ctx.editMessageText(ctx.t("approvals-confirm", { count: reportIds.length }), { reply_markup: keyboard });
}

/**
 * The reports shown, approved as "meets expectations" after the confirmation; the others are
 * skipped, and so is one submitted again after the page was shown (sent back by someone else and
 * revised meanwhile: that version was never in the list the supervisor approved).
 */
async function approveAll(deps: ReviewDependencies, ctx: PressContext, shownAt: number, reportIds: number[]) {
  await ctx.answerCallbackQuery();
  const reviewer = reviewerOf(ctx);
  let approved = 0;
  for (const reportId of reportIds) {
    const row = await deps.db.report.findUnique({
      where: { id: reportId },
      select: { version: true, submittedAt: true },
    });
    if (!row?.submittedAt || Math.floor(row.submittedAt.getTime() / 1000) > shownAt) continue;
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
  return ctx.editMessageText(ctx.t("approvals-approved-all", { approved, skipped: reportIds.length - approved }));
}

/** `/persetujuan` and its buttons. */
export function approvals(deps: ReviewDependencies) {
  return {
    command: (ctx: PrivateContext) => show(deps, ctx, 0, false),
    async press(ctx: PressContext, action: ApprovalsAction) {
      switch (action.kind) {
        case "open":
          return open(deps, ctx, action.reportId);
        case "list":
          await ctx.answerCallbackQuery();
          return show(deps, ctx, action.page, true);
        case "approve-all-ask":
          return confirmApproveAll(ctx, action.page, action.shownAt, action.reportIds);
        case "approve-all":
          return approveAll(deps, ctx, action.shownAt, action.reportIds);
      }
    },
  };
}
