import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLapkin, type RunningLapkin } from "../../src/app.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { memoryLogger, webhookConfig } from "../support/bot.ts";
import { seedSmallUnit } from "../support/seed.ts";

const SECRET = "policy_start_secret";
const STAFF_CHAT = 7301;

/** `lapkin start` reads the stored policy and hands it to the bot; a bad stored value is logged, not fatal. */
describe("lapkin start with a stored policy", () => {
  const telegram = new FakeTelegram();
  const logs = memoryLogger(telegram.token);
  let app: RunningLapkin;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const database = await createDatabaseEnv("lapkin-policy-start-");
    cleanup = database.cleanup;
    await database.use(async (db) => {
      const { staff } = await seedSmallUnit(db);
      await db.employee.update({ where: { id: staff.id }, data: { telegramId: BigInt(STAFF_CHAT) } });
      const plan = await db.skpPlan.create({ data: { employeeId: staff.id, year: 2026 } });
      await db.skpIndicator.create({
        data: {
          planId: plan.id,
          code: "1.1",
          rhk: "Layanan TIK",
          indicator: "Tiket selesai",
          target: 120,
          unitOfMeasure: "tiket",
        },
      });
      await db.keyValue.create({ data: { key: "policy:rating", value: { period: "MONTH" } } });
      await db.keyValue.create({ data: { key: "policy:review", value: { approvalsPageSize: 0 } } });
      await db.keyValue.create({ data: { key: "policy:report", value: { idleMinutes: 5 } } });
      // A /lapor left 10 minutes before the start (the default would wait 30).
      await db.keyValue.create({
        data: { key: `conv:${STAFF_CHAT}`, value: {}, updatedAt: new Date("2026-11-24T02:50:00Z") },
      });
    });
    const config = webhookConfig(telegram, SECRET, database.env);
    app = await startLapkin({
      config,
      clock: fixedClock("2026-11-24T03:00:00Z"),
      logger: logs.logger,
      fetch: telegram.fetch,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await cleanup?.();
  });

  it("logs the invalid stored value and starts with its default", () => {
    const warning = logs.lines.find((l) => l.level === "warn" && String(l.msg).includes("review.approvalsPageSize"));
    expect(warning?.msg).toBe(
      "policy: review.approvalsPageSize: the stored 0 is not a whole number from 1 to 20; the default 5 is used",
    );
    expect(logs.lines.some((l) => l.msg === "lapkin ready")).toBe(true);
  });

  it("ends a /lapor idle since before the start, at once and after the stored idleMinutes", async () => {
    await expect
      .poll(() => telegram.sentTexts(STAFF_CHAT).find((t) => t.includes("berakhir")), { timeout: 10_000 })
      .toBe(
        "Sesi /lapor berakhir karena tidak ada jawaban selama 5 menit. Jawaban Anda disimpan sebagai draf — ketik /lapor untuk melanjutkan.",
      );
  });

  it("gives /skp the stored evaluation period: a month instead of the default quarter", async () => {
    const response = await fetch(`http://127.0.0.1:${app.port}/telegram/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
      body: JSON.stringify(telegram.user(STAFF_CHAT).command("skp")),
    });
    expect(response.status).toBe(200);
    expect(telegram.lastText(STAFF_CHAT)).toContain("Periode penilaian: November 2026");
  });
});
