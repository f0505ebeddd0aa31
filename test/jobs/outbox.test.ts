import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { enqueueMessage, enqueueMessages } from "../../src/domain/outbox.ts";
import { createOutboxSender, type OutboxSenderOptions } from "../../src/jobs/outbox.ts";
import { failedSince } from "../../src/jobs/outbox-failed.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";

let database: Database & { dataDir: string; databaseUrl?: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

// Producers queue rows at the database's "now" (wall time), so the sender's fixed clock is set
// after it: every row a test queues is due at NOW.
const NOW = "2030-01-07T03:00:00Z";
const at = (ms: number) => new Date(new Date(NOW).getTime() + ms);
const logger = createLogger({ level: "silent" });

function apiFor(telegram: FakeTelegram, fetch: typeof globalThis.fetch = telegram.fetch): Api {
  return new Api(telegram.token, { apiRoot: telegram.apiRoot, fetch: fetch as never });
}

function harness(options: Partial<OutboxSenderOptions> = {}, db: Database = database) {
  const telegram = new FakeTelegram();
  const clock = fixedClock(NOW);
  const sender = createOutboxSender({
    db: db.prisma,
    api: apiFor(telegram),
    clock,
    logger,
    options: { ratePerSecond: 1000, baseBackoffMs: 10_000, ...options },
  });
  return { telegram, clock, sender };
}

async function queue(dedupeKey: string, chatId: number, text = dedupeKey, db: Database = database) {
  await db.prisma.$transaction(async (tx) =>
    enqueueMessage(tx, {
      dedupeKey,
      kind: "test",
      chatId: BigInt(chatId),
      method: "sendMessage",
      params: { chat_id: chatId, text },
    }),
  );
}

const row = (dedupeKey: string) => database.prisma.outbox.findUniqueOrThrow({ where: { dedupeKey } });
const sentKeys = (telegram: FakeTelegram) => telegram.callsTo("sendMessage").map((c) => String(c.payload.text));

describe("outbox sender", () => {
  it("sends a queued row once and marks it SENT with Telegram's answer", async () => {
    const { telegram, sender } = harness();
    await queue("review-request:1", 5001, "Laporan baru dari Andi");

    expect(await sender.sendDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(telegram.callsTo("sendMessage")).toHaveLength(1);
    expect(telegram.lastText(5001)).toBe("Laporan baru dari Andi");

    const sent = await row("review-request:1");
    expect(sent).toMatchObject({
      status: "SENT",
      attempts: 1,
      lockedUntil: null,
      lastError: null,
      sentAt: new Date(NOW),
    });
    expect(sent.result).toMatchObject({
      message_id: expect.any(Number),
      chat: { id: 5001 },
      text: "Laporan baru dari Andi",
    });

    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(telegram.callsTo("sendMessage")).toHaveLength(1);
  });

  it("sends a message queued twice under one dedupe key once", async () => {
    const { telegram, sender } = harness();
    await queue("reminder:7:2026-11-24", 5001, "first");
    await queue("reminder:7:2026-11-24", 5001, "second");

    await sender.sendDue();
    await sender.sendDue();
    expect(sentKeys(telegram)).toEqual(["first"]);
    expect(await database.prisma.outbox.count()).toBe(1);
  });

  it("uploads the file a row holds, named as queued, whichever way it was queued", async () => {
    const { telegram, sender } = harness();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const photo = (dedupeKey: string, chatId: number) => ({
      dedupeKey,
      kind: "test",
      chatId: BigInt(chatId),
      method: "sendPhoto" as const,
      params: { chat_id: String(chatId), caption: dedupeKey },
      attachment: { field: "photo" as const, name: "chart.png", bytes },
    });
    await database.prisma.$transaction((tx) => enqueueMessage(tx, photo("one", -100777)));
    await enqueueMessages(database.prisma, [photo("many", -100778)]);
    expect((await row("many")).payload).toMatchObject({ params: { photo: { attachment: "chart.png" } } });
    expect((await row("one")).attachment).toEqual(bytes);
    expect((await row("many")).attachment).toEqual(bytes);

    expect(await sender.sendDue()).toMatchObject({ sent: 2 });
    // grammY sends `photo: "attach://<id>"` and the file under <id>.
    const uploads = telegram
      .callsTo("sendPhoto")
      .map((c) => Object.values(c.payload).find((v) => (v as { upload?: boolean })?.upload));
    expect(uploads).toEqual([
      { upload: true, name: "chart.png", size: bytes.length },
      { upload: true, name: "chart.png", size: bytes.length },
    ]);
  });

  it("fails for good, without calling Telegram, a row that names an attachment it does not hold", async () => {
    const { telegram, sender } = harness();
    await database.prisma.outbox.create({
      data: {
        dedupeKey: "broken",
        kind: "test",
        chatId: 5001n,
        payload: { method: "sendPhoto", params: { chat_id: 5001, photo: { attachment: "x.png" } } },
      },
    });
    expect(await sender.sendDue()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(telegram.callsTo("sendPhoto")).toHaveLength(0);
    expect(await row("broken")).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/attachment/) });
  });

  it("does not send a row before its notBefore time", async () => {
    const { telegram, clock, sender } = harness();
    await database.prisma.$transaction((tx) =>
      enqueueMessage(tx, {
        dedupeKey: "later",
        kind: "test",
        chatId: 5001n,
        method: "sendMessage",
        params: { chat_id: 5001, text: "later" },
        notBefore: at(3_600_000),
      }),
    );
    await sender.sendDue();
    expect(telegram.callsTo("sendMessage")).toHaveLength(0);
    clock.set(at(3_600_000));
    await sender.sendDue();
    expect(sentKeys(telegram)).toEqual(["later"]);
  });

  describe("on a 429", () => {
    it("reschedules the row after retry_after, pauses the whole sender, and sends both rows once it has passed", async () => {
      const { telegram, clock, sender } = harness();
      await queue("a", 5001);
      await queue("b", 5002);
      telegram.failNext(1, { status: 429, retryAfter: 30 }, "sendMessage");

      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect(telegram.callsTo("sendMessage")).toHaveLength(1); // "b" was not even tried: the bot is flood-limited
      const limited = await row("a");
      expect(limited).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null, nextAttemptAt: at(30_000) });
      expect(limited.lastError).toContain("429");
      expect((await row("b")).lockedUntil).toBeNull(); // released for whoever comes next

      clock.advance(29_000);
      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(telegram.callsTo("sendMessage")).toHaveLength(1);

      clock.advance(1_000);
      expect(await sender.sendDue()).toEqual({ sent: 2, failed: 0, retried: 0 });
      expect(sentKeys(telegram).sort()).toEqual(["a", "a", "b"]); // "a" twice: the refused call and the accepted one
      expect(await row("a")).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    });

    it("waits out a short retry_after in the same round (auto-retry) and sends", async () => {
      const { telegram, sender } = harness();
      await queue("a", 5001);
      telegram.failNext(1, { status: 429, retryAfter: 1 }, "sendMessage");

      expect(await sender.sendDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(telegram.callsTo("sendMessage")).toHaveLength(2);
      expect((await row("a")).status).toBe("SENT");
    });
  });

  describe("on a 5xx or a network error", () => {
    it("retries a 500 with backoff and then sends", async () => {
      const { telegram, clock, sender } = harness({ baseBackoffMs: 10_000 });
      await queue("a", 5001);
      telegram.failNext(1, { status: 500 }, "sendMessage");

      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, retried: 1 });
      const retrying = await row("a");
      expect(retrying).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, nextAttemptAt: at(10_000) });
      expect(retrying.lastError).toContain("500");

      clock.advance(9_999);
      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, retried: 0 });
      clock.advance(1);
      expect(await sender.sendDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(await row("a")).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
      expect(telegram.callsTo("sendMessage")).toHaveLength(2);
    });

    it("doubles the delay each time and gives up after maxAttempts", async () => {
      const { telegram, clock, sender } = harness({ baseBackoffMs: 1_000, maxAttempts: 3 });
      await queue("a", 5001);
      telegram.failNext(3, { status: 502 }, "sendMessage");

      await sender.sendDue();
      expect((await row("a")).nextAttemptAt).toEqual(at(1_000));
      clock.advance(1_000);
      await sender.sendDue();
      expect((await row("a")).nextAttemptAt).toEqual(at(3_000));
      clock.advance(2_000);
      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 1, retried: 0 });
      expect(await row("a")).toMatchObject({ status: "FAILED", attempts: 3 });

      clock.advance(60_000);
      await sender.sendDue();
      expect(telegram.callsTo("sendMessage")).toHaveLength(3);
    });

    it("retries a network error (grammY HttpError)", async () => {
      const telegram = new FakeTelegram();
      const clock = fixedClock(NOW);
      let failures = 1;
      const flaky = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        if (failures-- > 0) throw new TypeError("fetch failed: ECONNRESET");
        return telegram.fetch(input, init);
      }) as typeof fetch;
      const sender = createOutboxSender({
        db: database.prisma,
        api: apiFor(telegram, flaky),
        clock,
        logger,
        options: { ratePerSecond: 1000, baseBackoffMs: 5_000 },
      });
      await queue("a", 5001);

      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 0, retried: 1 });
      expect((await row("a")).lastError).toContain("network");
      clock.advance(5_000);
      expect(await sender.sendDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
    });
  });

  describe("on a 403 or 400", () => {
    it("marks the row FAILED at once with Telegram's reason, and lists it for the admins' digest", async () => {
      const { telegram, clock, sender } = harness();
      await queue("blocked", 5001);
      await queue("gone", 5002);
      await queue("fine", 5003);
      telegram.failNext(1, { status: 403 }, "sendMessage");
      telegram.failNext(1, { status: 400, description: "Bad Request: chat not found" }, "sendMessage");

      expect(await sender.sendDue()).toEqual({ sent: 1, failed: 2, retried: 0 });
      expect(await row("blocked")).toMatchObject({
        status: "FAILED",
        attempts: 1,
        lastError: "403: Forbidden: bot was blocked by the user",
      });
      expect(await row("gone")).toMatchObject({ status: "FAILED", lastError: "400: Bad Request: chat not found" });

      clock.advance(3_600_000);
      await sender.sendDue();
      expect(telegram.callsTo("sendMessage")).toHaveLength(3); // never tried again

      const digest = await failedSince(database.prisma, at(-3 * 3_600_000));
      expect(digest.map((f) => [f.dedupeKey, f.chatId, f.lastError])).toEqual([
        ["blocked", 5001n, "403: Forbidden: bot was blocked by the user"],
        ["gone", 5002n, "400: Bad Request: chat not found"],
      ]);
      expect(digest[0]).toMatchObject({ kind: "test", failedAt: new Date(NOW) });
      expect(await failedSince(database.prisma, at(1_000))).toEqual([]);
    });

    it("treats an edit that changes nothing as done", async () => {
      const { telegram, sender } = harness();
      await database.prisma.$transaction((tx) =>
        enqueueMessage(tx, {
          dedupeKey: "edit",
          kind: "test",
          chatId: 5001n,
          method: "editMessageText",
          params: { chat_id: 5001, message_id: 9, text: "x" },
        }),
      );
      telegram.failNext(1, { status: 400, description: "Bad Request: message is not modified" }, "editMessageText");
      expect(await sender.sendDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect((await row("edit")).status).toBe("SENT");
    });

    it("fails a row whose payload names no Bot API method", async () => {
      const { sender } = harness();
      await database.prisma.outbox.create({
        data: { dedupeKey: "bad", kind: "test", chatId: 5001n, payload: { params: {} } },
      });
      expect(await sender.sendDue()).toEqual({ sent: 0, failed: 1, retried: 0 });
      expect((await row("bad")).lastError).toContain("Malformed");
    });
  });

  describe("after a crash", () => {
    it("sends, from a new sender, a row whose lease has expired, but not one still leased", async () => {
      await queue("claimed-by-dead-sender", 5001);
      await queue("leased-by-live-sender", 5002);
      await database.prisma.outbox.update({
        where: { dedupeKey: "claimed-by-dead-sender" },
        data: { lockedUntil: at(-1_000) },
      });
      await database.prisma.outbox.update({
        where: { dedupeKey: "leased-by-live-sender" },
        data: { lockedUntil: at(30_000) },
      });

      const { telegram, clock, sender } = harness();
      expect(await sender.sendDue()).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(sentKeys(telegram)).toEqual(["claimed-by-dead-sender"]);

      clock.advance(31_000);
      await sender.sendDue();
      expect(sentKeys(telegram)).toEqual(["claimed-by-dead-sender", "leased-by-live-sender"]);
    });

    it("sends rows queued while no sender ran when a sender starts, and stop() waits for the round", async () => {
      await queue("a", 5001);
      await queue("b", 5002);
      const { telegram, sender } = harness();
      sender.start(20);
      await waitFor(async () => (await database.prisma.outbox.count({ where: { status: "SENT" } })) === 2);
      await sender.stop();
      expect(sentKeys(telegram).sort()).toEqual(["a", "b"]);
      expect(await database.prisma.outbox.count({ where: { lockedUntil: { not: null } } })).toBe(0);
    });
  });

  it("sends each of 50 rows exactly once with two senders on one database", async () => {
    const second = database.databaseUrl
      ? await openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir })
      : database;
    try {
      for (let i = 0; i < 50; i++) await queue(`broadcast:${i}`, 6000 + i);
      const telegram = new FakeTelegram();
      const clock = fixedClock(NOW);
      const options = { ratePerSecond: 1000, batchSize: 5 };
      const a = createOutboxSender({ db: database.prisma, api: apiFor(telegram), clock, logger, options });
      const b = createOutboxSender({ db: second.prisma, api: apiFor(telegram), clock, logger, options });

      const totals = { a: 0, b: 0 };
      for (let round = 0; round < 20; round++) {
        const [ra, rb] = await Promise.all([a.sendDue(), b.sendDue()]);
        totals.a += ra.sent;
        totals.b += rb.sent;
        if (ra.sent + rb.sent === 0) break;
      }

      const perKey = new Map<string, number>();
      for (const key of sentKeys(telegram)) perKey.set(key, (perKey.get(key) ?? 0) + 1);
      expect(perKey.size).toBe(50);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
      expect(totals.a + totals.b).toBe(50);
      expect(totals.a).toBeGreaterThan(0);
      expect(totals.b).toBeGreaterThan(0);
      expect(await database.prisma.outbox.count({ where: { status: "SENT" } })).toBe(50);
    } finally {
      if (second !== database) await second.close();
    }
  });

  describe("pacing", () => {
    it("sends one message per private chat per second: a second row waits for a later round, without using an attempt", async () => {
      const { telegram, clock, sender } = harness();
      await queue("first", 5001);
      await queue("second", 5001);
      await queue("other-chat", 5002);

      expect(await sender.sendDue()).toEqual({ sent: 2, failed: 0, retried: 0 });
      expect(sentKeys(telegram)).toEqual(["first", "other-chat"]);
      expect(await row("second")).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null });

      clock.advance(999);
      expect((await sender.sendDue()).sent).toBe(0);
      clock.advance(1);
      expect((await sender.sendDue()).sent).toBe(1);
      expect(sentKeys(telegram)).toEqual(["first", "other-chat", "second"]);
    });

    it("sends to a group at most every three seconds", async () => {
      const { telegram, clock, sender } = harness();
      await queue("summary-1", -100200);
      await queue("summary-2", -100200);

      await sender.sendDue();
      clock.advance(2_000);
      await sender.sendDue();
      expect(sentKeys(telegram)).toEqual(["summary-1"]);
      clock.advance(1_000);
      await sender.sendDue();
      expect(sentKeys(telegram)).toEqual(["summary-1", "summary-2"]);
    });

    it("counts an album as one message per photo", async () => {
      const { telegram, clock, sender } = harness();
      const media = ["p1", "p2", "p3"].map((id) => ({ type: "photo", media: id }));
      await database.prisma.$transaction((tx) =>
        enqueueMessage(tx, {
          dedupeKey: "album",
          kind: "test",
          chatId: 5001n,
          method: "sendMediaGroup",
          params: { chat_id: 5001, media },
        }),
      );
      await queue("after-album", 5001);

      await sender.sendDue();
      expect(await row("album")).toMatchObject({
        status: "SENT",
        result: [{ message_id: expect.any(Number) }, {}, {}],
      });
      clock.advance(2_000);
      await sender.sendDue();
      expect(sentKeys(telegram)).toEqual([]);
      clock.advance(1_000);
      await sender.sendDue();
      expect(sentKeys(telegram)).toEqual(["after-album"]);
    });

    it("keeps the overall pace under the global rate", async () => {
      const { telegram, sender } = harness({ ratePerSecond: 50 });
      for (let i = 0; i < 10; i++) await queue(`r${i}`, 7000 + i);
      const started = performance.now();
      expect((await sender.sendDue()).sent).toBe(10);
      // Ten calls spaced 20 ms apart take at least 9 × 20 ms.
      expect(performance.now() - started).toBeGreaterThanOrEqual(175);
      expect(telegram.callsTo("sendMessage")).toHaveLength(10);
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
