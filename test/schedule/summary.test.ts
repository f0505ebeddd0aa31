import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database, type Db } from "../../src/db/client.ts";
import { createOutboxSender } from "../../src/jobs/outbox.ts";
import { runJobNow, tick } from "../../src/jobs/tick.ts";
import { loadUnits } from "../../src/jobs/calendars.ts";
import { weeklySummary } from "../../src/jobs/summary.ts";
import { DEFAULT_DEADLINE_POLICY, DEFAULT_SCHEDULE_POLICY } from "../../src/domain/policy/sections.ts";
import { deactivateOnForbidden } from "../../src/domain/groups/linking.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { queued, schedulerDeps, seedLinkedUnit, silent } from "./helpers.ts";
import { visible } from "../support/telegram-html.ts";

let database: Database & { dataDir: string; databaseUrl?: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const db = () => database.prisma;
const GROUP = -100555;
/** Friday 27 November 2026, 16:00 WIB. */
const FRIDAY_1600 = new Date("2026-11-27T09:00:00Z");
const at = (iso: string, hours = 0) => new Date(new Date(iso).getTime() + hours * 3_600_000);

/**
 * The week of 23–27 November: the head is on leave all week; 6 of the 15 expected reports came in.
 * Decided: 2 h, 6 h, 1 h, 3 h, 1 h → 2.6 h on average. SKP: 4 of 10 → 40 %.
 */
async function seedWeek() {
  const unit = await seedLinkedUnit(db());
  await db().group.create({
    data: { chatId: BigInt(GROUP), unitId: unit.unit.id, title: "Grup Diskominfo", linkedByTelegramId: 1n },
  });
  await db().leave.create({
    data: { employeeId: unit.head.id, from: new Date("2026-11-23"), to: new Date("2026-11-27"), kind: "DINAS_LUAR" },
  });
  const plan = await db().skpPlan.create({ data: { employeeId: unit.staff.id, year: 2026 } });
  const indicator = await db().skpIndicator.create({
    data: {
      planId: plan.id,
      code: "1.1",
      rhk: "Layanan TIK",
      indicator: "Tiket selesai",
      target: 10,
      unitOfMeasure: "tiket",
    },
  });
  const report = (
    employeeId: number,
    date: string,
    status: "APPROVED" | "SUBMITTED" | "REVISION_REQUESTED" | "REJECTED" | "DRAFT",
    hours?: number,
    extra = {},
  ) =>
    db().report.create({
      data: {
        employeeId,
        date: new Date(date),
        status,
        submittedAt: status === "DRAFT" ? null : at(`${date}T02:00:00Z`),
        decidedAt: hours === undefined ? null : at(`${date}T02:00:00Z`, hours),
        ...extra,
      },
    });
  await report(unit.staff.id, "2026-11-23", "APPROVED", 2, { indicatorId: indicator.id, outputQuantity: 2 });
  await report(unit.staff.id, "2026-11-24", "APPROVED", 6, { indicatorId: indicator.id, outputQuantity: 2 });
  await report(unit.staff.id, "2026-11-25", "SUBMITTED");
  await report(unit.colleague.id, "2026-11-23", "REVISION_REQUESTED", 1);
  await report(unit.colleague.id, "2026-11-26", "REJECTED", 3);
  await report(unit.supervisor.id, "2026-11-27", "APPROVED", 1);
  await report(unit.head.id, "2026-11-27", "DRAFT");
  return unit;
}

function pngSize(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function sender(telegram: FakeTelegram, clockAt: Date, on: Db = db(), batchSize = 50) {
  const clock = fixedClock(clockAt);
  return createOutboxSender({
    db: on,
    clock,
    logger: silent,
    api: new Api(telegram.token, { apiRoot: telegram.apiRoot, fetch: telegram.fetch as never }),
    options: { ratePerSecond: 1000, perGroupIntervalMs: 0, perChatIntervalMs: 0, batchSize },
    onPermanentFailure: deactivateOnForbidden(db(), () => clock.now()),
  });
}

describe("weekly summary", () => {
  it("posts a PNG chart to the group on Friday 16:00 local, with the database's numbers in the caption", async () => {
    const unit = await seedWeek();
    await tick(schedulerDeps(db(), database.dataDir), at("2026-11-27T08:59:00Z"));
    expect(await queued(db(), "weekly-summary")).toHaveLength(0);
    await tick(schedulerDeps(db(), database.dataDir), FRIDAY_1600);

    const [row] = await queued(db(), "weekly-summary");
    const payload = row!.payload as { method: string; params: { caption: string; photo: { attachment: string } } };
    expect(payload.method).toBe("sendPhoto");
    expect(payload.params.photo).toEqual({ attachment: "summary-id.png" });
    expect(pngSize(Buffer.from(row!.attachment!))).toEqual({ width: 800, height: 450 });
    const caption = payload.params.caption;
    expect(caption).toContain("Tingkat pelaporan: 40%");
    expect(caption).toContain("Disetujui 3 · Menunggu 1 · Perbaikan 1 · Ditolak 1");
    expect(caption).toContain("Rata-rata waktu persetujuan: 2,6 jam"); // Indonesian decimals, as everywhere
    expect(caption).toContain("Capaian SKP unit: 40%");
    expect(caption).toContain("Kandidat apresiasi: Andi Wijaya (2), Siti Rahma (1)");
    // Nobody named for doing badly in the group.
    expect(caption).not.toContain("Dewi");

    const [head] = await queued(db(), "weekly-summary-head");
    expect(head!.chatId).toBe(unit.chatOf(unit.head));
    const text = (head!.payload as { params: { text: string } }).params.text;
    expect(text).toMatch(/Dewi Lestari: 24 November 2026, 25 November 2026, 27 November 2026/);
    expect(text).not.toMatch(/Budi Santoso:/); // on leave: not missing
    expect(text).toMatch(/Mungkin perlu pendampingan:[\s\S]*Dewi Lestari/);

    const telegram = new FakeTelegram();
    await sender(telegram, FRIDAY_1600).sendDue();
    const photo = telegram.callsTo("sendPhoto");
    expect(photo).toHaveLength(1);
    expect(photo[0]!.payload.caption).toBe(caption);
    expect(Object.values(photo[0]!.payload).some((v) => (v as { upload?: boolean })?.upload)).toBe(true);
  });

  it("made up at night, waits for 06:00 local: queued at 23:00, held until the morning", async () => {
    await seedWeek();
    await tick(schedulerDeps(db(), database.dataDir), at("2026-11-27T16:00:00Z")); // Friday 23:00 WIB
    const rows = [...(await queued(db(), "weekly-summary")), ...(await queued(db(), "weekly-summary-head"))];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.nextAttemptAt).toEqual(new Date("2026-11-27T23:00:00Z")); // Sat 06:00 WIB
    const telegram = new FakeTelegram();
    await sender(telegram, at("2026-11-27T22:59:00Z")).sendDue();
    expect(telegram.callsTo("sendPhoto")).toHaveLength(0);
    await sender(telegram, at("2026-11-27T23:00:00Z")).sendDue();
    expect(telegram.callsTo("sendPhoto")).toHaveLength(1);
  });

  it("forced with `lapkin job --at` a day ahead, is computed as of then and sent now", async () => {
    await seedWeek();
    const thursday = new Date("2026-11-26T03:00:00Z");
    const results = await runJobNow(schedulerDeps(db(), database.dataDir, thursday.toISOString()), "weekly-summary", {
      at: FRIDAY_1600,
    });
    expect(results.map((r) => r.status)).toEqual(["DONE"]);
    const telegram = new FakeTelegram();
    await sender(telegram, thursday).sendDue();
    const photo = telegram.callsTo("sendPhoto");
    expect(photo).toHaveLength(1);
    expect(Number(photo[0]!.payload.chat_id)).toBe(GROUP);
  });

  it("is sent once when the run is repeated", async () => {
    await seedWeek();
    const deps = schedulerDeps(db(), database.dataDir);
    await tick(deps, FRIDAY_1600);
    await runJobNow(deps, "weekly-summary", { at: FRIDAY_1600 });
    await runJobNow(deps, "weekly-summary", { at: at("2026-11-27T09:00:00Z", 2) });
    await tick(deps, at("2026-11-27T09:00:00Z", 3));
    expect(await queued(db(), "weekly-summary")).toHaveLength(1);
    const telegram = new FakeTelegram();
    await sender(telegram, FRIDAY_1600).sendDue();
    await sender(telegram, FRIDAY_1600).sendDue();
    expect(telegram.callsTo("sendPhoto")).toHaveLength(1);
  });

  it("is sent once with two scheduler instances on one database", async () => {
    await seedWeek();
    const second = database.databaseUrl
      ? await openDatabase({ dataDir: database.dataDir, databaseUrl: database.databaseUrl })
      : database;
    try {
      const a = schedulerDeps(db(), database.dataDir);
      const b = schedulerDeps(second.prisma, database.dataDir);
      await Promise.all([tick(a, FRIDAY_1600), tick(b, FRIDAY_1600), tick(a, FRIDAY_1600), tick(b, FRIDAY_1600)]);
    } finally {
      if (second !== database) await second.close();
    }
    expect(await queued(db(), "weekly-summary")).toHaveLength(1);
    expect(await db().jobRun.count({ where: { job: "weekly-summary", scheduledFor: FRIDAY_1600 } })).toBe(1);
  });

  it("is caught up after an outage still inside 24 hours, and recorded skipped after that", async () => {
    await seedWeek();
    // Down from Friday morning; back on Friday 23:00 local.
    await tick(schedulerDeps(db(), database.dataDir), at("2026-11-27T16:00:00Z"));
    expect(await queued(db(), "weekly-summary")).toHaveLength(1);

    await resetDatabase(database);
    await seedWeek();
    // Back only on Saturday 17:00 local: more than 24 hours late.
    await tick(schedulerDeps(db(), database.dataDir), at("2026-11-28T10:00:00Z"));
    expect(await queued(db(), "weekly-summary")).toHaveLength(0);
    expect(
      await db().jobRun.findFirstOrThrow({ where: { job: "weekly-summary", scheduledFor: FRIDAY_1600 } }),
    ).toMatchObject({
      status: "SKIPPED",
      details: { reason: "missed" },
    });
  });

  it("moves to Thursday when Friday is a holiday (Christmas 2026: Thursday is cuti bersama too, so Wednesday)", async () => {
    await seedWeek();
    await tick(schedulerDeps(db(), database.dataDir), new Date("2026-12-23T09:00:00Z"));
    const runs = await db().jobRun.findMany({ where: { job: "weekly-summary", status: "DONE" } });
    expect(runs.map((r) => r.scheduledFor)).toEqual([new Date("2026-12-23T09:00:00Z")]);
  });

  it("speaks each group's language", async () => {
    const unit = await seedWeek();
    await db().group.create({
      data: { chatId: -100666n, unitId: unit.unit.id, title: "Team (EN)", language: "en", linkedByTelegramId: 1n },
    });
    await tick(schedulerDeps(db(), database.dataDir), FRIDAY_1600);
    const rows = await queued(db(), "weekly-summary");
    const row = rows.find((r) => r.chatId === -100666n)!;
    const english = row.payload as { params: { caption: string; photo: { attachment: string } } };
    expect(english.params.caption).toContain("Reporting rate: 40%");
    expect(english.params.caption).toContain("Approved 3 · Pending 1 · Revision 1 · Rejected 1");
    expect(english.params.photo).toEqual({ attachment: "summary-en.png" });
    expect(pngSize(Buffer.from(row.attachment!))).toEqual({ width: 800, height: 450 });
  });

  it("names nobody when recognition is turned off by policy", async () => {
    await seedWeek();
    await db().keyValue.create({ data: { key: "policy:schedule", value: { weeklySummary: { recognition: false } } } });
    await tick(schedulerDeps(db(), database.dataDir), FRIDAY_1600);
    const [row] = await queued(db(), "weekly-summary");
    const caption = (row!.payload as { params: { caption: string } }).params.caption;
    expect(caption).toContain("Tingkat pelaporan: 40%");
    expect(caption).not.toContain("Andi");
  });

  it("sends a text summary when the chart cannot be drawn", async () => {
    const unit = await seedWeek();
    const [scheduled] = await loadUnits(db(), { from: "2026-11-01", to: "2026-12-31", unitIds: [unit.unit.id] });
    const outcome = await weeklySummary(
      {
        db: db(),
        logger: silent,
        policy: { ...DEFAULT_SCHEDULE_POLICY },
        deadlines: DEFAULT_DEADLINE_POLICY,
        ratingPeriod: "QUARTER",
        unit: scheduled!,
        localDate: "2026-11-27",
        scheduledFor: FRIDAY_1600,
        now: FRIDAY_1600,
        queuedAt: FRIDAY_1600,
        runId: 1n,
        runKey: "weekly-summary:test",
      },
      () => {
        throw new Error("no canvas");
      },
    );
    expect(outcome.status).toBe("DONE");
    const [row] = await queued(db(), "weekly-summary");
    const payload = row!.payload as { method: string; params: { text: string } };
    expect(payload.method).toBe("sendMessage");
    expect(payload.params.text).toContain("Tingkat pelaporan: 40%");
    expect(payload.params.text).toContain("23 November 2026: 67% (2/3)");
  });

  it("a 403 on a group send deactivates the group", async () => {
    await seedWeek();
    await tick(schedulerDeps(db(), database.dataDir), FRIDAY_1600);
    const telegram = new FakeTelegram();
    telegram.failNext(1, { status: 403, description: "Forbidden: bot was kicked from the group chat" }, "sendPhoto");
    await sender(telegram, FRIDAY_1600).sendDue();
    expect(await db().group.findUniqueOrThrow({ where: { chatId: BigInt(GROUP) } })).toMatchObject({ active: false });
  });
});

describe("weekly summary with several instances", () => {
  it("delivers every group's chart whichever instance's sender claims it, though each has its own DATA_DIR", async () => {
    const unit = await seedWeek();
    const groups = [BigInt(GROUP)];
    for (let i = 1; i < 10; i++) {
      const chatId = BigInt(GROUP - i);
      groups.push(chatId);
      await db().group.create({ data: { chatId, unitId: unit.unit.id, title: `Grup ${i}`, linkedByTelegramId: 1n } });
    }
    const [dirA, dirB] = [mkdtempSync(join(tmpdir(), "lapkin-a-")), mkdtempSync(join(tmpdir(), "lapkin-b-"))];
    const second = database.databaseUrl
      ? await openDatabase({ dataDir: dirB, databaseUrl: database.databaseUrl })
      : database;
    try {
      await tick(schedulerDeps(db(), dirA), FRIDAY_1600); // instance A runs the job
      expect(readdirSync(dirA)).toEqual([]); // nothing only A could read
      rmSync(dirA, { recursive: true }); // A's disk is not on B's host

      const [telegramA, telegramB] = [new FakeTelegram(), new FakeTelegram()];
      const senderA = sender(telegramA, FRIDAY_1600, db(), 3);
      const senderB = sender(telegramB, FRIDAY_1600, second.prisma, 3);
      for (let round = 0; round < 4; round++) await Promise.all([senderA.sendDue(), senderB.sendDue()]);

      const photos = [...telegramA.callsTo("sendPhoto"), ...telegramB.callsTo("sendPhoto")];
      expect(photos.map((c) => BigInt(c.payload.chat_id as string)).sort()).toEqual([...groups].sort());
      for (const call of photos)
        expect(Object.values(call.payload).some((v) => (v as { upload?: boolean })?.upload)).toBe(true);
      expect(telegramB.callsTo("sendPhoto").length).toBeGreaterThan(0);
      expect(await db().outbox.count({ where: { kind: "weekly-summary", status: "SENT" } })).toBe(10);
      // Once on Telegram, the chart's bytes are dropped from the row.
      expect(await db().outbox.count({ where: { kind: "weekly-summary", attachment: { not: null } } })).toBe(0);
    } finally {
      if (second !== database) await second.close();
      rmSync(dirA, { recursive: true, force: true });
      rmSync(dirB, { recursive: true, force: true });
    }
  });

  it("sends the group the text summary when the photo cannot be sent", async () => {
    await seedWeek();
    await tick(schedulerDeps(db(), database.dataDir), FRIDAY_1600);
    const [row] = await queued(db(), "weekly-summary");
    const caption = visible((row!.payload as { params: { caption: string } }).params.caption);
    const telegram = new FakeTelegram();
    telegram.failNext(1, { status: 400, description: "Bad Request: IMAGE_PROCESS_FAILED" }, "sendPhoto");
    await sender(telegram, FRIDAY_1600).sendDue();
    await sender(telegram, FRIDAY_1600).sendDue();

    expect(telegram.callsTo("sendPhoto")).toHaveLength(1);
    const text = telegram.sentTexts(GROUP);
    expect(text).toHaveLength(1);
    expect(text[0]).toContain(caption);
    expect(text[0]).toContain("23 November 2026: 67% (2/3)");
    expect(await db().outbox.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({
      status: "SENT",
      attachment: null,
    });
    expect(await db().group.findUniqueOrThrow({ where: { chatId: BigInt(GROUP) } })).toMatchObject({ active: true });
  });
});
