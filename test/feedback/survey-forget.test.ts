import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { scoreData } from "../../src/handlers/survey/callback-data.ts";
import { intervalJobs, type IntervalJobDeps } from "../../src/jobs/intervals.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { ELEMENT_STEPS } from "../../src/domain/survey/steps.ts";
import { feedbackBot, PUBLIC_CODE, seedCounter } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const CITIZEN = 9001;

/** The every-minute task named `name`, on the database at `now` (the other dependencies are not used by it). */
function intervalTask(name: string, now: string) {
  const deps = { db: db.prisma, clock: fixedClock(now) } as unknown as IntervalJobDeps;
  const task = intervalJobs(deps).find((t) => t.name === name);
  if (!task) throw new Error(`no interval task ${name}`);
  return task;
}

const rowsNamingCitizen = () => db.prisma.keyValue.count({ where: { key: { contains: String(CITIZEN) } } });

describe("a survey the citizen left midway", () => {
  it("keeps their Telegram id only while it is open: once it expires, the sweep forgets it", async () => {
    await seedCounter(db.prisma);
    const bot = feedbackBot(db.prisma, "2026-11-24T03:00:00Z");
    await bot.deliver(bot.user(CITIZEN).command("start", `fb_${PUBLIC_CODE}`));
    const { id } = await db.prisma.surveyResponse.findFirstOrThrow();
    await bot.deliver(bot.user(CITIZEN).press(scoreData.pack(id, "e1", 3)));
    expect(await rowsNamingCitizen()).toBe(1);

    // Still open 20 minutes later: the next message continues it.
    await intervalTask("forget-left-surveys", "2026-11-24T03:20:00Z").run();
    expect(await rowsNamingCitizen()).toBe(1);

    await intervalTask("forget-left-surveys", "2026-11-24T03:31:00Z").run();
    expect(await rowsNamingCitizen()).toBe(0);
    // The answers stay, under the salted hash only.
    expect((await db.prisma.surveyResponse.findFirstOrThrow()).s1).toBe(3);
  });
});

describe("a citizen who takes their time", () => {
  it("can still type the comment when the questions took longer than half an hour", async () => {
    await seedCounter(db.prisma);
    // Opened in the queue at 10:00, answered after the service, at 10:40.
    const queue = feedbackBot(db.prisma, "2026-11-24T03:00:00Z");
    await queue.deliver(queue.user(CITIZEN).command("start", `fb_${PUBLIC_CODE}`));
    const { id } = await db.prisma.surveyResponse.findFirstOrThrow();
    const later = feedbackBot(db.prisma, "2026-11-24T03:40:00Z");
    for (const step of ELEMENT_STEPS) await later.deliver(later.user(CITIZEN).press(scoreData.pack(id, step, 3)));
    expect(later.telegram.lastText(CITIZEN)).toContain("Ada saran atau komentar?");

    await later.deliver(later.user(CITIZEN).text("Ruang tunggu panas, mohon tambah kipas."));

    expect(later.telegram.lastText(CITIZEN)).toContain("Apakah ini sebuah pengaduan");
    expect(await db.prisma.surveyResponse.findFirstOrThrow()).toMatchObject({
      step: "complaint",
      comment: "Ruang tunggu panas, mohon tambah kipas.",
    });
  });
});
