import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { runJobNow } from "../../src/jobs/tick.ts";
import { queued, schedulerDeps } from "../schedule/helpers.ts";
import { seedCounter } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

describe("the weekly summary of a unit with service counters", () => {
  it("shows the group the month's IKM score and band only, never a comment", async () => {
    const { counter, unit } = await seedCounter(db.prisma);
    await db.prisma.group.create({
      data: { chatId: -100777n, unitId: unit.id, title: "Grup Unit", linkedByTelegramId: 1n },
    });
    await db.prisma.surveyResponse.createMany({
      data: [3, 4].map((score, i) => ({
        counterId: counter.id,
        respondentHash: `h${i}`,
        day: new Date("2026-11-24T00:00:00Z"),
        step: "done",
        comment: "komentar warga",
        ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`s${k + 1}`, score])),
      })),
    });

    await runJobNow(schedulerDeps(db.prisma, "/nonexistent"), "weekly-summary", {
      at: new Date("2026-11-27T09:00:00Z"),
    });

    const [row] = await queued(db.prisma, "weekly-summary");
    const caption = JSON.stringify(row!.payload);
    expect(caption).toContain("Indeks Kepuasan Masyarakat bulan ini: 87,5 (mutu B)");
    expect(caption).not.toContain("komentar warga");
  });
});
