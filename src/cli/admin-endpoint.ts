import { chmodSync, lstatSync, unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { isAbsolute, resolve } from "node:path";
import { Writable } from "node:stream";
import type { Database } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import { localDate } from "../lib/time.ts";
import { databaseSettings, type CliIo } from "./context.ts";
import { adminSocketPath, FORWARDED_ENV, type HandOffFrame, type HandOffRequest } from "./handoff.ts";

/** `main` of src/cli/main.ts, passed in (importing it here would make a circle through start.ts). */
export type CommandRunner = (argv: string[], io: CliIo) => Promise<number>;

export interface AdminEndpoint {
  path: string;
  /** Stops taking commands, lets the one running finish (bounded), removes the socket file. */
  close(): Promise<void>;
}

const MAX_REQUEST_CHARS = 1 << 20;
const REQUEST_TIMEOUT_MS = 10_000;
/** How long a stop waits for the command running: systemd gives the whole stop 20 s. */
const STOP_WAIT_MS = 8_000;
/** sun_path holds 104 bytes on macOS, 108 on Linux, the final NUL included. */
const SOCKET_PATH_MAX_BYTES = 103;

type Deps = { database: Database; dataDir: string; io: CliIo; logger: Logger; run: CommandRunner };

/**
 * The running Lapkin's side of the hand-off (src/cli/handoff.ts): a Unix socket `DATA_DIR/admin.sock`,
 * mode 0600, so only the bot's user (and root) may send commands. One command per connection,
 * one command at a time; each runs through `main` on this process's open database, its output
 * streamed back. Only for the embedded database: with PostgreSQL every command opens its own.
 * Returns undefined (and logs why) when the socket cannot be made: the bot runs on regardless.
 */
export async function openAdminEndpoint(deps: Deps): Promise<AdminEndpoint | undefined> {
  const { logger } = deps;
  const path = adminSocketPath(deps.dataDir);
  if (Buffer.byteLength(path) > SOCKET_PATH_MAX_BYTES) {
    logger.warn(
      { path },
      "admin endpoint not started: DATA_DIR is too long a path for a socket; admin commands need the bot stopped",
    );
    return undefined;
  }
  try {
    removeSocketFile(path); // a crashed run's leftover: we hold the database, so nobody else listens there
    const server = createServer();
    await listenPrivately(server, path);
    logger.info({ path }, "admin endpoint listening");
    return serve(server, path, deps);
  } catch (error) {
    logger.warn({ err: error, path }, "admin endpoint not started; admin commands need the bot stopped");
    return undefined;
  }
}

/** Created with mode 0600 (umask during the bind, which is synchronous, then chmod to be sure). */
async function listenPrivately(server: Server, path: string): Promise<void> {
  const listening = new Promise<void>((done, fail) => {
    server.once("listening", done);
    server.once("error", fail);
  });
  const umask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(umask);
  }
  await listening;
  chmodSync(path, 0o600);
}

function serve(server: Server, path: string, deps: Deps): AdminEndpoint {
  const sockets = new Set<Socket>();
  let queue: Promise<void> = Promise.resolve();
  let stopping = false;
  let closing: Promise<void> | undefined;
  server.on("error", (error) => deps.logger.error({ err: error }, "admin endpoint failed"));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {}); // a client gone mid-command: its output is dropped, the command goes on
    readRequest(socket, (request) => {
      const refusal = refusalOf(request.argv[0]!, deps.dataDir);
      if (refusal) return (send(socket, { err: `${refusal}\n` }), finish(socket, 2));
      const next = queue.then(() => (stopping ? refuseStopping(socket) : runOne(request, socket, deps)));
      queue = next.catch((error) => deps.logger.error({ err: error }, "admin command failed"));
    });
  });

  return {
    path,
    close: () =>
      (closing ??= (async () => {
        stopping = true;
        server.close();
        try {
          removeSocketFile(path);
        } catch (error) {
          deps.logger.warn({ err: error, path }, "could not remove the admin socket");
        }
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<"late">((done) => (timer = setTimeout(() => done("late"), STOP_WAIT_MS)));
        if ((await Promise.race([queue.then(() => "done" as const), late])) === "late")
          deps.logger.warn({ waitedMs: STOP_WAIT_MS }, "stopping while an admin command still runs");
        clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
      })()),
  };
}

/** The first line of the connection is the request; anything malformed is answered and closed. */
function readRequest(socket: Socket, onRequest: (request: HandOffRequest) => void): void {
  let buffered = "";
  const timer = setTimeout(() => socket.destroy(), REQUEST_TIMEOUT_MS);
  const onData = (chunk: string) => {
    buffered += chunk;
    const newline = buffered.indexOf("\n");
    if (newline < 0 && buffered.length <= MAX_REQUEST_CHARS) return;
    socket.off("data", onData);
    clearTimeout(timer);
    const request = newline < 0 ? undefined : parseRequest(buffered.slice(0, newline));
    if (request) return onRequest(request);
    send(socket, { err: "The running Lapkin could not read the command (a different Lapkin version?).\n" });
    finish(socket, 2);
  };
  socket.setEncoding("utf8");
  socket.on("data", onData);
  socket.on("close", () => clearTimeout(timer));
}

function parseRequest(line: string): HandOffRequest | undefined {
  try {
    const raw = JSON.parse(line) as Partial<Record<keyof HandOffRequest, unknown>>;
    const argv = raw.argv;
    if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === "string")) return undefined;
    if (typeof raw.cwd !== "string" || !isAbsolute(raw.cwd)) return undefined;
    const given = (raw.env ?? {}) as Record<string, unknown>;
    const env = Object.fromEntries(
      FORWARDED_ENV.flatMap((key) => (typeof given[key] === "string" ? [[key, given[key] as string]] : [])),
    );
    return { argv: argv as string[], cwd: raw.cwd, env };
  } catch {
    return undefined;
  }
}

async function runOne(request: HandOffRequest, socket: Socket, deps: Deps): Promise<void> {
  if (socket.destroyed) return; // the admin gave up while it waited its turn
  const command = request.argv[0]!;
  const started = performance.now();
  deps.logger.info({ command }, "admin command started");
  const io = commandIo(request, socket, deps);
  let code: number;
  try {
    code = await deps.run(await absolutePaths(request.argv, request.cwd, io), io);
  } catch (error) {
    // main reports every error itself; this is only a failure around it
    deps.logger.error({ err: error, command }, "admin command failed");
    io.stderr.write(`Lapkin stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    code = 1;
  }
  deps.logger.info(
    { command, exitCode: code, ms: Math.round(performance.now() - started), clientGone: socket.destroyed },
    "admin command finished",
  );
  finish(socket, code);
}

function refuseStopping(socket: Socket): void {
  send(socket, { err: "Lapkin is stopping: the command did not run. Run it again when Lapkin has stopped.\n" });
  finish(socket, 1);
}

/** `start` and `migrate` are the running process's own business: never run on its behalf. */
function refusalOf(command: string, dataDir: string): string | undefined {
  if (command === "start")
    return `Lapkin is already running (process ${process.pid}) on the embedded database in ${dataDir}; stop it before starting it again.`;
  if (command === "migrate")
    return `lapkin migrate does not run while Lapkin runs (process ${process.pid}) on the embedded database: the running bot applied the migrations when it started. Stop it first to migrate by hand.`;
  return undefined;
}

/**
 * The command's world: this process's database, clock and Bot API transport; the admin's
 * settings (FORWARDED_ENV) over this process's environment. Without a BOT_TOKEN of their own the
 * command uses the bot's, with its BOT_API_ROOT: the admin need not know the token to issue invites.
 */
function commandIo(request: HandOffRequest, socket: Socket, deps: Deps): CliIo {
  const env: CliIo["env"] = { ...deps.io.env, DATA_DIR: resolve(deps.dataDir), DATABASE_URL: undefined };
  for (const key of FORWARDED_ENV) env[key] = request.env[key];
  if (!request.env.BOT_TOKEN) {
    env.BOT_TOKEN = deps.io.env.BOT_TOKEN;
    env.BOT_API_ROOT = deps.io.env.BOT_API_ROOT;
  }
  const stream = (key: "out" | "err") =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        send(socket, (key === "out" ? { out: String(chunk) } : { err: String(chunk) }) as HandOffFrame);
        done();
      },
    });
  return {
    env,
    stdout: stream("out"),
    stderr: stream("err"),
    clock: deps.io.clock,
    fetch: deps.io.fetch,
    database: deps.database,
  };
}

/**
 * Relative paths in the arguments are the admin's, in their working directory; this process has
 * its own. The commands resolve paths against the process's directory, so those arguments are
 * made absolute here: the files to import, `--out`, and export's default file name.
 */
export async function absolutePaths(argv: string[], cwd: string, io: CliIo): Promise<string[]> {
  const [name, ...args] = argv;
  if (name === "import") return [name, ...args.map((a) => (a.startsWith("--") ? a : resolve(cwd, a)))];
  if (name !== "invites" && name !== "export") return argv;
  const absolute = absoluteOption(args, "--out", cwd);
  return [name, ...(name === "export" ? await withExportFile(absolute, cwd, io) : absolute)];
}

/** `--out FILE` and `--out=FILE`, made absolute; a missing value is left for the command to report. */
function absoluteOption(args: string[], flag: string, cwd: string): string[] {
  const result = [...args];
  for (let i = 0; i < result.length; i++) {
    const arg = result[i]!;
    if (arg.startsWith(`${flag}=`) && arg.slice(flag.length + 1).trim() !== "")
      result[i] = `${flag}=${resolve(cwd, arg.slice(flag.length + 1).trim())}`;
    else if (arg === flag) {
      const value = result[i + 1];
      if (value !== undefined && value.trim() !== "" && !value.startsWith("--"))
        result[++i] = resolve(cwd, value.trim());
    }
  }
  return result;
}

/** Without --out, export writes `lapkin-export-<period>.xlsx` in the working directory: the admin's. */
async function withExportFile(args: string[], cwd: string, io: CliIo): Promise<string[]> {
  const { defaultExportFile, exportPeriod, parseExportArgs } = await import("./export.ts"); // exceljs: not at start-up
  try {
    const options = parseExportArgs(args);
    if (options.help || options.out !== undefined) return args;
    const today = localDate(io.clock.now(), databaseSettings(io.env).defaultTimeZone);
    return [...args, "--out", resolve(cwd, defaultExportFile(exportPeriod(options, today)))];
  } catch {
    return args; // a mistake in the arguments: the command reports it as it always does
  }
}

function send(socket: Socket, frame: HandOffFrame): void {
  if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(frame)}\n`);
}

function finish(socket: Socket, code: number): void {
  send(socket, { exit: code });
  if (!socket.destroyed) socket.end();
}

function removeSocketFile(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat?.isSocket()) unlinkSync(path);
  else if (stat) throw new Error(`${path} exists and is not a socket`);
}
