import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { createTestBot } from "../support/bot.ts";
import type { Database, Db } from "../../src/db/client.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { notificationMessageId, reviewBot, seedReview, STAFF_TG, submitted, SUPERVISOR_TG } from "./helpers.ts";
import { laporData } from "../../src/handlers/report/callback-data.ts";

/**
 * The note a supervisor is asked for (revision, rejection) is read by identify with the sender,
 * not looked up by the review feature on every text: these tests pin down that the text still
 * goes where it did — to the note while one is being asked for, to /lapor otherwise.
 */
let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** The database with every call of the KeyValue model recorded (the raw statements of identify are not). */
function recordingKeyValue(db: Db) {
  const calls: string[] = [];
  const keyValue = new Proxy(db.keyValue, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => (
        calls.push(String(property)),
        (value as (...a: unknown[]) => unknown).apply(target, args)
      );
    },
  });
  const recorded = new Proxy(db, {
    get(target, property) {
      if (property === "keyValue") return keyValue;
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: recorded as Db, calls };
}

/** Andi's submitted report, its card delivered to Siti; Siti has started her own /lapor and is at its description step. */
async function sitiReportingWhileReviewing(db: Db) {
  const seeded = await seedReview(database.prisma);
  const h = reviewBot(db);
  const reportId = await submitted(database.prisma, {
    employeeId: seeded.staff.id,
    indicatorId: seeded.indicators[0]!.id,
  });
  await h.flush();
  const messageId = await notificationMessageId(database.prisma, reportId);
  const siti = h.user(SUPERVISOR_TG);
  await h.deliver(
    siti.command("lapor"),
    siti.press(laporData.today.pack()),
    siti.press(laporData.additionalTask.pack()),
  );
  expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Langkah 3/6");
  const draftOfSiti = () =>
    database.prisma.report.findFirstOrThrow({ where: { employeeId: seeded.supervisor.id, status: "DRAFT" } });
  const andisReport = () => database.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
  return { ...seeded, ...h, siti, reportId, messageId, draftOfSiti, andisReport };
}

describe("a supervisor's note being asked for, in the middle of her own /lapor", () => {
  it("takes her next text as the note; the text after it is her /lapor answer", async () => {
    const h = await sitiReportingWhileReviewing(database.prisma);
    await h.deliver(h.siti.press(reviewData.revise.pack(h.reportId, 1), h.messageId));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis catatan revisi untuk Andi Wijaya");

    await h.deliver(h.siti.text("Mohon lampirkan daftar hadir rapat"));
    expect(await h.andisReport()).toMatchObject({
      status: "REVISION_REQUESTED",
      reviewerComment: "Mohon lampirkan daftar hadir rapat",
    });
    expect((await h.draftOfSiti()).description).toBeNull();

    await h.deliver(h.siti.text("Menyusun laporan bulanan jaringan kota"));
    expect((await h.draftOfSiti()).description).toBe("Menyusun laporan bulanan jaringan kota");
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Langkah 4/6");
    expect((await database.prisma.review.findMany({ where: { reportId: h.reportId } })).map((r) => r.comment)).toEqual([
      "Mohon lampirkan daftar hadir rapat",
    ]);
  });

  it("is asked for again after a note that is too short, and /lapor does not get the short text", async () => {
    const h = await sitiReportingWhileReviewing(database.prisma);
    await h.deliver(h.siti.press(reviewData.reject.pack(h.reportId, 1), h.messageId), h.siti.text("ok"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("terlalu pendek");
    expect((await h.draftOfSiti()).description).toBeNull();
    await h.deliver(h.siti.text("Kegiatan ini bukan tugas Anda"));
    expect(await h.andisReport()).toMatchObject({
      status: "REJECTED",
      reviewerComment: "Kegiatan ini bukan tugas Anda",
    });
  });

  it("once expired, is not waited for: the text is her /lapor answer and Andi's report stays undecided", async () => {
    const h = await sitiReportingWhileReviewing(database.prisma);
    await h.deliver(h.siti.press(reviewData.revise.pack(h.reportId, 1), h.messageId));
    await database.prisma.keyValue.update({
      where: { key: `review-pending:${SUPERVISOR_TG}` },
      data: { expiresAt: new Date(h.clock.now().getTime() - 1000) },
    });
    await h.deliver(h.siti.text("Menyusun laporan bulanan jaringan kota"));
    expect((await h.draftOfSiti()).description).toBe("Menyusun laporan bulanan jaringan kota");
    expect(await h.andisReport()).toMatchObject({ status: "SUBMITTED", reviewerComment: null });
  });

  it("is not decided by the note when she may no longer review: the permission is checked when the note comes", async () => {
    const h = await sitiReportingWhileReviewing(database.prisma);
    await h.deliver(h.siti.press(reviewData.revise.pack(h.reportId, 1), h.messageId));
    // Andi moves to another supervisor while Siti is typing.
    await database.prisma.employee.update({ where: { id: h.staff.id }, data: { supervisorId: h.head.id } });
    await h.deliver(h.siti.text("Mohon lampirkan daftar hadir rapat"));
    expect(await h.andisReport()).toMatchObject({ status: "SUBMITTED", reviewerComment: null });
    expect(await database.prisma.review.count()).toBe(0);
  });
});

/** Andi's submitted report, its card delivered to Siti, and Siti pressing "Minta revisi" on it. */
async function sitiAskedForRevisionNote(db: Db) {
  const seeded = await seedReview(database.prisma);
  const h = reviewBot(db);
  const reportId = await submitted(database.prisma, {
    employeeId: seeded.staff.id,
    indicatorId: seeded.indicators[0]!.id,
  });
  await h.flush();
  const siti = h.user(SUPERVISOR_TG);
  await h.deliver(
    siti.press(reviewData.revise.pack(reportId, 1), await notificationMessageId(database.prisma, reportId)),
  );
  return { ...h, siti, reportId };
}

describe("two questions asked one after the other", () => {
  it("the text answers the last one: a feedback note asked after a revision note never becomes the revision note", async () => {
    const { siti, reportId, ...h } = await sitiAskedForRevisionNote(database.prisma);
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis catatan revisi untuk Andi Wijaya");
    await h.deliver(siti.command("umpanbalik", "andi"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis umpan balik untuk Andi Wijaya");

    await h.deliver(siti.text("Dokumentasi rapat sudah baik, pertahankan."));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Umpan balik terkirim");
    expect(await database.prisma.feedbackNote.count()).toBe(1);
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "SUBMITTED",
      reviewerComment: null,
    });
    expect(await database.prisma.keyValue.count({ where: { key: { startsWith: "review-pending:" } } })).toBe(0);
  });
});

describe("who is asked about a note on a text", () => {
  it("an employee's /lapor answer costs no lookup of a note or an evaluation answer: identify read them with the sender", async () => {
    const seeded = await seedReview(database.prisma);
    const { db, calls } = recordingKeyValue(database.prisma);
    const h = createTestBot({ db, now: "2026-11-24T03:00:00Z" });
    const andi = h.telegram.user(STAFF_TG);
    await h.deliver(
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
    );
    calls.length = 0;
    await h.deliver(andi.text("Rapat koordinasi jaringan kota"), andi.text("2"));
    expect(calls).toEqual([]);
    expect(await database.prisma.report.findFirstOrThrow({ where: { employeeId: seeded.staff.id } })).toMatchObject({
      description: "Rapat koordinasi jaringan kota",
    });
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
  });

  it("a supervisor's note is served from what identify read: her text reaches the review without a lookup of its own", async () => {
    const { db, calls } = recordingKeyValue(database.prisma);
    const { siti, reportId, ...h } = await sitiAskedForRevisionNote(db);
    calls.length = 0;
    await h.deliver(siti.text("Mohon lampirkan daftar hadir rapat"));
    expect(calls).not.toContain("findUnique");
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "REVISION_REQUESTED",
    });
    expect(await database.prisma.keyValue.count({ where: { key: `review-pending:${SUPERVISOR_TG}` } })).toBe(0);
  });

  it("an admin known only by ADMIN_TELEGRAM_IDS (no employee record) still has the note asked for taken", async () => {
    const seeded = await seedReview(database.prisma);
    const h = createTestBot({
      db: database.prisma,
      now: "2026-11-24T05:00:00Z",
      config: { ADMIN_TELEGRAM_IDS: "9002" },
    });
    const reportId = await submitted(database.prisma, {
      employeeId: seeded.staff.id,
      indicatorId: seeded.indicators[0]!.id,
    });
    const admin = h.telegram.user(9002);
    await h.deliver(admin.press(reviewData.reject.pack(reportId, 1)), admin.text("Kegiatan ini bukan tugas Andi"));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "REJECTED",
      reviewerComment: "Kegiatan ini bukan tugas Andi",
    });
    expect(await database.prisma.review.findFirstOrThrow({ where: { reportId } })).toMatchObject({
      actingAs: "ADMIN",
      reviewerId: null,
    });
  });
});
