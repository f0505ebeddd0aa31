import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "../../src/db/client.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { MESSAGE_MAX } from "../../src/lib/telegram-limits.ts";
import { reviewBot, SUPERVISOR_TG } from "../review/helpers.ts";
import { AFTER_Q3, seedEvaluation } from "./helpers.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const Q3_DAY = new Date("2026-08-10T00:00:00Z");
const allScores = (score: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i + 1}`, score]));

/** `count` finished responses to the counter on `day`, each answering every element with `score`. */
async function answers(db: Db, counterId: number, count: number, score: number, day = Q3_DAY) {
  const tag = `${counterId}-${day.toISOString()}-${score}`;
  await db.surveyResponse.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      counterId,
      respondentHash: `${tag}-${i}`,
      day,
      step: "done",
      comment: "Petugas membentak saya",
      ...allScores(score),
    })),
  });
}

/** One complaint per response of the counter, numbered in order; received on the response's day, 10:00 WIB. */
async function complaintsOf(db: Db, counterId: number, unitId: number, status: (i: number) => "OPEN" | "DONE") {
  const responses = await db.surveyResponse.findMany({ where: { counterId }, orderBy: { id: "asc" } });
  await db.complaint.createMany({
    data: responses.map((r, i) => ({
      number: `ADU-2026-${String(i + 1).padStart(6, "0")}`,
      responseId: r.id,
      counterId,
      unitId,
      status: status(i),
      receivedAt: new Date(r.day.getTime() + 3 * 3600_000),
      followUpDue: new Date(r.day.getTime() + 7 * 86400_000),
    })),
  });
}

async function openFacts(db: Db, employeeId: number) {
  const bot = reviewBot(db, { now: AFTER_Q3 });
  await bot.deliver(bot.user(SUPERVISOR_TG).press(evaluationData.open.pack(employeeId, "2026-Q3")));
  return bot.telegram.sentTexts(SUPERVISOR_TG).find((t) => t.includes("Realisasi SKP"))!;
}

describe("/evaluasi's facts of an employee who serves a counter", () => {
  it("show the period's IKM of their counter and of the unit, with respondents and the representativeness marker", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const ktp = await db.serviceCounter.create({
      data: { code: "KTP", publicCode: "ktp1234567", unitId: seeded.unit.id, name: "Loket KTP" },
    });
    await db.serviceCounterStaff.create({ data: { counterId: ktp.id, employeeId: seeded.staff.id } });
    const kk = await db.serviceCounter.create({
      data: { code: "KK", publicCode: "kk12345678", unitId: seeded.unit.id, name: "Loket KK" },
    });
    await answers(db, ktp.id, 2, 4);
    await answers(db, ktp.id, 5, 1, new Date("2026-10-02T00:00:00Z")); // after Q3: not counted
    await answers(db, kk.id, 30, 3);

    const facts = await openFacts(db, seeded.staff.id);

    expect(facts).toContain("Layanan kepada masyarakat");
    expect(facts).toContain("Loket KTP (Dinas DISKOMINFO): IKM 100 (mutu A), 2 responden — belum representatif");
    // The unit: 2 × 4 and 30 × 3 over 32 respondents = 3.0625 → 76.56, band C; 32 ≥ 30 is representative.
    expect(facts).toContain("Seluruh unit Dinas DISKOMINFO: IKM 76,56 (mutu C), 32 responden\n");
    expect(facts).not.toContain("Loket KK");
    expect(facts).toContain("Pengaduan: tidak ada");
    // Input only: the suggestion still comes from the work results alone.
    expect(facts).toContain("Saran dari realisasi");
  });

  it("list the counter's complaints by number and status, summarised past five, never the citizen's words", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const ktp = await db.serviceCounter.create({
      data: { code: "KTP", publicCode: "ktp1234567", unitId: seeded.unit.id, name: "Loket KTP" },
    });
    await db.serviceCounterStaff.create({ data: { counterId: ktp.id, employeeId: seeded.staff.id } });
    await answers(db, ktp.id, 400, 1);
    // The first is closed; the other 399 are still open, past their due time on 6 October.
    await complaintsOf(db, ktp.id, seeded.unit.id, (i) => (i === 0 ? "DONE" : "OPEN"));

    const facts = await openFacts(db, seeded.staff.id);

    expect(facts).toContain(
      "Pengaduan: 400 (399 belum selesai, 399 lewat batas): ADU-2026-000001, ADU-2026-000002, ADU-2026-000003, " +
        "ADU-2026-000004, ADU-2026-000005, dan 395 lainnya",
    );
    expect(facts).not.toContain("membentak");
    expect(facts.length).toBeLessThan(MESSAGE_MAX);
  });

  it("show nothing of the kind for an employee who serves no counter", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    await db.serviceCounter.create({
      data: {
        code: "KTP",
        publicCode: "ktp1234567",
        unitId: seeded.unit.id,
        name: "Loket KTP",
        staff: { create: [{ employeeId: seeded.staff.id }] },
      },
    });
    expect(await openFacts(db, seeded.colleague.id)).not.toContain("Layanan kepada masyarakat");
  });
});
