import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import type { Database } from "../../src/db/client.ts";
import { createOutboxSender } from "../../src/jobs/outbox.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { seedReview, submitted, SUPERVISOR_TG } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const SUBMITTED_AT = "2026-11-24T03:00:00Z";

function setup() {
  const telegram = new FakeTelegram();
  const clock = fixedClock(SUBMITTED_AT);
  const sender = createOutboxSender({
    db: database.prisma,
    api: new Api(telegram.token, { apiRoot: telegram.apiRoot, fetch: telegram.fetch as never }),
    clock,
    logger: createLogger({ level: "silent" }),
    options: { ratePerSecond: 10_000, perChatIntervalMs: 0, perGroupIntervalMs: 0, baseBackoffMs: 5_000 },
  });
  /** What reached the supervisor, in order: the album, or the card. */
  const delivered = () =>
    telegram.calls
      .filter((c) => Number(c.payload.chat_id) === SUPERVISOR_TG)
      .map((c) => (c.method === "sendMediaGroup" ? "album" : "card"));
  return { telegram, clock, sender, delivered };
}

describe("a report's messages to its supervisor keep their order", () => {
  it("holds the card while its album waits for a retry, then sends the album and the card, in that order", async () => {
    const seeded = await seedReview(database.prisma);
    await submitted(database.prisma, { employeeId: seeded.staff.id, photos: 2, now: SUBMITTED_AT });
    const { telegram, clock, sender, delivered } = setup();
    telegram.failNext(1, { status: 502 }, "sendMediaGroup");

    await sender.sendDue();
    expect(delivered()).toEqual(["album"]); // the try that failed; the card waits
    expect(await database.prisma.outbox.findFirstOrThrow({ where: { kind: "review-request" } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });

    clock.advance(5_000);
    await sender.sendDue();
    expect(delivered()).toEqual(["album", "album", "card"]);
    expect(await database.prisma.outbox.count({ where: { status: "SENT" } })).toBe(2);
  });

  it("lets the card go once its album has failed for good: a FAILED row does not hold its group", async () => {
    const seeded = await seedReview(database.prisma);
    await submitted(database.prisma, { employeeId: seeded.staff.id, photos: 2, now: SUBMITTED_AT });
    const { telegram, sender, delivered } = setup();
    telegram.failNext(1, { status: 400, description: "Bad Request: wrong file identifier" }, "sendMediaGroup");

    await sender.sendDue();
    expect(delivered()).toEqual(["album", "card"]);
    expect(await database.prisma.outbox.findFirstOrThrow({ where: { kind: "review-request-photos" } })).toMatchObject({
      status: "FAILED",
    });
  });

  it("does not hold other reports' messages: each report is its own group", async () => {
    const seeded = await seedReview(database.prisma);
    const first = await submitted(database.prisma, { employeeId: seeded.staff.id, photos: 2, now: SUBMITTED_AT });
    await submitted(database.prisma, { employeeId: seeded.colleague.id, photos: 2, now: SUBMITTED_AT });
    const { telegram, sender, delivered } = setup();
    telegram.failNext(1, { status: 502 }, "sendMediaGroup");

    await sender.sendDue();
    expect(delivered()).toEqual(["album", "album", "card"]); // the first report's album failed; the second went out
    const held = await database.prisma.outbox.findFirstOrThrow({
      where: { kind: "review-request", orderGroup: `report:${first}` },
    });
    expect(held.status).toBe("PENDING");
  });
});
