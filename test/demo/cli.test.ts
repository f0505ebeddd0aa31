import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { demoEnvironment } from "../../src/cli/demo.ts";
import { loadConfig } from "../../src/config.ts";
import { systemClock } from "../../src/lib/clock.ts";

async function run(args: string[], dataDir = "/nonexistent/lapkin-demo-test") {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const code = await main(args, { env: { DATA_DIR: dataDir }, stdout, stderr, clock: systemClock });
  return { code, out, err };
}

describe("lapkin demo's options", () => {
  it.each([
    [["demo", "--keep", "--reset"], "--keep and --reset contradict each other"],
    [["demo", "--database"], "--database needs a postgres:// URL"],
    [["demo", "--database", "mysql://x"], "--database needs a postgres:// URL"],
    [["demo", "--reset", "--database", "postgres://h/db"], "--reset empties only the demo's own embedded database"],
    [["demo", "--fast"], 'Unknown option "--fast"'],
    [["demo", "--prepare", "--keep"], "--prepare takes no other option"],
  ])("%j is refused with a readable message, before anything starts", async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("is listed in the usage", async () => {
    const { out } = await run(["help"]);
    expect(out).toContain("lapkin demo [--reset | --keep] [--database URL] | demo --prepare");
  });

  it("is never handed to a Lapkin running on DATA_DIR's embedded database (the demo has its own)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lapkin-demo-cli-"));
    let connections = 0;
    const server = createServer((socket) => (connections++, socket.destroy()));
    await new Promise<void>((resolve) => server.listen(join(dataDir, "admin.sock"), resolve));
    try {
      const { code, err } = await run(["demo", "--keep", "--reset"], dataDir);
      expect(code).toBe(2);
      expect(err).toContain("contradict");
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("lapkin demo's folder", () => {
  it("is refused while another demo runs on it, before anything of that demo is deleted (even with --reset)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lapkin-demo-lock-"));
    const session = join(dataDir, "demo", "session", "pglite");
    try {
      mkdirSync(session, { recursive: true });
      writeFileSync(join(session, "PG_VERSION"), "17");
      // A live process other than this one holds the demo (the parent: the test runner).
      writeFileSync(join(dataDir, "demo", "demo.lock"), String(process.ppid));
      const { code, err } = await run(["demo", "--reset"], dataDir);
      expect(code).toBe(2);
      expect(err).toContain(`A demo is already running on ${join(dataDir, "demo")} (process ${process.ppid})`);
      expect(existsSync(join(session, "PG_VERSION"))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("lapkin demo --database's folder", () => {
  it("is refused too while another demo runs on it: its evidence files live in the session folder a fresh demo empties", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lapkin-demo-lock-"));
    try {
      mkdirSync(join(dataDir, "demo"), { recursive: true });
      writeFileSync(join(dataDir, "demo", "demo.lock"), String(process.ppid));
      const { code, err } = await run(["demo", "--database", "postgres://127.0.0.1:1/nowhere"], dataDir);
      expect(code).toBe(2);
      expect(err).toContain(`A demo is already running on ${join(dataDir, "demo")} (process ${process.ppid})`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("lapkin demo --prepare (what npm install runs)", () => {
  it("builds the template a demo copies, once: a second run finds it current and leaves it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lapkin-demo-prepare-"));
    try {
      const first = await run(["demo", "--prepare"], dataDir);
      expect(first.code).toBe(0);
      expect(first.out).toContain("Lapkin demo prepared");
      const stamp = join(dataDir, "demo", "template", "stamp");
      const built = statSync(stamp).mtimeMs;
      expect(existsSync(join(dataDir, "demo", "template", "pglite"))).toBe(true);
      expect(existsSync(join(dataDir, "demo", "session"))).toBe(false);

      expect((await run(["demo", "--prepare"], dataDir)).code).toBe(0);
      expect(statSync(stamp).mtimeMs).toBe(built);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("lapkin demo's settings", () => {
  const demo = { apiRoot: "http://127.0.0.1:1", demoDir: "/tmp/lapkin-demo-env" };

  it("turns the dashboard on at the demo's own address, so /dasbor's link opens in the browser", async () => {
    const config = loadConfig(
      await demoEnvironment({ HOST: "0.0.0.0", PORT: "4321", PUBLIC_URL: "https://elsewhere.example" }, demo),
    );
    expect(config.publicUrl).toBe("http://localhost:4321");
    expect(config.port).toBe(4321);
    expect(loadConfig(await demoEnvironment({ HOST: "demo.lan" }, demo)).publicUrl).toBe("http://demo.lan:3000");
  });

  it("with PORT=0 picks a free port first, the one the dashboard's address names", async () => {
    const config = loadConfig(await demoEnvironment({ PORT: "0" }, demo));
    expect(config.port).toBeGreaterThan(0);
    expect(config.publicUrl).toBe(`http://localhost:${config.port}`);
  });
});
