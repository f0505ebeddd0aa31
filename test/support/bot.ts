import { Writable } from "node:stream";
import type { Update } from "grammy/types";
import { loadConfig, type Config } from "../../src/config.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { fileStoreFrom } from "../../src/storage/from-config.ts";
import type { FileStore } from "../../src/storage/file-store.ts";
import type { Db } from "../../src/db/client.ts";
import { FakeTelegram, FAKE_BOT } from "./fake-telegram.ts";

/** The log lines a test produced, parsed, so a test can assert what was (not) logged. */
export function memoryLogger(botToken?: string) {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", botToken, destination }), lines };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const telegram = new FakeTelegram();
  return loadConfig({
    BOT_TOKEN: telegram.token,
    BOT_API_ROOT: telegram.apiRoot,
    DATA_DIR: "/nonexistent",
    ...overrides,
  });
}

/** `lapkin start` in webhook mode on a free local port, against the fake Bot API and the given database. */
export function webhookConfig(telegram: FakeTelegram, secret: string, databaseEnv: Record<string, string>): Config {
  return loadConfig({
    BOT_TOKEN: telegram.token,
    BOT_API_ROOT: telegram.apiRoot,
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://lapkin.example.go.id/telegram/webhook",
    WEBHOOK_SECRET: secret,
    HOST: "127.0.0.1",
    PORT: "0",
    ...databaseEnv,
  });
}

/** The real bot, wired to a fake Bot API and a fixed clock. */
export function createTestBot(options: {
  db: Db;
  now?: string;
  config?: Record<string, string>;
  telegram?: FakeTelegram;
  /** Where evidence is kept; default a local store in the config's DATA_DIR. */
  storage?: FileStore;
}) {
  const telegram = options.telegram ?? new FakeTelegram();
  const config = testConfig(options.config);
  const clock = fixedClock(options.now ?? "2026-11-24T03:00:00Z");
  const { logger, lines } = memoryLogger(config.botToken);
  const storage = options.storage ?? fileStoreFrom(config);
  // Background work (evidence downloads) is collected so a test can wait for it with settle().
  const pending = new Set<Promise<unknown>>();
  const background = (task: Promise<unknown>) => {
    const tracked = task.catch(() => undefined).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  const bot = createBot({
    config,
    db: options.db,
    storage,
    clock,
    logger,
    fetch: telegram.fetch,
    botInfo: FAKE_BOT,
    background,
  });
  const deliver = async (...updates: Update[]) => {
    for (const update of updates) await bot.handleUpdate(update);
  };
  const settle = async () => {
    while (pending.size) await Promise.all([...pending]);
  };
  return { bot, telegram, clock, config, deliver, settle, logLines: lines, storage };
}
