import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { complaintActionData } from "../../src/handlers/complaint/callback-data.ts";
import { feedbackData } from "../../src/handlers/feedback/callback-data.ts";
import { webhookInstance } from "../faults/helpers.ts";
import { citizenComplains, feedbackBot, HEAD_TG, seedCounter } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const CITIZEN = 9001;

/** A citizen's complaint, its card delivered to the head; the head has pressed "Ditindaklanjuti". */
async function headAskedForNote() {
  await seedCounter(db.prisma);
  const bot = feedbackBot(db.prisma);
  const complaint = await citizenComplains(db.prisma, bot, CITIZEN);
  await bot.deliver(bot.user(HEAD_TG).press(complaintActionData.pack(complaint.id, "f")));
  expect(bot.telegram.lastText(HEAD_TG)).toContain("Ketik catatan tindak lanjut");
  return { bot, complaint };
}

const citizenNotes = () => db.prisma.outbox.count({ where: { kind: "complaint-followup", chatId: BigInt(CITIZEN) } });

describe("a head asked for a complaint's follow-up note", () => {
  it("can drop the question with /batal: a later text is not sent to the citizen", async () => {
    const { bot } = await headAskedForNote();

    await bot.deliver(bot.user(HEAD_TG).command("batal"));
    expect(bot.telegram.lastText(HEAD_TG)).toContain("tidak ada yang dikirim kepada warga");
    await bot.deliver(bot.user(HEAD_TG).text("Rapat staf jam 2 siang di ruang kepala."));

    expect(await citizenNotes()).toBe(0);
    expect((await db.prisma.complaint.findFirstOrThrow()).status).toBe("OPEN");
  });

  it("drops the question when they turn to another command: what they type for it is not sent to the citizen", async () => {
    const { bot } = await headAskedForNote();

    await bot.deliver(bot.user(HEAD_TG).command("lapor"));
    await bot.deliver(bot.user(HEAD_TG).text("Menyusun telaah staf anggaran perubahan."));

    expect(await citizenNotes()).toBe(0);
    expect((await db.prisma.complaint.findFirstOrThrow()).status).toBe("OPEN");
  });

  it("drops the question when they press another button, so its typed answer goes where it was asked", async () => {
    const { bot } = await headAskedForNote();
    const supervisor = await db.prisma.employee.findFirstOrThrow({ where: { name: "Siti Rahma" } });

    // Continuous feedback to the head's own subordinate: the next text is that note, not the citizen's.
    await bot.deliver(bot.user(HEAD_TG).press(feedbackData.subordinate.pack(supervisor.id)));
    await bot.deliver(bot.user(HEAD_TG).text("Laporan bulan ini sudah rapi, pertahankan."));

    expect(await citizenNotes()).toBe(0);
    expect(await db.prisma.feedbackNote.count({ where: { employeeId: supervisor.id } })).toBe(1);
  });
});

describe("a closed complaint", () => {
  it("forgets the citizen's chat everywhere: no message row keeps their id, or Telegram's answer naming them", async () => {
    const { bot, complaint } = await headAskedForNote();
    await bot.deliver(bot.user(HEAD_TG).text("Sudah kami tegur petugasnya."));
    await bot.flush();
    expect(await citizenNotes()).toBe(1);

    await bot.deliver(bot.user(HEAD_TG).press(complaintActionData.pack(complaint.id, "d")));

    expect(await db.prisma.outbox.count({ where: { chatId: BigInt(CITIZEN) } })).toBe(0);
    const rows = await db.prisma.outbox.findMany();
    expect(rows.filter((r) => JSON.stringify([r.payload, r.result]).includes(String(CITIZEN)))).toEqual([]);
  });
});

describe("a head's follow-up note delivered again to another instance", () => {
  it("is applied once: one note to the citizen, no second reply", async () => {
    const { counter, unit } = await seedCounter(db.prisma);
    const response = await db.prisma.surveyResponse.create({
      data: { counterId: counter.id, respondentHash: "h", day: new Date("2026-11-24"), step: "done", s7: 1 },
    });
    const complaint = await db.prisma.complaint.create({
      data: {
        number: "ADU-2026-000001",
        responseId: response.id,
        counterId: counter.id,
        unitId: unit.id,
        citizenChatId: BigInt(CITIZEN),
        receivedAt: new Date("2026-11-24T02:00:00Z"),
        followUpDue: new Date("2026-12-01T17:00:00Z"),
      },
    });
    const first = webhookInstance(db.prisma);
    const head = first.telegram.user(HEAD_TG);
    await first.post(head.press(complaintActionData.pack(complaint.id, "f")));
    const note = head.text("Petugas sudah kami tegur.");
    await first.post(note);
    expect(first.telegram.lastText(HEAD_TG)).toContain("sudah dikirim kepada warga");

    const second = webhookInstance(db.prisma);
    expect((await second.post(note)).status).toBe(200);

    expect(second.telegram.calls).toEqual([]);
    expect(await citizenNotes()).toBe(1);
  });
});

describe("a complaint already closed", () => {
  it("answers a press of its old 'Ditindaklanjuti' button that it is closed, without asking for a note", async () => {
    const { bot, complaint } = await headAskedForNote();
    await bot.deliver(bot.user(HEAD_TG).press(complaintActionData.pack(complaint.id, "d")));

    await bot.deliver(bot.user(HEAD_TG).press(complaintActionData.pack(complaint.id, "f")));

    expect(bot.telegram.lastText(HEAD_TG)).toContain("sudah selesai; tidak ada yang diubah");
    expect(await db.prisma.keyValue.count({ where: { key: { startsWith: "complaint-note:" } } })).toBe(0);
  });
});
