import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseEnv } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { runLapkin, spawnLapkin } from "../support/process.ts";
import { issueInvites } from "../../src/domain/invites.ts";

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

    const second = spawnLapkin(["start"], env);
    await second.waitForLog("lapkin ready");
    telegram.queue(andi.command("start"));
    await waitForText(7001, "Halo, Andi Wijaya");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

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
});
