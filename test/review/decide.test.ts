import { feedbackData } from "../../src/handlers/feedback/callback-data.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { packReportIds, parseReviewData, reviewData } from "../../src/handlers/review/callback-data.ts";
import {
  ADMIN_TG,
  DELEGATE_TG,
  FORMER_SUPERVISOR_TG,
  notificationMessageId,
  OTHER_UNIT_SUPERVISOR_TG,
  PEER_TG,
  reviewBot,
  seedReview,
  STAFF_TG,
  submitted,
  SUPERVISOR_TG,
} from "./helpers.ts";
import { historyData } from "../../src/handlers/report/callback-data.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (payload: Record<string, unknown>) =>
  ((payload.reply_markup as Markup | undefined)?.inline_keyboard ?? []).flat().map((b) => b.callback_data);

/** Seeds, submits one report of Andi, and delivers the supervisor's notification through the outbox sender. */
async function setup(options: { now?: string } = {}) {
  const seeded = await seedReview(database.prisma);
  const h = reviewBot(database.prisma, { now: options.now });
  const reportId = await submitted(database.prisma, {
    employeeId: seeded.staff.id,
    indicatorId: seeded.indicators[0]!.id,
  });
  await h.flush();
  const messageId = await notificationMessageId(database.prisma, reportId);
  return { ...seeded, ...h, reportId, messageId };
}

const lastAlert = (h: Awaited<ReturnType<typeof setup>>) => h.telegram.callbackAnswers().at(-1);
const outboxTo = (chatId: number) =>
  database.prisma.outbox.findMany({ where: { chatId: BigInt(chatId) }, orderBy: { id: "asc" } });

describe("the supervisor's notification", () => {
  it("is queued at submit as the album, then the card with the facts and the three buttons; the sender delivers both", async () => {
    const h = await setup();
    const rows = await outboxTo(SUPERVISOR_TG);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ["review-request-photos", "SENT"],
      ["review-request", "SENT"],
    ]);

    const album = h.telegram.callsTo("sendMediaGroup").filter((c) => Number(c.payload.chat_id) === SUPERVISOR_TG);
    expect(album).toHaveLength(1);
    const evidence = await database.prisma.evidence.findMany({
      where: { reportId: h.reportId },
      orderBy: { position: "asc" },
    });
    expect(album[0]!.payload.media).toEqual(evidence.map((e) => ({ type: "photo", media: e.fileId })));

    const card = h.telegram
      .callsTo("sendMessage")
      .filter((c) => Number(c.payload.chat_id) === SUPERVISOR_TG)
      .at(-1)!;
    const text = String(card.payload.text);
    for (const fact of [
      "LK-2026-",
      "Andi Wijaya",
      "Dinas DISKOMINFO",
      "24 November 2026",
      "Jumlah laporan pengelolaan jaringan",
      "Rapat koordinasi jaringan kota",
      "2 dokumen",
      "1:30",
      "Foto: 2",
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).not.toContain("dipakai ulang");
    expect(buttonsOf(card.payload)).toEqual([
      reviewData.askRating.pack(h.reportId, 1),
      reviewData.revise.pack(h.reportId, 1),
      reviewData.reject.pack(h.reportId, 1),
      feedbackData.fromReport.pack(h.reportId),
    ]);
    // The album went before the card.
    const order = h.telegram.calls.filter((c) => Number(c.payload.chat_id) === SUPERVISOR_TG).map((c) => c.method);
    expect(order).toEqual(["sendMediaGroup", "sendMessage"]);
  });

  it("carries the reused-evidence warning, and one photo goes as a photo", async () => {
    const seeded = await seedReview(database.prisma);
    const first = await submitted(database.prisma, { employeeId: seeded.staff.id, photos: 1 });
    const evidence = await database.prisma.evidence.findFirstOrThrow({ where: { reportId: first } });
    const second = await database.prisma.report.create({
      data: {
        employeeId: seeded.colleague.id,
        date: new Date("2026-11-24T00:00:00Z"),
        isAdditional: true,
        description: "Pemeliharaan server aplikasi",
        outputQuantity: 1,
        outputUnit: "server",
        minutes: 60,
      },
    });
    await database.prisma.evidence.create({
      data: { reportId: second.id, position: 1, fileId: "other-id", fileUniqueId: evidence.fileUniqueId, width: 800 },
    });
    const { submitReport } = await import("../../src/domain/report/submit.ts");
    const { reviewRenderer } = await import("../../src/handlers/review/index.ts");
    await submitReport(database.prisma, {
      reportId: second.id,
      employeeId: seeded.colleague.id,
      now: new Date("2026-11-24T04:00:00Z"),
      render: reviewRenderer(),
    });
    const rows = await database.prisma.outbox.findMany({
      where: { dedupeKey: { endsWith: `:${second.id}:1` } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => (r.payload as { method: string }).method)).toEqual(["sendPhoto", "sendMessage"]);
    expect(JSON.stringify(rows[1]!.payload)).toContain("Kemungkinan bukti dipakai ulang");
  });
});

describe("deciding from the notification", () => {
  it("✅ Setujui asks for the rating; the rating approves, records the review, tells Andi and edits the card without buttons", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.press(reviewData.askRating.pack(h.reportId, 1), h.messageId));
    const choice = h.telegram.callsTo("editMessageReplyMarkup").at(-1)!;
    expect(buttonsOf(choice.payload)).toEqual([
      reviewData.approve.pack(h.reportId, 1, "A"),
      reviewData.approve.pack(h.reportId, 1, "M"),
      reviewData.approve.pack(h.reportId, 1, "B"),
      reviewData.back.pack(h.reportId, 1),
    ]);
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.reportId } })).toMatchObject({
      status: "SUBMITTED",
    });

    await h.deliver(siti.press(reviewData.approve.pack(h.reportId, 1, "A"), h.messageId));
    const report = await database.prisma.report.findUniqueOrThrow({
      where: { id: h.reportId },
      include: { reviews: true },
    });
    expect(report).toMatchObject({ status: "APPROVED", rating: "ABOVE", reviewerComment: null });
    expect(report.decidedAt).toEqual(h.clock.now());
    expect(report.reviews).toHaveLength(1);
    expect(report.reviews[0]).toMatchObject({
      version: 1,
      reviewerId: h.supervisor.id,
      reviewerTelegramId: BigInt(SUPERVISOR_TG),
      actingAs: "SUPERVISOR",
      decision: "APPROVED",
      rating: "ABOVE",
      comment: null,
    });
    expect(
      await database.prisma.auditLog.findFirst({ where: { action: "report.approved", entityId: String(h.reportId) } }),
    ).toMatchObject({ actor: `telegram:${SUPERVISOR_TG}` });

    const edit = h.telegram.callsTo("editMessageText").at(-1)!;
    expect(edit.payload).toMatchObject({ chat_id: SUPERVISOR_TG, message_id: h.messageId });
    expect(String(edit.payload.text)).toContain("Disetujui oleh Siti Rahma (atasan langsung): di atas ekspektasi");
    expect(edit.payload.reply_markup).toBeUndefined();

    const notice = await outboxTo(STAFF_TG);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ kind: "review-decision", dedupeKey: `review-decided:${report.reviews[0]!.id}` });
    await h.flush();
    expect(h.telegram.lastText(STAFF_TG)).toContain("disetujui oleh Siti Rahma dengan penilaian di atas ekspektasi");
    // No second edit of the card is queued: the press was in that message.
    expect(await database.prisma.outbox.count({ where: { kind: "review-edit" } })).toBe(0);
    // Andi sees the rating in /riwayat.
    await h.deliver(h.user(STAFF_TG).press(historyData.open.pack(h.reportId)));
    expect(h.telegram.sentTexts(STAFF_TG).find((t) => t.includes("Penilaian:"))).toContain(
      "Penilaian: di atas ekspektasi",
    );
  });

  it("✏️ Revisi asks for a note; the note goes to Andi, who can revise it in /riwayat", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.press(reviewData.revise.pack(h.reportId, 1), h.messageId));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis catatan revisi untuk Andi Wijaya");
    await h.deliver(siti.text("ok"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("terlalu pendek");
    await h.deliver(siti.text("Mohon lampirkan daftar hadir rapat"));

    const report = await database.prisma.report.findUniqueOrThrow({
      where: { id: h.reportId },
      include: { reviews: true },
    });
    expect(report).toMatchObject({
      status: "REVISION_REQUESTED",
      rating: null,
      reviewerComment: "Mohon lampirkan daftar hadir rapat",
    });
    expect(report.reviews[0]).toMatchObject({
      decision: "REVISION_REQUESTED",
      comment: "Mohon lampirkan daftar hadir rapat",
      rating: null,
    });
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Permintaan revisi laporan LK-2026-");
    const edit = h.telegram.callsTo("editMessageText").at(-1)!;
    expect(edit.payload).toMatchObject({ chat_id: SUPERVISOR_TG, message_id: h.messageId });
    expect(String(edit.payload.text)).toContain(
      "Diminta revisi oleh Siti Rahma (atasan langsung): Mohon lampirkan daftar hadir rapat",
    );
    expect(edit.payload.reply_markup).toBeUndefined();

    const [notice] = await outboxTo(STAFF_TG);
    expect(JSON.stringify(notice!.payload)).toContain("Mohon lampirkan daftar hadir rapat");
    // The note being asked for is gone; the next text is not taken as a note.
    expect(await database.prisma.keyValue.count({ where: { key: { startsWith: "review-pending:" } } })).toBe(0);

    await h.deliver(h.user(STAFF_TG).press(historyData.open.pack(h.reportId)));
    expect(h.telegram.lastText(STAFF_TG) ?? "").toBeDefined();
    const detail = h.telegram.sentTexts(STAFF_TG).find((t) => t.includes("Catatan atasan"));
    expect(detail).toContain("Catatan atasan: Mohon lampirkan daftar hadir rapat");
  });

  it("❌ Tolak asks for a reason that reaches Andi; /batal before it leaves the report undecided", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.press(reviewData.reject.pack(h.reportId, 1), h.messageId));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis alasan penolakan");
    await h.deliver(siti.command("batal"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Dibatalkan; laporan belum diputuskan");
    await h.deliver(siti.text("Kegiatan ini bukan tugas Anda"));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.reportId } })).toMatchObject({
      status: "SUBMITTED",
    });

    await h.deliver(
      siti.press(reviewData.reject.pack(h.reportId, 1), h.messageId),
      siti.text("Kegiatan ini bukan tugas Anda"),
    );
    const report = await database.prisma.report.findUniqueOrThrow({
      where: { id: h.reportId },
      include: { reviews: true },
    });
    expect(report).toMatchObject({ status: "REJECTED", reviewerComment: "Kegiatan ini bukan tugas Anda" });
    expect(report.reviews[0]).toMatchObject({ decision: "REJECTED", comment: "Kegiatan ini bukan tugas Anda" });
    await h.flush();
    expect(h.telegram.lastText(STAFF_TG)).toContain("ditolak oleh Siti Rahma. Alasan:\nKegiatan ini bukan tugas Anda");
  });

  it("a note being asked for survives a restart (a new bot on the same database)", async () => {
    const h = await setup();
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.revise.pack(h.reportId, 1), h.messageId));
    const restarted = reviewBot(database.prisma, { telegram: h.telegram });
    await restarted.deliver(restarted.user(SUPERVISOR_TG).text("Lengkapi foto sebelum dan sesudah"));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.reportId } })).toMatchObject({
      status: "REVISION_REQUESTED",
      reviewerComment: "Lengkapi foto sebelum dan sesudah",
    });
  });
});

describe("who may decide", () => {
  type Case = [
    who: string,
    telegramId: number,
    expected: "approved" | RegExp,
    prepare?: (s: Awaited<ReturnType<typeof setup>>) => Promise<void>,
  ];
  const delegation = (from: string, to: string) => async (s: Awaited<ReturnType<typeof setup>>) => {
    await database.prisma.delegation.create({
      data: {
        supervisorId: s.supervisor.id,
        delegateId: s.delegate.id,
        from: new Date(`${from}T00:00:00Z`),
        to: new Date(`${to}T00:00:00Z`),
        createdBy: "cli",
      },
    });
  };
  const cases: Case[] = [
    ["the employee (self)", STAFF_TG, /laporan Anda sendiri/],
    ["a peer", PEER_TG, /tidak berwenang/],
    ["another unit's supervisor", OTHER_UNIT_SUPERVISOR_TG, /tidak berwenang/],
    ["the supervisor's own supervisor", 5007, /tidak berwenang/],
    ["a delegate inside the period", DELEGATE_TG, "approved", delegation("2026-11-23", "2026-11-27")],
    ["a delegate after the period", DELEGATE_TG, /tidak berwenang/, delegation("2026-11-16", "2026-11-23")],
    ["a delegate before the period", DELEGATE_TG, /tidak berwenang/, delegation("2026-11-25", "2026-11-27")],
    ["an admin", ADMIN_TG, "approved"],
    ["the supervisor", SUPERVISOR_TG, "approved"],
  ];

  it.each(cases)("%s", async (_who, telegramId, expected, prepare) => {
    const h = await setup();
    await prepare?.(h);
    h.telegram.clearCalls();
    await h.deliver(h.user(telegramId).press(reviewData.approve.pack(h.reportId, 1, "M"), 77));
    const report = await database.prisma.report.findUniqueOrThrow({
      where: { id: h.reportId },
      include: { reviews: true },
    });
    if (expected === "approved") {
      expect(report.status).toBe("APPROVED");
      expect(report.reviews).toHaveLength(1);
      // Decided elsewhere than the card: the card in Siti's chat is edited through the outbox.
      if (telegramId !== SUPERVISOR_TG) {
        expect(await database.prisma.outbox.findFirst({ where: { kind: "review-edit" } })).toMatchObject({
          chatId: BigInt(SUPERVISOR_TG),
        });
        await h.flush();
        const edit = h.telegram.callsTo("editMessageText").find((c) => Number(c.payload.chat_id) === SUPERVISOR_TG)!;
        expect(edit.payload).toMatchObject({ message_id: h.messageId });
        expect(edit.payload.reply_markup).toBeUndefined();
      }
    } else {
      expect(lastAlert(h)).toMatchObject({ show_alert: true, text: expect.stringMatching(expected) });
      expect(report).toMatchObject({ status: "SUBMITTED", rating: null });
      expect(report.reviews).toHaveLength(0);
      expect(h.telegram.callsTo("editMessageText")).toHaveLength(0);
    }
  });

  it("records the delegate and the admin as such", async () => {
    const h = await setup();
    await delegation("2026-11-24", "2026-11-24")(h);
    await h.deliver(h.user(DELEGATE_TG).press(reviewData.approve.pack(h.reportId, 1, "B")));
    expect(await database.prisma.review.findFirstOrThrow()).toMatchObject({
      actingAs: "DELEGATE",
      reviewerId: h.delegate.id,
      rating: "BELOW",
    });
    const other = await submitted(database.prisma, { employeeId: h.colleague.id });
    await h.deliver(h.user(ADMIN_TG).press(reviewData.approve.pack(other, 1, "M")));
    expect(await database.prisma.review.findFirstOrThrow({ where: { reportId: other } })).toMatchObject({
      actingAs: "ADMIN",
      reviewerId: h.admin.id,
      reviewerTelegramId: BigInt(ADMIN_TG),
    });
  });

  it("a former supervisor (the notification went to them) is told the button is no longer theirs", async () => {
    const seeded = await seedReview(database.prisma);
    const h = reviewBot(database.prisma);
    await database.prisma.employee.update({ where: { id: seeded.staff.id }, data: { supervisorId: seeded.former.id } });
    const reportId = await submitted(database.prisma, { employeeId: seeded.staff.id });
    await h.flush();
    const messageId = await notificationMessageId(database.prisma, reportId);
    await database.prisma.employee.update({
      where: { id: seeded.staff.id },
      data: { supervisorId: seeded.supervisor.id },
    });

    await h.deliver(h.user(FORMER_SUPERVISOR_TG).press(reviewData.approve.pack(reportId, 1, "M"), messageId));
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: expect.stringContaining("bukan lagi atasan langsung"),
    });
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "SUBMITTED",
    });
    // The current supervisor decides, from /persetujuan.
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.approve.pack(reportId, 1, "M"), 500));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "APPROVED",
    });
  });
});

describe("races, stale and tampered buttons", () => {
  it("the supervisor and the delegate approving at once make exactly one decision; the other hears who decided", async () => {
    const h = await setup();
    await database.prisma.delegation.create({
      data: {
        supervisorId: h.supervisor.id,
        delegateId: h.delegate.id,
        from: new Date("2026-11-24T00:00:00Z"),
        to: new Date("2026-11-30T00:00:00Z"),
        createdBy: "cli",
      },
    });
    const other = reviewBot(database.prisma, { telegram: h.telegram });
    await Promise.all([
      h.deliver(h.user(SUPERVISOR_TG).press(reviewData.approve.pack(h.reportId, 1, "A"), h.messageId)),
      other.deliver(other.user(DELEGATE_TG).press(reviewData.approve.pack(h.reportId, 1, "M"), 900)),
    ]);
    const reviews = await database.prisma.review.findMany();
    expect(reviews).toHaveLength(1);
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.reportId } })).toMatchObject({
      status: "APPROVED",
      rating: reviews[0]!.rating,
    });
    const winner = reviews[0]!.actingAs === "SUPERVISOR" ? "Siti Rahma" : "Wati Kusuma";
    const alerts = h.telegram.callbackAnswers().filter((a) => a.show_alert);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toBe(`Laporan ini sudah diputuskan oleh ${winner}.`);
    expect(await database.prisma.outbox.count({ where: { kind: "review-decision" } })).toBe(1);
  });

  it("two presses of the same button (a double tap) make one decision", async () => {
    const h = await setup();
    const press = h.user(SUPERVISOR_TG).press(reviewData.approve.pack(h.reportId, 1, "M"), h.messageId);
    await Promise.all([
      h.deliver(press),
      h.deliver(h.user(SUPERVISOR_TG).press(reviewData.approve.pack(h.reportId, 1, "M"), h.messageId)),
    ]);
    expect(await database.prisma.review.count()).toBe(1);
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      text: "Laporan ini sudah diputuskan oleh Siti Rahma.",
    });
  });

  it("a button after Andi withdrew the report says so, and the unsent notification is cancelled", async () => {
    const seeded = await seedReview(database.prisma);
    const h = reviewBot(database.prisma);
    const reportId = await submitted(database.prisma, { employeeId: seeded.staff.id });
    await h.deliver(h.user(STAFF_TG).press(historyData.withdraw.pack(reportId)));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: "WITHDRAWN",
    });
    expect((await outboxTo(SUPERVISOR_TG)).map((r) => r.status)).toEqual(["FAILED", "FAILED"]);
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.approve.pack(reportId, 1, "M")));
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: "Laporan ini sudah ditarik kembali oleh pegawai.",
    });
    expect(await database.prisma.review.count()).toBe(0);
  });

  it("a card already delivered loses its buttons when Andi withdraws; a press on it is told why", async () => {
    const h = await setup();
    await h.deliver(h.user(STAFF_TG).press(historyData.withdraw.pack(h.reportId)));
    await h.flush();
    const edit = h.telegram
      .callsTo("editMessageReplyMarkup")
      .filter((c) => Number(c.payload.chat_id) === SUPERVISOR_TG)
      .at(-1)!;
    expect(edit.payload).toMatchObject({ message_id: h.messageId, reply_markup: { inline_keyboard: [] } });
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.reject.pack(h.reportId, 1), h.messageId));
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      show_alert: true,
      text: "Laporan ini sudah ditarik kembali oleh pegawai.",
    });
  });

  it("an already decided report: any later button says who decided", async () => {
    const h = await setup();
    await h.deliver(h.user(SUPERVISOR_TG).press(reviewData.approve.pack(h.reportId, 1, "M"), h.messageId));
    for (const data of [
      reviewData.revise.pack(h.reportId, 1),
      reviewData.reject.pack(h.reportId, 1),
      reviewData.askRating.pack(h.reportId, 1),
      reviewData.approve.pack(h.reportId, 1, "B"),
    ]) {
      await h.deliver(h.user(SUPERVISOR_TG).press(data, h.messageId));
      expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
        show_alert: true,
        text: "Laporan ini sudah diputuskan oleh Siti Rahma.",
      });
    }
    expect(await database.prisma.review.findMany()).toHaveLength(1);
  });

  it("tampered or unknown data gets an alert and a log line, and changes nothing", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    for (const data of [
      `rv:a:${h.reportId}:1:Z`,
      "rv:zz",
      `rv:a:${h.reportId}:-1:M`,
      `rv:a:${h.reportId}:1:M:extra`,
      "rv:a:99999:1:M",
      `rv:a:${"9".repeat(30)}:1:M`,
    ]) {
      await h.deliver(siti.press(data, h.messageId));
      expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
        show_alert: true,
        text: "Tombol ini tidak dikenali.",
      });
    }
    const warnings = h.logLines.filter((l) => String(l.msg).startsWith("review:"));
    expect(warnings).toHaveLength(6);
    // A version that is not the report's: a stale (or forged) button.
    await h.deliver(siti.press(reviewData.approve.pack(h.reportId, 2, "M"), h.messageId));
    expect(h.telegram.callbackAnswers().at(-1)).toMatchObject({
      text: expect.stringContaining("versi yang lebih baru"),
    });
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.reportId } })).toMatchObject({
      status: "SUBMITTED",
    });
  });

  it("many decisions at once through the domain call (as from several instances): exactly one wins", async () => {
    const h = await setup();
    await database.prisma.delegation.create({
      data: {
        supervisorId: h.supervisor.id,
        delegateId: h.delegate.id,
        from: new Date("2026-11-24T00:00:00Z"),
        to: new Date("2026-11-24T00:00:00Z"),
        createdBy: "cli",
      },
    });
    const { decide } = await import("../../src/domain/review/decide.ts");
    const { reviewRenderer } = await import("../../src/handlers/review/index.ts");
    const reviewers = [
      { employeeId: h.supervisor.id, telegramId: BigInt(SUPERVISOR_TG), isAdmin: false },
      { employeeId: h.delegate.id, telegramId: BigInt(DELEGATE_TG), isAdmin: false },
      { employeeId: h.admin.id, telegramId: BigInt(ADMIN_TG), isAdmin: true },
    ];
    const outcomes = await Promise.all(
      [0, 1, 2, 0, 1, 2].map((i, n) =>
        decide(database.prisma, {
          reviewer: reviewers[i]!,
          reportId: h.reportId,
          version: 1,
          now: h.clock.now(),
          render: reviewRenderer(),
          ...(n % 2
            ? { decision: "APPROVED" as const, rating: "MEETS" as const }
            : { decision: "REJECTED" as const, comment: "Bukan tugas pokok" }),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.kind === "decided")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "stale" && o.standing.kind === "decided")).toHaveLength(5);
    expect(await database.prisma.review.count()).toBe(1);
    expect(await database.prisma.outbox.count({ where: { kind: "review-decision" } })).toBe(1);
  });

  it("another review button drops a note being asked for", async () => {
    const h = await setup();
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(
      siti.press(reviewData.revise.pack(h.reportId, 1), h.messageId),
      siti.press(reviewData.askRating.pack(h.reportId, 1), h.messageId),
    );
    await h.deliver(siti.text("Ini bukan catatan revisi"));
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: h.reportId } })).toMatchObject({
      status: "SUBMITTED",
    });
  });

  it("parses only well-formed data of at most 64 bytes", () => {
    expect(parseReviewData("rv:a:12:3:M")).toEqual({ kind: "approve", reportId: 12, version: 3, rating: "MEETS" });
    expect(parseReviewData("rv:ok:1764000000:1.2.3")).toEqual({
      kind: "approve-all",
      shownAt: 1764000000,
      reportIds: [1, 2, 3],
    });
    // Sent before the buttons carried the time: the list is shown again.
    expect(parseReviewData("rv:ok:1.2.3")).toEqual({ kind: "list", page: 0 });
    expect(parseReviewData("rv:all:2:1.2.3")).toEqual({ kind: "list", page: 2 });
    expect(parseReviewData("rv:a:1.5:3:M")).toBeUndefined();
    expect(parseReviewData("rv:ok:" + "1.".repeat(40) + "1")).toBeUndefined();
    // The wire format of buttons already sent stays as it was.
    expect(reviewData.approve.pack(12, 3, "M")).toBe("rv:a:12:3:M");
    expect(reviewData.askRating.pack(12, 3)).toBe("rv:a:12:3");
    expect(reviewData.approveAllAsk.pack(0, 1764000000, packReportIds([1, 2, 3]))).toBe("rv:all:0:1764000000:1.2.3");
  });
});

describe("an admin named only in ADMIN_TELEGRAM_IDS (no employee record)", () => {
  it("may approve from the notification, recorded as ADMIN without an employee", async () => {
    const h = await setup();
    await database.prisma.employee.update({ where: { id: h.admin.id }, data: { telegramId: null } });
    await h.deliver(h.user(ADMIN_TG).press(reviewData.approve.pack(h.reportId, 1, "M")));
    expect(await database.prisma.review.findFirstOrThrow({ where: { reportId: h.reportId } })).toMatchObject({
      actingAs: "ADMIN",
      reviewerId: null,
      reviewerTelegramId: BigInt(ADMIN_TG),
      rating: "MEETS",
    });
  });
});
