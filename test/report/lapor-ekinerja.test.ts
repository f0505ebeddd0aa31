import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { draftData, laporData } from "../../src/handlers/report/callback-data.ts";
import { lastButtons, removeEvidenceDirs, reportBot, seedReporting, STAFF_TG, settleReportBots } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => (await settleReportBots(), await resetDatabase(database)));

describe("/lapor, a fractional output", () => {
  it("says e-Kinerja gets it rounded half-up with the exact value at the description's end", async () => {
    const seeded = await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(
      h.andi.command("lapor"),
      h.andi.press(laporData.today.pack()),
      h.andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
      h.andi.text("Menyusun laporan bulanan pengelolaan jaringan"),
      h.andi.text("2,5 dokumen"),
    );
    const texts = h.telegram.sentTexts(STAFF_TG);
    expect(texts.at(-2)).toContain('diekspor sebagai 3, dan "(2,5 dokumen)" ditambahkan di akhir uraian');
    expect(texts.at(-1)).toContain("Langkah 5/6");
  });
});

async function upToTime() {
  const seeded = await seedReporting(database.prisma);
  const h = reportBot(database.prisma);
  await h.deliver(
    h.andi.command("lapor"),
    h.andi.press(laporData.today.pack()),
    h.andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
    h.andi.text("Menyusun laporan bulanan pengelolaan jaringan"),
    h.andi.text("2 dokumen"),
  );
  const draft = await database.prisma.report.findFirstOrThrow({ where: { employeeId: seeded.staff.id } });
  return { ...seeded, ...h, draft };
}

describe("/lapor, the time as a range", () => {
  it("stores start, end and the minutes between them, and shows the range in the summary", async () => {
    const h = await upToTime();
    await h.deliver(h.andi.text("08.00 s/d 10.30"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.draft.id } })).toMatchObject({
      minutes: 150,
      startMinute: 480,
      endMinute: 630,
    });
  });

  it.each([
    ["10.30-08.00", "Jam selesai harus setelah jam mulai"],
    ["08.00-25.00", "Jam harus antara 00.00 dan 24.00"],
  ])("refuses %s with a clear message and asks again, saving nothing", async (text, message) => {
    const h = await upToTime();
    await h.deliver(h.andi.text(text));
    expect(h.telegram.lastText(STAFF_TG)).toMatch(new RegExp(`${message}[\\s\\S]*Langkah 5/6`));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.draft.id } })).toMatchObject({
      minutes: null,
      startMinute: null,
    });
  });

  it("asks before keeping a range that overlaps another report of the day; Change asks the time again", async () => {
    const h = await upToTime();
    await database.prisma.report.create({
      data: {
        employeeId: h.staff.id,
        date: new Date("2026-11-24T00:00:00Z"),
        status: "SUBMITTED",
        minutes: 90,
        startMinute: 480,
        endMinute: 570,
      },
    });
    await h.deliver(h.andi.text("09.00-10.00"));
    expect(h.telegram.lastText(STAFF_TG)).toContain(
      "bertumpang tindih dengan laporan lain pada hari yang sama (08:00–09:30)",
    );
    await h.deliver(h.andi.press(laporData.overlap.pack("no")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
    await h.deliver(h.andi.text("09.00-10.00"), h.andi.press(laporData.overlap.pack("yes")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.draft.id } })).toMatchObject({
      minutes: 60,
      startMinute: 540,
      endMinute: 600,
    });
  });

  it("still takes plain minutes, leaving start and end empty for the export to fill", async () => {
    const h = await upToTime();
    await h.deliver(h.andi.text("1:30"));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.draft.id } })).toMatchObject({
      minutes: 90,
      startMinute: null,
      endMinute: null,
    });
  });
});

describe("/lapor, the rencana aksi", () => {
  async function withPlans() {
    const seeded = await seedReporting(database.prisma);
    await database.prisma.skpIndicator.update({
      where: { id: seeded.indicators[0]!.id },
      data: { actionPlans: ["Menyusun draf laporan", "Rapat koordinasi jaringan"] },
    });
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.command("lapor"), h.andi.press(laporData.today.pack()));
    return { ...seeded, ...h };
  }

  it("asks for one after an indicator that has them, with a button each, and stores the one pressed", async () => {
    const h = await withPlans();
    await h.deliver(h.andi.press(laporData.indicator.pack(h.indicators[0]!.id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Rencana aksi mana");
    expect(lastButtons(h.telegram, STAFF_TG)).toEqual([laporData.actionPlan.pack(0), laporData.actionPlan.pack(1)]);
    await h.deliver(h.andi.press(laporData.actionPlan.pack(7)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Pilih rencana aksi dengan tombol");
    await h.deliver(h.andi.press(laporData.actionPlan.pack(1)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 3/6");
    expect(await database.prisma.report.findFirstOrThrow({ where: { employeeId: h.staff.id } })).toMatchObject({
      indicatorId: h.indicators[0]!.id,
      actionPlan: "Rapat koordinasi jaringan",
    });
  });

  it("does not ask after an indicator without them", async () => {
    const h = await withPlans();
    await h.deliver(h.andi.press(laporData.indicator.pack(h.indicators[1]!.id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 3/6");
  });

  it("asks only for the rencana aksi when a resumed draft's indicator got them after it was chosen", async () => {
    const seeded = await seedReporting(database.prisma);
    await database.prisma.skpIndicator.update({
      where: { id: seeded.indicators[0]!.id },
      data: { actionPlans: ["Menyusun draf laporan"] },
    });
    const draft = await database.prisma.report.create({
      data: {
        employeeId: seeded.staff.id,
        date: new Date("2026-11-24T00:00:00Z"),
        indicatorId: seeded.indicators[0]!.id,
        description: "Menyusun laporan bulanan pengelolaan jaringan",
        outputQuantity: 2,
        outputUnit: "dokumen",
        minutes: 60,
      },
    });
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.command("lapor"), h.andi.press(draftData.pack("resume", draft.id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Rencana aksi mana");
    await h.deliver(h.andi.press(laporData.actionPlan.pack(0)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
  });
});
