import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseEnv } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { NO_LINKS } from "../../src/cli/export-ekinerja.ts";

/**
 * Admin commands while `lapkin start` runs, as an operator types them in another shell: with the
 * embedded database they are handed to the running process over DATA_DIR/admin.sock; with
 * PostgreSQL they run beside it. The bot runs in its own working directory, the commands in theirs.
 */
const BIN = fileURLToPath(new URL("../../bin/lapkin.js", import.meta.url));
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const embedded = !process.env.DATABASE_URL;

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  logs(): Array<Record<string, unknown>>;
}

function lapkin(args: string[], env: Record<string, string>, cwd = REPO): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  const logs = () =>
    stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, exited, logs };
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000, output = () => ""): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`no ${what} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const hasExited = (run: Run) => run.child.exitCode !== null || run.child.signalCode !== null;

describe.runIf(embedded)("admin commands while the bot runs on the embedded database", () => {
  const telegram = new FakeTelegram();
  let api: { apiRoot: string; close(): Promise<void> };
  let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
  let bot: Run;
  let botEnv: Record<string, string>;
  let adminEnv: Record<string, string>;
  let socket: string;
  let botDir: string;
  let adminDir: string;
  let withoutBot: { code: number | null; stdout: string; stderr: string };
  let handedOffPolicy: string;

  const finished = (command: string) =>
    bot.logs().filter((l) => l.msg === "admin command finished" && l.command === command);

  beforeAll(async () => {
    api = await telegram.listen();
    database = await createDatabaseEnv();
    botDir = mkdtempSync(join(tmpdir(), "lapkin-bot-cwd-"));
    adminDir = mkdtempSync(join(tmpdir(), "lapkin-admin-cwd-"));
    socket = join(database.env.DATA_DIR!, "admin.sock");
    botEnv = { BOT_TOKEN: telegram.token, BOT_API_ROOT: api.apiRoot, HOST: "127.0.0.1", PORT: "0", ...database.env };
    adminEnv = { ...database.env }; // an admin's shell: no token, no log level
    // What the admin saw before: the same command with the bot stopped (it also migrates the database).
    withoutBot = await lapkin(["import", "examples/kota-contoh", "--dry-run"], adminEnv).exited;
    expect(withoutBot.code).toBe(0);
    // A crashed run's leftover socket (nobody listening, the umask's mode) is replaced at start.
    const leftover = `require("net").createServer().listen(${JSON.stringify(socket)}, () => process.kill(process.pid, "SIGKILL"))`;
    await new Promise((resolve) => spawn(process.execPath, ["-e", leftover]).on("exit", resolve));
    expect(statSync(socket).isSocket()).toBe(true);
    bot = lapkin(["start"], { ...botEnv, LOG_LEVEL: "info" }, botDir);
    await until(
      "admin endpoint",
      () => bot.logs().some((l) => l.msg === "admin endpoint listening"),
      45_000,
      () => JSON.stringify(bot.logs()),
    );
  });
  afterAll(async () => {
    if (bot && !hasExited(bot)) bot.child.kill("SIGKILL");
    await api?.close();
    await database?.cleanup();
    for (const dir of [botDir, adminDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("listens on DATA_DIR/admin.sock, a new socket only its user may open (0600)", () => {
    const stat = statSync(socket);
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it("imports a folder named relative to the admin's directory, printing what the command prints without the bot", async () => {
    const dryRun = await lapkin(["import", "examples/kota-contoh", "--dry-run"], adminEnv).exited;
    expect(dryRun).toEqual(withoutBot);

    const imported = await lapkin(["import", "examples/kota-contoh"], adminEnv).exited;
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const [, ...counts] = withoutBot.stdout.split("\n");
    const header = withoutBot.stdout
      .split("\n")[0]!
      .replace(/^Dry run of (.*): nothing was written\. .*$/, "Imported $1:");
    expect(imported.stdout).toBe([header, ...counts].join("\n"));
    expect(finished("import")).toHaveLength(2);
  });

  it("issues invites with the bot's token, and the bot then links an imported employee", async () => {
    const invites = await lapkin(["invites"], adminEnv).exited;
    expect(invites.code).toBe(0);
    expect(invites.stderr).toMatch(/^Issued \d+ invite links \(valid until \d{4}-\d{2}-\d{2}\)\.\n$/);
    const row = invites.stdout
      .split("\r\n")
      .slice(1)
      .find((line) => line && !line.includes('"'))!
      .split(",");
    const [name, link] = [row[1]!, row.at(-1)!];
    expect(link).toMatch(/^https:\/\/t\.me\/lapkin_test_bot\?start=inv_/);

    const employee = telegram.user(7101);
    telegram.queue(employee.command("start", link.slice(link.indexOf("inv_"))));
    await until(`a welcome for ${name}`, () =>
      telegram.sentTexts(7101).some((t) => t.includes(`Selamat datang, ${name}`)),
    );
  });

  it("shows the policy", async () => {
    const policy = await lapkin(["policy"], adminEnv).exited;
    expect(policy.code).toBe(0);
    expect(policy.stderr).toBe("");
    expect(policy.stdout).toMatch(/^ {2}rating\.mode +\S+ +(default|import)/m);
    handedOffPolicy = policy.stdout; // compared with a run without the bot at the end
  });

  it("writes --out and export's default file in the admin's directory, not the bot's", async () => {
    mkdirSync(join(adminDir, "out"));
    const named = await lapkin(["export", "--month", "2026-10", "--out", "out/oktober.xlsx"], adminEnv, adminDir)
      .exited;
    expect(named.stderr).toBe(NO_LINKS); // the bot runs without PUBLIC_URL: said once, nothing else
    expect(named.code).toBe(0);
    expect(named.stdout).toContain(` to ${join(adminDir, "out/oktober.xlsx")} in `);
    expect(statSync(join(adminDir, "out/oktober.xlsx")).size).toBeGreaterThan(0);

    const unnamed = await lapkin(["export", "--month", "2026-10"], adminEnv, adminDir).exited;
    expect(unnamed.code).toBe(0);
    expect(existsSync(join(adminDir, "lapkin-export-2026-10.xlsx"))).toBe(true);
    expect(existsSync(join(botDir, "lapkin-export-2026-10.xlsx"))).toBe(false);
  });

  it("runs one command at a time, and a client gone mid-command does not stop the bot", async () => {
    const endOutage = telegram.beginOutage("hang"); // invites' getMe waits until it ends
    try {
      const started = () => bot.logs().filter((l) => l.msg === "admin command started").length;
      const before = started();
      const stuck = lapkin(["invites"], { ...adminEnv, BOT_TOKEN: telegram.token, BOT_API_ROOT: api.apiRoot });
      await until("invites to start", () => started() > before);
      const waiting = lapkin(["policy"], adminEnv);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(hasExited(waiting)).toBe(false);
      expect(started()).toBe(before + 1);

      stuck.child.kill("SIGKILL"); // the admin gives up: the command still runs to its end in the bot
      await stuck.exited;
      await new Promise((r) => setTimeout(r, 300));
      expect(hasExited(waiting)).toBe(false);
      endOutage();

      const policy = await waiting.exited;
      expect(policy).toEqual({ code: 0, stdout: handedOffPolicy, stderr: "" });
      expect(finished("invites").at(-1)).toMatchObject({ exitCode: 0, clientGone: true });
      expect(hasExited(bot)).toBe(false);
    } finally {
      endOutage();
    }
  });

  it("refuses migrate and a second start with one line", async () => {
    const migrate = await lapkin(["migrate"], adminEnv).exited;
    expect(migrate.code).toBe(2);
    expect(migrate.stdout).toBe("");
    expect(migrate.stderr).toMatch(/^lapkin migrate does not run while Lapkin runs \(process \d+\)[^\n]*\n$/);

    const start = await lapkin(["start"], botEnv).exited;
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(/^Lapkin is already running \(process \d+\)[^\n]*\n$/);
  });

  it("removes the socket on SIGTERM; the same commands then run directly, with the same output", async () => {
    bot.child.kill("SIGTERM");
    expect((await bot.exited).code).toBe(0);
    expect(existsSync(socket)).toBe(false);

    const policy = await lapkin(["policy"], adminEnv).exited;
    expect(policy).toEqual({ code: 0, stdout: handedOffPolicy, stderr: "" });
    const employees = await database.use((db) => db.employee.count());
    expect(employees).toBeGreaterThan(0);
  });
});

describe.runIf(!embedded)("admin commands while the bot runs on PostgreSQL", () => {
  const telegram = new FakeTelegram();
  let api: { apiRoot: string; close(): Promise<void> };
  let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
  let botDir: string;

  beforeAll(async () => {
    api = await telegram.listen();
    database = await createDatabaseEnv();
    botDir = mkdtempSync(join(tmpdir(), "lapkin-bot-cwd-"));
  });
  afterAll(async () => {
    await api?.close();
    await database?.cleanup();
    if (botDir) rmSync(botDir, { recursive: true, force: true });
  });

  it("runs them directly beside the bot, which opens no admin endpoint", async () => {
    const env = { BOT_TOKEN: telegram.token, BOT_API_ROOT: api.apiRoot, HOST: "127.0.0.1", PORT: "0", ...database.env };
    const bot = lapkin(["start"], { ...env, LOG_LEVEL: "info" }, botDir);
    try {
      await until("lapkin ready", () => bot.logs().some((l) => l.msg === "lapkin ready"), 45_000);
      expect(existsSync(join(database.env.DATA_DIR!, "admin.sock"))).toBe(false);

      const imported = await lapkin(["import", "examples/kota-contoh"], database.env).exited;
      expect(imported.stderr).toBe("");
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(
        /^Imported cuti\.csv, kebijakan\.csv, layanan\.csv, pegawai\.csv, skp\.csv, unit\.csv:\n/,
      );
      expect(bot.logs().some((l) => String(l.msg).startsWith("admin "))).toBe(false);
      expect(await database.use((db) => db.employee.count())).toBeGreaterThan(0);

      bot.child.kill("SIGTERM");
      expect((await bot.exited).code).toBe(0);
    } finally {
      if (!hasExited(bot)) bot.child.kill("SIGKILL");
    }
  });
});
