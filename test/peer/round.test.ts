import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { pickColleagues } from "../../src/domain/peer/requests.ts";
import { inRoundWindow, lastClosedPeerPeriod, mayRate } from "../../src/domain/peer/rules.ts";
import { readPolicyValue } from "../../src/domain/policy/keys.ts";
import { runJobNow, tick } from "../../src/jobs/tick.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { queued, schedulerDeps } from "../schedule/helpers.ts";
import { seedPeers, setPeerPolicy } from "./helpers.ts";

let database: Database & { dataDir: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));
const db = () => database.prisma;

/** 08:00 WIB (the policy's round time) on a local date. */
const at8 = (date: string) => new Date(`${date}T01:00:00Z`);

describe("the peer-feedback round (peer-round job)", () => {
  it("opens in the last 10 days of the period, not before, and a re-run or the next day sends nothing twice", async () => {
    const people = await seedPeers(db());
    const deps = schedulerDeps(db(), database.dataDir);
    await tick(deps, at8("2026-12-21"));
    expect(await db().peerRequest.count()).toBe(0);

    await tick(deps, at8("2026-12-22"));
    // Budi and the six staff are asked about five colleagues each; Siti has none she may rate
    // (Budi is her supervisor, the others her subordinates), so she gets no message.
    expect(await db().peerRequest.count()).toBe(35);
    const rows = await queued(db(), "peer-request");
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => Number(r.chatId))).not.toContain(7000 + people.supervisor.id);
    const toAndi = (
      rows.find((r) => Number(r.chatId) === 7000 + people.andi.id)!.payload as { params: { text: string } }
    ).params.text;
    expect(toAndi).toContain("Masukan rekan Triwulan 4 2026");
    expect(toAndi).toContain("Buka /rekan untuk mulai.");

    await runJobNow(deps, "peer-round", { at: at8("2026-12-22") });
    await tick(deps, at8("2026-12-23"));
    expect(await db().peerRequest.count()).toBe(35);
    expect(await queued(db(), "peer-request")).toHaveLength(7);
  });

  it("spreads the requests evenly and never asks about oneself, one's supervisor or subordinate", async () => {
    const people = await seedPeers(db());
    await tick(schedulerDeps(db(), database.dataDir), at8("2026-12-28"));
    const requests = await db().peerRequest.findMany();
    const byId = new Map(people.everyone.map((e) => [e.id, e]));
    for (const r of requests) {
      const giver = byId.get(r.giverId)!;
      const receiver = byId.get(r.receiverId)!;
      expect(r.giverId).not.toBe(r.receiverId);
      expect(giver.supervisorId).not.toBe(r.receiverId);
      expect(receiver.supervisorId).not.toBe(r.giverId);
    }
    const received = new Map<number, number>();
    for (const r of requests) received.set(r.receiverId, (received.get(r.receiverId) ?? 0) + 1);
    // Everyone anyone may rate (all but Siti) receives the same number: 35 requests over 7 people.
    expect(received.get(people.supervisor.id)).toBeUndefined();
    expect(new Set(received.values())).toEqual(new Set([5]));
  });

  it("follows the policy: fewer colleagues, a shorter window, and the round switched off", async () => {
    await seedPeers(db());
    await setPeerPolicy(db(), { colleagues: 2, windowDays: 3 });
    const deps = schedulerDeps(db(), database.dataDir);
    await tick(deps, at8("2026-12-28"));
    expect(await db().peerRequest.count()).toBe(0);
    await tick(deps, at8("2026-12-29"));
    expect(await db().peerRequest.count()).toBe(14);

    await resetDatabase(database);
    await seedPeers(db());
    await setPeerPolicy(db(), { enabled: false });
    await tick(deps, at8("2026-12-29"));
    expect(await db().peerRequest.count()).toBe(0);
  });
});

describe("peer-feedback rules", () => {
  it("picks the least-asked colleagues first, then those after the giver in turn", () => {
    expect(pickColleagues(3, [1, 2, 4, 5, 6], new Map(), 3)).toEqual([4, 5, 6]);
    expect(pickColleagues(5, [1, 2, 4, 6], new Map(), 3)).toEqual([6, 1, 2]);
    expect(
      pickColleagues(
        3,
        [1, 2, 4, 5, 6],
        new Map([
          [4, 2],
          [5, 1],
        ]),
        3,
      ),
    ).toEqual([6, 1, 2]);
    expect(pickColleagues(3, [1, 2], new Map(), 0)).toEqual([]);
  });

  it("lets colleagues of one unit rate each other, the supervisor only upward, never a subordinate or oneself", () => {
    const person = (id: number, supervisorId: number | null, unitId = 1) => ({
      id,
      unitId,
      supervisorId,
      active: true,
    });
    const boss = person(1, null);
    const a = person(2, 1);
    const b = person(3, 1);
    const elsewhere = person(4, 9, 2);
    expect(mayRate(a, b, false)).toBe(true);
    expect(mayRate(a, a, false)).toBe(false);
    expect(mayRate(a, boss, false)).toBe(false);
    expect(mayRate(a, boss, true)).toBe(true);
    expect(mayRate(boss, a, true)).toBe(false);
    expect(mayRate(a, elsewhere, true)).toBe(false);
    expect(mayRate(a, { ...b, active: false }, false)).toBe(false);
  });

  it("knows the round's window: the last N days of the quarter or month", () => {
    expect(inRoundWindow("2026-12-21", "QUARTER", 10)).toBe(false);
    expect(inRoundWindow("2026-12-22", "QUARTER", 10)).toBe(true);
    expect(inRoundWindow("2026-02-19", "MONTH", 10)).toBe(true);
    expect(inRoundWindow("2026-02-18", "MONTH", 10)).toBe(false);
  });

  it("shows the rated employee a period only once its answers are closed (the day after its evaluation closes)", () => {
    const deadlines = { skpPlanDue: "01-31", periodicCloseDay: 5, annualDue: "01-31" };
    const shown = (today: string, kind: "QUARTER" | "MONTH") => {
      const period = lastClosedPeerPeriod(today, kind, deadlines);
      return `${period.year}-${period.code}`;
    };
    expect(shown("2027-01-05", "QUARTER")).toBe("2026-Q3");
    expect(shown("2027-01-06", "QUARTER")).toBe("2026-Q4");
    expect(shown("2026-12-31", "QUARTER")).toBe("2026-Q3");
    expect(shown("2026-03-05", "MONTH")).toBe("2026-M01");
    expect(shown("2026-03-06", "MONTH")).toBe("2026-M02");
  });

  it("never accepts a minimum of respondents below 3", () => {
    expect(readPolicyValue("feedback.peer.minRespondents", "2")).toMatchObject({ ok: false });
    expect(readPolicyValue("feedback.peer.minRespondents", "3")).toEqual({ ok: true, value: 3 });
  });
});
