import { InlineKeyboard } from "grammy";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { awaitsRevision, listReports, reportDetail, withdrawReport } from "../../domain/report/history.ts";
import { historyData } from "./callback-data.ts";
import { historyDetailText, historyLine } from "./render.ts";
import type { ReportContext } from "./step.ts";
import { addPageButtons } from "../../lib/pager.ts";

/** `/riwayat`: the employee's own reports, a page at a time, each opened with its photos. */
export function historyHandlers(deps: { db: Db; clock: Clock }) {
  async function showList(ctx: ReportContext, page: number, edit: boolean) {
    const list = await listReports(deps.db, ctx.employee.id, page);
    if (list.total === 0) return ctx.reply(ctx.t("history-empty"));
    const keyboard = new InlineKeyboard();
    const lines = list.rows.map((r) => {
      const label = historyLine(ctx.t, r, ctx.employee.language);
      keyboard.text(label.slice(0, 60), historyData.open.pack(r.id)).row();
      return label;
    });
    addPageButtons(keyboard, ctx.t.bind(ctx), page, list.pages, (p) => historyData.page.pack(p));
    const text = ctx.t("history-list", {
      page: page + 1,
      pages: list.pages,
      total: list.total,
      lines: lines.join("\n"),
    });
    if (edit) return ctx.editMessageText(text, { reply_markup: keyboard });
    return ctx.reply(text, { reply_markup: keyboard });
  }

  async function showDetail(ctx: ReportContext, reportId: number) {
    const r = await reportDetail(deps.db, ctx.employee.id, reportId);
    if (!r || r.status === "DRAFT") return ctx.reply(ctx.t("button-stale"));
    const keyboard = new InlineKeyboard();
    if (r.status === "SUBMITTED")
      keyboard.text(ctx.t("history-button-withdraw"), historyData.withdraw.pack(r.id)).row();
    if (r.status === "REVISION_REQUESTED")
      keyboard.text(ctx.t("history-button-revise"), historyData.revise.pack(r.id)).row();
    keyboard.text(ctx.t("history-button-back"), historyData.page.pack(0));
    await ctx.reply(historyDetailText(ctx.t, r, ctx.employee), { reply_markup: keyboard });
    const photos = r.evidence.filter((e) => e.width !== null);
    const documents = r.evidence.filter((e) => e.width === null);
    if (photos.length === 1) await ctx.replyWithPhoto(photos[0]!.fileId);
    else if (photos.length > 1)
      await ctx.replyWithMediaGroup(photos.map((e) => ({ type: "photo" as const, media: e.fileId })));
    for (const d of documents) await ctx.replyWithDocument(d.fileId);
  }

  async function withdraw(ctx: ReportContext, reportId: number) {
    const outcome = await withdrawReport(deps.db, ctx.employee.id, reportId, deps.clock.now());
    if (outcome === "not-allowed")
      return ctx.answerCallbackQuery({ text: ctx.t("history-withdraw-not-allowed"), show_alert: true });
    await ctx.answerCallbackQuery();
    return ctx.reply(ctx.t("history-withdrawn"));
  }

  /** "Revise" on a report sent back: /lapor opens it, unless a /lapor is already open. */
  async function revise(ctx: ReportContext, reportId: number) {
    if (ctx.conversation.active("lapor"))
      return ctx.answerCallbackQuery({ text: ctx.t("lapor-in-progress"), show_alert: true });
    if (!(await awaitsRevision(deps.db, ctx.employee.id, reportId)))
      return ctx.answerCallbackQuery({ text: ctx.t("history-revise-not-allowed"), show_alert: true });
    await ctx.answerCallbackQuery();
    return ctx.conversation.enter("lapor", { mode: "revise", reportId });
  }

  return { showList, showDetail, withdraw, revise };
}
