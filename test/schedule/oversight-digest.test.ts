import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { periodsClosingOn } from "../../src/jobs/oversight-digest.ts";
import { runJobNow, tick } from "../../src/jobs/tick.ts";
import { DEFAULT_DEADLINE_POLICY, policyStorageKey } from "../../src/domain/policy/sections.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { DELEGATE_TG, FORMER_SUPERVISOR_TG } from "../review/helpers.ts";
import { seedCalibration } from "../oversight/helpers.ts";
import { queued, schedulerDeps } from "./helpers.ts";

let database: Database & { dataDir: string };
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const db = () => database.prisma;
const textOf = (row: { payload: unknown }) => (row.payload as { params: { text: string } }).params.text;

/**
 * Q3 2026 closes on 5 October (deadlines policy, day 5); 08:00 WIB = 01:00 UTC. Joko's scope is
 * DISKOMINFO, Wati's the whole instansi. Joko's flag on Andi dates from 25 September (6 working
 * days before the 5th), his flag on Dewi from 1 October (2); an old closed one is done.
 */
async function setup() {
  const seeded = await seedCalibration(db());
  const flag = (evaluationId: number, createdAt: string, status: "OPEN" | "CLOSED" = "OPEN") =>
    db().calibrationFlag.create({
      data: {
        evaluationId,
        memberId: seeded.former.id,
        reason: "Mohon ditinjau ulang.",
        status,
        createdAt: new Date(createdAt),
      },
    });
  const overdue = await flag(seeded.evaluations.andi.id, "2026-09-25T03:00:00Z");
  const recent = await flag(seeded.evaluations.dewi.id, "2026-10-01T03:00:00Z");
  const closed = await flag(seeded.evaluations.wati.id, "2026-09-01T03:00:00Z", "CLOSED");
  return { seeded, flags: { overdue, recent, closed } };
}

describe("assessment team's digest when a period's evaluations close", () => {
  it("knows which periods close on a date: the quarter on the policy's day, the year on its annual date", () => {
    expect(periodsClosingOn("2026-10-05", "QUARTER", DEFAULT_DEADLINE_POLICY).map((p) => p.code)).toEqual(["Q3"]);
    expect(periodsClosingOn("2026-10-06", "QUARTER", DEFAULT_DEADLINE_POLICY)).toEqual([]);
    expect(periodsClosingOn("2027-01-31", "QUARTER", DEFAULT_DEADLINE_POLICY).map((p) => p.code)).toEqual(["YEAR"]);
  });

  it("sends each member at digestTime the straying units and overdue flags of their scope, once", async () => {
    const { seeded, flags } = await setup();
    // DINKES strays too: its only rating is SANGAT BAIK.
    await db().evaluation.update({ where: { id: seeded.evaluations.lina.id }, data: { predicate: "SANGAT_BAIK" } });
    const deps = schedulerDeps(db(), database.dataDir);
    await tick(deps, new Date("2026-10-05T00:59:00Z"));
    expect(await queued(db(), "oversight-digest")).toHaveLength(0);

    await tick(deps, new Date("2026-10-05T01:00:00Z"));
    const rows = await queued(db(), "oversight-digest");
    expect(rows.map((r) => Number(r.chatId)).sort()).toEqual([FORMER_SUPERVISOR_TG, DELEGATE_TG].sort());
    const joko = textOf(rows.find((r) => Number(r.chatId) === FORMER_SUPERVISOR_TG)!);
    expect(joko).toContain("Triwulan 3 2026");
    expect(joko).toContain("• Dinas DISKOMINFO");
    expect(joko).not.toContain("Dinas Kesehatan");
    expect(joko).toContain("lebih dari 5 hari kerja");
    expect(joko).toContain(`#${flags.overdue.id} Andi Wijaya (Dinas DISKOMINFO), sejak 25 September 2026`);
    expect(joko).not.toContain(`#${flags.recent.id} `);
    expect(joko).not.toContain(`#${flags.closed.id} `);
    const wati = textOf(rows.find((r) => Number(r.chatId) === DELEGATE_TG)!);
    expect(wati).toContain("• Dinas Kesehatan");

    await tick(deps, new Date("2026-10-05T01:05:00Z"));
    await runJobNow(deps, "oversight-digest", { at: new Date("2026-10-05T01:10:00Z") });
    expect(await queued(db(), "oversight-digest")).toHaveLength(2);
  });

  it("follows the policy's digest time and overdue days, and sends nothing on a day no period closes", async () => {
    const { flags } = await setup();
    await db().keyValue.create({
      data: { key: policyStorageKey("oversight"), value: { digestTime: "10:30", flagOverdueWorkingDays: 1 } },
    });
    const deps = schedulerDeps(db(), database.dataDir);
    await runJobNow(deps, "oversight-digest", { at: new Date("2026-10-06T03:30:00Z") });
    expect(await queued(db(), "oversight-digest")).toHaveLength(0);

    await tick(deps, new Date("2026-10-05T03:29:00Z"));
    expect(await queued(db(), "oversight-digest")).toHaveLength(0);
    await tick(deps, new Date("2026-10-05T03:30:00Z"));
    const joko = textOf(
      (await queued(db(), "oversight-digest")).find((r) => Number(r.chatId) === FORMER_SUPERVISOR_TG)!,
    );
    expect(joko).toContain("lebih dari 1 hari kerja");
    expect(joko).toContain(`#${flags.recent.id} Dewi Lestari`);
  });
});
