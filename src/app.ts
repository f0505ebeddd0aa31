import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { HttpError, GrammyError } from "grammy";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import { createBot, publishCommands } from "./bot/create-bot.ts";
import { createServerApp } from "./server/app.ts";
import { createOutboxSender } from "./jobs/outbox.ts";
import { createScheduler } from "./jobs/scheduler.ts";
import { retryPendingEvidence } from "./jobs/evidence.ts";
import { expireIdleReportConversations } from "./jobs/report-idle.ts";
import { translate } from "./lib/i18n.ts";
import { deactivateOnForbidden } from "./domain/groups.ts";
import { loadPolicies } from "./domain/policy.ts";

export interface RunningLapkin {
  port: number;
  database: Database;
  /** Stops taking updates, lets those in flight finish, closes the server and the database. */
  stop(): Promise<void>;
}

/** A start-up failure the operator can fix (bad token, Bot API unreachable): one line, no stack. */
export class StartupError extends Error {}

/** Per-update bound: a stuck update must not hold its chat's queue forever. */
const UPDATE_TIMEOUT_MS = 60_000;

/** How often pending evidence downloads are retried (each photo keeps its own backoff). */
const EVIDENCE_INTERVAL_MS = 60_000;

/** How often the outbox sender looks for due messages: "within seconds of Submit". */
const OUTBOX_INTERVAL_MS = 1_000;

/** How often /lapor conversations left idle are ended (the policy's idleMinutes is the threshold). */
const REPORT_IDLE_INTERVAL_MS = 60_000;

export async function startLapkin(deps: {
  config: Config;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}): Promise<RunningLapkin> {
  const { config, logger } = deps;
  const started = performance.now();
  const database = await openDatabase(config);
  try {
    const migration = await migrate(database.sql);
    if (migration.applied.length) logger.info({ applied: migration.applied }, "database migrated");

    // The bot's policies are read once here (createBot hands them on to /lapor, /persetujuan and
    // /skp; the evidence and idle-/lapor tasks below use the same): an import reaches them at the
    // next start. The scheduler, /evaluasi and /nilai read theirs each time.
    const policies = await loadPolicies(database.prisma, logger);
    const bot = createBot({
      ...deps,
      db: database.prisma,
      policy: policies.report,
      reviewPolicy: policies.review,
      periodKind: policies.rating.period,
    });
    await initBot(bot, config);
    await publishCommands(bot).catch((error) => logger.warn({ err: error }, "could not publish the command menu"));

    const webhook = config.botMode === "webhook" ? { bot, secret: config.webhookSecret! } : undefined;
    const app = createServerApp({ database, logger, webhook });
    const server = await listen(app.fetch, config);
    const port = (server.address() as AddressInfo).port;

    let runner: RunnerHandle | undefined;
    if (config.botMode === "webhook") {
      await bot.api.setWebhook(config.webhookUrl!, { secret_token: config.webhookSecret, drop_pending_updates: false });
    } else {
      await bot.api.deleteWebhook({ drop_pending_updates: false });
      runner = run(bot, {
        runner: { silent: true },
        sink: {
          timeout: {
            milliseconds: UPDATE_TIMEOUT_MS,
            handler: (update) =>
              logger.error({ updateId: update.update_id }, "update took too long; its chat continues"),
          },
        },
      });
    }
    const outbox = createOutboxSender({
      db: database.prisma,
      api: bot.api,
      clock: deps.clock,
      logger,
      onPermanentFailure: deactivateOnForbidden(database.prisma, () => deps.clock.now()),
    });
    outbox.start(OUTBOX_INTERVAL_MS);
    // Reminders and summaries only queue messages; the outbox sender above sends them, paced.
    const scheduler = createScheduler({
      db: database.prisma,
      clock: deps.clock,
      logger,
      dataDir: config.dataDir,
      adminTelegramIds: config.adminTelegramIds,
      adminTimeZone: config.defaultTimeZone,
      intervals: [
        {
          name: "evidence",
          everyMs: EVIDENCE_INTERVAL_MS,
          run: () =>
            retryPendingEvidence({
              db: database.prisma,
              api: bot.api,
              config,
              clock: deps.clock,
              logger,
              fetch: deps.fetch,
              policy: policies.report,
            }),
        },
        {
          name: "report-idle",
          everyMs: REPORT_IDLE_INTERVAL_MS,
          run: () =>
            expireIdleReportConversations({
              db: database.prisma,
              clock: deps.clock,
              policy: policies.report,
              render: (locale, minutes) => translate(locale, "lapor-idle", { minutes }),
            }),
        },
      ],
    });
    await scheduler.start();

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

    return {
      port,
      database,
      stop: async () => {
        if (runner?.isRunning()) await runner.stop();
        await scheduler.stop();
        await outbox.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await database.close();
        logger.info("lapkin stopped");
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function initBot(bot: ReturnType<typeof createBot>, config: Config): Promise<void> {
  try {
    await bot.init();
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new StartupError(`Telegram rejected BOT_TOKEN (${error.description}). Check the token from @BotFather.`);
    }
    if (error instanceof HttpError || error instanceof GrammyError) {
      throw new StartupError(
        `Cannot reach the Bot API at ${config.botApiRoot} (${error.message.split(config.botToken).join("***")}).`,
      );
    }
    throw error;
  }
}

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
