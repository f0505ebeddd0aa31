import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import {
  lastButtons,
  removeEvidenceDirs,
  reportBot,
  seedReporting,
  STAFF_TG,
  settleReportBots,
} from "../report/helpers.ts";
import { skpData } from "../../src/handlers/skp/callback-data.ts";
import { addReport } from "./helpers.ts";
import { visible } from "../support/telegram-html.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => (await settleReportBots(), await resetDatabase(database)));

/** Andi's 2026 SKP has three indicators with an annual target of 12; "now" is 24 November 2026 (Q4). */
async function setup(options: { now?: string } = {}) {
  const seeded = await seedReporting(database.prisma);
  return { ...seeded, ...reportBot(database.prisma, { now: options.now }) };
}

describe("/skp", () => {
  it("counts approved output only, shows submitted output apart, and the days left in the quarter", async () => {
    const h = await setup();
    const [first, second] = h.indicators;
    const report = (
      indicatorId: number,
      date: string,
      status: "APPROVED" | "SUBMITTED" | "REJECTED" | "REVISION_REQUESTED",
      output: number,
    ) => addReport(database.prisma, { employeeId: h.staff.id, indicatorId, date, status, output });
    await report(first!.id, "2026-03-10", "APPROVED", 2);
    await report(first!.id, "2026-07-01", "APPROVED", 3);
    await report(first!.id, "2026-11-20", "APPROVED", 1);
    await report(first!.id, "2026-11-23", "SUBMITTED", 2.5);
    await report(first!.id, "2026-11-24", "SUBMITTED", 1.5);
    await report(first!.id, "2026-11-19", "REJECTED", 5);
    await report(first!.id, "2026-11-18", "REVISION_REQUESTED", 7);
    await report(second!.id, "2026-10-05", "APPROVED", 1234.5);
    // Last year's approved output does not count toward this year's SKP.
    await report(first!.id, "2025-12-30", "APPROVED", 100);

    await h.deliver(h.andi.command("skp"));
    const text = h.telegram.lastText(STAFF_TG)!;
    expect(text).toContain("📊 Capaian SKP 2026 — Andi Wijaya");
    expect(text).toContain("Periode penilaian: Triwulan 4 2026 (berakhir 31 Desember 2026); sisa 38 hari,");
    expect(text).toContain("🎯 RHK utama: Layanan TIK");
    expect(text).toContain(
      "1.1 Jumlah laporan pengelolaan jaringan\nTarget 12 dokumen • realisasi 6 dokumen • 50%\n▓▓▓▓▓░░░░░ 50%\n⏳ Menunggu persetujuan: 4 dokumen (2 laporan)",
    );
    // Indonesian number style: thousands with a period, decimals with a comma.
    expect(text).toContain("Target 12 aplikasi • realisasi 1.234,5 aplikasi • 10.287,5%\n▓▓▓▓▓▓▓▓▓▓ 10.287,5%");
    expect(text).toContain(
      "2.1 Persentase layanan helpdesk tepat waktu\nTarget 12 tiket • realisasi 0 tiket • 0%\n░░░░░░░░░░ 0%",
    );
    // Working days to 31 December: weekdays from Tue 24 Nov, less 25 Dec (Natal) and 24 Dec (cuti bersama) when on file.
    const workdays = Number(/(\d+) hari kerja/.exec(text)![1]);
    expect(workdays).toBeGreaterThanOrEqual(24);
    expect(workdays).toBeLessThanOrEqual(28);
    expect(lastButtons(h.telegram, STAFF_TG)).toEqual([]);
  });

  it("tells an employee without an SKP for the year so", async () => {
    const h = await setup({ now: "2027-01-05T03:00:00Z" });
    await h.deliver(h.andi.command("skp"));
    expect(h.telegram.lastText(STAFF_TG)).toBe(
      "Anda belum memiliki SKP untuk tahun 2027, jadi belum ada capaian yang dapat ditampilkan. Hubungi admin kepegawaian agar SKP Anda diimpor.",
    );
  });

  it("speaks English to an employee who chose English, pro-rating an annual target mid-quarter", async () => {
    const h = await setup({ now: "2026-05-11T03:00:00Z" });
    await database.prisma.employee.update({ where: { id: h.staff.id }, data: { language: "en" } });
    await addReport(database.prisma, {
      employeeId: h.staff.id,
      indicatorId: h.indicators[0]!.id,
      date: "2026-05-04",
      status: "APPROVED",
      output: 3,
    });
    await h.deliver(h.andi.command("skp"));
    const text = h.telegram.lastText(STAFF_TG)!;
    expect(text).toContain("📊 SKP progress 2026 — Andi Wijaya");
    expect(text).toContain("Evaluation period: Quarter 2 2026 (ends 30 June 2026); 51 days left,");
    // Q2 ends after 6 of 12 months: 6 of the 12 are due, 3 are done.
    expect(text).toContain(
      "Target 12 dokumen a year (due by this period 6) • realised 3 dokumen • 50%\n▓▓▓▓▓░░░░░ 50%",
    );
  });

  it("pages through more than eight indicators with buttons", async () => {
    const h = await setup();
    const plan = await database.prisma.skpPlan.findFirstOrThrow({ where: { employeeId: h.staff.id } });
    for (let n = 1; n <= 8; n++) {
      await database.prisma.skpIndicator.create({
        data: {
          planId: plan.id,
          code: `3.${n}`,
          rhk: "Tugas tambahan",
          rhkKind: "ADDITIONAL",
          indicator: `Indikator tambahan ${n}`,
          target: 4,
          unitOfMeasure: "kegiatan",
        },
      });
    }
    await h.deliver(h.andi.command("skp"));
    const first = h.telegram.lastText(STAFF_TG)!;
    expect(first).toContain("Halaman 1/2");
    expect(first).toContain("1.1 Jumlah laporan");
    expect(first).toContain("3.5 Indikator tambahan 5");
    expect(first).not.toContain("3.6 Indikator tambahan 6");
    expect(lastButtons(h.telegram, STAFF_TG)).toEqual([skpData.page.pack(1)]);

    await h.deliver(h.andi.press(skpData.page.pack(1)));
    const edit = String(h.telegram.callsTo("editMessageText").at(-1)!.payload.text);
    expect(visible(edit)).toContain("Halaman 2/2");
    expect(edit).toContain("<b>➕ RHK tambahan: Tugas tambahan</b>\n3.6 Indikator tambahan 6"); // the heading bold
    expect(visible(edit)).not.toContain("1.1 Jumlah laporan");
  });
});
