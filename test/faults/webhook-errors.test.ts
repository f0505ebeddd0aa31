import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedReporting, STAFF_TG } from "../report/helpers.ts";
import { failing, webhookInstance } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

describe("an error in a handler, in webhook mode (POST /telegram/webhook)", () => {
  it("apologises in the person's language, logs the update id, and acknowledges the update", async () => {
    await seedReporting(database.prisma);
    await database.prisma.employee.updateMany({ where: { telegramId: BigInt(STAFF_TG) }, data: { language: "en" } });
    // /riwayat reads the reports: that read fails.
    const instance = webhookInstance(failing(database.prisma, "report"));
    const update = instance.telegram.user(STAFF_TG).command("riwayat");

    const response = await instance.post(update);

    // Acknowledged on purpose (src/bot/error-boundary.ts): a redelivery would fail and apologise again.
    expect(response.status).toBe(200);
    expect(instance.telegram.lastText(STAFF_TG)).toBe(
      "Sorry, something went wrong on our side. Your data is safe; please try again in a moment.",
    );
    const failed = instance.logLines.find((l) => l.msg === "update failed");
    expect(failed).toMatchObject({ updateId: update.update_id, kind: "handler" });
    expect(JSON.stringify(failed)).toContain("injected failure of report");
  });

  it("apologises to an unlinked person in Indonesian when even loading the sender fails, with an alert for a button", async () => {
    const instance = webhookInstance(failing(database.prisma, "$queryRaw"));
    const person = instance.telegram.user(7777);
    const press = person.press("lp:today");

    expect((await instance.post(person.command("bantuan"))).status).toBe(200);
    expect(instance.telegram.lastText(7777)).toBe(
      "Maaf, terjadi kesalahan di sisi kami. Data Anda aman; silakan coba lagi sebentar lagi.",
    );
    expect((await instance.post(press)).status).toBe(200);
    expect(instance.telegram.callbackAnswers().at(-1)).toMatchObject({
      text: "Maaf, terjadi kesalahan di sisi kami. Data Anda aman; silakan coba lagi sebentar lagi.",
      show_alert: true,
    });
    expect(instance.logLines.filter((l) => l.msg === "update failed").map((l) => l.updateId)).toEqual([
      expect.any(Number),
      press.update_id,
    ]);
  });
});
