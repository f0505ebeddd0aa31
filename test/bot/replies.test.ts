import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { createTestBot } from "../support/bot.ts";
import { seedSmallUnit } from "../support/seed.ts";
import type { Database } from "../../src/db/client.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** A reply is the answer to what the person just sent: a 429 or a passing 5xx must not drop it. */
describe("replies under Telegram's rate limit and passing errors", () => {
  it("sends a /bantuan reply again after a 429 with a short retry_after", async () => {
    await seedSmallUnit(database.prisma);
    const { telegram, deliver } = createTestBot({ db: database.prisma });
    const stranger = telegram.user(7100);
    telegram.failNext(1, { status: 429, retryAfter: 1 }, "sendMessage");

    await deliver(stranger.command("bantuan"));

    expect(telegram.callsTo("sendMessage")).toHaveLength(2);
    expect(telegram.lastText(7100)).toBeTruthy();
  });

  it("tries once more after a 502, and no more than once", async () => {
    await seedSmallUnit(database.prisma);
    const { telegram, deliver, logLines } = createTestBot({ db: database.prisma });
    const stranger = telegram.user(7101);
    telegram.failNext(1, { status: 502 }, "sendMessage");
    await deliver(stranger.command("bantuan"));
    expect(telegram.callsTo("sendMessage")).toHaveLength(2);

    telegram.clearCalls();
    telegram.failNext(5, { status: 502 }, "sendMessage");
    // The error boundary acknowledges the update (src/bot/error-boundary.ts) and logs it; a
    // Telegram failure gets no apology, which would only fail too.
    await deliver(stranger.command("bantuan"));
    expect(telegram.callsTo("sendMessage")).toHaveLength(2);
    expect(logLines.filter((l) => l.msg === "update failed").map((l) => l.kind)).toEqual(["telegram 502"]);
    telegram.clearFailures();
  });

  it("does not wait out a long retry_after inside an update", async () => {
    await seedSmallUnit(database.prisma);
    const { telegram, deliver, logLines } = createTestBot({ db: database.prisma });
    telegram.failNext(1, { status: 429, retryAfter: 120 }, "sendMessage");
    const started = Date.now();
    await deliver(telegram.user(7102).command("bantuan"));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(telegram.callsTo("sendMessage")).toHaveLength(1);
    expect(logLines.filter((l) => l.msg === "update failed").map((l) => l.kind)).toEqual(["telegram 429"]);
  });
});
