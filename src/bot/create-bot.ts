import { Bot, type RawApi } from "grammy";
import { sequentialize } from "@grammyjs/runner";
import { autoRetry } from "@grammyjs/auto-retry";
import { fitToTelegramLimits } from "../lib/telegram-limits.ts";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { FileStore } from "../storage/file-store.ts";
import type { FeedbackPolicy, ReportPolicy, ReviewPolicy } from "../domain/policy/sections.ts";
import type { EvaluationPeriodKind } from "../domain/skp/periods.ts";
import type { BotContext } from "./context.ts";
import { i18n } from "./i18n.ts";
import { translate } from "../lib/i18n.ts";
import { identify } from "./identify.ts";
import { errorBoundary } from "./error-boundary.ts";
import { groupGuard } from "../handlers/group-guard/index.ts";
import { registration } from "../handlers/registration/index.ts";
import { fallback, help } from "../handlers/help/index.ts";
import { language } from "../handlers/language/index.ts";
import { report } from "../handlers/report/index.ts";
import { review } from "../handlers/review/index.ts";
import { groups } from "../handlers/groups/index.ts";
import { skp } from "../handlers/skp/index.ts";
import { evaluation } from "../handlers/evaluation/index.ts";
import { score } from "../handlers/score/index.ts";
import { survey } from "../handlers/survey/index.ts";
import { complaint } from "../handlers/complaint/index.ts";

export interface BotDependencies {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where evidence photos are kept (DATA_DIR's folder, or the store every instance shares). */
  storage: FileStore;
  /** Replaces Telegram's transport; tests and benchmarks pass a fake Bot API here. */
  fetch?: typeof fetch;
  /** Skips the getMe call at start when the caller already knows the bot. */
  botInfo?: UserFromGetMe;
  /** Runs work that must not hold up an update (evidence downloads); tests collect it to await it. */
  background?: (task: Promise<unknown>) => void;
  /** The policy in force, loaded by startLapkin (src/domain/policy/sections.ts); absent: the defaults. */
  policy?: ReportPolicy;
  reviewPolicy?: ReviewPolicy;
  periodKind?: EvaluationPeriodKind;
  feedbackPolicy?: FeedbackPolicy;
}

/** The longest `retry_after` a reply waits out; a longer one fails the update (redelivered in webhook mode). */
const REPLY_RETRY_MAX_SECONDS = 5;

/** The calls that answer a person: send*, edit*, answer*, copy*, forward*, deleteMessage(s). */
const REPLY_METHODS = /^(send|edit|answer|copy|forward)|^deleteMessages?$/;

/** Assembles the bot from its features. Nothing here holds state of its own. */
export function createBot(deps: BotDependencies): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.botToken, {
    botInfo: deps.botInfo,
    client: { apiRoot: deps.config.botApiRoot, fetch: deps.fetch as never },
  });
  // A reply hit by a 429 or a passing 5xx is worth one more try, if it fits the update's time.
  // Only replies: start-up calls, getUpdates and getFile (evidence) have retry rules of their own,
  // and the outbox sender works on its own copy of the API.
  bot.api.config.use(fitToTelegramLimits);
  const replyRetry = autoRetry({ maxRetryAttempts: 1, maxDelaySeconds: REPLY_RETRY_MAX_SECONDS });
  bot.api.config.use((prev, method, payload, signal) =>
    REPLY_METHODS.test(method) ? replyRetry(prev, method, payload, signal) : prev(method, payload, signal),
  );

  // One update at a time per chat, so a person's answers are handled in the order sent.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(identify({ db: deps.db, adminTelegramIds: deps.config.adminTelegramIds }));
  bot.use(i18n());
  bot.use(groupGuard());
  bot.use(groups(deps));
  // Before the registration gate: a citizen's survey needs no employee record.
  bot.use(survey(deps));
  bot.use(registration(deps));
  bot.use(complaint(deps));
  bot.use(review(deps));
  bot.use(evaluation(deps)); // before /lapor, so a feedback text being asked for is taken first
  bot.use(score(deps));
  bot.use(skp(deps)); // before /lapor, so /skp answers even in the middle of a report
  bot.use(report(deps));
  bot.use(help());
  bot.use(language(deps));
  bot.use(fallback());

  bot.catch(errorBoundary(deps.logger));
  return bot;
}

type Commands = Parameters<RawApi["setMyCommands"]>[0]["commands"];

const COMMANDS: Array<[id: string, en: string, key: string]> = [
  ["lapor", "report", "command-lapor"],
  ["riwayat", "history", "command-riwayat"],
  ["skp", "skp", "command-skp"],
  ["nilai", "score", "command-nilai"],
  ["persetujuan", "approvals", "command-persetujuan"],
  ["tim", "team", "command-tim"],
  ["evaluasi", "evaluate", "command-evaluasi"],
  ["batal", "cancel", "command-batal"],
  ["bahasa", "language", "command-bahasa"],
  ["bantuan", "help", "command-bantuan"],
];

/** Publishes the command menu: Indonesian for everyone, English names for English clients. */
export async function publishCommands(bot: Bot<BotContext>): Promise<void> {
  const list = (locale: "id" | "en"): Commands =>
    COMMANDS.map(([id, en, key]) => ({ command: locale === "id" ? id : en, description: translate(locale, key) }));
  await bot.api.setMyCommands(list("id"), { scope: { type: "all_private_chats" } });
  await bot.api.setMyCommands(list("id"), { scope: { type: "all_private_chats" }, language_code: "id" });
  await bot.api.setMyCommands(list("en"), { scope: { type: "all_private_chats" }, language_code: "en" });
  await bot.api.setMyCommands([{ command: "daftargrup", description: translate("id", "command-daftargrup") }], {
    scope: { type: "all_group_chats" },
  });
}
