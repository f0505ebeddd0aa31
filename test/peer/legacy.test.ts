import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { openEvaluationFor } from "../../src/domain/evaluation/draft.ts";
import { resultOf } from "../../src/domain/evaluation/result.ts";
import { peerSummaries } from "../../src/domain/peer/summary.ts";
import { policyStorageKey } from "../../src/domain/policy/sections.ts";
import { quarterPeriod } from "../../src/domain/skp/periods.ts";
import { BERAKHLAK_VALUES, type Rating } from "../../src/scoring/index.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedPeers } from "./helpers.ts";

/** One quantity indicator at 100%: the legacy SKP score is 100 (docs/domain.md, "Legacy scores"). */
const REALISATION = [{ rhk: "Layanan", rhkKind: "MAIN", aspect: "QUANTITY", target: 10, realisation: 10 }];
const legacy = (peerInput: boolean) =>
  resultOf({
    mode: "2019",
    resultsRating: null,
    behaviourRating: null,
    behaviourScore: 90 as never,
    realisation: REALISATION,
    feedback: "Kinerja stabil sepanjang triwulan.",
    peerInput,
  });

describe("2019 mode with peer feedback", () => {
  it("weighs behaviour 30% on the supervisor's input alone and 40% with peer input", () => {
    const skp = legacy(false)!.skpScore!;
    expect(legacy(false)!.finalScore).toBe(Math.round((0.7 * skp + 0.3 * 90) * 100) / 100);
    expect(legacy(true)!.finalScore).toBe(Math.round((0.6 * skp + 0.4 * 90) * 100) / 100);
    expect(legacy(true)!.finalScore).not.toBe(legacy(false)!.finalScore);
  });
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));
const db = (): Db => database.prisma;

/** A colleague's answered request about `receiverId` for Q4 2026, every value rated `rating`. */
async function answered(giverId: number, receiverId: number, rating: Rating | null = "MEETS") {
  await db().peerRequest.create({
    data: {
      year: 2026,
      period: "Q4",
      giverId,
      receiverId,
      source: "round",
      createdAt: new Date("2026-12-23T03:00:00Z"),
      answeredAt: new Date("2026-12-23T03:05:00Z"),
      answers: { create: BERAKHLAK_VALUES.map((value) => ({ value, rating })) },
    },
  });
}

describe("the evaluation's peer input and the peer summaries other features read", () => {
  it("sets peerInput when the 3rd colleague has answered for the period, as of the supervisor's opening", async () => {
    const people = await seedPeers(db());
    await db().keyValue.create({ data: { key: policyStorageKey("rating"), value: { mode: "2019" } } });
    const open = () =>
      openEvaluationFor(db(), {
        employeeId: people.andi.id,
        period: quarterPeriod(2026, 4),
        evaluator: { employeeId: people.supervisor.id, telegramId: 1n, isAdmin: false, name: "Siti Rahma" },
        now: new Date("2027-01-04T03:00:00Z"),
      });
    await answered(people.eko.id, people.andi.id);
    await answered(people.fitri.id, people.andi.id);
    // An unanswered request, and one answered "tidak tahu" to every value, do not count.
    await db().peerRequest.create({
      data: {
        year: 2026,
        period: "Q4",
        giverId: people.hadi.id,
        receiverId: people.andi.id,
        source: "round",
        createdAt: new Date(),
      },
    });
    await answered(people.dewi.id, people.andi.id, null);
    const before = await open();
    expect(before.kind === "opened" && before.evaluation.peerInput).toBe(false);

    await answered(people.gita.id, people.andi.id);
    const after = await open();
    expect(after.kind === "opened" && after.evaluation.peerInput).toBe(true);
  });

  it("peerSummaries gives each employee's summary, null below the minimum", async () => {
    const people = await seedPeers(db());
    for (const giver of [people.eko, people.fitri, people.gita]) await answered(giver.id, people.andi.id, "ABOVE");
    await answered(people.eko.id, people.dewi.id);
    const summaries = await peerSummaries(db(), [people.andi.id, people.dewi.id], { year: 2026, code: "Q4" }, 3);
    expect(summaries.get(people.dewi.id)).toBeNull();
    expect(summaries.get(people.andi.id)).toMatchObject({
      respondents: 3,
      perValue: { KOMPETEN: { ABOVE: 3, MEETS: 0, BELOW: 0 } },
    });
    expect((await peerSummaries(db(), [people.andi.id], { year: 2026, code: "Q3" }, 3)).get(people.andi.id)).toBeNull();
    // Without a minimum the policy's applies; asked for fewer than 3, it is still 3.
    await answered(people.fitri.id, people.dewi.id);
    const policy = await peerSummaries(db(), [people.andi.id, people.dewi.id], { year: 2026, code: "Q4" });
    expect(policy.get(people.andi.id)?.respondents).toBe(3);
    expect(policy.get(people.dewi.id)).toBeNull();
    expect((await peerSummaries(db(), [people.dewi.id], { year: 2026, code: "Q4" }, 1)).get(people.dewi.id)).toBeNull();
  });
});
