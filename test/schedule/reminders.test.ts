import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { runJobNow, tick } from "../../src/jobs/tick.ts";
import { queued, schedulerDeps, seedLinkedUnit } from "./helpers.ts";

let database: Database & { dataDir: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const db = () => database.prisma;

describe("daily-report reminder", () => {
  it("fires for a WITA unit at 15:00 local = 07:00 UTC on a Monday, to everyone who has not reported", async () => {
    const unit = await seedLinkedUnit(db(), { timeZone: "Asia/Makassar" });
    const deps = schedulerDeps(db(), database.dataDir);

    await tick(deps, new Date("2026-11-23T06:59:00Z"));
    expect(await queued(db(), "report-reminder")).toHaveLength(0);

    await tick(deps, new Date("2026-11-23T07:00:00Z"));
    const rows = await queued(db(), "report-reminder");
    expect(rows.map((r) => r.chatId).sort()).toEqual(
      [unit.head, unit.supervisor, unit.staff, unit.colleague].map(unit.chatOf).sort(),
    );
    const english = rows.find((r) => r.chatId === unit.chatOf(unit.colleague))!;
    expect((english.payload as { params: { text: string } }).params.text).toContain("23 November 2026");
    expect((english.payload as { params: { text: string } }).params.text).toContain("/report");
    const run = await db().jobRun.findFirstOrThrow({
      where: { job: "report-reminder", scheduledFor: new Date("2026-11-23T07:00:00Z") },
    });
    expect(await db().jobRun.count({ where: { job: "report-reminder", status: "SKIPPED" } })).toBe(5); // the last week, missed before "start"
    expect(run).toMatchObject({
      status: "DONE",
      scope: `unit:${unit.unit.id}`,
      scheduledFor: new Date("2026-11-23T07:00:00Z"),
    });

    // The next tick finds the run and does nothing again.
    await tick(deps, new Date("2026-11-23T07:01:00Z"));
    expect(await queued(db(), "report-reminder")).toHaveLength(4);
  });

  it("is not sent to someone on leave or who already reported (a draft or a withdrawn report does not count)", async () => {
    const unit = await seedLinkedUnit(db(), { timeZone: "Asia/Makassar" });
    const day = new Date("2026-11-23T00:00:00Z");
    await db().leave.create({
      data: { employeeId: unit.head.id, from: new Date("2026-11-20"), to: new Date("2026-11-24"), kind: "CUTI" },
    });
    await db().report.create({
      data: {
        employeeId: unit.staff.id,
        date: day,
        status: "SUBMITTED",
        submittedAt: new Date("2026-11-23T02:00:00Z"),
      },
    });
    await db().report.create({ data: { employeeId: unit.supervisor.id, date: day, status: "DRAFT" } });
    await db().report.create({ data: { employeeId: unit.colleague.id, date: day, status: "WITHDRAWN" } });

    await runJobNow(schedulerDeps(db(), database.dataDir), "report-reminder", { at: new Date("2026-11-23T07:00:00Z") });
    const rows = await queued(db(), "report-reminder");
    expect(rows.map((r) => r.chatId).sort()).toEqual(
      [unit.chatOf(unit.supervisor), unit.chatOf(unit.colleague)].sort(),
    );
  });

  it.each([
    ["a national holiday (Kelahiran Yesus Kristus)", "2026-12-25T07:00:00Z"],
    ["cuti bersama", "2026-12-24T07:00:00Z"],
    ["a Saturday", "2026-11-28T07:00:00Z"],
  ])("sends nothing on %s", async (_label, at) => {
    await seedLinkedUnit(db(), { timeZone: "Asia/Makassar" });
    const deps = schedulerDeps(db(), database.dataDir);
    await tick(deps, new Date(at));
    expect(await queued(db(), "report-reminder")).toHaveLength(0);
    // Run by hand it is recorded, as skipped.
    const [result] = await runJobNow(deps, "report-reminder", { at: new Date(at) });
    expect(result!.status).toBe("SKIPPED");
    expect(await queued(db(), "report-reminder")).toHaveLength(0);
  });

  it("skips a regional closure added by an admin", async () => {
    const unit = await seedLinkedUnit(db(), { timeZone: "Asia/Makassar" });
    await db().regionalHoliday.create({
      data: { unitId: unit.unit.id, date: new Date("2026-11-23"), name: "Hari Jadi Kota" },
    });
    await tick(schedulerDeps(db(), database.dataDir), new Date("2026-11-23T07:00:00Z"));
    expect(await queued(db(), "report-reminder")).toHaveLength(0);
  });

  it("the nudge at 16:30 goes only to those still without a report", async () => {
    const unit = await seedLinkedUnit(db(), { timeZone: "Asia/Jakarta" });
    const deps = schedulerDeps(db(), database.dataDir);
    await tick(deps, new Date("2026-11-23T08:00:00Z"));
    await db().report.create({
      data: { employeeId: unit.staff.id, date: new Date("2026-11-23"), status: "SUBMITTED" },
    });
    await tick(deps, new Date("2026-11-23T09:30:00Z"));
    expect(await queued(db(), "report-reminder")).toHaveLength(4);
    expect((await queued(db(), "report-nudge")).map((r) => r.chatId)).not.toContain(unit.chatOf(unit.staff));
    expect(await queued(db(), "report-nudge")).toHaveLength(3);
  });
});

describe("approval digest and escalation", () => {
  it("tells the supervisor at 08:00, with the review issue's reminder (> 3) and escalation (> 5 working days)", async () => {
    const unit = await seedLinkedUnit(db());
    // Submitted on Monday 16 November: by Tuesday 24 November that is 6 working days.
    await db().report.create({
      data: {
        employeeId: unit.staff.id,
        date: new Date("2026-11-16"),
        status: "SUBMITTED",
        submittedAt: new Date("2026-11-16T03:00:00Z"),
      },
    });
    await db().report.create({
      data: {
        employeeId: unit.colleague.id,
        date: new Date("2026-11-23"),
        status: "SUBMITTED",
        submittedAt: new Date("2026-11-23T03:00:00Z"),
      },
    });
    await tick(schedulerDeps(db(), database.dataDir), new Date("2026-11-24T01:00:00Z"));

    const digest = await queued(db(), "approval-digest");
    expect(digest.map((r) => r.chatId)).toEqual([unit.chatOf(unit.supervisor)]);
    expect((digest[0]!.payload as { params: { text: string } }).params.text).toMatch(/Ada 2 laporan.*1 di antaranya/);
    // The review issue's rule (src/domain/escalation.ts) goes out with the digest: the 6-day-old
    // report reminds the supervisor and is escalated to the head; the 1-day-old one is not.
    expect((await queued(db(), "review-reminder")).map((r) => r.chatId)).toEqual([unit.chatOf(unit.supervisor)]);
    expect((await queued(db(), "review-escalation")).map((r) => r.chatId)).toEqual([unit.chatOf(unit.head)]);
  });
});

describe("SKP deadlines", () => {
  it("reminds employees without an SKP plan 7 days before 31 January, and supervisors of the evaluation", async () => {
    const unit = await seedLinkedUnit(db());
    await db().skpPlan.create({ data: { employeeId: unit.staff.id, year: 2027 } });
    // 24 January 2027 is a Sunday; 7 days before the 31st. Use 28 January (Thursday, 3 days before).
    await runJobNow(schedulerDeps(db(), database.dataDir), "skp-deadlines", { at: new Date("2027-01-28T01:00:00Z") });
    const rows = await queued(db(), "skp-deadline");
    const plan = rows.filter((r) => r.dedupeKey.includes(":skp-plan:"));
    expect(plan.map((r) => r.chatId).sort()).toEqual(
      [unit.head, unit.supervisor, unit.colleague].map(unit.chatOf).sort(),
    );
    const annual = rows.filter((r) => r.dedupeKey.includes(":annual-evaluation:"));
    expect(annual.map((r) => r.chatId).sort()).toEqual([unit.head, unit.supervisor].map(unit.chatOf).sort());
    const toSupervisor = annual.find((r) => r.chatId === unit.chatOf(unit.supervisor))!;
    expect((toSupervisor.payload as { params: { text: string } }).params.text).toContain(
      "2 bawahan Anda belum dinilai",
    );
  });

  it("reminds only supervisors whose team still has evaluations to finalise, with how many (a draft is still outstanding)", async () => {
    const unit = await seedLinkedUnit(db());
    const evaluation = (employeeId: number, status: "DRAFT" | "FINALISED") =>
      db().evaluation.create({
        data: {
          employeeId,
          year: 2026,
          period: "YEAR",
          periodFrom: new Date("2026-01-01"),
          periodTo: new Date("2026-12-31"),
          status,
        },
      });
    // Siti's team (Andi, Dewi) is done; Budi has rated nobody — his draft for Siti does not count.
    await evaluation(unit.staff.id, "FINALISED");
    await evaluation(unit.colleague.id, "FINALISED");
    await evaluation(unit.supervisor.id, "DRAFT");
    // A Q4 evaluation does not stand in for the annual one.
    await db().evaluation.create({
      data: {
        employeeId: unit.supervisor.id,
        year: 2026,
        period: "Q4",
        periodFrom: new Date("2026-10-01"),
        periodTo: new Date("2026-12-31"),
        status: "FINALISED",
      },
    });

    await runJobNow(schedulerDeps(db(), database.dataDir), "skp-deadlines", { at: new Date("2027-01-28T01:00:00Z") });

    const annual = (await queued(db(), "skp-deadline")).filter((r) => r.dedupeKey.includes(":annual-evaluation:"));
    expect(annual.map((r) => r.chatId)).toEqual([unit.chatOf(unit.head)]);
    expect((annual[0]!.payload as { params: { text: string } }).params.text).toContain(
      "1 bawahan Anda belum dinilai — ketik /evaluasi",
    );
  });

  it("counts a periodic evaluation against its own quarter, and tells an English-speaking supervisor in English", async () => {
    const unit = await seedLinkedUnit(db());
    await db().employee.update({ where: { id: unit.supervisor.id }, data: { language: "en" } });
    await db().evaluation.create({
      data: {
        employeeId: unit.staff.id,
        year: 2026,
        period: "Q3",
        periodFrom: new Date("2026-07-01"),
        periodTo: new Date("2026-09-30"),
        status: "FINALISED",
      },
    });
    // Q3 closes on 5 October 2026 (policy day 5); Thursday 1 October is 4 days before, Friday 2 October 3.
    await runJobNow(schedulerDeps(db(), database.dataDir), "skp-deadlines", { at: new Date("2026-10-02T01:00:00Z") });

    const periodic = (await queued(db(), "skp-deadline")).filter((r) => r.dedupeKey.includes(":periodic-evaluation:"));
    const text = (chat: bigint) =>
      (periodic.find((r) => r.chatId === chat)!.payload as { params: { text: string } }).params.text;
    expect(periodic.map((r) => r.chatId).sort()).toEqual([unit.head, unit.supervisor].map(unit.chatOf).sort());
    expect(text(unit.chatOf(unit.supervisor))).toContain("One person in your team is not rated yet — send /evaluate.");
    expect(text(unit.chatOf(unit.supervisor))).toContain("Q3 2026");
  });
});

describe("admins' daily digest of undeliverable messages", () => {
  it("lists yesterday's permanently failed messages to the admins with the morning digests, once a day", async () => {
    const unit = await seedLinkedUnit(db());
    await db().employee.update({ where: { id: unit.head.id }, data: { roles: ["ADMIN", "HEAD"] } });
    // A reminder to the staff member failed with 403 (blocked the bot) yesterday afternoon.
    await db().outbox.create({
      data: {
        dedupeKey: "report-reminder:x:1",
        kind: "report-reminder",
        chatId: unit.chatOf(unit.staff),
        payload: { method: "sendMessage", params: {} },
        status: "FAILED",
        lastError: "403: Forbidden: bot was blocked by the user",
        nextAttemptAt: new Date("2026-11-23T08:00:00Z"),
      },
    });
    const deps = { ...schedulerDeps(db(), database.dataDir), adminTelegramIds: [990001n] };
    await db().report.create({
      data: {
        employeeId: unit.staff.id,
        date: new Date("2026-11-23"),
        status: "SUBMITTED",
        submittedAt: new Date("2026-11-23T03:00:00Z"),
      },
    });

    await tick(deps, new Date("2026-11-24T01:00:00Z"));
    await tick(deps, new Date("2026-11-24T01:05:00Z"));

    const digests = await queued(db(), "admin-digest");
    expect(digests.map((r) => r.chatId).sort()).toEqual([990001n, unit.chatOf(unit.head)].sort());
    const text = (digests[0]!.payload as { params: { text: string } }).params.text;
    expect(text).toContain("1 pesan gagal terkirim");
    expect(text).toContain(unit.staff.name);
    expect(text).toContain("bot was blocked by the user");
  });

  it("on Monday lists what failed since Friday's digest: the weekend's failures are not lost, none is told twice", async () => {
    const unit = await seedLinkedUnit(db());
    const deps = { ...schedulerDeps(db(), database.dataDir), adminTelegramIds: [990001n] };
    const failed = (key: string, at: string, who: { id: number }) =>
      db().outbox.create({
        data: {
          dedupeKey: key,
          kind: "weekly-summary-head",
          chatId: unit.chatOf(who),
          payload: { method: "sendMessage", params: {} },
          status: "FAILED",
          lastError: "403: Forbidden: bot was blocked by the user",
          nextAttemptAt: new Date(at),
        },
      });
    await db().report.create({
      data: {
        employeeId: unit.staff.id,
        date: new Date("2026-11-25"),
        status: "SUBMITTED",
        submittedAt: new Date("2026-11-25T03:00:00Z"),
      },
    });
    // Thursday's failure goes out with Friday 27 November's 08:00 WIB digest…
    await failed("x:thursday", "2026-11-26T09:00:00Z", unit.colleague);
    await tick(deps, new Date("2026-11-27T01:00:00Z"));
    // …Friday 16:00's failure (after that digest) with Monday 30 November's, and Thursday's not again.
    await failed("x:friday", "2026-11-27T09:00:00Z", unit.head);
    await tick(deps, new Date("2026-11-30T01:00:00Z"));
    const texts = (await queued(db(), "admin-digest")).map(
      (r) => (r.payload as { params: { text: string } }).params.text,
    );
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(unit.colleague.name);
    expect(texts[1]).toContain("1 pesan gagal terkirim");
    expect(texts[1]).toContain(unit.head.name);
    expect(texts[1]).not.toContain(unit.colleague.name);
  });

  it("sends nothing when every message was delivered", async () => {
    await seedLinkedUnit(db());
    await tick(
      { ...schedulerDeps(db(), database.dataDir), adminTelegramIds: [990001n] },
      new Date("2026-11-24T01:00:00Z"),
    );
    expect(await queued(db(), "admin-digest")).toHaveLength(0);
  });
});
