import { payloadText } from "../support/telegram-html.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { dueEscalations, enqueueEscalations } from "../../src/domain/review/escalation.ts";
import { HEAD_TG, seedReview, submitted, SUPERVISOR_TG } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** Andi's report submitted Thursday 19 November 10:00 WIB; Siti supervises Andi, Budi supervises Siti. */
async function setup() {
  const seeded = await seedReview(database.prisma);
  const reportId = await submitted(database.prisma, {
    employeeId: seeded.staff.id,
    date: "2026-11-19",
    now: "2026-11-19T03:00:00Z",
  });
  return { ...seeded, reportId };
}

const at = (iso: string) => new Date(iso);

describe("escalation of undecided reports (working days, across a weekend)", () => {
  it.each([
    ["Tuesday 24th: 3 working days (Fri, Mon, Tue) — nothing yet", "2026-11-24T10:00:00Z", []],
    ["Wednesday 25th: 4 — the supervisor is reminded", "2026-11-25T02:00:00Z", [["remind", SUPERVISOR_TG, 4]]],
    ["Thursday 26th: 5 — still only the reminder", "2026-11-26T02:00:00Z", [["remind", SUPERVISOR_TG, 5]]],
    [
      "Friday 27th: 6 — the supervisor's supervisor too",
      "2026-11-27T02:00:00Z",
      [
        ["remind", SUPERVISOR_TG, 6],
        ["escalate", HEAD_TG, 6],
      ],
    ],
    [
      "Saturday 28th: still 6 (the weekend does not count)",
      "2026-11-28T02:00:00Z",
      [
        ["remind", SUPERVISOR_TG, 6],
        ["escalate", HEAD_TG, 6],
      ],
    ],
  ] as const)("%s", async (_label, now, expected) => {
    const { reportId } = await setup();
    const due = await dueEscalations(database.prisma, at(now));
    expect(due.map((d) => [d.level, Number(d.chatId), d.workingDays])).toEqual(expected);
    for (const d of due) expect(d.dedupeKey).toBe(`review-${d.level}:${reportId}:1`);
  });

  it("a run forced as of a later day (lapkin job --at) queues its messages to go now", async () => {
    await setup();
    const queuedAt = at("2026-11-25T02:00:00Z");
    expect(await enqueueEscalations(database.prisma, at("2026-11-27T02:00:00Z"), { queuedAt })).toBe(2);
    const rows = await database.prisma.outbox.findMany({
      where: { kind: { in: ["review-reminder", "review-escalation"] } },
    });
    expect(rows.map((r) => r.nextAttemptAt)).toEqual([queuedAt, queuedAt]);
  });

  it("queues each level once, with the facts; a decided report is left alone", async () => {
    const { staff } = await setup();
    expect(await enqueueEscalations(database.prisma, at("2026-11-25T02:00:00Z"))).toBe(1);
    expect(await enqueueEscalations(database.prisma, at("2026-11-25T05:00:00Z"))).toBe(0);
    expect(await enqueueEscalations(database.prisma, at("2026-11-27T02:00:00Z"))).toBe(1);
    expect(await enqueueEscalations(database.prisma, at("2026-11-30T02:00:00Z"))).toBe(0);
    const rows = await database.prisma.outbox.findMany({
      where: { kind: { in: ["review-reminder", "review-escalation"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.kind, Number(r.chatId)])).toEqual([
      ["review-reminder", SUPERVISOR_TG],
      ["review-escalation", HEAD_TG],
    ]);
    expect(payloadText(rows[0]!.payload)).toContain(
      "Andi Wijaya (tanggal 19 November 2026) sudah 4 hari kerja menunggu keputusan Anda",
    );
    expect(payloadText(rows[1]!.payload)).toContain("belum diputuskan oleh atasannya, Siti Rahma");

    const other = await submitted(database.prisma, {
      employeeId: staff.id,
      date: "2026-11-19",
      now: "2026-11-19T03:00:00Z",
    });
    await database.prisma.report.update({ where: { id: other }, data: { status: "APPROVED" } });
    // The first report's levels are queued already; the approved one is never due.
    expect(await dueEscalations(database.prisma, at("2026-12-10T02:00:00Z"))).toEqual([]);
  });
});
