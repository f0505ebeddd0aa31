import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseEnv } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { memoryLogger, webhookConfig } from "../support/bot.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { startLapkin, type RunningLapkin } from "../../src/app.ts";
import { createServerApp } from "../../src/server/app.ts";

const SECRET = "s3cret_for-tests";

describe("the HTTP server in webhook mode (real server, real port)", () => {
  const telegram = new FakeTelegram();
  const logs = memoryLogger(telegram.token);
  let app: RunningLapkin;
  let cleanup: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    const database = await createDatabaseEnv();
    cleanup = database.cleanup;
    const config = webhookConfig(telegram, SECRET, database.env);
    app = await startLapkin({
      config,
      clock: fixedClock("2026-11-24T03:00:00Z"),
      logger: logs.logger,
      fetch: telegram.fetch,
    });
    base = `http://127.0.0.1:${app.port}`;
  });
  afterAll(async () => {
    await app?.stop();
    await cleanup?.();
  });

  const post = (body: unknown, secret?: string) =>
    fetch(`${base}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("registers the webhook with its secret at start, and publishes the command menu", () => {
    expect(telegram.callsTo("setWebhook")[0]?.payload).toMatchObject({
      url: "https://lapkin.example.go.id/telegram/webhook",
      secret_token: SECRET,
    });
    const menus = telegram.callsTo("setMyCommands").map((c) => c.payload);
    expect(menus).toContainEqual(expect.objectContaining({ language_code: "en" }));
    expect(JSON.stringify(menus)).toContain('"lapor"');
  });

  it("answers /healthz with the database status", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
  });

  it("refuses updates without the secret header, or with a wrong one, and handles none of them", async () => {
    const user = telegram.user(9100);
    expect((await post(user.command("start"))).status).toBe(401);
    expect((await post(user.command("start"), "wrong")).status).toBe(401);
    expect(telegram.sentTexts(9100)).toEqual([]);
  });

  it("answers 400 to a body that is not an update", async () => {
    expect((await post("{not json", SECRET)).status).toBe(400);
  });

  it("handles an update posted with the right secret", async () => {
    const response = await post(telegram.user(9101).command("start"), SECRET);
    expect(response.status).toBe(200);
    expect(telegram.lastText(9101)).toContain("tautan undangan");
  });

  it("never writes the bot token into a log line", () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs.lines)).not.toContain(telegram.token);
  });
});

describe("/healthz when the database is down", () => {
  it("answers 503 and says why", async () => {
    const app = createServerApp({
      database: {
        kind: "postgres",
        sql: {
          query: () => Promise.reject(new Error("connection refused")),
          exec: async () => {},
          withConnection: async () => undefined as never,
        },
      },
      logger: memoryLogger().logger,
    });
    const response = await app.request("/healthz");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: "degraded",
      database: { ok: false, error: "connection refused" },
    });
  });
});
