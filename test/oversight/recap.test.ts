import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { ADMIN_TG, HEAD_TG, PEER_TG, reviewBot } from "../review/helpers.ts";
import { rankAwards } from "../../src/domain/oversight/recap.ts";
import { BERAKHLAK_VALUES } from "../../src/scoring/index.ts";
import { MEMBER_TG, othersReportedInQ3, reportedInQ3, seedRecap } from "./helpers.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

const NOW = "2026-10-12T03:00:00Z";

async function setup() {
  const db = database.prisma;
  const { seeded, lina } = await seedRecap(db);
  // Everyone reported every working day but Lina (never) and Wati (20 of 64 days): low reporting.
  const indicatorId = seeded.indicators[0]!.id;
  await othersReportedInQ3(db, indicatorId, [lina.id, seeded.delegate.id]);
  await reportedInQ3(db, [seeded.delegate.id], indicatorId, 20);
  return { db, seeded, harness: reviewBot(db, { now: NOW }) };
}

describe("/rekap: award candidates and the coaching list", () => {
  it("gives an admin the award candidates ranked with each criterion, and the coaching list with reasons", async () => {
    const { harness } = await setup();
    await harness.deliver(harness.user(ADMIN_TG).command("rekap"));
    const text = harness.telegram.lastText(ADMIN_TG)!;
    expect(text).toContain("Rekap Triwulan 3 2026");
    expect(text).toContain(
      "1. Dewi Lestari (Dinas DISKOMINFO) — realisasi indikator utama 95%, 0 laporan disetujui, nilai IKM loket -, nilai masukan rekan -\n" +
        "2. Andi Wijaya (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket -, nilai masukan rekan -",
    );
    expect(text.slice(text.indexOf("Daftar pembinaan:"))).toBe(
      "Daftar pembinaan:\n" +
        "• Lina Marlina (Dinas Kesehatan): predikat Butuh Perbaikan; hasil kerja di bawah ekspektasi dua periode " +
        "berturut-turut; melapor hanya pada 0 dari 64 hari kerja (kurang dari separuh)\n" +
        "• Wati Kusuma (Dinas DISKOMINFO): melapor hanya pada 20 dari 64 hari kerja (kurang dari separuh)",
    );
  });

  it("ranks candidates equal on realisation and approved work by the citizen score of the counters they serve", async () => {
    const { db, seeded, harness } = await setup();
    await db.evaluation.update({
      where: { id: seeded.evaluations.dewi.id },
      data: { realisation: [{ code: "1.1", rhkKind: "MAIN", percent: 80 }] },
    });
    const day = new Date("2026-08-10T00:00:00Z");
    for (const [code, employeeId, score] of [
      ["KTP", seeded.colleague.id, 3],
      ["KK", seeded.staff.id, 4],
    ] as const) {
      const counter = await db.serviceCounter.create({
        data: {
          code,
          publicCode: `${code}-xyz123`,
          unitId: seeded.unit.id,
          name: `Loket ${code}`,
          staff: { create: [{ employeeId }] },
        },
      });
      await db.surveyResponse.create({
        data: {
          counterId: counter.id,
          respondentHash: code,
          day,
          step: "done",
          ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i + 1}`, score])),
        },
      });
    }
    await harness.deliver(harness.user(ADMIN_TG).command("rekap"));
    expect(harness.telegram.lastText(ADMIN_TG)).toContain(
      "1. Andi Wijaya (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket 100, nilai masukan rekan -\n" +
        "2. Dewi Lestari (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket 75, nilai masukan rekan -",
    );
  });

  it("ranks candidates equal on every earlier criterion by their peers' score, hidden below three colleagues", async () => {
    const { db, seeded, harness } = await setup();
    await db.evaluation.update({
      where: { id: seeded.evaluations.dewi.id },
      data: { realisation: [{ code: "1.1", rhkKind: "MAIN", percent: 80 }] },
    });
    const others = await db.employee.findMany({
      where: { id: { notIn: [seeded.staff.id, seeded.colleague.id] } },
      orderBy: { id: "asc" },
    });
    const answered = async (receiverId: number, givers: typeof others, rating: "ABOVE" | "MEETS") => {
      for (const giver of givers)
        await db.peerRequest.create({
          data: {
            year: 2026,
            period: "Q3",
            giverId: giver.id,
            receiverId,
            source: "round",
            createdAt: new Date("2026-09-25T03:00:00Z"),
            answeredAt: new Date("2026-09-25T03:00:00Z"),
            answers: { create: BERAKHLAK_VALUES.map((value) => ({ value, rating })) },
          },
        });
    };
    await answered(seeded.staff.id, others.slice(0, 3), "MEETS");
    await answered(seeded.colleague.id, others.slice(0, 2), "ABOVE"); // two colleagues: not shown, not ranked

    await harness.deliver(harness.user(ADMIN_TG).command("rekap"));
    expect(harness.telegram.lastText(ADMIN_TG)).toContain(
      "1. Andi Wijaya (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket -, nilai masukan rekan 2\n" +
        "2. Dewi Lestari (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket -, nilai masukan rekan -",
    );

    await answered(seeded.colleague.id, others.slice(2, 3), "ABOVE");
    await harness.deliver(harness.user(ADMIN_TG).command("rekap"));
    expect(harness.telegram.lastText(ADMIN_TG)).toContain(
      "1. Dewi Lestari (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket -, nilai masukan rekan 3\n" +
        "2. Andi Wijaya (Dinas DISKOMINFO) — realisasi indikator utama 80%, 0 laporan disetujui, nilai IKM loket -, nilai masukan rekan 2",
    );
  });

  it("shows a team member only their scope, a unit head their unit, and refuses anyone else", async () => {
    const { harness } = await setup();
    await harness.deliver(harness.user(MEMBER_TG).command("rekap"));
    expect(harness.telegram.lastText(MEMBER_TG)).not.toContain("Lina Marlina");
    await harness.deliver(harness.user(HEAD_TG).command("rekap"));
    expect(harness.telegram.lastText(HEAD_TG)).toContain("Dewi Lestari");
    await harness.deliver(harness.user(PEER_TG).command("rekap"));
    expect(harness.telegram.lastText(PEER_TG)).toContain("hanya untuk kepala unit");
  });

  it("fits a big unit's coaching list in one message, whole lines, and says how many more there are", async () => {
    const { db, seeded, harness } = await setup();
    await db.employee.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        nip: `1990010120200${String(10000 + i)}`,
        name: `Pegawai Dengan Nama Yang Cukup Panjang ${String(i).padStart(3, "0")}`,
        position: "Pranata Komputer",
        unitId: seeded.unit.id,
        supervisorId: seeded.supervisor.id,
      })),
    });
    await harness.deliver(harness.user(HEAD_TG).command("rekap"));
    const text = harness.telegram.lastText(HEAD_TG)!;
    const lines = text.slice(text.indexOf("Daftar pembinaan:")).split("\n").slice(1);
    const shown = lines.filter((l) => l.startsWith("• "));
    for (const line of shown) expect(line).toMatch(/\(kurang dari separuh\)$/);
    // Wati and the 300 who never reported.
    expect(lines.at(-1)).toBe(`… dan ${301 - shown.length} lainnya (daftar lengkap di dasbor web)`);
    expect(shown.length).toBeGreaterThan(10);
  });

  it("never names a coaching candidate in a group", async () => {
    const { harness } = await setup();
    const admin = harness.user(ADMIN_TG);
    const group = admin.inGroup(-100777);
    await harness.deliver(admin.command("rekap", "", group), admin.command("kalibrasi", "", group));
    const toGroups = harness.telegram.calls.filter((c) => Number(c.payload.chat_id) < 0);
    expect(toGroups.length).toBeGreaterThan(0);
    for (const call of toGroups) {
      expect(JSON.stringify(call.payload)).not.toContain("Lina Marlina");
      expect(JSON.stringify(call.payload)).not.toContain("Wati Kusuma");
    }
  });

  it("ranks by the first criterion, then the next, unknown values last", () => {
    const c = (
      name: string,
      mainRealisation: number | null,
      approvedWork: number,
      citizenScore: number | null = null,
    ) => ({
      employeeId: 0,
      name,
      unitName: "U",
      criteria: { mainRealisation, approvedWork, citizenScore, peerScore: null },
    });
    expect(rankAwards([c("A", null, 9), c("B", 90, 1), c("C", 90, 5)]).map((x) => x.name)).toEqual(["C", "B", "A"]);
    // The citizen score decides only between those equal on realisation and approved work.
    expect(
      rankAwards([c("D", 90, 5, 70), c("E", 90, 5, null), c("F", 90, 5, 95), c("G", 91, 0, 60)]).map((x) => x.name),
    ).toEqual(["G", "F", "D", "E"]);
  });
});
