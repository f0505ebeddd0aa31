import { InlineKeyboard } from "grammy";
import { formatLocalDate } from "../../lib/time.ts";
import {
  answeredCount,
  discardDraft,
  findDraft,
  findOrCreateDraft,
  loadDraft,
  missingField,
} from "../../domain/report/drafts.ts";
import { draftData } from "./callback-data.ts";
import { submitMessage } from "./render.ts";
import type { LaporDeps, ReportContext } from "./step.ts";

/** The way into /lapor and out of it, outside the conversation: /lapor, its draft offer, /batal, Submit again. */
export function laporHandlers(deps: LaporDeps) {
  /** `/batal`: leaves /lapor at any step; a draft never submitted goes with it. */
  async function cancel(ctx: ReportContext) {
    if (!ctx.conversation.active("lapor")) return ctx.reply(ctx.t("cancel-nothing"));
    await ctx.conversation.exit("lapor");
    const draft = await findDraft(deps.db, ctx.employee.id);
    if (draft) await discardDraft(deps.db, ctx.employee.id, draft.id);
    return ctx.reply(ctx.t("lapor-cancelled"));
  }

  /** `/lapor`: a new report, or the offer to resume the unfinished draft (at once when it has no date yet). */
  async function start(ctx: ReportContext) {
    // The unfinished draft, or a new one made in the same statement.
    const { draft, created } = await findOrCreateDraft(deps.db, ctx.employee.id);
    if (created) return ctx.conversation.enter("lapor", { mode: "new", draft });
    if (missingField(draft, deps.policy) === "date") {
      return ctx.conversation.enter("lapor", { mode: "resume", reportId: draft.id });
    }
    const date = draft.date ? formatLocalDate(draft.date, ctx.employee.language) : "-";
    return ctx.reply(ctx.t("lapor-draft-found", { date, answered: answeredCount(draft) }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("lapor-button-resume"), draftData.pack("resume", draft.id))
        .text(ctx.t("lapor-button-start-over"), draftData.pack("new", draft.id)),
    });
  }

  /** Resume or Start over, on the draft offer. */
  async function draftChoice(ctx: ReportContext, [choice, reportId]: readonly ["resume" | "new", number]) {
    // An old button pressed while another /lapor is open: entering again would clash with it.
    if (ctx.conversation.active("lapor"))
      return ctx.answerCallbackQuery({ text: ctx.t("lapor-in-progress"), show_alert: true });
    const draft = await loadDraft(deps.db, ctx.employee.id, reportId);
    await ctx.answerCallbackQuery();
    if (!draft || draft.status !== "DRAFT") return ctx.reply(ctx.t("button-stale"));
    if (choice === "resume") return ctx.conversation.enter("lapor", { mode: "resume", reportId });
    await discardDraft(deps.db, ctx.employee.id, reportId);
    return ctx.conversation.enter("lapor", { mode: "new" });
  }

  /** A Submit pressed again after the report went out (or delivered twice): never a second report. */
  async function submitAgain(ctx: ReportContext, [reportId]: readonly [number]) {
    const outcome = await deps.submit(ctx.employee.id, reportId);
    await ctx.answerCallbackQuery();
    if (outcome.kind === "submitted") deps.storeEvidenceSoon(ctx.api, reportId);
    return ctx.reply(submitMessage(ctx.t, outcome));
  }

  return { cancel, start, draftChoice, submitAgain };
}
