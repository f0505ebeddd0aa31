import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { complaintTallies } from "../../src/domain/complaints/tally.ts";
import { seedCounter } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

describe("a period's complaint tally", () => {
  it("counts a complaint on the unit's local date it was received", async () => {
    const { counter, unit } = await seedCounter(db.prisma);
    const response = await db.prisma.surveyResponse.create({
      data: { counterId: counter.id, respondentHash: "h", day: new Date("2026-10-01"), step: "done", s7: 1 },
    });
    // Thursday 1 October 2026, 10:00 WIB: the first day of Q4, 03:00 UTC.
    await db.prisma.complaint.create({
      data: {
        number: "ADU-2026-000001",
        responseId: response.id,
        counterId: counter.id,
        unitId: unit.id,
        receivedAt: new Date("2026-10-01T03:00:00Z"),
        followUpDue: new Date("2026-10-08T17:00:00Z"),
      },
    });
    const tally = (from: string, to: string) =>
      complaintTallies(db.prisma, {
        by: "unit",
        ids: [unit.id],
        from,
        to,
        now: new Date("2026-10-02T03:00:00Z"),
        listed: 5,
      }).then((m) => m.get(unit.id)?.total ?? 0);

    expect(await tally("2026-07-01", "2026-09-30")).toBe(0);
    expect(await tally("2026-10-01", "2026-12-31")).toBe(1);
  });
});
