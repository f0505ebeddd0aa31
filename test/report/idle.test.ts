import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import type { Db } from "../../src/db/client.ts";
import { expireIdleReportConversations } from "../../src/jobs/report-idle.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const NOW = "2026-11-24T03:00:00Z";
const minutesAgo = (minutes: number) => new Date(new Date(NOW).getTime() - minutes * 60_000);
const render = (locale: string, minutes: number) => `${locale}:${minutes}`;

/** Andi (Indonesian) and Dewi (English) linked to Telegram 8001 and 8002. */
async function seedChats(db: Db) {
  const { staff, colleague } = await seedSmallUnit(db);
  await db.employee.update({ where: { id: staff.id }, data: { telegramId: 8001n } });
  await db.employee.update({ where: { id: colleague.id }, data: { telegramId: 8002n } });
}

describe("the idle /lapor sweep, for many chats at once", () => {
  it("ends each idle private conversation with a message in its person's language, and leaves the rest", async () => {
    const db = database.prisma;
    await seedChats(db);
    await db.keyValue.createMany({
      data: [
        { key: "conv:8001", value: {}, updatedAt: minutesAgo(31) },
        { key: "conv:8002", value: {}, updatedAt: minutesAgo(45) },
        // Someone not linked (any more): told in Indonesian.
        { key: "conv:8003", value: {}, updatedAt: minutesAgo(60) },
        { key: "conv:8004", value: {}, updatedAt: minutesAgo(10) },
        // A group's chat id is negative: never a /lapor, never swept.
        { key: "conv:-1001", value: {}, updatedAt: minutesAgo(60) },
      ],
    });

    expect(await expireIdleReportConversations({ db, clock: fixedClock(NOW), render })).toBe(3);

    const left = await db.keyValue.findMany({ where: { key: { startsWith: "conv:" } }, orderBy: { key: "asc" } });
    expect(left.map((r) => r.key)).toEqual(["conv:-1001", "conv:8004"]);
    const sent = await db.outbox.findMany({ where: { kind: "report-idle" }, orderBy: { chatId: "asc" } });
    expect(sent.map((r) => [r.chatId, (r.payload as { params: { text: string } }).params.text])).toEqual([
      [8001n, "id:30"],
      [8002n, "en:30"],
      [8003n, "id:30"],
    ]);
    // Run again: nothing is left to end, nothing is queued twice.
    expect(await expireIdleReportConversations({ db, clock: fixedClock(NOW), render })).toBe(0);
    expect(await db.outbox.count()).toBe(3);
  });

  it("does not end a conversation answered between the sweep's read and its delete, nor tell that person", async () => {
    const db = database.prisma;
    await seedChats(db);
    await db.keyValue.createMany({
      data: [
        { key: "conv:8001", value: {}, updatedAt: minutesAgo(31) },
        { key: "conv:8002", value: {}, updatedAt: minutesAgo(31) },
      ],
    });
    // Andi answers right after the sweep has read the idle rows.
    const answeringDb = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "keyValue") return Reflect.get(target, property, receiver);
        return {
          findMany: async (args: Parameters<Db["keyValue"]["findMany"]>[0]) => {
            const rows = await target.keyValue.findMany(args);
            await target.keyValue.update({
              where: { key: "conv:8001" },
              data: { value: { answered: true }, updatedAt: new Date(NOW) },
            });
            return rows;
          },
        };
      },
    }) as Db;

    expect(await expireIdleReportConversations({ db: answeringDb, clock: fixedClock(NOW), render })).toBe(1);

    expect(await db.keyValue.findUnique({ where: { key: "conv:8001" } })).toMatchObject({ value: { answered: true } });
    expect((await db.outbox.findMany()).map((r) => r.chatId)).toEqual([8002n]);
  });
});
