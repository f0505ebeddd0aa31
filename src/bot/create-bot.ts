import { Bot } from "grammy";
import { sequentialize } from "@grammyjs/runner";
import { autoRetry } from "@grammyjs/auto-retry";
import { MESSAGE_TRANSFORMERS } from "../lib/telegram-limits.ts";
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
import { EVERY_ROLE, menuCommands } from "../domain/registration/command-menu.ts";
import { identify } from "./identify.ts";
import { errorBoundary, lastResort } from "./error-boundary.ts";
import { cleanInput } from "./clean-input.ts";
import { skipRepeats, trackUpdate } from "./redelivery.ts";
import { groupGuard } from "../handlers/group-guard/index.ts";
import { registration } from "../handlers/registration/index.ts";
import { fallback, help } from "../handlers/help/index.ts";
import { language } from "../handlers/language/index.ts";
import { report } from "../handlers/report/index.ts";
import { review } from "../handlers/review/index.ts";
import { groups } from "../handlers/groups/index.ts";
import { unduh } from "../handlers/unduh/index.ts";
import { skp } from "../handlers/skp/index.ts";
import { evaluation } from "../handlers/evaluation/index.ts";
import { score } from "../handlers/score/index.ts";
import { dashboard } from "../handlers/dashboard/index.ts";
import { feedback } from "../handlers/feedback/index.ts";
import { peer } from "../handlers/peer/index.ts";
import { calibration } from "../handlers/calibration/index.ts";
import { recapFeature } from "../handlers/recap/index.ts";
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
  bot.api.config.use(...MESSAGE_TRANSFORMERS);
  const replyRetry = autoRetry({ maxRetryAttempts: 1, maxDelaySeconds: REPLY_RETRY_MAX_SECONDS });
  bot.api.config.use((prev, method, payload, signal) =>
    REPLY_METHODS.test(method) ? replyRetry(prev, method, payload, signal) : prev(method, payload, signal),
  );

  // First, so that an error is handled the same way in polling and webhook mode.
  bot.use(errorBoundary(deps.logger));
  // Before anything reads or stores what was typed (src/lib/clean-text.ts).
  bot.use(cleanInput());
  bot.use(trackUpdate());
  // One update at a time per chat, so a person's answers are handled in the order sent.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(identify({ db: deps.db, adminTelegramIds: deps.config.adminTelegramIds }));
  // A redelivered update already applied goes no further (src/bot/redelivery.ts).
  bot.use(skipRepeats(deps));
  bot.use(i18n());
  bot.use(groupGuard());
  bot.use(groups(deps));
  // Before the registration gate: a citizen's survey needs no employee record.
  bot.use(survey(deps));
  bot.use(registration(deps));
  bot.use(complaint(deps));
  bot.use(review(deps));
  bot.use(evaluation(deps)); // before /lapor, so a feedback text being asked for is taken first
  bot.use(feedback(deps)); // before /lapor, so a note being asked for is taken first
  bot.use(peer(deps)); // likewise for a peer-feedback note
  bot.use(calibration(deps)); // likewise for a flag's reason or a justification
  bot.use(recapFeature(deps));
  bot.use(score(deps));
  bot.use(dashboard(deps)); // before /lapor, so a login link can be asked for in the middle of a report
  bot.use(skp(deps)); // before /lapor, so /skp answers even in the middle of a report
  bot.use(unduh(deps)); // before /lapor, likewise
  bot.use(report(deps));
  bot.use(help());
  bot.use(language(deps));
  bot.use(fallback());

  bot.catch(lastResort(deps.logger));
  return bot;
}

/**
 * Publishes the default command menu of every private chat: Indonesian for everyone, English names
 * for English clients. A linked employee's chat gets its own menu on top (src/domain/registration/command-menu.ts).
 */
export async function publishCommands(bot: Bot<BotContext>): Promise<void> {
  await bot.api.setMyCommands(menuCommands("id", EVERY_ROLE), { scope: { type: "all_private_chats" } });
  await bot.api.setMyCommands(menuCommands("id", EVERY_ROLE), {
    scope: { type: "all_private_chats" },
    language_code: "id",
  });
  await bot.api.setMyCommands(menuCommands("en", EVERY_ROLE), {
    scope: { type: "all_private_chats" },
    language_code: "en",
  });
  await bot.api.setMyCommands([{ command: "daftargrup", description: translate("id", "command-daftargrup") }], {
    scope: { type: "all_group_chats" },
  });
}
