import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { reviewBot, STAFF_TG } from "../review/helpers.ts";
import { addReport } from "../skp/helpers.ts";
import { seedEvaluation } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const db = () => database.prisma;

/** 24 November 2026: Q4 is under way. */
const NOW = "2026-11-24T03:00:00Z";

describe("/nilai", () => {
  it("shows finalised ratings with feedback, the current period's suggestion and the year's approval record", async () => {
    const seeded = await seedEvaluation(db());
    await db().evaluation.create({
      data: {
        employeeId: seeded.staff.id,
        evaluatorId: seeded.supervisor.id,
        year: 2026,
        period: "Q3",
        periodFrom: new Date("2026-07-01"),
        periodTo: new Date("2026-09-30"),
        status: "FINALISED",
        resultsRating: "ABOVE",
        behaviourRating: "MEETS",
        predicate: "BAIK",
        feedback: "Pertahankan kerapian dokumentasi.",
        finalisedAt: new Date("2026-10-06T02:00:00Z"),
      },
    });
    // A draft is the supervisor's until finalised: never shown.
    await db().evaluation.create({
      data: {
        employeeId: seeded.staff.id,
        year: 2026,
        period: "Q2",
        periodFrom: new Date("2026-04-01"),
        periodTo: new Date("2026-06-30"),
        resultsRating: "BELOW",
      },
    });
    // Q4 so far: 12 more on each indicator on top of Q3's 9–10, against 12 due by December → ABOVE.
    for (const indicator of seeded.indicators)
      await addReport(db(), {
        employeeId: seeded.staff.id,
        indicatorId: indicator.id,
        date: "2026-11-10",
        status: "APPROVED",
        output: 12,
      });

    const h = reviewBot(db(), { now: NOW });
    await h.deliver(h.user(STAFF_TG).command("nilai"));
    const text = h.telegram.lastText(STAFF_TG)!;
    expect(text).toContain("Penilaian kinerja — Andi Wijaya");
    expect(text).toContain(
      "• Triwulan 3 2026: Baik (hasil kerja di atas ekspektasi, perilaku sesuai ekspektasi) — oleh Siti Rahma, 6 Oktober 2026",
    );
    expect(text).toContain("Umpan balik: Pertahankan kerapian dokumentasi.");
    expect(text).not.toContain("Triwulan 2 2026");
    expect(text).toContain("Periode berjalan: Triwulan 4 2026");
    expect(text).toContain("Saran hasil kerja dari realisasi sejauh ini: di atas ekspektasi");
    // Reviews written by seedEvaluation: 4 approved and 1 revision, each decided an hour after submission.
    expect(text).toContain(
      "Laporan tahun 2026: 4 disetujui, 1 diminta revisi, 0 ditolak; rata-rata waktu persetujuan 1 jam.",
    );
  });

  it("sends a year of long feedback notes in several messages, each within Telegram's limit, losing none", async () => {
    const seeded = await seedEvaluation(db());
    for (let i = 1; i <= 6; i++)
      await db().feedbackNote.create({
        data: {
          employeeId: seeded.staff.id,
          supervisorId: seeded.supervisor.id,
          year: 2026,
          period: "Q4",
          text: `Catatan ${i} <${"a".repeat(990)}> akhir-${i}`,
          reply: `Balasan ${i} ${"b".repeat(990)} tamat-${i}`,
          createdAt: new Date(`2026-11-0${i}T03:00:00Z`),
        },
      });
    const h = reviewBot(db(), { now: NOW });
    await h.deliver(h.user(STAFF_TG).command("nilai"));
    const texts = h.telegram.sentTexts(STAFF_TG);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    const all = texts.join("\n");
    expect(all).toContain("Laporan tahun 2026:");
    for (let i = 1; i <= 6; i++) {
      expect(all).toContain(`> akhir-${i}`);
      expect(all).toContain(`tamat-${i}`);
    }
    expect(texts[0]).toMatch(/^📈 Penilaian kinerja — Andi Wijaya/);
  });

  it("says so when nothing is finalised yet, and answers in English with /score", async () => {
    const seeded = await seedEvaluation(db());
    await db().employee.update({ where: { id: seeded.staff.id }, data: { language: "en" } });
    const h = reviewBot(db(), { now: NOW });
    await h.deliver(h.user(STAFF_TG).command("score"));
    const text = h.telegram.lastText(STAFF_TG)!;
    expect(text).toContain("Your supervisor has not finalised a periodic evaluation for you yet.");
    expect(text).toContain("Current period: Quarter 4 2026");
  });
});
