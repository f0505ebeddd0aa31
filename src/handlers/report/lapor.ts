import { InlineKeyboard, type Context } from "grammy";
import { translatorFor } from "../../lib/i18n.ts";
import {
  createDraft,
  discardDraft,
  DRAFT_FIELDS,
  loadDraft,
  missingField,
  openRevision,
  type DraftField,
  type DraftView,
} from "../../domain/report/drafts.ts";
import { ownIndicator } from "../../domain/report/indicators.ts";
import { clearPhotos } from "../../domain/report/photos.ts";
import { askDate } from "./ask-date.ts";
import { askIndicator } from "./ask-indicator.ts";
import { askDescription, askMinutes, askOutput } from "./ask-answers.ts";
import { askPhotos } from "./ask-photos.ts";
import { laporData } from "./callback-data.ts";
import { submitMessage, summaryText } from "./render.ts";
import { createStep, type LaporConversation, type LaporDeps, type Step } from "./step.ts";

/**
 * Bump whenever the /lapor conversation changes: stored conversations of an older version are
 * dropped (their answers are still in the draft report, which /lapor offers to resume).
 */
export const REPORT_CONVERSATION_VERSION = 3; // 3: time ranges, the rencana aksi after the indicator

/** How /lapor was entered (`draft`: one the caller has just made); kept with the conversation's state. */
export type LaporArgs = { mode: "new"; draft?: DraftView } | { mode: "resume" | "revise"; reportId: number };

const ASK: Record<DraftField, (s: Step) => Promise<void>> = {
  date: askDate,
  indicator: askIndicator,
  description: askDescription,
  output: askOutput,
  minutes: askMinutes,
  photos: askPhotos,
};

/**
 * `/lapor`: the daily activity report, one question at a time, saved as a draft after every
 * answer: the questions still open, in order, then the summary until Submit or Cancel.
 */
export function laporConversation(deps: LaporDeps) {
  return async function lapor(conversation: LaporConversation, ctx: Context, args: LaporArgs): Promise<void> {
    const me = await conversation.external(({ employee: e }) => ({
      id: e.id,
      unitId: e.unitId,
      timeZone: e.timeZone,
      language: e.language,
    }));
    const t = translatorFor(me.language);
    const lastSeen = await conversation.external(() => deps.clock.now().getTime());
    const opened =
      (args.mode === "new" ? args.draft : undefined) ??
      (await conversation.external(async () => {
        if (args.mode === "revise") return (await openRevision(deps.db, me.id, args.reportId)) ?? null;
        if (args.mode === "resume") return (await loadDraft(deps.db, me.id, args.reportId)) ?? null;
        return createDraft(deps.db, me.id);
      }));
    if (!opened || (args.mode === "resume" && opened.status !== "DRAFT")) {
      await ctx.reply(t("button-stale"));
      return;
    }
    const s = createStep({ conversation, ctx, deps, me, t, lastSeen, draft: opened });
    if (args.mode === "resume") await ctx.reply(t("lapor-resumed"));
    if (args.mode === "revise") await ctx.reply(t("lapor-revise-intro", { number: s.draft.number ?? "-" }));
    for (;;) {
      const missing = missingField(s.draft, deps.policy);
      if (missing) await ASK[missing](s);
      else if (await summary(s)) return;
    }
  };
}

/** The summary and what is pressed on it; true once the report is sent or cancelled. */
async function summary(s: Step): Promise<boolean> {
  const { t } = s;
  await s.ctx.reply(summaryText(t, s.draft, s.fmt), {
    reply_markup: new InlineKeyboard()
      .text(t("lapor-button-submit"), laporData.submit.pack(s.draft.id))
      .row()
      .text(t("lapor-button-edit"), laporData.edit.pack())
      .text(t("lapor-button-cancel"), laporData.cancel.pack()),
  });
  const choice = await summaryChoice(s);
  if (choice === "submit") return submit(s);
  if (choice === "cancel") {
    const { db } = s.deps;
    await s.conversation.external(() => discardDraft(db, s.me.id, s.draft.id));
    await s.ctx.reply(s.draft.status === "DRAFT" ? t("lapor-cancelled") : t("lapor-revise-cancelled"));
    return true;
  }
  await edit(s, choice.edit);
  return false;
}

async function summaryChoice(s: Step): Promise<"submit" | "cancel" | { edit: DraftField }> {
  for (;;) {
    const c = await s.next();
    const data = c.callbackQuery?.data;
    if (laporData.submit.parse(data)?.[0] === s.draft.id) return "submit";
    if (laporData.cancel.parse(data)) return "cancel";
    if (laporData.edit.parse(data)) {
      const k = new InlineKeyboard();
      for (const f of DRAFT_FIELDS) k.text(s.t(`lapor-field-${f}`), laporData.editField.pack(f)).row();
      await c.reply(s.t("lapor-ask-edit"), { reply_markup: k });
      continue;
    }
    const [field] = laporData.editField.parse(data) ?? [];
    if (field) return { edit: field };
    await c.reply(s.t("lapor-use-summary-buttons"));
  }
}

/** Submit: sent (its evidence downloads in the background) or, when incomplete, the open question again. */
async function submit(s: Step): Promise<boolean> {
  const id = s.draft.id;
  const outcome = await s.conversation.external(async (outer) => {
    const result = await s.deps.submit(s.me.id, id);
    if (result.kind === "submitted") s.deps.storeEvidenceSoon(outer.api, id);
    return result;
  });
  if (outcome.kind === "incomplete") {
    await s.reload();
    return false;
  }
  await s.ctx.reply(submitMessage(s.t, outcome));
  return true;
}

/** One answer asked again; a new date may leave the indicator of another year's SKP, asked again too. */
async function edit(s: Step, field: DraftField): Promise<void> {
  const { db, clock } = s.deps;
  if (field === "photos") {
    await s.conversation.external(() => clearPhotos(db, s.me.id, s.draft.id, clock.now()));
    s.draft = { ...s.draft, photos: 0 };
  }
  await ASK[field](s);
  const indicatorId = s.draft.indicatorId;
  if (field === "date" && indicatorId !== null) {
    const year = Number(s.draft.date!.slice(0, 4));
    const still = await s.conversation.external(
      async () => (await ownIndicator(db, s.me.id, indicatorId, year)) ?? null,
    );
    if (!still) await askIndicator(s);
  }
}
