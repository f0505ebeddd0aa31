import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { runJobNow, tick, type SchedulerDeps } from "../../src/jobs/tick.ts";
import { schedulerDeps } from "../schedule/helpers.ts";
import { citizenComplains, feedbackBot, HEAD_TG, seedCounter, SUPERVISOR_TG } from "./helpers.ts";

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
    const complaint = await citizenComplains(db.prisma, bot, CITIZEN);
    // Five working days after Tuesday: Wed–Fri, Mon, Tue 1 December; due at its end, local time.
    expect(complaint.followUpDue.toISOString()).toBe("2026-12-01T17:00:00.000Z");

    // The scheduler runs the unit's complaint-escalation job at 08:00 local on working days.
    const scheduler = schedulerDeps(db.prisma, "/nonexistent", "2026-12-01T01:05:00Z");
    expect(await escalationRuns(scheduler, "2026-12-01T01:05:00Z")).toEqual([{ status: "DONE", queued: 0 }]);
    expect(await escalationRuns(scheduler, "2026-12-02T01:05:00Z")).toEqual([{ status: "DONE", queued: 3 }]);
    const later = feedbackBot(db.prisma, "2026-12-02T01:05:00Z");
    await later.flush();
    // Head and the staff's supervisor reminded, the head's supervisor (sekda) told.
    expect(later.telegram.lastText(HEAD_TG)).toContain("belum ditindaklanjuti");
    expect(later.telegram.lastText(SUPERVISOR_TG)).toContain("belum ditindaklanjuti");
    expect(later.telegram.lastText(SEKDA_TG)).toContain(`Pengaduan ${complaint.number}`);

    // Once per complaint: the next day's run, and a forced one, queue nothing more.
    expect(await escalationRuns(scheduler, "2026-12-03T01:05:00Z")).toEqual([{ status: "DONE", queued: 0 }]);
    const forced = await runJobNow(scheduler, "complaint-escalation", { at: new Date("2026-12-03T02:00:00Z") });
    expect(forced.map((r) => [r.unit, r.status, r.details?.queued])).toEqual([["DISKOMINFO", "DONE", 0]]);
  });

  it("is each unit's own: another unit's run leaves it alone", async () => {
    const { unit } = await seedCounter(db.prisma);
    await db.prisma.unit.create({ data: { code: "LAIN", name: "Dinas Lain", timeZone: "Asia/Jakarta" } });
    const response = await db.prisma.surveyResponse.create({
      data: {
        counterId: (await db.prisma.serviceCounter.findFirstOrThrow()).id,
        respondentHash: "h",
        day: new Date("2026-11-24"),
        step: "done",
      },
    });
    await db.prisma.complaint.create({
      data: {
        number: "ADU-2026-000001",
        responseId: response.id,
        counterId: response.counterId,
        unitId: unit.id,
        receivedAt: new Date("2026-11-24T03:00:00Z"),
        followUpDue: new Date("2026-12-01T17:00:00Z"),
      },
    });
    const scheduler = schedulerDeps(db.prisma, "/nonexistent", "2026-12-02T01:05:00Z");
    const at = new Date("2026-12-02T01:05:00Z");
    expect((await runJobNow(scheduler, "complaint-escalation", { at, unitCodes: ["LAIN"] }))[0]?.details?.queued).toBe(
      0,
    );
    expect((await db.prisma.complaint.findFirstOrThrow()).escalatedAt).toBeNull();
    expect(
      (await runJobNow(scheduler, "complaint-escalation", { at, unitCodes: ["DISKOMINFO"] }))[0]?.details?.queued,
    ).toBe(2); // the head and the staff's supervisor
  });
});

/** The complaint-escalation runs one scheduler tick at `at` made, with what each queued. */
async function escalationRuns(deps: SchedulerDeps, at: string) {
  const result = await tick(deps, new Date(at));
  const runs = result.ran.filter((r) => r.job === "complaint-escalation");
  const rows = await db.prisma.jobRun.findMany({
    where: { job: "complaint-escalation", scheduledFor: { in: runs.map((r) => r.scheduledFor) } },
  });
  return rows.map((r) => ({ status: r.status, queued: (r.details as { queued: number }).queued }));
}
