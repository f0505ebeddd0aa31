import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { createTestBot } from "../support/bot.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { hashToken } from "../../src/domain/dashboard/tokens.ts";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

describe("/dasbor", () => {
  it("sends a one-time login link under PUBLIC_URL, without a link preview, bound to the employee", async () => {
    const { staff } = await seedSmallUnit(database.prisma);
    await database.prisma.employee.update({ where: { id: staff.id }, data: { telegramId: 7001n } });
    const { telegram, deliver } = createTestBot({
      db: database.prisma,
      config: { PUBLIC_URL: "https://lapkin.example.go.id/" },
    });
    await deliver(telegram.user(7001).command("dasbor"));
    const call = telegram.callsTo("sendMessage").at(-1)!;
    const token = /https:\/\/lapkin\.example\.go\.id\/masuk\/([A-Za-z0-9_-]{43})/.exec(String(call.payload.text))?.[1];
    expect(token).toBeDefined();
    expect(call.payload.link_preview_options).toEqual({ is_disabled: true });
    const row = await database.prisma.dashboardLogin.findUniqueOrThrow({ where: { tokenHash: hashToken(token!) } });
    expect(row.employeeId).toBe(staff.id);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(10 * 60_000 + 5_000);
  });

  it("answers in English to /dashboard for an English-speaking employee", async () => {
    const { colleague } = await seedSmallUnit(database.prisma);
    await database.prisma.employee.update({ where: { id: colleague.id }, data: { telegramId: 7002n } });
    const { telegram, deliver } = createTestBot({
      db: database.prisma,
      config: { PUBLIC_URL: "https://lapkin.example.go.id" },
    });
    await deliver(telegram.user(7002).command("dashboard"));
    expect(telegram.lastText(7002)).toContain("sign-in link");
  });

  it("says the dashboard is not enabled when PUBLIC_URL is unset, and issues nothing", async () => {
    const { staff } = await seedSmallUnit(database.prisma);
    await database.prisma.employee.update({ where: { id: staff.id }, data: { telegramId: 7001n } });
    const { telegram, deliver } = createTestBot({ db: database.prisma });
    await deliver(telegram.user(7001).command("dasbor"));
    expect(telegram.lastText(7001)).toContain("belum diaktifkan");
    expect(await database.prisma.dashboardLogin.count()).toBe(0);
  });
});
