import type { Context } from "grammy";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { CallbackCodec } from "../../lib/callback-data.ts";
import type { Translate } from "../../lib/i18n.ts";
import { formatLocalDate } from "../../lib/time.ts";
import type { BotContext, CurrentEmployee } from "../../bot/context.ts";
import { writeWithConversation } from "../../bot/storage.ts";
import type { ReportPolicy } from "../../domain/policy/sections.ts";
import { draftUpdate, loadDraft, type DraftPatch, type DraftView } from "../../domain/report/drafts.ts";
import type { SubmitOutcome } from "../../domain/report/submit.ts";
import type { TelegramFiles } from "../../domain/report/evidence.ts";
import { LAPOR_BUTTON } from "./callback-data.ts";

/** An update of a linked employee's private chat, with the conversations plugin. */
export type ReportContext = ConversationFlavor<BotContext> & { employee: CurrentEmployee };
export type LaporConversation = Conversation<ReportContext, Context>;

/** What the /lapor conversation needs from outside. */
export interface LaporDeps {
  db: Db;
  clock: Clock;
  policy: ReportPolicy;
  submit(employeeId: number, reportId: number): Promise<SubmitOutcome>;
  /** Starts the download of a submitted report's evidence, without waiting for it. */
  storeEvidenceSoon(files: TelegramFiles, reportId: number): void;
}

/** Who is reporting, as the conversation keeps it (plain JSON). */
export interface Reporter {
  id: number;
  unitId: number;
  timeZone: string;
  language: string;
}

/**
 * What every question of one /lapor shares. The conversation is replayed from the top on every
 * update, so every read of the database or the clock goes through `conversation.external` (and
 * returns plain JSON), while Bot API calls never do.
 */
export interface Step {
  conversation: LaporConversation;
  /** The update that entered the conversation: a question is sent with it. */
  ctx: Context;
  deps: LaporDeps;
  policy: ReportPolicy;
  me: Reporter;
  t: Translate;
  /** "2026-11-24" → "24 November 2026", in the reporter's language. */
  fmt(date: string): string;
  /** The conversation's own copy of the draft, kept in step with every answer saved. */
  draft: DraftView;
  /** The next update for this question; handles idle expiry, other commands and foreign buttons. */
  next(): Promise<Context>;
  /** Saves answers to the draft; `local` updates the copy's other fields with them. */
  save(patch: DraftPatch, local?: Partial<DraftView>): Promise<void>;
  /** Reads the draft again (after Submit found it incomplete). */
  reload(): Promise<void>;
  /** Waits for a yes/no button; anything else repeats the question. */
  confirm(question: CallbackCodec<readonly ["yes" | "no"]>): Promise<boolean>;
}

/** Answers of this update not yet written: a second save in one update is merged into the first. */
const unsavedAnswers = new WeakMap<object, DraftPatch>();

export function createStep(opened: {
  conversation: LaporConversation;
  ctx: Context;
  deps: LaporDeps;
  me: Reporter;
  t: Translate;
  lastSeen: number;
  draft: DraftView;
}): Step {
  const { conversation, deps, me, t } = opened;
  const policy = deps.policy;
  let lastSeen = opened.lastSeen;
  const step: Step = {
    conversation,
    ctx: opened.ctx,
    deps,
    policy,
    me,
    t,
    fmt: (date) => formatLocalDate(date, me.language),
    draft: opened.draft,
    async next() {
      const c = await conversation.wait();
      // An edit of an answer already sent is no answer to this question, and changes nothing saved.
      if (c.editedMessage) {
        await c.reply(t("lapor-edit-ignored"));
        await conversation.skip();
      }
      const at = await conversation.external(() => deps.clock.now().getTime());
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
      if (data !== undefined && !LAPOR_BUTTON.test(data)) await conversation.skip({ next: true });
      if (data !== undefined) await c.answerCallbackQuery();
      return c;
    },
    /**
     * The UPDATE goes out in the statement that stores this step of the conversation, at the end
     * of the update (one round trip for both; both or neither). The copy of the draft is updated
     * here, outside `external`: that is deterministic on replay.
     */
    async save(patch, local = {}) {
      await conversation.external((outer) => {
        const unsaved = { ...unsavedAnswers.get(outer), ...patch };
        unsavedAnswers.set(outer, unsaved);
        writeWithConversation(outer, "draft", draftUpdate(me.id, step.draft.id, unsaved));
      });
      step.draft = { ...step.draft, ...patch, ...local };
    },
    async reload() {
      const id = step.draft.id;
      step.draft =
        (await conversation.external(async () => (await loadDraft(deps.db, me.id, id)) ?? null)) ?? step.draft;
    },
    async confirm(question) {
      for (;;) {
        const c = await step.next();
        const [answer] = question.parse(c.callbackQuery?.data) ?? [];
        if (answer) return answer === "yes";
        await c.reply(t("lapor-use-buttons"));
      }
    },
  };
  return step;
}
