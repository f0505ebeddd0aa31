import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { removeEvidenceDirs, reportBot, seedReporting, settleReportBots, STAFF_TG } from "../report/helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => (await settleReportBots(), await resetDatabase(database)));

const requests = () => database.prisma.keyValue.count({ where: { key: { startsWith: "unduh:" } } });

/** /unduh only queues a request (a job makes the file); what it is given is checked first. */
describe("/unduh", () => {
  it.each(["bulan lalu", "2026-13", "13/2026", "1999-05", "2026-11-01"])(
    "answers %j with how to ask, and queues nothing",
    async (text) => {
      await seedReporting(database.prisma);
      const h = reportBot(database.prisma); // 24 November 2026
      await h.deliver(h.andi.command("unduh", text));
      expect(h.telegram.lastText(STAFF_TG)).toContain("/unduh 2026-11");
      expect(await requests()).toBe(0);
    },
  );

  it("refuses a month still to come, and queues nothing", async () => {
    await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.command("unduh", "2026-12"));
    expect(await requests()).toBe(0);
    expect(h.telegram.lastText(STAFF_TG)).toContain("2026-11");
  });

  it("takes 11/2026 as 2026-11, and a second request for the same month queues nothing more", async () => {
    await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.command("unduh", "11/2026"));
    const first = h.telegram.lastText(STAFF_TG);
    await h.deliver(h.andi.command("download", "2026-11"));
    expect(await requests()).toBe(1);
    expect(h.telegram.lastText(STAFF_TG)).not.toBe(first); // "already being prepared"
  });
});
