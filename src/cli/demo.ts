import { createServer, type AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { join, resolve } from "node:path";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { createLogger } from "../lib/logger.ts";
import { startLapkin, StartupError, type RunningLapkin } from "../app.ts";
import { listenBotApi, type BotApiServer } from "../demo/bot-api/http.ts";
import { DEMO_TOKEN, demoTelegram, setUpDemo } from "../demo/setup.ts";
import { openDemoDatabase, prepareDemoTemplate } from "../demo/database.ts";
import type { CliIo } from "./context.ts";
import { UserError } from "./errors.ts";
import { formatDateTime } from "../lib/time.ts";

const USAGE = "Usage: lapkin demo [--reset | --keep] [--database postgres://…] | lapkin demo --prepare";

interface DemoOptions {
  /** Only build the embedded template (the example city imported), then exit. */
  prepare: boolean;
  keep: boolean;
  reset: boolean;
  database?: string;
}

/**
 * `lapkin demo`: the whole product in a browser, with no Telegram token. Lapkin runs unchanged
 * against the demo's own Bot API server (src/demo/bot-api) on an embedded database in
 * DATA_DIR/demo, filled with examples/kota-contoh; the page at /demo plays every person.
 */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  const started = performance.now();
  // The embedded database is WebAssembly (9 MB); V8's optimising tier recompiles its hot parts on
  // every start, seconds of CPU that the demo's few small queries never win back. Set before the
  // database is first opened, the baseline compiler alone serves this process.
  setFlagsFromString("--liftoff-only");
  if (io.env.BOT_TOKEN || io.env.BOT_API_ROOT)
    io.stderr.write(
      "lapkin demo ignores BOT_TOKEN and BOT_API_ROOT: it talks to its own Bot API server, never to Telegram.\n",
    );
  const demoDir = resolve(io.env.DATA_DIR || "./data", "demo");
  if (options.prepare) return prepare(io, demoDir, started);

  const { telegram, clock } = demoTelegram();
  const botApi = await listenBotApi(telegram);
  let database: Database | undefined;
  let running: RunningLapkin | undefined;
  try {
    const settings = loadConfig(
      await demoEnvironment(io.env, { apiRoot: botApi.apiRoot, demoDir, database: options.database }),
    );
    const logger = createLogger({ level: settings.logLevel, botToken: settings.botToken, destination: io.stderr });
    const start = options.reset ? "reset" : options.keep ? "keep" : "fresh";
    const opened = await openDemoDatabase({
      demoDir,
      start,
      databaseUrl: options.database,
      defaultTimeZone: settings.defaultTimeZone,
    });
    database = opened.database;
    const dataDir = opened.dataDir;
    const demo = await setUpDemo(database.prisma, telegram, clock, {
      dataDir,
      defaultTimeZone: settings.defaultTimeZone,
      logger,
    });
    const config = { ...settings, adminTelegramIds: demo.adminTelegramIds };
    running = await startLapkin({ config, clock, logger, database, demo: demo.routes });
    database = undefined; // Lapkin owns it now, and closes it on stop
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout.write(
      `Lapkin demo ready in ${seconds} s: open ${config.publicUrl}/demo\n` +
        `Demo clock: ${formatDateTime(clock.now(), settings.defaultTimeZone, "en")}. Data in ${demoDir}${options.database ? ` (database ${redact(options.database)})` : ""}. Ctrl+C stops.\n`,
    );
  } catch (error) {
    await database?.close();
    await botApi.close();
    if (error instanceof StartupError) throw new UserError(error.message, 1);
    throw error;
  }
  await untilSignal();
  telegram.emit({ kind: "closing" });
  await stop(running, botApi);
  return 0;
}

/** `--prepare`: the template only, so that the first demo after `npm install` starts from a copy. */
async function prepare(io: CliIo, demoDir: string, started: number): Promise<number> {
  const { defaultTimeZone } = loadConfig({ BOT_TOKEN: DEMO_TOKEN, DEFAULT_TIMEZONE: io.env.DEFAULT_TIMEZONE });
  await prepareDemoTemplate({ demoDir, defaultTimeZone });
  io.stdout.write(`Lapkin demo prepared in ${((performance.now() - started) / 1000).toFixed(1)} s (${demoDir}).\n`);
  return 0;
}

function parseArgs(args: string[]): DemoOptions {
  const options: DemoOptions = { prepare: false, keep: false, reset: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--prepare") options.prepare = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--reset") options.reset = true;
    else if (arg === "--database" || arg.startsWith("--database=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      if (!value || !/^postgres(ql)?:\/\//.test(value))
        throw new UserError(`--database needs a postgres:// URL.\n${USAGE}`);
      options.database = value;
    } else if (arg === "--help" || arg === "-h") throw new UserError(USAGE, 0);
    else throw new UserError(`Unknown option "${arg}".\n${USAGE}`);
  }
  if (options.prepare && (options.keep || options.reset || options.database))
    throw new UserError(`--prepare takes no other option.\n${USAGE}`);
  if (options.keep && options.reset) throw new UserError(`--keep and --reset contradict each other.\n${USAGE}`);
  // A database someone names is never emptied by the demo: it imports into it, idempotently.
  if (options.reset && options.database)
    throw new UserError("--reset empties only the demo's own embedded database; drop the --database one yourself.");
  return options;
}

/**
 * What `lapkin demo` runs Lapkin with, whatever the environment says about Telegram or the
 * database; the dashboard is on, at the demo's own address, so /dasbor's login link opens in the
 * browser.
 */
export async function demoEnvironment(
  env: CliIo["env"],
  demo: { apiRoot: string; demoDir: string; database?: string },
): Promise<Record<string, string | undefined>> {
  const host = env.HOST || "127.0.0.1";
  const port = await demoPort(host, env.PORT || "3000");
  return {
    BOT_TOKEN: DEMO_TOKEN,
    BOT_API_ROOT: demo.apiRoot,
    DATA_DIR: join(demo.demoDir, "session"),
    DATABASE_URL: demo.database,
    HOST: host,
    PORT: String(port),
    PUBLIC_URL: `http://${browserHost(host)}:${port}`,
    DEFAULT_TIMEZONE: env.DEFAULT_TIMEZONE,
    LOG_LEVEL: env.LOG_LEVEL || "warn",
    STARTUP_WAIT_SECONDS: "5",
  };
}

/** The address a browser on this machine uses for the host Lapkin listens on. */
const browserHost = (host: string) => (host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host);

/**
 * The port to listen on, known before start-up because PUBLIC_URL carries it: PORT=0 (any free
 * port, as the tests ask) is resolved here by asking the system for one.
 */
async function demoPort(host: string, port: string): Promise<number> {
  if (port !== "0") return Number(port);
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, host, resolve));
  const free = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });
}

async function stop(running: RunningLapkin | undefined, botApi: BotApiServer) {
  await running?.stop();
  await botApi.close();
}
