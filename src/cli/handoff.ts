import { connect, type Socket } from "node:net";
import { resolve } from "node:path";
import { databaseSettings, type CliIo } from "./context.ts";

/**
 * Handing a command to the running Lapkin. The embedded database belongs to one process, so
 * while `lapkin start` runs on it, `lapkin import …` and the other admin commands are sent to
 * that process over a Unix socket in DATA_DIR (src/cli/admin-endpoint.ts) and run there, on its
 * open database, with their output streamed back. With PostgreSQL nothing is handed off.
 *
 * The wire: the client sends one JSON line (`HandOffRequest`), the server answers with JSON
 * lines, `{"out": text}` / `{"err": text}` as the command writes, then one `{"exit": code}`.
 */
export const ADMIN_SOCKET = "admin.sock";

export const adminSocketPath = (dataDir: string) => resolve(dataDir, ADMIN_SOCKET);

export interface HandOffRequest {
  argv: string[];
  /** The client's working directory: relative paths in the arguments mean paths there. */
  cwd: string;
  /** The client's values of `FORWARDED_ENV` (those it has). */
  env: Record<string, string>;
}

export type HandOffFrame = { out: string } | { err: string } | { exit: number };

/**
 * The settings a command reads from its environment, besides where the database is (which is the
 * running process's): taken from the admin's shell, as if the command ran there.
 */
export const FORWARDED_ENV = ["BOT_TOKEN", "BOT_API_ROOT", "DEFAULT_TIMEZONE", "ADMIN_TELEGRAM_IDS", "LOG_LEVEL"];

/**
 * Sends `argv` to the Lapkin running on this embedded database and prints what it prints.
 * Returns its exit code, or `undefined` when there is nothing to hand to: PostgreSQL, no
 * endpoint, or one nobody answers on (a crashed bot's leftover) — the command then runs here as
 * before, and says "in use by process N" if the database is still held.
 */
export async function handOff(argv: string[], io: CliIo): Promise<number | undefined> {
  let dataDir: string;
  try {
    const settings = databaseSettings(io.env);
    if (settings.databaseUrl) return undefined;
    dataDir = settings.dataDir;
  } catch {
    return undefined; // a bad setting: the command itself reports it
  }
  const path = adminSocketPath(dataDir);
  const socket = await reach(path);
  if (!socket) return undefined;

  const env = Object.fromEntries(FORWARDED_ENV.flatMap((key) => (io.env[key] ? [[key, io.env[key]]] : [])));
  const request: HandOffRequest = { argv, cwd: process.cwd(), env };
  socket.write(`${JSON.stringify(request)}\n`);
  return relay(socket, io, path);
}

/** A connected socket, or undefined when nothing listens there (missing, stale, not ours to open). */
function reach(path: string): Promise<Socket | undefined> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once("connect", () => {
      socket.off("error", refused);
      done(socket);
    });
    const refused = () => {
      socket.destroy();
      done(undefined);
    };
    socket.once("error", refused);
  });
}

/** Prints the frames as they come; resolves with the exit code. */
function relay(socket: Socket, io: CliIo, path: string): Promise<number> {
  return new Promise((done) => {
    let buffered = "";
    let exit: number | undefined;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const frame = parseFrame(line);
        if (!frame) continue;
        if ("out" in frame) io.stdout.write(frame.out);
        else if ("err" in frame) io.stderr.write(frame.err);
        else exit = frame.exit;
      }
    });
    socket.on("error", () => {}); // reported below, as one line
    socket.on("close", () => {
      if (exit !== undefined) return done(exit);
      io.stderr.write(
        `The running Lapkin (${path}) closed the connection before the command finished; see its log, and check whether the command took effect before running it again.\n`,
      );
      done(1);
    });
  });
}

function parseFrame(line: string): HandOffFrame | undefined {
  try {
    const frame = JSON.parse(line) as Record<string, unknown>;
    if (typeof frame.out === "string") return { out: frame.out };
    if (typeof frame.err === "string") return { err: frame.err };
    if (typeof frame.exit === "number" && Number.isInteger(frame.exit)) return { exit: frame.exit };
  } catch {
    /* not a frame */
  }
  return undefined;
}
