import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { notificationMessageId, reviewBot, seedReview, submitted, SUPERVISOR_TG } from "../review/helpers.ts";
import { AFTER_Q3, button, lastButtons, seedEvaluation } from "../evaluation/helpers.ts";
import { failing, webhookInstance } from "./helpers.ts";

/**
 * A supervisor's note (revision, rejection) is the answer to a question kept in the database. The
 * question is dropped in the decision's own transaction: a note whose decision fails, or whose
 * process dies before the decision commits, is still the answer when it comes again; one whose
 * decision committed changes nothing when it comes again.
 */
let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const NOTE = "Mohon lampirkan daftar hadir rapat";

/** Andi's report submitted, its card sent to Siti, and Siti has pressed "ask for revision". */
async function noteAskedFor() {
  const seeded = await seedReview(database.prisma);
  const h = reviewBot(database.prisma);
  const reportId = await submitted(database.prisma, { employeeId: seeded.staff.id });
  await h.flush();
  const siti = h.user(SUPERVISOR_TG);
  await h.deliver(
    siti.press(reviewData.revise.pack(reportId, 1), await notificationMessageId(database.prisma, reportId)),
  );
  const report = () => database.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
  const asked = () => database.prisma.keyValue.count({ where: { key: `review-pending:${SUPERVISOR_TG}` } });
  return { reportId, note: siti.text(NOTE), report, asked };
}

describe("a supervisor's note", () => {
  it("whose decision fails is still asked for, and its redelivery is applied once", async () => {
    const s = await noteAskedFor();
    // The decision's transaction fails (a lock held too long): the person is told, nothing is lost.
    const failed = webhookInstance(failing(database.prisma, "$transaction", 1));
    expect((await failed.post(s.note)).status).toBe(200);
    expect(failed.telegram.lastText(SUPERVISOR_TG)).toContain("Maaf, terjadi kesalahan");
    expect(await s.report()).toMatchObject({ status: "SUBMITTED", reviewerComment: null });
    expect(await s.asked()).toBe(1);

    const again = webhookInstance(database.prisma);
    await again.post(s.note);
    expect(await s.report()).toMatchObject({ status: "REVISION_REQUESTED", reviewerComment: NOTE });
    expect(again.telegram.lastText(SUPERVISOR_TG)).toContain("Permintaan revisi laporan");
    await again.post(s.note);
    expect(await database.prisma.review.count({ where: { reportId: s.reportId } })).toBe(1);
    expect(await s.asked()).toBe(0);
  });

  it("whose process dies after the decision committed, before answering: the redelivery changes nothing and says nothing", async () => {
    const s = await noteAskedFor();
    const dying = webhookInstance(database.prisma);
    // Telegram stops answering: the instance hangs on its first answer, after the commit, as if killed there.
    const endOutage = dying.telegram.beginOutage("hang");
    const abandoned = dying.post(s.note);
    await waitFor(async () => (await database.prisma.review.count({ where: { reportId: s.reportId } })) === 1);

    const restarted = webhookInstance(database.prisma);
    expect((await restarted.post(s.note)).status).toBe(200);
    expect(restarted.telegram.calls).toEqual([]); // no "Maaf, pesan ini tidak saya kenali"
    expect(await s.report()).toMatchObject({ status: "REVISION_REQUESTED", reviewerComment: NOTE });
    expect(await s.asked()).toBe(0);
    endOutage();
    await abandoned;
    expect(await database.prisma.review.count({ where: { reportId: s.reportId } })).toBe(1);
  });
});

describe("an evaluation's typed answer (the same shape)", () => {
  it("delivered again after it was stored changes nothing and says nothing", async () => {
    const seeded = await seedEvaluation(database.prisma);
    const h = reviewBot(database.prisma, { now: AFTER_Q3 });
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.command("evaluasi"));
    await h.deliver(
      siti.press(button(h.telegram, SUPERVISOR_TG, evaluationData.open.pack(seeded.staff.id, "2026-Q3"))),
    );
    const pick = (codec: typeof evaluationData.results, letter: string) =>
      lastButtons(h.telegram, SUPERVISOR_TG).find((b) => codec.parse(b)?.[2] === letter)!;
    await h.deliver(siti.press(pick(evaluationData.results, "A")));
    await h.deliver(siti.press(pick(evaluationData.behaviour, "M")));
    const feedback = siti.text("Kerja jaringan sangat rapi, pertahankan.");
    await h.deliver(feedback);

    const restarted = webhookInstance(database.prisma, { now: AFTER_Q3 });
    await restarted.post(feedback);
    expect(restarted.telegram.calls).toEqual([]);
    const evaluation = await database.prisma.evaluation.findFirstOrThrow({ where: { employeeId: seeded.staff.id } });
    expect(evaluation.feedback).toBe("Kerja jaringan sangat rapi, pertahankan.");
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
