import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { loadUnitCalendar } from "../../src/domain/calendar.ts";
import { findOrCreateDraft, saveMinutesWithin } from "../../src/domain/report/drafts.ts";
import { indicatorChoices } from "../../src/domain/report/indicators.ts";
import { addPhoto, clearPhotos } from "../../src/domain/report/photos.ts";
import { submitReport } from "../../src/domain/report/submit.ts";
import { reviewRenderer } from "../../src/handlers/review/index.ts";
import { seedReporting, SUPERVISOR_TG } from "./helpers.ts";

// The statements each /lapor step runs, one per step, against both databases.

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const day = (date: string) => new Date(`${date}T00:00:00Z`);
const now = new Date("2026-11-24T03:00:00Z");
const photo = (n: number) => ({
  fileId: `file-${n}`,
  fileUniqueId: `unique-${n}`,
  width: 1280,
  height: 960,
  size: 1000,
  mimeType: "image/jpeg",
});

describe("findOrCreateDraft", () => {
  it("makes one draft, and finds it again (with its answers) instead of making another", async () => {
    const { staff } = await seedReporting(database.prisma);
    const first = await findOrCreateDraft(database.prisma, staff.id);
    expect(first).toMatchObject({ created: true, draft: { status: "DRAFT", date: null, photos: 0, version: 1 } });
    await database.prisma.report.update({
      where: { id: first.draft.id },
      data: { date: day("2026-11-24"), description: "Rapat koordinasi", outputQuantity: 2.5 },
    });
    await addPhoto(database.prisma, first.draft.id, photo(1), now);
    const again = await findOrCreateDraft(database.prisma, staff.id);
    expect(again).toMatchObject({
      created: false,
      draft: {
        id: first.draft.id,
        date: "2026-11-24",
        description: "Rapat koordinasi",
        outputQuantity: 2.5,
        photos: 1,
      },
    });
    expect(await database.prisma.report.count()).toBe(1);
  });
});

describe("addPhoto", () => {
  it("adds, ignores the same photo again, stops at the maximum and brings back a removed photo sent again", async () => {
    const { staff } = await seedReporting(database.prisma);
    const report = await database.prisma.report.create({
      data: { employeeId: staff.id, status: "REVISION_REQUESTED", number: "LK-2026-000001" },
    });
    expect(await addPhoto(database.prisma, report.id, photo(1), now, { maxPhotos: 2 })).toEqual({
      kind: "added",
      count: 1,
    });
    expect(await addPhoto(database.prisma, report.id, photo(1), now, { maxPhotos: 2 })).toEqual({
      kind: "duplicate",
      count: 1,
    });
    expect(await addPhoto(database.prisma, report.id, photo(2), now, { maxPhotos: 2 })).toEqual({
      kind: "added",
      count: 2,
    });
    expect(await addPhoto(database.prisma, report.id, photo(3), now, { maxPhotos: 2 })).toEqual({
      kind: "full",
      count: 2,
    });
    // "Edit photos" on a report sent back keeps the old rows, marked removed; sending one again revives it.
    await clearPhotos(database.prisma, staff.id, report.id, now);
    expect(await addPhoto(database.prisma, report.id, photo(2), now, { maxPhotos: 2 })).toEqual({
      kind: "added",
      count: 1,
    });
    const rows = await database.prisma.evidence.findMany({ orderBy: { fileUniqueId: "asc" } });
    expect(rows.map((e) => [e.fileUniqueId, e.removedAt === null, e.position])).toEqual([
      ["unique-1", false, 1],
      ["unique-2", true, 1],
    ]);
  });
});

describe("saveMinutesWithin", () => {
  it("saves while the day stays within the limit, and leaves it for confirmation above", async () => {
    const { staff } = await seedReporting(database.prisma);
    await database.prisma.report.create({
      data: { employeeId: staff.id, date: day("2026-11-24"), status: "SUBMITTED", minutes: 600 },
    });
    await database.prisma.report.create({
      data: { employeeId: staff.id, date: day("2026-11-24"), status: "WITHDRAWN", minutes: 600 },
    });
    const draft = await database.prisma.report.create({ data: { employeeId: staff.id, date: day("2026-11-24") } });
    const input = { employeeId: staff.id, reportId: draft.id, date: "2026-11-24", confirmAbove: 720 };
    const time = (minutes: number) => ({ time: { minutes, startMinute: null, endMinute: null } });
    expect(await saveMinutesWithin(database.prisma, { ...input, ...time(180) })).toEqual({
      others: 600,
      overlap: null,
      saved: false,
    });
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      minutes: null,
    });
    expect(await saveMinutesWithin(database.prisma, { ...input, ...time(120) })).toEqual({
      others: 600,
      overlap: null,
      saved: true,
    });
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ minutes: 120 });
  });

  it("leaves a range overlapping another live report of the day for confirmation, and saves one that only touches it", async () => {
    const { staff } = await seedReporting(database.prisma);
    const date = day("2026-11-24");
    await database.prisma.report.create({
      data: { employeeId: staff.id, date, status: "APPROVED", minutes: 90, startMinute: 480, endMinute: 570 },
    });
    const draft = await database.prisma.report.create({ data: { employeeId: staff.id, date } });
    const input = { employeeId: staff.id, reportId: draft.id, date: "2026-11-24", confirmAbove: 720 };
    expect(
      await saveMinutesWithin(database.prisma, { ...input, time: { minutes: 60, startMinute: 540, endMinute: 600 } }),
    ).toEqual({ others: 90, overlap: { start: 480, end: 570 }, saved: false });
    expect(
      await saveMinutesWithin(database.prisma, { ...input, time: { minutes: 60, startMinute: 570, endMinute: 630 } }),
    ).toEqual({ others: 90, overlap: null, saved: true });
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      minutes: 60,
      startMinute: 570,
      endMinute: 630,
    });
  });
});

describe("indicatorChoices", () => {
  it("lists the year's indicators, the most recently reported first, then in plan order", async () => {
    const { staff, indicators } = await seedReporting(database.prisma);
    await database.prisma.report.create({
      data: {
        employeeId: staff.id,
        indicatorId: indicators[2]!.id,
        status: "SUBMITTED",
        createdAt: new Date("2026-11-20T00:00:00Z"),
      },
    });
    await database.prisma.report.create({
      data: {
        employeeId: staff.id,
        indicatorId: indicators[1]!.id,
        status: "APPROVED",
        createdAt: new Date("2026-11-10T00:00:00Z"),
      },
    });
    await database.prisma.report.create({
      data: {
        employeeId: staff.id,
        indicatorId: indicators[0]!.id,
        status: "DRAFT",
        createdAt: new Date("2026-11-23T00:00:00Z"),
      },
    });
    const choices = await indicatorChoices(database.prisma, staff.id, 2026);
    expect(choices.map((c) => c.code)).toEqual(["2.1", "1.2", "1.1"]);
    expect(choices[0]).toEqual({
      id: indicators[2]!.id,
      code: "2.1",
      label: "Persentase layanan helpdesk tepat waktu",
      unitOfMeasure: "tiket",
      actionPlans: [],
    });
    expect(await indicatorChoices(database.prisma, staff.id, 2025)).toEqual([]);
  });
});

describe("loadUnitCalendar", () => {
  it("reads the unit's working days, its own and the city-wide closures and this employee's leave, fresh every time", async () => {
    const { unit, staff, colleague } = await seedReporting(database.prisma);
    const other = await database.prisma.unit.create({
      data: { code: "LAIN", name: "Dinas Lain", workingDays: [1, 2, 3, 4, 5, 6] },
    });
    await database.prisma.regionalHoliday.createMany({
      data: [
        { unitId: unit.id, date: day("2026-11-26"), name: "HUT Dinas" },
        { unitId: null, date: day("2026-11-27"), name: "HUT Kota" },
        { unitId: other.id, date: day("2026-11-25"), name: "Bukan unit ini" },
        { unitId: null, date: day("2026-12-30"), name: "Di luar rentang" },
      ],
    });
    await database.prisma.leave.create({
      data: { employeeId: colleague.id, from: day("2026-11-23"), to: day("2026-11-23"), kind: "CUTI" },
    });
    const range = { unitId: unit.id, employeeId: staff.id, from: "2026-11-20", to: "2026-12-26" };
    const before = await loadUnitCalendar(database.prisma, range);
    expect(before.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(before.holidays).toMatchObject({
      "2026-11-26": "HUT Dinas",
      "2026-11-27": "HUT Kota",
      "2026-12-25": "Kelahiran Yesus Kristus",
    });
    expect(before.holidays["2026-11-25"]).toBeUndefined();
    expect(before.holidays["2026-12-30"]).toBeUndefined();
    expect(before.leave).toEqual([]);

    // Leave imported a moment ago counts at once: nothing is cached.
    await database.prisma.leave.create({
      data: { employeeId: staff.id, from: day("2026-11-18"), to: day("2026-11-21"), kind: "DINAS_LUAR" },
    });
    expect((await loadUnitCalendar(database.prisma, range)).leave).toEqual([
      { from: "2026-11-18", to: "2026-11-21", kind: "DINAS_LUAR" },
    ]);
    expect(
      (await loadUnitCalendar(database.prisma, { unitId: other.id, from: "2026-11-20", to: "2026-11-30" })).workingDays,
    ).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("submitReport", () => {
  it("writes the status, the number, the supervisor's notice (album first) and the audit record together", async () => {
    const { staff, indicators } = await seedReporting(database.prisma);
    const draft = await database.prisma.report.create({
      data: {
        employeeId: staff.id,
        date: day("2026-11-24"),
        indicatorId: indicators[0]!.id,
        description: "Menyusun laporan jaringan",
        outputQuantity: 2.5,
        outputUnit: "dokumen",
        minutes: 90,
      },
    });
    await addPhoto(database.prisma, draft.id, photo(1), now);
    await addPhoto(database.prisma, draft.id, photo(2), now);
    const submit = () =>
      submitReport(database.prisma, { reportId: draft.id, employeeId: staff.id, now, render: reviewRenderer() });
    expect(await submit()).toEqual({
      kind: "submitted",
      number: `LK-2026-${String(draft.id).padStart(6, "0")}`,
      version: 1,
      supervisorNotified: true,
      reusedEvidence: false,
    });
    expect(await submit()).toMatchObject({ kind: "already", status: "SUBMITTED" });

    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "SUBMITTED",
      submittedAt: now,
      supervisorNotified: true,
    });
    const outbox = await database.prisma.outbox.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((o) => [o.dedupeKey, o.kind, o.chatId, o.status, o.nextAttemptAt])).toEqual([
      [`report-photos:${draft.id}:1`, "review-request-photos", BigInt(SUPERVISOR_TG), "PENDING", now],
      [`report-submitted:${draft.id}:1`, "review-request", BigInt(SUPERVISOR_TG), "PENDING", now],
    ]);
    expect(outbox[0]!.payload).toEqual({
      method: "sendMediaGroup",
      params: {
        chat_id: String(SUPERVISOR_TG),
        media: [
          { type: "photo", media: "file-1" },
          { type: "photo", media: "file-2" },
        ],
      },
    });
    const card = outbox[1]!.payload as { method: string; params: { text: string; reply_markup: unknown } };
    expect(card.method).toBe("sendMessage");
    for (const part of [
      "Andi Wijaya",
      "Dinas DISKOMINFO",
      "Jumlah laporan pengelolaan jaringan",
      "Menyusun laporan jaringan",
      "2,5 dokumen",
    ])
      expect(card.params.text).toContain(part);
    expect(JSON.stringify(card.params.reply_markup)).toContain(`${draft.id}`);
    const audit = await database.prisma.auditLog.findMany();
    expect(audit.map((a) => [a.actor, a.action, a.entity, a.entityId, a.after])).toEqual([
      [
        `employee:${staff.id}`,
        "report.submit",
        "Report",
        String(draft.id),
        { number: `LK-2026-${String(draft.id).padStart(6, "0")}`, version: 1, supervisorNotified: true },
      ],
    ]);
  });

  it("flags a photo on another employee's sent report, by file_unique_id or by content, and not one on a draft", async () => {
    const { staff, colleague } = await seedReporting(database.prisma);
    const complete = {
      date: day("2026-11-24"),
      isAdditional: true,
      description: "Rapat koordinasi",
      outputQuantity: 1,
      outputUnit: "kegiatan",
      minutes: 60,
    };
    const sent = await database.prisma.report.create({
      data: { employeeId: colleague.id, ...complete, status: "SUBMITTED", number: "LK-2026-000900" },
    });
    await database.prisma.evidence.create({
      data: { reportId: sent.id, position: 1, fileId: "x", fileUniqueId: "by-id", sha256: "aaa" },
    });
    const drafted = await database.prisma.report.create({ data: { employeeId: colleague.id, ...complete } });
    await database.prisma.evidence.create({
      data: { reportId: drafted.id, position: 1, fileId: "y", fileUniqueId: "on-a-draft" },
    });

    const cases: Array<[string, { fileUniqueId: string; sha256?: string }, boolean]> = [
      ["same file_unique_id", { fileUniqueId: "by-id" }, true],
      ["same content", { fileUniqueId: "fresh", sha256: "aaa" }, true],
      ["only on a draft", { fileUniqueId: "on-a-draft" }, false],
    ];
    for (const [name, evidence, reused] of cases) {
      const mine = await database.prisma.report.create({ data: { employeeId: staff.id, ...complete } });
      await database.prisma.evidence.create({ data: { reportId: mine.id, position: 1, fileId: name, ...evidence } });
      const outcome = await submitReport(database.prisma, {
        reportId: mine.id,
        employeeId: staff.id,
        now,
        render: reviewRenderer(),
      });
      expect([name, outcome]).toEqual([name, expect.objectContaining({ kind: "submitted", reusedEvidence: reused })]);
    }
  });
});
