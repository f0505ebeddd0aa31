import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { feedbackData } from "../../src/handlers/feedback/callback-data.ts";
import { PEER_TG, reviewBot, STAFF_TG, SUPERVISOR_TG } from "../review/helpers.ts";
import { AFTER_Q3, lastButtons, seedEvaluation } from "../evaluation/helpers.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

describe("continuous feedback (/umpanbalik)", () => {
  it("a supervisor's note reaches the employee, who replies once; it shows in that period's /evaluasi and in /nilai", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const september = reviewBot(db, { now: "2026-09-10T03:00:00Z" });
    const siti = september.user(SUPERVISOR_TG);
    await september.deliver(siti.command("umpanbalik", "andi"));
    expect(september.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis umpan balik untuk Andi Wijaya");
    await september.deliver(siti.text("Dokumentasi rapat sudah baik, pertahankan."));
    expect(september.telegram.lastText(SUPERVISOR_TG)).toContain("Umpan balik terkirim");
    await september.flush();
    expect(september.telegram.lastText(STAFF_TG)).toContain("Dokumentasi rapat sudah baik, pertahankan.");

    const andi = september.user(STAFF_TG);
    const reply = lastButtons(september.telegram, STAFF_TG).find((b) => feedbackData.reply.parse(b))!;
    await september.deliver(andi.press(reply));
    await september.deliver(andi.text("Terima kasih, Bu."));
    await september.deliver(andi.press(reply));
    expect(september.telegram.callbackAnswers().at(-1)?.text).toContain("sudah Anda balas");
    await september.flush();
    expect(september.telegram.lastText(SUPERVISOR_TG)).toContain("Terima kasih, Bu.");
    const note = await db.feedbackNote.findFirstOrThrow();
    expect(note).toMatchObject({ year: 2026, period: "Q3", reply: "Terima kasih, Bu.", employeeId: seeded.staff.id });
    // One notice per note and kind, keyed by the note; the supervisor's has no buttons.
    const notices = await db.outbox.findMany({ where: { kind: { startsWith: "feedback-" } }, orderBy: { id: "asc" } });
    expect(notices.map((n) => n.dedupeKey)).toEqual([`feedback-note:${note.id}`, `feedback-reply:${note.id}`]);
    expect((notices[1]!.payload as { params: object }).params).not.toHaveProperty("reply_markup");

    const october = reviewBot(db, { now: AFTER_Q3 });
    const sitiLater = october.user(SUPERVISOR_TG);
    await october.deliver(sitiLater.press(evaluationData.open.pack(seeded.staff.id, "2026-Q3")));
    const facts = october.telegram.sentTexts(SUPERVISOR_TG).find((t) => t.includes("Realisasi SKP"))!;
    expect(facts).toContain("Dokumentasi rapat sudah baik, pertahankan.");
    expect(facts).toContain("↩️ Terima kasih, Bu.");
    await october.deliver(sitiLater.press(evaluationData.open.pack(seeded.colleague.id, "2026-Q3")));
    expect(october.telegram.sentTexts(SUPERVISOR_TG).at(-2)).toContain("Belum ada umpan balik periode ini.");

    await october.deliver(october.user(STAFF_TG).command("nilai"));
    expect(october.telegram.lastText(STAFF_TG)).toContain("Dokumentasi rapat sudah baik, pertahankan.");
  });

  it("someone who is not the employee's supervisor cannot write to them, even with a forged button", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const harness = reviewBot(db, { now: "2026-09-10T03:00:00Z" });
    const dewi = harness.user(PEER_TG);
    await harness.deliver(dewi.command("umpanbalik", "andi"));
    expect(harness.telegram.lastText(PEER_TG)).toContain("hanya dapat diberikan atasan");
    await harness.deliver(dewi.press(feedbackData.subordinate.pack(seeded.staff.id)));
    expect(harness.telegram.lastText(PEER_TG)).toContain("bukan bawahan langsung");
    await harness.deliver(dewi.text("Sebuah catatan palsu untuk Andi."));
    expect(await db.feedbackNote.count()).toBe(0);
  });

  it("the report card carries a feedback button that opens a note to the report's author", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const harness = reviewBot(db, { now: "2026-09-10T03:00:00Z" });
    const report = await db.report.findFirstOrThrow({ where: { employeeId: seeded.staff.id } });
    await harness.deliver(harness.user(SUPERVISOR_TG).press(feedbackData.fromReport.pack(report.id)));
    expect(harness.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis umpan balik untuk Andi Wijaya");
  });
});
