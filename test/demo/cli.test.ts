import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
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
  ])("%j is refused with a readable message, before anything starts", async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("is listed in the usage", async () => {
    const { out } = await run(["help"]);
    expect(out).toContain("lapkin demo [--reset | --keep] [--database URL]");
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
