import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { sweepProcessedUpdates } from "../../src/db/processed-updates.ts";
import { laporData } from "../../src/handlers/report/callback-data.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedReporting, STAFF_TG } from "../report/helpers.ts";
import { notificationMessageId, reviewBot, seedReview, submitted, SUPERVISOR_TG } from "../review/helpers.ts";
import { secondConnection, webhookInstance } from "./helpers.ts";
import { peerData } from "../../src/handlers/peer/callback-data.ts";
import { seedPeers, tg } from "../peer/helpers.ts";

/**
 * Telegram delivers an update again when it got no answer, also when the first delivery was
 * applied and only the answer was lost (a crash at that moment). Two instances share the database
 * (on PostgreSQL through their own connections), each with its own fake Bot API.
 */
let database: Database;
let other: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  other = await secondConnection(database);
});
afterAll(async () => (await other.close(), await database.close()));
beforeEach(async () => resetDatabase(database));

/** The draft's output and minutes, as numbers (the output is a decimal column). */
const draftOf = async (employeeId: number) => {
  const draft = await database.prisma.report.findFirstOrThrow({ where: { employeeId } });
  return { output: Number(draft.outputQuantity), minutes: draft.minutes };
};

describe("an update delivered again after it was applied", () => {
  it("is acknowledged by another instance without effect: an output answer is not also taken as the minutes", async () => {
    const seeded = await seedReporting(database.prisma);
    const first = webhookInstance(database.prisma);
    const andi = first.telegram.user(STAFF_TG);
    for (const update of [
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
      andi.text("Menyusun laporan bulanan pengelolaan jaringan"),
    ])
      expect((await first.post(update)).status).toBe(200);
    const output = andi.text("3");
    await first.post(output);
    expect(first.telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");

    // The first instance's answer never reached Telegram: the other instance gets the update again.
    const second = webhookInstance(other.prisma);
    expect((await second.post(output)).status).toBe(200);
    expect(second.telegram.calls).toEqual([]);
    expect(await draftOf(seeded.staff.id)).toEqual({ output: 3, minutes: null });
    expect(second.logLines.some((l) => l.msg?.toString().startsWith("update delivered again"))).toBe(true);

    // The conversation is still at the minutes, wherever the next answer goes.
    await second.post(second.telegram.user(STAFF_TG).text("90"));
    expect(second.telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
    expect(await draftOf(seeded.staff.id)).toEqual({ output: 3, minutes: 90 });
  });

  it("is applied once when two instances receive it at the same moment", async () => {
    const seeded = await seedReview(database.prisma);
    const h = reviewBot(database.prisma);
    const reportId = await submitted(database.prisma, { employeeId: seeded.staff.id });
    await h.flush();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(
      siti.press(reviewData.revise.pack(reportId, 1), await notificationMessageId(database.prisma, reportId)),
    );
    const note = siti.text("Mohon lampirkan daftar hadir rapat");

    const a = webhookInstance(database.prisma);
    const b = webhookInstance(other.prisma);
    const answers = await Promise.all([a.post(note), b.post(note)]);

    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await database.prisma.review.count({ where: { reportId } })).toBe(1);
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "REVISION_REQUESTED",
      reviewerComment: "Mohon lampirkan daftar hadir rapat",
    });
    // One instance answers the note; the other says nothing (no "already decided", no "not recognised").
    const replies = [a, b].map((i) => i.telegram.sentTexts(SUPERVISOR_TG));
    expect(replies.filter((texts) => texts.length > 0)).toEqual([
      [
        expect.stringContaining("Diminta revisi"),
        "Permintaan revisi laporan LK-2026-000001 dikirim kepada Andi Wijaya.",
      ],
    ]);
    expect([...a.logLines, ...b.logLines].filter((l) => l.msg === "update failed")).toEqual([]);
  });

  it("is applied once for a colleague's last peer-feedback answer: one request answered, one audit row, no second reply", async () => {
    const people = await seedPeers(database.prisma);
    const now = { now: "2026-12-23T03:00:00Z" }; // within Q4's peer round
    const first = webhookInstance(database.prisma, now);
    const eko = first.telegram.user(tg(people.eko));
    await first.post(eko.command("rekan"));
    await first.post(eko.press(peerData.pick.pack()));
    await first.post(eko.press(peerData.choose.pack(people.andi.id)));
    const request = await database.prisma.peerRequest.findFirstOrThrow({ where: { giverId: people.eko.id } });
    for (let index = 0; index < 6; index++) await first.post(eko.press(peerData.value.pack(request.id, index, "M")));
    const last = eko.press(peerData.value.pack(request.id, 6, "A"));
    await first.post(last);
    expect(first.telegram.lastText(tg(people.eko))).toContain("Ingin menambah catatan singkat");

    const second = webhookInstance(other.prisma, now);
    expect((await second.post(last)).status).toBe(200);

    expect(second.telegram.calls).toEqual([]);
    expect(await database.prisma.peerAnswer.count({ where: { requestId: request.id } })).toBe(7);
    expect(await database.prisma.auditLog.count({ where: { action: "peer.give" } })).toBe(1);
    const answered = await database.prisma.peerRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(answered.answeredAt).not.toBeNull();
  });

  it("is forgotten after its expiry, by the sweep", async () => {
    await database.prisma.processedUpdate.createMany({
      data: [
        { botId: 1n, updateId: 1n, expiresAt: new Date("2026-11-24T00:00:00Z") },
        { botId: 1n, updateId: 2n, expiresAt: new Date("2026-11-26T00:00:00Z") },
      ],
    });
    expect(await sweepProcessedUpdates(database.prisma, new Date("2026-11-25T00:00:00Z"))).toBe(1);
    expect((await database.prisma.processedUpdate.findMany()).map((r) => r.updateId)).toEqual([2n]);
  });
});
