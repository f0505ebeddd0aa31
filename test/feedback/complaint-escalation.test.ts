import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { complaintChoiceData, scoreData, skipCommentData } from "../../src/handlers/survey/callback-data.ts";
import { ELEMENT_STEPS } from "../../src/domain/survey/steps.ts";
import { enqueueComplaintEscalations } from "../../src/domain/complaints/escalation.ts";
import { feedbackBot, HEAD_TG, PUBLIC_CODE, seedCounter } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const CITIZEN = 9001;
const SEKDA_TG = 5009;

describe("an overdue complaint", () => {
  it("is due after 5 working days, then reminds the head and escalates to the head's supervisor once", async () => {
    const { head, unit } = await seedCounter(db.prisma);
    const sekda = await db.prisma.employee.create({
      data: {
        nip: "197003121995031002",
        name: "Sekda",
        position: "Sekretaris Daerah",
        unitId: unit.id,
        telegramId: BigInt(SEKDA_TG),
      },
    });
    await db.prisma.employee.update({ where: { id: head.id }, data: { supervisorId: sekda.id } });
    // Tuesday 24 November 2026, 10:00 WIB.
    const bot = feedbackBot(db.prisma, "2026-11-24T03:00:00Z");
    const citizen = bot.user(CITIZEN);
    await bot.deliver(citizen.command("start", `fb_${PUBLIC_CODE}`));
    const { id } = await db.prisma.surveyResponse.findFirstOrThrow();
    for (const step of ELEMENT_STEPS) await bot.deliver(citizen.press(scoreData.pack(id, step, 2)));
    await bot.deliver(citizen.press(skipCommentData.pack(id)));
    await bot.deliver(citizen.press(complaintChoiceData.pack(id, "y")));
    await bot.flush();

    const complaint = await db.prisma.complaint.findFirstOrThrow();
    // Five working days after Tuesday: Wed–Fri, Mon, Tue 1 December; due at its end, local time.
    expect(complaint.followUpDue.toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(await enqueueComplaintEscalations(db.prisma, new Date("2026-12-01T10:00:00Z"))).toBe(0);

    // Queued as of the sender's clock, as `lapkin job --at` does, so the fixed-clock sender sends it now.
    const queued = await enqueueComplaintEscalations(db.prisma, new Date("2026-12-02T01:00:00Z"), bot.clock.now());
    await bot.flush();

    expect(queued).toBe(3); // head and supervisor reminded, sekda told
    expect(bot.telegram.lastText(HEAD_TG)).toContain("belum ditindaklanjuti");
    expect(bot.telegram.lastText(SEKDA_TG)).toContain(`Pengaduan ${complaint.number}`);
    expect(await enqueueComplaintEscalations(db.prisma, new Date("2026-12-03T01:00:00Z"))).toBe(0);
  });
});
