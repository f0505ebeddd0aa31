import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import {
  complaintChoiceData,
  overallOnlyData,
  scoreData,
  skipCommentData,
} from "../../src/handlers/survey/callback-data.ts";
import { complaintActionData } from "../../src/handlers/complaint/callback-data.ts";
import { ELEMENT_STEPS } from "../../src/domain/survey/steps.ts";
import { respondentHash } from "../../src/domain/survey/respondent.ts";
import { feedbackBot, HEAD_TG, PUBLIC_CODE, seedCounter, SUPERVISOR_TG } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const CITIZEN = 9001;
const responseOf = () => db.prisma.surveyResponse.findFirstOrThrow({ orderBy: { id: "desc" } });

/** Opens the survey and answers the nine elements with `score`. */
async function answerAllNine(bot: ReturnType<typeof feedbackBot>, citizen = bot.user(CITIZEN), score = "4") {
  await bot.deliver(citizen.command("start", `fb_${PUBLIC_CODE}`));
  const { id } = await responseOf();
  for (const step of ELEMENT_STEPS) await bot.deliver(citizen.press(scoreData.pack(id, step, score as never)));
  return id;
}

describe("the citizen survey from a fb_ link", () => {
  it("asks the nine SKM elements to anyone, saves every press, then a comment and the complaint question", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    const citizen = bot.user(CITIZEN);

    await bot.deliver(citizen.command("start", `fb_${PUBLIC_CODE}`));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Pertanyaan 1 dari 9: Bagaimana kesesuaian persyaratan");
    const { id } = await responseOf();
    await bot.deliver(citizen.press(scoreData.pack(id, "e1", 3)));
    // Saved at once: a restart here loses nothing.
    expect((await responseOf()).s1).toBe(3);
    expect(bot.telegram.lastText(CITIZEN)).toContain("Pertanyaan 2 dari 9");
    for (const step of ELEMENT_STEPS.slice(1)) await bot.deliver(citizen.press(scoreData.pack(id, step, 4)));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Ada saran atau komentar?");

    await bot.deliver(citizen.text("Antrean rapi, petugas ramah."));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Apakah ini sebuah pengaduan");
    await bot.deliver(citizen.press(complaintChoiceData.pack(id, "n")));

    expect(bot.telegram.lastText(CITIZEN)).toContain("Terima kasih atas penilaian Anda");
    const saved = await responseOf();
    expect([saved.s1, saved.s2, saved.s9, saved.overall]).toEqual([3, 4, 4, null]);
    expect(saved).toMatchObject({ step: "done", comment: "Antrean rapi, petugas ramah.", complaint: false });
    expect(saved.completedAt).not.toBeNull();
    // Only a salted hash of the account is kept.
    expect(saved.respondentHash).not.toContain(String(CITIZEN));
    expect(await db.prisma.complaint.count()).toBe(0);
  });

  it("takes the overall-only path for the hurried, in English for an English client", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    const citizen = bot.telegram.user(CITIZEN, { languageCode: "en" });

    await bot.deliver(citizen.command("start", `fb_${PUBLIC_CODE}`));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Question 1 of 9");
    const { id } = await responseOf();
    await bot.deliver(citizen.press(overallOnlyData.pack(id)));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Overall, how was the service");
    await bot.deliver(citizen.press(scoreData.pack(id, "overall", 2)));
    await bot.deliver(citizen.press(skipCommentData.pack(id)));
    await bot.deliver(citizen.press(complaintChoiceData.pack(id, "n")));

    expect(bot.telegram.lastText(CITIZEN)).toContain("Thank you for your rating");
    expect(await responseOf()).toMatchObject({ overall: 2, s1: null, step: "done", locale: "en" });
  });

  it("refuses a second response to the same counter the same day with a friendly word", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    const id = await answerAllNine(bot);
    await bot.deliver(bot.user(CITIZEN).press(skipCommentData.pack(id)));
    await bot.deliver(bot.user(CITIZEN).press(complaintChoiceData.pack(id, "n")));

    await bot.deliver(bot.user(CITIZEN).command("start", `fb_${PUBLIC_CODE}`));

    expect(bot.telegram.lastText(CITIZEN)).toContain("sudah menilai layanan ini hari ini");
    expect(await db.prisma.surveyResponse.count()).toBe(1);
  });

  it("refuses an eleventh counter the same day, whichever counter it is", async () => {
    const { unit } = await seedCounter(db.prisma);
    const hash = await respondentHash(db.prisma, CITIZEN);
    const others = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.prisma.serviceCounter.create({
          data: { code: `L${i}`, publicCode: `lok${i}abcdefg`.slice(0, 10), unitId: unit.id, name: `Loket ${i}` },
        }),
      ),
    );
    await db.prisma.surveyResponse.createMany({
      data: others.map((c) => ({ counterId: c.id, respondentHash: hash, day: new Date("2026-11-24"), step: "done" })),
    });
    const bot = feedbackBot(db.prisma);

    await bot.deliver(bot.user(CITIZEN).command("start", `fb_${PUBLIC_CODE}`));

    expect(bot.telegram.lastText(CITIZEN)).toContain("sudah mengisi cukup banyak survei hari ini");
    expect(await db.prisma.surveyResponse.count()).toBe(10);
  });

  it("flags, never refuses, a burst of new accounts rating one counter within minutes", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    // The policy's 10 first-time accounts within 10 minutes: nine are customers, the tenth makes a burst.
    for (let i = 0; i < 9; i++) await bot.deliver(bot.user(9100 + i).command("start", `fb_${PUBLIC_CODE}`));
    expect(await db.prisma.surveyResponse.count({ where: { flagged: true } })).toBe(0);

    await bot.deliver(bot.user(9109).command("start", `fb_${PUBLIC_CODE}`));

    expect(bot.telegram.lastText(9109)).toContain("Pertanyaan 1 dari 9");
    expect(await db.prisma.surveyResponse.count({ where: { flagged: true } })).toBe(10);
  });

  it("does not count responses older than the burst window, measured on the bot's clock", async () => {
    await seedCounter(db.prisma);
    const early = feedbackBot(db.prisma, "2026-11-24T03:00:00Z");
    for (let i = 0; i < 9; i++) await early.deliver(early.user(9100 + i).command("start", `fb_${PUBLIC_CODE}`));

    const later = feedbackBot(db.prisma, "2026-11-24T03:11:00Z");
    await later.deliver(later.user(9109).command("start", `fb_${PUBLIC_CODE}`));

    expect(await db.prisma.surveyResponse.count()).toBe(10);
    expect(await db.prisma.surveyResponse.count({ where: { flagged: true } })).toBe(0);
  });

  it("asks the same question again after a sticker or a command mid-survey, changing nothing", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    const citizen = bot.user(CITIZEN);
    await bot.deliver(citizen.command("start", `fb_${PUBLIC_CODE}`));
    const { id } = await responseOf();
    await bot.deliver(citizen.press(scoreData.pack(id, "e1", 2)));

    await bot.deliver(citizen.sticker());
    expect(bot.telegram.lastText(CITIZEN)).toContain("Pertanyaan 2 dari 9");
    await bot.deliver(citizen.command("lapor"));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Pertanyaan 2 dari 9");
    expect(await responseOf()).toMatchObject({ step: "e2", s1: 2, s2: null });
  });

  it("refuses a forged press on another citizen's response", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    await bot.deliver(bot.user(CITIZEN).command("start", `fb_${PUBLIC_CODE}`));
    const { id } = await responseOf();

    await bot.deliver(bot.user(9002).press(scoreData.pack(id, "e1", 1)));

    expect(bot.telegram.callbackAnswers().at(-1)).toMatchObject({ show_alert: true });
    expect((await responseOf()).s1).toBeNull();
  });

  it("answers an unknown counter code without opening anything", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    await bot.deliver(bot.user(CITIZEN).command("start", "fb_zzzzzzzzzz"));
    expect(bot.telegram.lastText(CITIZEN)).toContain("Kode layanan ini tidak dikenal");
    expect(await db.prisma.surveyResponse.count()).toBe(0);
  });
});

describe("a complaint", () => {
  it("reaches the head and the staff's supervisor, and the head's follow-up reaches the citizen", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma);
    const id = await answerAllNine(bot, bot.user(CITIZEN), "2");
    await bot.deliver(bot.user(CITIZEN).text("Petugas datang terlambat satu jam."));
    await bot.deliver(bot.user(CITIZEN).press(complaintChoiceData.pack(id, "y")));
    expect(bot.telegram.lastText(CITIZEN)).toContain("ADU-2026-000001");

    await bot.flush();
    expect(bot.telegram.lastText(HEAD_TG)).toContain("Pengaduan ADU-2026-000001");
    expect(bot.telegram.lastText(HEAD_TG)).toContain("Petugas datang terlambat satu jam.");
    expect(bot.telegram.lastText(SUPERVISOR_TG)).toContain("Pengaduan ADU-2026-000001");
    expect(bot.telegram.lastText(CITIZEN)).toContain("tercatat dengan nomor ADU-2026-000001");

    const complaint = await db.prisma.complaint.findFirstOrThrow();
    await bot.deliver(bot.user(HEAD_TG).press(complaintActionData.pack(complaint.id, "f")));
    expect(bot.telegram.lastText(HEAD_TG)).toContain("Ketik catatan tindak lanjut");
    await bot.deliver(bot.user(HEAD_TG).text("Jadwal petugas sudah kami perbaiki. Mohon maaf."));
    await bot.flush();

    expect(bot.telegram.lastText(CITIZEN)).toContain("Jadwal petugas sudah kami perbaiki. Mohon maaf.");
    expect(await db.prisma.complaint.findFirstOrThrow()).toMatchObject({ status: "FOLLOWED_UP" });

    await bot.deliver(bot.user(HEAD_TG).press(complaintActionData.pack(complaint.id, "d")));
    expect(await db.prisma.complaint.findFirstOrThrow()).toMatchObject({ status: "DONE", citizenChatId: null });
  });

  it("is refused to an employee it was not sent to, whatever the button says", async () => {
    const { colleague } = await seedCounter(db.prisma);
    await db.prisma.employee.update({ where: { id: colleague.id }, data: { telegramId: 5003n } });
    const bot = feedbackBot(db.prisma);
    const id = await answerAllNine(bot, bot.user(CITIZEN), "1");
    await bot.deliver(bot.user(CITIZEN).press(skipCommentData.pack(id)));
    // The lowest score for staff behaviour makes a complaint even without the citizen saying so.
    await bot.deliver(bot.user(CITIZEN).press(complaintChoiceData.pack(id, "n")));
    const complaint = await db.prisma.complaint.findFirstOrThrow();

    await bot.deliver(bot.user(5003).press(complaintActionData.pack(complaint.id, "d")));

    expect(bot.telegram.callbackAnswers().at(-1)).toMatchObject({ show_alert: true });
    expect((await db.prisma.complaint.findFirstOrThrow()).status).toBe("OPEN");
  });
});
