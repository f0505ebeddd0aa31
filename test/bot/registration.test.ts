import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { createTestBot } from "../support/bot.ts";
import { seedSmallUnit } from "../support/seed.ts";
import { issueInvites } from "../../src/domain/registration/issue-invites.ts";
import type { Database } from "../../src/db/client.ts";
import { languageData } from "../../src/handlers/language/callback-data.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const NOW = "2026-11-24T03:00:00Z";

async function setup() {
  const seeded = await seedSmallUnit(database.prisma);
  const invites = await issueInvites(database.prisma, { now: new Date(NOW), actor: "test" });
  const codeFor = (nip: string) => invites.find((i) => i.nip === nip)!.code;
  const harness = createTestBot({ db: database.prisma, now: NOW });
  return { ...seeded, codeFor, ...harness };
}

const rowCounts = async () => ({
  linked: await database.prisma.employee.count({ where: { telegramId: { not: null } } }),
  usedInvites: await database.prisma.invite.count({ where: { usedAt: { not: null } } }),
});

describe("linking a Telegram account with /start inv_<code>", () => {
  it("links the account and greets the employee by name, unit, role and commands", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("start", `inv_${codeFor(staff.nip)}`));

    const greeting = telegram.lastText(5001)!;
    expect(greeting).toContain("Andi Wijaya");
    expect(greeting).toContain("Pranata Komputer");
    expect(greeting).toContain("Dinas DISKOMINFO");
    expect(greeting).toContain("/lapor");
    expect(greeting).not.toContain("/persetujuan");
    const row = await database.prisma.employee.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.telegramId).toBe(5001n);
  });

  it("tells a supervisor about the supervisor commands and greets in the employee's stored language", async () => {
    const { telegram, deliver, supervisor, colleague, codeFor } = await setup();
    await deliver(telegram.user(5002).command("start", `inv_${codeFor(supervisor.nip)}`));
    expect(telegram.lastText(5002)).toContain("/persetujuan");
    expect(telegram.lastText(5002)).toContain("atasan langsung");

    await deliver(telegram.user(5003, { languageCode: "id" }).command("start", `inv_${codeFor(colleague.nip)}`));
    expect(telegram.lastText(5003)).toContain("Welcome, Dewi Lestari");
  });

  it("treats the same link sent twice by the same account as already done (a duplicate update)", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(
      andi.command("start", `inv_${codeFor(staff.nip)}`),
      andi.command("start", `inv_${codeFor(staff.nip)}`),
    );
    expect(telegram.lastText(5001)).toContain("sudah terhubung dengan Andi Wijaya");
    expect(await rowCounts()).toEqual({ linked: 1, usedInvites: 1 });
  });

  it.each([
    ["an unknown code", "inv_AAAAAAAAAAAAAAAAAAAAAA", "tidak dikenal"],
    ["a code of the wrong shape", "inv_x", "tidak dikenal"],
  ])("refuses %s and changes nothing", async (_name, payload, expected) => {
    const { telegram, deliver } = await setup();
    await deliver(telegram.user(5001).command("start", payload));
    expect(telegram.lastText(5001)).toContain(expected);
    expect(await rowCounts()).toEqual({ linked: 0, usedInvites: 0 });
  });

  it("refuses a code already used by someone else", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    await deliver(telegram.user(5001).command("start", `inv_${codeFor(staff.nip)}`));
    await deliver(telegram.user(5009).command("start", `inv_${codeFor(staff.nip)}`));
    expect(telegram.lastText(5009)).toContain("sudah pernah dipakai");
    expect(await rowCounts()).toEqual({ linked: 1, usedInvites: 1 });
  });

  it("refuses an expired code (after 14 days)", async () => {
    const { telegram, deliver, staff, codeFor, clock } = await setup();
    clock.advance(14 * 24 * 3600_000 + 1000);
    await deliver(telegram.user(5001).command("start", `inv_${codeFor(staff.nip)}`));
    expect(telegram.lastText(5001)).toContain("kedaluwarsa");
    expect(await rowCounts()).toEqual({ linked: 0, usedInvites: 0 });
  });

  it("refuses to link a Telegram account that is already linked to another employee", async () => {
    const { telegram, deliver, staff, colleague, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("start", `inv_${codeFor(staff.nip)}`));
    await deliver(andi.command("start", `inv_${codeFor(colleague.nip)}`));
    expect(telegram.lastText(5001)).toContain("sudah terhubung dengan pegawai lain");
    const dewi = await database.prisma.employee.findUniqueOrThrow({ where: { id: colleague.id } });
    expect(dewi.telegramId).toBeNull();
  });

  it("refuses to link an employee who is already linked to another account", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    await deliver(telegram.user(5001).command("start", `inv_${codeFor(staff.nip)}`));
    // A second, newer invite for the same employee cannot hijack the link.
    await database.prisma.employee.update({ where: { id: staff.id }, data: { telegramId: null } });
    const [second] = await issueInvites(database.prisma, { now: new Date(NOW), actor: "test" }).then((all) =>
      all.filter((i) => i.nip === staff.nip),
    );
    await database.prisma.employee.update({ where: { id: staff.id }, data: { telegramId: 5001n } });
    await deliver(telegram.user(5002).command("start", `inv_${second!.code}`));
    expect(telegram.lastText(5002)).toContain("sudah terhubung dengan akun Telegram lain");
    const row = await database.prisma.employee.findUniqueOrThrow({ where: { id: staff.id } });
    expect(row.telegramId).toBe(5001n);
  });

  it("refuses a code sent in a group chat and does not use it up", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("start", `inv_${codeFor(staff.nip)}`, andi.inGroup(-100200)));
    expect(telegram.lastText(-100200)).toContain("hanya dapat dipakai di chat pribadi");
    expect(await rowCounts()).toEqual({ linked: 0, usedInvites: 0 });
  });

  it("locks an account out for 30 minutes after 5 wrong codes within 10 minutes", async () => {
    const { telegram, deliver, staff, codeFor, clock } = await setup();
    const guesser = telegram.user(5001);
    for (let i = 0; i < 5; i++) await deliver(guesser.command("start", `inv_${"B".repeat(21)}${i}`));
    await deliver(guesser.command("start", `inv_${codeFor(staff.nip)}`));
    expect(telegram.lastText(5001)).toContain("Terlalu banyak kode yang salah");
    expect(telegram.lastText(5001)).toMatch(/pukul \d\d\.\d\d WIB/);
    expect(await rowCounts()).toEqual({ linked: 0, usedInvites: 0 });

    clock.advance(31 * 60_000);
    await deliver(guesser.command("start", `inv_${codeFor(staff.nip)}`));
    expect(telegram.lastText(5001)).toContain("Selamat datang, Andi Wijaya");
  });
});

describe("unlinked people and the menu", () => {
  it("explains how to join on /start without a code, and on any other text", async () => {
    const { telegram, deliver } = await setup();
    const stranger = telegram.user(6001);
    await deliver(stranger.command("start"), stranger.text("halo"), stranger.command("lapor"));
    const texts = telegram.sentTexts(6001);
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(text).toContain("tautan undangan");
  });

  it("answers an English Telegram client in English", async () => {
    const { telegram, deliver } = await setup();
    await deliver(telegram.user(6002, { languageCode: "en" }).command("start"));
    expect(telegram.lastText(6002)).toContain("Your Telegram account is not linked yet");
  });

  it("shows the menu to a linked employee on /start", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("start", `inv_${codeFor(staff.nip)}`), andi.command("start"));
    expect(telegram.lastText(5001)).toContain("Halo, Andi Wijaya");
  });

  it("refuses personal commands in a group", async () => {
    const { telegram, deliver } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("lapor", "", andi.inGroup(-100300)), andi.command("riwayat", "", andi.inGroup(-100300)));
    expect(telegram.sentTexts(-100300)).toEqual([
      expect.stringContaining("hanya dapat dipakai di chat pribadi"),
      expect.stringContaining("hanya dapat dipakai di chat pribadi"),
    ]);
  });

  it("stores /bahasa per employee, so later messages follow it", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(
      andi.command("start", `inv_${codeFor(staff.nip)}`),
      andi.command("bahasa"),
      andi.press(languageData.pack("en")),
    );
    expect(telegram.lastText(5001)).toBe("Language changed to English.");
    expect((await database.prisma.employee.findUniqueOrThrow({ where: { id: staff.id } })).language).toBe("en");
    await deliver(andi.command("bantuan"));
    expect(telegram.lastText(5001)).toContain("Send /cancel");
  });

  it("answers a tampered language button with an alert and changes nothing", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("start", `inv_${codeFor(staff.nip)}`), andi.press("lang:fr"));
    expect(telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: "Tombol ini sudah tidak berlaku.",
    });
    expect((await database.prisma.employee.findUniqueOrThrow({ where: { id: staff.id } })).language).toBe("id");
  });
});

describe("messages no feature takes", () => {
  it("answers a linked employee's stray text or photo with a pointer to the commands", async () => {
    const { telegram, deliver, staff, codeFor } = await setup();
    const andi = telegram.user(5001);
    await deliver(andi.command("start", `inv_${codeFor(staff.nip)}`), andi.text("selamat pagi"));
    expect(telegram.lastText(5001)).toContain("/lapor");
    await deliver(andi.press("something-unknown"));
    expect(telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: "Tombol ini sudah tidak berlaku.",
    });
  });
});
