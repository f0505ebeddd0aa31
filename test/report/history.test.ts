import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { historyData, laporData } from "../../src/handlers/report/callback-data.ts";
import {
  jpeg,
  lastButtons,
  removeEvidenceDirs,
  reportBot,
  seedReporting,
  STAFF_TG,
  settleReportBots,
} from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => (await settleReportBots(), await resetDatabase(database)));

async function setup(options: { now?: string; timeZone?: string } = {}) {
  const seeded = await seedReporting(database.prisma, { timeZone: options.timeZone });
  const harness = reportBot(database.prisma, { now: options.now });
  return { ...seeded, ...harness };
}

/** Completes /lapor for a date already chosen, up to and including Submit. */
async function finish(h: Awaited<ReturnType<typeof setup>>, description = "Rapat koordinasi jaringan kota") {
  await h.deliver(
    h.andi.press(laporData.indicator.pack(h.indicators[0]!.id)),
    h.andi.text(description),
    h.andi.text("1"),
    h.andi.text("60"),
  );
  await h.deliver(h.andi.photo(h.telegram.addFile(jpeg())), h.andi.press(laporData.photosDone.pack()));
  const draft = await database.prisma.report.findFirstOrThrow({ where: { status: "DRAFT" } });
  await h.deliver(h.andi.press(laporData.submit.pack(draft.id)));
  return draft.id;
}

describe("back-dating in the unit's time zone (WITA)", () => {
  it("at 00:30 WITA on a Monday (still Sunday in UTC) today is Monday: no day-off question", async () => {
    const h = await setup({ timeZone: "Asia/Makassar", now: "2026-11-29T16:30:00Z" });
    await h.deliver(h.andi.command("lapor"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Hari ini 30 November 2026");
    await h.deliver(h.andi.press(laporData.today.pack()));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 2/6");
    const draft = await database.prisma.report.findFirstOrThrow();
    expect(draft.date!.toISOString().slice(0, 10)).toBe("2026-11-30");
  });

  it("at 23:30 WITA on a Monday: back to Wednesday across the weekend, the weekend asks, tomorrow is the future", async () => {
    const h = await setup({ timeZone: "Asia/Makassar", now: "2026-11-30T15:30:00Z" });
    await h.deliver(h.andi.command("lapor"), h.andi.press(laporData.otherDay.pack()));
    expect(lastButtons(h.telegram, STAFF_TG)).toEqual([
      laporData.date.pack("2026-11-29"),
      laporData.date.pack("2026-11-28"),
      laporData.date.pack("2026-11-27"),
      laporData.date.pack("2026-11-26"),
      laporData.date.pack("2026-11-25"),
    ]);
    await h.deliver(h.andi.text("01/12/2026"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("belum tiba");
    await h.deliver(h.andi.text("24/11/2026"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("sejak 25 November 2026");
    await h.deliver(h.andi.press(laporData.date.pack("2026-11-28")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("28 November 2026 adalah hari libur (bukan hari kerja unit Anda)");
    await h.deliver(h.andi.press(laporData.dayOff.pack("no")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 1/6");
    await h.deliver(h.andi.press(laporData.date.pack("2026-11-25")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 2/6");
  });

  it("after Christmas and its cuti bersama: the holiday asks for confirmation, the window reaches the 21st", async () => {
    const h = await setup({ timeZone: "Asia/Makassar", now: "2026-12-28T02:00:00Z" });
    await h.deliver(h.andi.command("lapor"), h.andi.text("18/12/2026"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("sejak 21 Desember 2026");
    await h.deliver(h.andi.text("24/12/2026"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Cuti Bersama Kelahiran Yesus Kristus");
    await h.deliver(h.andi.press(laporData.dayOff.pack("yes")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 2/6");
  });

  it("a regional closure and the employee's leave also ask for confirmation", async () => {
    const h = await setup({ now: "2026-11-26T03:00:00Z" });
    await database.prisma.regionalHoliday.create({
      data: { unitId: null, date: new Date("2026-11-25T00:00:00Z"), name: "HUT Kota Contoh" },
    });
    await database.prisma.leave.create({
      data: {
        employeeId: h.staff.id,
        from: new Date("2026-11-26T00:00:00Z"),
        to: new Date("2026-11-26T00:00:00Z"),
        kind: "DINAS_LUAR",
      },
    });
    await h.deliver(h.andi.command("lapor"), h.andi.text("25/11/2026"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("HUT Kota Contoh");
    await h.deliver(h.andi.press(laporData.dayOff.pack("no")), h.andi.press(laporData.today.pack()));
    expect(h.telegram.lastText(STAFF_TG)).toContain("dinas luar");
  });
});

describe("/riwayat", () => {
  it("lists own reports newest first in pages, and opens one with its details and photos", async () => {
    const h = await setup();
    for (let day = 1; day <= 7; day++) {
      await database.prisma.report.create({
        data: {
          employeeId: h.staff.id,
          date: new Date(`2026-11-${String(day + 10).padStart(2, "0")}T00:00:00Z`),
          indicatorId: h.indicators[0]!.id,
          description: `Kegiatan ke-${day}`,
          outputQuantity: day,
          outputUnit: "dokumen",
          minutes: 30,
          status: day === 3 ? "APPROVED" : "SUBMITTED",
          number: `LK-2026-00000${day}`,
          rating: day === 3 ? "MEETS" : null,
          reviewerComment: day === 3 ? "Bagus, lanjutkan" : null,
          evidence: {
            create: [
              { position: 1, fileId: `f${day}a`, fileUniqueId: `u${day}a`, width: 1280, height: 960 },
              { position: 2, fileId: `f${day}b`, fileUniqueId: `u${day}b`, width: 1280, height: 960 },
            ],
          },
        },
      });
    }
    // Someone else's report never shows.
    await database.prisma.report.create({
      data: {
        employeeId: h.colleague.id,
        status: "SUBMITTED",
        number: "LK-2026-000099",
        date: new Date("2026-11-20T00:00:00Z"),
      },
    });

    await h.deliver(h.andi.command("riwayat"));
    const list = h.telegram.lastText(STAFF_TG)!;
    expect(list).toContain("halaman 1/2, total 7");
    expect(list.indexOf("LK-2026-000007")).toBeLessThan(list.indexOf("LK-2026-000003"));
    expect(list).not.toContain("LK-2026-000099");
    expect(lastButtons(h.telegram, STAFF_TG).at(-1)).toBe(historyData.page.pack(1));

    await h.deliver(h.andi.press(historyData.page.pack(1)));
    expect(h.telegram.callsTo("editMessageText").at(-1)!.payload.text).toContain("halaman 2/2");

    const approved = await database.prisma.report.findFirstOrThrow({ where: { number: "LK-2026-000003" } });
    await h.deliver(h.andi.press(historyData.open.pack(approved.id)));
    const detail = h.telegram.lastText(STAFF_TG)!;
    expect(detail).toContain("Laporan LK-2026-000003 — Disetujui");
    expect(detail).toContain("Penilaian: sesuai ekspektasi");
    expect(detail).toContain("Catatan atasan: Bagus, lanjutkan");
    expect(lastButtons(h.telegram, STAFF_TG)).toEqual([historyData.page.pack(0)]); // no withdraw once decided
    const album = h.telegram.callsTo("sendMediaGroup").at(-1)!;
    expect((album.payload.media as Array<{ media: string }>).map((m) => m.media)).toEqual(["f3a", "f3b"]);

    const others = await database.prisma.report.findFirstOrThrow({ where: { number: "LK-2026-000099" } });
    await h.deliver(h.andi.press(historyData.open.pack(others.id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("sudah tidak berlaku");
  });

  it("says so when there is nothing yet", async () => {
    const h = await setup();
    await h.deliver(h.andi.command("history"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("belum punya laporan");
  });

  it("withdraws a submitted report before review and cancels the unsent notification; a decided one cannot be", async () => {
    const h = await setup();
    await h.deliver(h.andi.command("lapor"), h.andi.press(laporData.today.pack()));
    const id = await finish(h);
    await h.deliver(h.andi.press(historyData.open.pack(id)));
    expect(lastButtons(h.telegram, STAFF_TG)).toContain(historyData.withdraw.pack(id));
    await h.deliver(h.andi.press(historyData.withdraw.pack(id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("ditarik kembali");
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await database.prisma.outbox.findFirstOrThrow()).toMatchObject({ status: "FAILED" });

    await h.deliver(h.andi.press(historyData.withdraw.pack(id)));
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: expect.stringContaining("tidak dapat ditarik"),
    });
  });

  it("resubmits a report sent back for revision as version 2, keeping version 1", async () => {
    const h = await setup();
    await h.deliver(h.andi.command("lapor"), h.andi.press(laporData.today.pack()));
    const id = await finish(h, "Uraian pertama yang kurang jelas");
    await database.prisma.report.update({
      where: { id },
      data: { status: "REVISION_REQUESTED", reviewerComment: "Uraikan lebih rinci", decidedAt: new Date() },
    });

    await h.deliver(h.andi.command("riwayat"), h.andi.press(historyData.open.pack(id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Catatan atasan: Uraikan lebih rinci");
    expect(lastButtons(h.telegram, STAFF_TG)).toContain(historyData.revise.pack(id));
    await h.deliver(h.andi.press(historyData.revise.pack(id)));
    expect(h.telegram.sentTexts(STAFF_TG).at(-2)).toContain("Memperbaiki laporan LK-2026-000001");
    expect(h.telegram.lastText(STAFF_TG)).toContain("Ringkasan laporan");
    await h.deliver(
      h.andi.press(laporData.edit.pack()),
      h.andi.press(laporData.editField.pack("description")),
      h.andi.text("Uraian kedua: rapat koordinasi jaringan 5 OPD"),
    );
    expect(h.telegram.lastText(STAFF_TG)).toContain("Uraian kedua");
    await h.deliver(
      h.andi.press(laporData.edit.pack()),
      h.andi.press(laporData.editField.pack("photos")),
      h.andi.photo(h.telegram.addFile(jpeg())),
      h.andi.photo(h.telegram.addFile(jpeg())),
      h.andi.press(laporData.photosDone.pack()),
    );
    expect(h.telegram.lastText(STAFF_TG)).toContain("Foto: 2");

    // While revising, /riwayat still works and an old "revise" button does not open a second /lapor.
    await h.deliver(h.andi.command("riwayat"), h.andi.press(historyData.revise.pack(id)));
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: expect.stringContaining("sedang mengisi laporan"),
    });
    await h.deliver(h.andi.press(laporData.submit.pack(id)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Perbaikan laporan LK-2026-000001 terkirim");

    const report = await database.prisma.report.findUniqueOrThrow({
      where: { id },
      include: { versions: true, evidence: true },
    });
    expect(report).toMatchObject({
      status: "SUBMITTED",
      version: 2,
      description: "Uraian kedua: rapat koordinasi jaringan 5 OPD",
      number: "LK-2026-000001",
    });
    expect(report.versions).toHaveLength(1);
    expect(report.versions[0]!.version).toBe(1);
    expect(report.versions[0]!.snapshot).toMatchObject({
      description: "Uraian pertama yang kurang jelas",
      reviewerComment: "Uraikan lebih rinci",
    });
    // The first photo stays for version 1; two live photos for version 2.
    expect(report.evidence.filter((e) => e.removedAt === null)).toHaveLength(2);
    expect(report.evidence).toHaveLength(3);
    // Each version: its photos (one message or an album), then the card with the buttons.
    const keys = (await database.prisma.outbox.findMany({ orderBy: { id: "asc" } })).map((o) => o.dedupeKey);
    expect(keys).toEqual([
      `report-photos:${id}:1`,
      `report-submitted:${id}:1`,
      `report-photos:${id}:2`,
      `report-submitted:${id}:2`,
    ]);
  });
});
