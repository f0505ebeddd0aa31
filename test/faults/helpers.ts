import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.ts";
import { openDatabase, type Database, type Db } from "../../src/db/client.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { createServerApp } from "../../src/server/app.ts";
import { localFileStore } from "../../src/storage/local.ts";
import { memoryLogger, testConfig } from "../support/bot.ts";
import { FakeTelegram, FAKE_BOT } from "../support/fake-telegram.ts";

export const SECRET = "faults-secret";

/** The database with `property` (a model, `$transaction`) throwing for its next `times` uses: a lost connection, a lock timeout. */
export function failing(db: Db, property: string, times = Infinity) {
  let left = times;
  return new Proxy(db, {
    get(target, key) {
      if (key === property && left > 0) {
        left--;
        throw new Error(`injected failure of ${property}`);
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Db;
}

/**
 * One Lapkin instance in webhook mode, in this process: the real bot behind the real Hono app, its
 * own fake Bot API (a second instance, or the same one restarted, has another).
 */
export function webhookInstance(db: Db, options: { now?: string } = {}) {
  const telegram = new FakeTelegram();
  const config = testConfig({ DATA_DIR: "/nonexistent" });
  const { logger, lines } = memoryLogger(config.botToken);
  const bot = createBot({
    config,
    db,
    storage: localFileStore(config.dataDir),
    clock: fixedClock(options.now ?? "2026-11-24T03:00:00Z"),
    logger,
    fetch: telegram.fetch,
    botInfo: FAKE_BOT,
  });
  const app = createServerApp({
    database: { kind: "embedded", sql: { query: async () => [] } } as never,
    logger,
    webhook: { bot, secret: SECRET },
  });
  const post = (update: Update) =>
    app.request("/telegram/webhook", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: JSON.stringify(update),
    });
  return { bot, telegram, logLines: lines, post };
}

/**
 * A second connection to the same database, as another instance has: on PostgreSQL its own client
 * and pool; the embedded database allows one opener, so there it is the same one.
 */
export async function secondConnection(database: Database & { databaseUrl?: string }): Promise<Database> {
  const url = (database as { databaseUrl?: string }).databaseUrl;
  if (!url) return { ...database, close: async () => undefined };
  return openDatabase({ dataDir: "/nonexistent", databaseUrl: url });
}
