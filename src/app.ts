import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { run } from "@grammyjs/runner";
import { Api, type Bot } from "grammy";
import type { Hono } from "hono";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import { createBot, publishCommands } from "./bot/create-bot.ts";
import { connectBot, startupCall, StartupError, type ConnectOptions } from "./bot/connect.ts";
import { createServerApp } from "./server/app.ts";
import { fileStoreFrom } from "./storage/from-config.ts";
import { reviewRenderer } from "./handlers/review/index.ts";
import type { FileStore } from "./storage/file-store.ts";
import { createOutboxSender } from "./jobs/outbox.ts";
import { createScheduler } from "./jobs/scheduler.ts";
import { intervalJobs } from "./jobs/intervals.ts";
import { deactivateOnForbidden } from "./domain/groups/linking.ts";
import { loadPolicies } from "./domain/policy/load.ts";
import { yearsWithoutHolidays } from "./domain/calendar.ts";
import { localDate } from "./lib/time.ts";
import type { ReportPolicy } from "./domain/policy/sections.ts";
import type { BotContext } from "./bot/context.ts";

export interface RunningLapkin {
  port: number;
  database: Database;
  /** Stops taking updates, lets those in flight finish, closes the server and the database. */
  stop(): Promise<void>;
}

export { StartupError };

/** Per-update bound: a stuck update must not hold its chat's queue forever. */
const UPDATE_TIMEOUT_MS = 60_000;

/** Pause between two getUpdates tries while Telegram is unreachable. */
const POLL_RETRY_MS = 2_000;

/** How often the outbox sender looks for due messages: "within seconds of Submit". */
const OUTBOX_INTERVAL_MS = 1_000;

type StartDeps = {
  config: Config;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** A database already opened (and filled) by the caller, `lapkin demo`; closed on stop like our own. */
  database?: Database;
  /** The demo page's routes, served under /demo (src/demo). */
  demo?: Hono;
};
type Opened = Array<() => Promise<void>>;

export async function startLapkin(deps: StartDeps): Promise<RunningLapkin> {
  const { config, logger } = deps;
  const started = performance.now();
  const database = deps.database ?? (await openDatabase(config));
  // What is open so far, closed in reverse order if start-up fails: a failed start must exit,
  // not leave an HTTP server (or a poller) holding the process alive.
  const opened: Opened = [() => database.close()];
  try {
    const migration = await migrate(database.sql);
    if (migration.applied.length) logger.info({ applied: migration.applied }, "database migrated");

    // The bot's policies are read once here (createBot hands them on to /lapor, /persetujuan and
    // /skp; the evidence and idle-/lapor tasks use the same): an import reaches them at the next
    // start. The scheduler, /evaluasi and /nilai read theirs each time.
    const policies = await loadPolicies(database.prisma, logger);
    const storage = fileStoreFrom(config);
    const bot = createBot({
      ...deps,
      storage,
      db: database.prisma,
      policy: policies.report,
      reviewPolicy: policies.review,
      periodKind: policies.rating.period,
      feedbackPolicy: policies.feedback,
    });
    const connect: ConnectOptions = {
      apiRoot: config.botApiRoot,
      token: config.botToken,
      waitMs: config.startupWaitSeconds * 1000,
      logger,
    };
    await connectBot(bot, connect);
    await publishCommands(bot).catch((error) => logger.warn({ err: error }, "could not publish the command menu"));

    const webhook = config.botMode === "webhook" ? { bot, secret: config.webhookSecret! } : undefined;
    const dashboard = config.publicUrl
      ? {
          db: database.prisma,
          clock: deps.clock,
          logger,
          storage,
          publicUrl: config.publicUrl,
          adminTelegramIds: config.adminTelegramIds,
          reviewRenderer: reviewRenderer(),
          periodKind: policies.rating.period,
          reviewPolicy: policies.review,
          defaultOrganisationalResult: policies.rating.organisationalResult,
          dataDir: config.dataDir,
          botUsername: bot.botInfo.username,
          defaultTimeZone: config.defaultTimeZone,
        }
      : undefined;
    if (!dashboard) logger.info("dashboard off: set PUBLIC_URL to the address browsers reach Lapkin at");
    const evidence = { db: database.prisma, storage, clock: deps.clock, logger };
    const app = createServerApp({ database, logger, webhook, dashboard, evidence, demo: deps.demo });
    const server = await listen(app.fetch, config);
    opened.push(() => closeServer(server));
    const port = (server.address() as AddressInfo).port;

    await receiveUpdates(bot, config, connect, opened);
    await startWorkers(deps, database, bot, { policy: policies.report, storage }, opened);

    logger.info(
      {
        mode: config.botMode,
        database: database.kind,
        port,
        bot: bot.botInfo.username,
        startupMs: Math.round(performance.now() - started),
      },
      "lapkin ready",
    );
    for (const year of yearsWithoutHolidays(localDate(deps.clock.now(), config.defaultTimeZone)))
      logger.warn({ year }, `no national holidays for ${year}: add holidays/${year}.json, or reminders go out on them`);
    return { port, database, stop: () => stopWithin(STOP_TIMEOUT_MS, opened, server, logger) };
  } catch (error) {
    await closeAll(opened, logger);
    throw error;
  }
}

/** Webhook mode: tells Telegram where to post. Polling: clears any webhook and starts the poller. */
async function receiveUpdates(bot: Bot<BotContext>, config: Config, connect: ConnectOptions, opened: Opened) {
  if (config.botMode === "webhook") {
    const options = { secret_token: config.webhookSecret, drop_pending_updates: false };
    await startupCall(
      "setWebhook",
      (signal) => bot.api.setWebhook(config.webhookUrl!, options, signal as never),
      connect,
    );
    return;
  }
  const clear = (signal: AbortSignal) => bot.api.deleteWebhook({ drop_pending_updates: false }, signal as never);
  await startupCall("deleteWebhook", clear, connect);
  const runner = run(bot, {
    // A steady retry while Telegram is unreachable: the default doubles without a cap, and a
    // stop would wait out the current pause (minutes after a long outage).
    runner: { silent: true, retryInterval: POLL_RETRY_MS },
    sink: {
      timeout: {
        milliseconds: UPDATE_TIMEOUT_MS,
        handler: (update) =>
          connect.logger.error({ updateId: update.update_id }, "update took too long; its chat continues"),
      },
    },
  });
  // First to stop: no new updates while the rest closes.
  opened.push(async () => {
    if (runner.isRunning()) await runner.stop();
  });
}

/** The outbox sender and the scheduler (whose jobs only queue messages; the sender sends them, paced). */
async function startWorkers(
  deps: StartDeps,
  database: Database,
  bot: Bot<BotContext>,
  { policy, storage }: { policy: ReportPolicy; storage: FileStore },
  opened: Opened,
) {
  const { config, clock, logger } = deps;
  const outbox = createOutboxSender({
    db: database.prisma,
    // Without the bot's reply retry: the sender paces and retries by its own rules.
    api: new Api(bot.api.token, bot.api.options),
    clock,
    logger,
    onPermanentFailure: deactivateOnForbidden(database.prisma, () => clock.now()),
  });
  outbox.start(OUTBOX_INTERVAL_MS);
  opened.push(() => outbox.stop());
  const scheduler = createScheduler({
    db: database.prisma,
    clock,
    logger,
    adminTelegramIds: config.adminTelegramIds,
    adminTimeZone: config.defaultTimeZone,
    intervals: intervalJobs({
      db: database.prisma,
      api: bot.api,
      config,
      storage,
      clock,
      logger,
      fetch: deps.fetch,
      policy,
    }),
  });
  await scheduler.start();
  opened.push(() => scheduler.stop());
}

/** How long a stop may take, whatever the network does (systemd's TimeoutStopSec is longer). */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Stops taking updates, lets those in flight finish, then closes the rest. When Telegram (or a
 * handler's reply) hangs, waiting is bounded: after `timeoutMs` the connections are cut and the
 * database closed anyway; updates not finished were not confirmed to Telegram, so they are
 * delivered again after the restart.
 */
async function stopWithin(
  timeoutMs: number,
  opened: Array<() => Promise<void>>,
  server: ServerType,
  logger: Logger,
): Promise<void> {
  const orderly = closeAll(opened, logger);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), timeoutMs)));
  const outcome = await Promise.race([orderly.then(() => "done" as const), late]);
  clearTimeout(timer);
  if (outcome === "late") {
    logger.warn({ timeoutMs }, "stopping took too long; unfinished updates are left for Telegram to deliver again");
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await Promise.race([closeAll(opened, logger), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
  logger.info("lapkin stopped");
}

/** Closes what was opened, newest first; each at most once, and one failure does not stop the rest. */
async function closeAll(opened: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  while (opened.length) {
    const close = opened.pop()!;
    await close().catch((error) => logger.error({ err: error }, "closing failed"));
  }
}

const closeServer = (server: ServerType) => new Promise<void>((resolve) => server.close(() => resolve()));

function listen(fetch: (request: Request) => Response | Promise<Response>, config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: config.host, port: config.port }, () => resolve(server));
    server.once("error", (error) =>
      reject(
        new StartupError(
          `Cannot listen on ${config.host}:${config.port} (${(error as Error).message}). Set HOST/PORT.`,
        ),
      ),
    );
  });
}
