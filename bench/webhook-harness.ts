import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../src/bot/context.ts";
import { createBot } from "../src/bot/create-bot.ts";
import { loadConfig } from "../src/config.ts";
import { fixedClock } from "../src/lib/clock.ts";
import { createLogger } from "../src/lib/logger.ts";
import { createServerApp } from "../src/server/app.ts";
import { localFileStore } from "../src/storage/local.ts";
import { createTestDatabase } from "../test/support/db.ts";
import { FakeTelegram, FAKE_BOT } from "../test/support/fake-telegram.ts";

/**
 * The bot as production runs it in webhook mode — the real bot behind the Hono app's
 * `/telegram/webhook` — on a fresh database (PostgreSQL when DATABASE_URL is set, else embedded)
 * and the fake Bot API, for the benches that drive it with updates.
 */

/**
 * The bench's clock: a Tuesday morning in WIB. On the real clock "today" is a weekend two days a
 * week, and /lapor then asks whether to report on a day off, which the scripted flows do not answer.
 */
export const WORKING_DAY = "2026-11-24T03:00:00Z";

export async function webhookHarness(options: { name: string; background?: Promise<unknown>[] }) {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), `lapkin-bench-${options.name}-`));
  const telegram = new FakeTelegram();
  const secret = "bench-secret";
  const config = loadConfig({
    BOT_TOKEN: telegram.token,
    BOT_API_ROOT: telegram.apiRoot,
    DATA_DIR: dataDir,
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://example.invalid/hook",
    WEBHOOK_SECRET: secret,
  });
  const logger = createLogger({ level: (process.env.BENCH_LOG_LEVEL ?? "silent") as "silent" });
  const bot = createBot({
    config,
    db: database.prisma,
    storage: localFileStore(dataDir),
    clock: fixedClock(WORKING_DAY),
    logger,
    fetch: telegram.fetch,
    botInfo: FAKE_BOT,
    background: options.background && ((t) => void options.background!.push(t.catch(() => undefined))),
  });
  /** Posting updates to the webhook of an app serving `target` (the real bot, or another to compare). */
  const poster = (target: Bot<BotContext>) => {
    const app = createServerApp({ database, logger, webhook: { bot: target, secret } });
    return (update: Update) =>
      app.request("/telegram/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
        body: JSON.stringify(update),
      });
  };
  const close = async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { database, telegram, post: poster(bot), poster, close };
}

/** The data of the first button on the bot's last message to the chat that `parse` accepts. */
export function lastButton(telegram: FakeTelegram, chatId: number, parse: (data: string) => unknown): string {
  for (let i = telegram.calls.length - 1; i >= 0; i--) {
    const call = telegram.calls[i]!;
    if (call.method !== "sendMessage" || Number(call.payload.chat_id) !== chatId) continue;
    const rows =
      (call.payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)
        ?.inline_keyboard ?? [];
    const found = rows.flat().find((b) => b.callback_data !== undefined && parse(b.callback_data) !== undefined);
    if (found) return found.callback_data!;
  }
  throw new Error(`no such button was sent to ${chatId}; last: ${telegram.lastText(chatId)}`);
}

/** The p-th percentile of the values (sorted in place). */
export function percentile(values: number[], p: number): number {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;
}
