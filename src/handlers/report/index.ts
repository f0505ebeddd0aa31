import { Composer, type Context } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/client.ts";
import type { CallbackCodec } from "../../lib/callback-data.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { MESSAGE_TRANSFORMERS } from "../../lib/telegram-limits.ts";
import type { FileStore } from "../../storage/file-store.ts";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import { conversationStorage, flushPendingWrites } from "../../bot/storage.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../../domain/policy/sections.ts";
import { storePendingEvidence } from "../../domain/report/evidence.ts";
import { submitReport } from "../../domain/report/submit.ts";
import { reviewRenderer } from "../review/render.ts";
import { draftData, historyData, LAPOR_BUTTON, laporData } from "./callback-data.ts";
import { historyHandlers } from "./history.ts";
import { laporHandlers } from "./start.ts";
import { laporConversation, REPORT_CONVERSATION_VERSION } from "./lapor.ts";
import type { LaporDeps, ReportContext } from "./step.ts";

export { REPORT_CONVERSATION_VERSION } from "./lapor.ts";

export interface ReportDependencies {
  config: Pick<Config, "botApiRoot" | "botToken">;
  db: Db;
  /** Where evidence photos are kept. */
  storage: FileStore;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  policy?: ReportPolicy;
  /** Where background work (evidence downloads) runs; tests collect it to await it. */
  background?: (task: Promise<unknown>) => void;
}

/**
 * `/lapor`: the daily activity report (the conversation in lapor.ts); `/riwayat`: the employee's
 * own reports. `/batal` leaves /lapor at any step. The order below matters.
 */
export function report(deps: ReportDependencies): Composer<BotContext> {
  const lapor = laporDependencies(deps);
  const entry = laporHandlers(lapor);
  const history = historyHandlers(deps);
  const feature = new Composer<ReportContext>();
  const chat = feature.chatType("private").filter(isLinked);
  /** A button of `codec`: data it does not read passes on to the handlers after this one. */
  const button = <T extends readonly unknown[]>(
    codec: CallbackCodec<T>,
    handler: (ctx: ReportContext, values: T) => Promise<unknown>,
  ) =>
    chat.callbackQuery(codec.filter, (ctx, next) => {
      const values = codec.parse(ctx.callbackQuery.data);
      return values ? handler(ctx, values) : next();
    });

  // An answer saved by a conversation that also ended in this update has no state write to go with.
  chat.use(async (ctx, next) => {
    await next();
    await flushPendingWrites(deps.db, ctx, deps.clock);
  });
  chat.use(
    conversations<ReportContext, Context>({
      // The conversation's own Api lacks the bot's transformers: HTML and the limits again.
      plugins: [(ctx, next) => (ctx.api.config.use(...MESSAGE_TRANSFORMERS), next())],
      // Kept under conv:<chat id>; identify has usually read it already, with the sender.
      storage: {
        type: "context",
        version: REPORT_CONVERSATION_VERSION,
        adapter: conversationStorage({ db: deps.db, clock: deps.clock }),
      },
    }),
  );

  // Before createConversation, so that an open wait does not swallow it (docs/architecture.md, "Conversations").
  chat.command(["batal", "cancel"], (ctx) => entry.cancel(ctx));
  chat.use(createConversation<ReportContext, Context>(laporConversation(lapor), { id: "lapor" }));
  chat.command(["lapor", "report"], (ctx) => entry.start(ctx));
  button(draftData, (ctx, values) => entry.draftChoice(ctx, values));
  button(laporData.submit, (ctx, values) => entry.submitAgain(ctx, values));
  chat.callbackQuery(LAPOR_BUTTON, (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true }));

  chat.command(["riwayat", "history"], (ctx) => history.showList(ctx, 0, false));
  button(historyData.page, async (ctx, [page]) => (await ctx.answerCallbackQuery(), history.showList(ctx, page, true)));
  button(
    historyData.open,
    async (ctx, [reportId]) => (await ctx.answerCallbackQuery(), history.showDetail(ctx, reportId)),
  );
  button(historyData.withdraw, (ctx, [reportId]) => history.withdraw(ctx, reportId));
  button(historyData.revise, (ctx, [reportId]) => history.revise(ctx, reportId));

  return feature as unknown as Composer<BotContext>;
}

/** Submit and the evidence download after it, shared by the conversation and a Submit pressed outside it. */
function laporDependencies(deps: ReportDependencies): LaporDeps {
  const policy = deps.policy ?? DEFAULT_POLICY;
  const background =
    deps.background ??
    ((task) => void task.catch((error) => deps.logger.error({ err: error }, "background task failed")));
  const reviewCards = reviewRenderer();
  const { db, clock, config, fetch, logger, storage } = deps;
  return {
    db,
    clock,
    policy,
    submit: (employeeId, reportId) =>
      submitReport(db, { reportId, employeeId, now: clock.now(), policy, render: reviewCards }),
    storeEvidenceSoon: (files, reportId) =>
      background(storePendingEvidence({ db, files, config, storage, clock, fetch, logger, policy }, { reportId })),
  };
}
