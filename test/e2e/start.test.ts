import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseEnv } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { runLapkin, spawnLapkin } from "../support/process.ts";
import { issueInvites } from "../../src/domain/registration/issue-invites.ts";

/** `npm start` as an operator runs it: a separate process, polling a Bot API double over HTTP. */
describe("lapkin start (separate process, long polling)", () => {
  const telegram = new FakeTelegram();
  let api: { apiRoot: string; close(): Promise<void> };
  let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
  let env: Record<string, string>;
  let code: string;

  beforeAll(async () => {
    api = await telegram.listen();
    database = await createDatabaseEnv();
    const db = await database.open();
    const { staff } = await seedSmallUnit(db.prisma);
    code = (await issueInvites(db.prisma, { now: new Date(), actor: "test" })).find((i) => i.nip === staff.nip)!.code;
    await db.close();
    env = {
      BOT_TOKEN: telegram.token,
      BOT_API_ROOT: api.apiRoot,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      ...database.env,
    };
  });
  afterAll(async () => {
    await api?.close();
    await database?.cleanup();
  });

  const waitForText = async (chatId: number, fragment: string) => {
    for (let i = 0; i < 200; i++) {
      if (telegram.sentTexts(chatId).some((t) => t.includes(fragment))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no message with "${fragment}" to ${chatId}; got ${JSON.stringify(telegram.sentTexts(chatId))}`);
  };

  /** How many log lines say the dashboard is off. */
  const dashboardOff = (output: string) => output.split("\n").filter((line) => line.includes("dashboard off")).length;

  it("starts, answers /start, links an account, exits 0 on SIGTERM, and the link survives a restart", async () => {
    const first = spawnLapkin(["start"], env);
    const ready = await first.waitForLog("lapkin ready");
    expect(ready).toMatchObject({ mode: "polling", bot: "lapkin_test_bot" });
    const health = await fetch(`http://127.0.0.1:${ready.port}/healthz`);
    expect(health.status).toBe(200);

    const andi = telegram.user(7001);
    telegram.queue(andi.command("start"));
    await waitForText(7001, "tautan undangan");
    telegram.queue(andi.command("start", `inv_${code}`));
    await waitForText(7001, "Selamat datang, Andi Wijaya");

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toContain(telegram.token);
    expect(dashboardOff(first.output())).toBe(1); // without PUBLIC_URL, said once

    const second = spawnLapkin(["start"], { ...env, PUBLIC_URL: "https://lapkin.example.go.id" });
    await second.waitForLog("lapkin ready");
    telegram.queue(andi.command("start"));
    await waitForText(7001, "Halo, Andi Wijaya");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
    expect(dashboardOff(second.output())).toBe(0);
  }, 60_000); // two processes start one after the other: about 10 s alone, three times that on a busy machine

  it("stops with exit code 2 and one line naming the variable when the configuration is bad", async () => {
    const { code: exitCode, output } = await runLapkin(["start"], { ...env, PORT: "http" });
    expect(exitCode).toBe(2);
    expect(output.trim()).toBe('Invalid configuration: PORT must be a port number from 0 to 65535 (got "http").');
  });

  it("stops with a readable message when Telegram rejects the token", async () => {
    const { code: exitCode, output } = await runLapkin(["start"], { ...env, BOT_TOKEN: "999:wrong-token" });
    expect(exitCode).toBe(1);
    expect(output).toContain("Telegram rejected BOT_TOKEN");
    expect(output).not.toContain("    at ");
  });

  it("retries an unreachable Bot API with a line per attempt, then gives up naming BOT_API_ROOT and exits 1", async () => {
    const closedPort = await freePort();
    const apiRoot = `http://127.0.0.1:${closedPort}`;
    const started = Date.now();
    const { code: exitCode, output } = await runLapkin(["start"], {
      ...env,
      BOT_API_ROOT: apiRoot,
      STARTUP_WAIT_SECONDS: "3",
    });
    expect(exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(45_000); // start-up itself (migrations) included, on a busy machine
    const attempts = logLines(output).filter((l) => l.msg === "Bot API not reachable");
    expect(attempts.length).toBeGreaterThanOrEqual(2); // one line per try, the last one included
    expect(attempts[0]).toMatchObject({ call: "getMe", attempt: 1 });
    expect(attempts.at(-1)).toMatchObject({ retryInMs: null });
    expect(output).toContain(`Cannot reach the Bot API at BOT_API_ROOT=${apiRoot}`);
    expect(output).toContain("gave up after 3 s");
    expect(output).not.toContain("    at ");
  });

  it.each([
    ["webhook", "setWebhook"],
    ["polling", "deleteWebhook"],
  ])("exits 1 instead of lingering when %s mode's %s keeps failing with 5xx", async (mode, method) => {
    telegram.failNext(1000, { status: 502 }, method);
    const webhookEnv: Record<string, string> =
      mode === "webhook"
        ? {
            BOT_MODE: "webhook",
            WEBHOOK_URL: "https://lapkin.example.go.id/telegram/webhook",
            WEBHOOK_SECRET: "s3cret",
          }
        : {};
    const { code: exitCode, output } = await runLapkin(["start"], { ...env, ...webhookEnv, STARTUP_WAIT_SECONDS: "2" });
    expect(exitCode).toBe(1);
    expect(output).toContain(`Cannot reach the Bot API at BOT_API_ROOT=${api.apiRoot} (${method}:`);
    expect(logLines(output).some((l) => l.msg === "lapkin ready")).toBe(false);
    telegram.clearFailures();
  });

  it("exits 1 with Telegram's reason when setWebhook is refused (a 400 will not pass by waiting)", async () => {
    telegram.failNext(
      1,
      { status: 400, description: "Bad Request: bad webhook: HTTPS url must be provided for webhook" },
      "setWebhook",
    );
    const { code: exitCode, output } = await runLapkin(["start"], {
      ...env,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://lapkin.example.go.id/telegram/webhook",
      WEBHOOK_SECRET: "s3cret",
    });
    expect(exitCode).toBe(1);
    expect(output).toContain("Telegram refused setWebhook");
    expect(output).toContain("HTTPS url must be provided");
  });

  it.each([
    ["does not answer at all", "hang", 1_500],
    // The poller backs off doubling while every call fails: after 27 s its next try was 25 s away.
    ["has failed every call for 27 s", "refuse", 27_000],
  ] as const)(
    "stops within 10 s of SIGTERM while Telegram %s",
    async (_what, kind, outageMs) => {
      const lapkin = spawnLapkin(["start"], env);
      await lapkin.waitForLog("lapkin ready");
      const endOutage = telegram.beginOutage(kind);
      try {
        await new Promise((r) => setTimeout(r, outageMs));
        const signalled = Date.now();
        lapkin.child.kill("SIGTERM");
        const exitCode = await lapkin.exited;
        expect(Date.now() - signalled).toBeLessThan(12_000);
        expect(exitCode).toBe(0);
        expect(lapkin.output()).toContain("lapkin stopped");
      } finally {
        endOutage();
      }
    },
    60_000,
  );
});

const logLines = (output: string) =>
  output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** A port nothing listens on: opened, read and closed again. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
