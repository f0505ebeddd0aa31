import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { exportWorkbook } from "../../src/domain/export/workbook.ts";
import { periodsEndingIn } from "../../src/domain/export/recommendations-sheet.ts";
import { monthPeriod, quarterPeriod } from "../../src/domain/skp/periods.ts";
import { yearPeriod } from "../../src/domain/evaluation/periods.ts";
import { policyStorageKey } from "../../src/domain/policy/sections.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { othersReportedInQ3, seedRecap } from "./helpers.ts";

const outDir = mkdtempSync(join(tmpdir(), "lapkin-oversight-export-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());
beforeEach(async () => resetDatabase(database));

async function rowsOf(path: string, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const all: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  return all;
}

/** The recap's cast (seedRecap), with only Lina not reporting. */
async function setup() {
  const db = database.prisma;
  const { seeded, lina } = await seedRecap(db);
  await othersReportedInQ3(db, seeded.indicators[0]!.id, [lina.id]);
  return { db, seeded };
}

describe("lapkin export: Rekomendasi and Kalibrasi", () => {
  it("lists the evaluation periods that end within the exported one", () => {
    expect(periodsEndingIn(yearPeriod(2026), "QUARTER").map((p) => p.code)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(periodsEndingIn(monthPeriod(2026, 9), "QUARTER").map((p) => p.code)).toEqual(["Q3"]);
    expect(periodsEndingIn(monthPeriod(2026, 8), "QUARTER")).toEqual([]);
    expect(periodsEndingIn(quarterPeriod(2026, 3), "MONTH").map((p) => p.code)).toEqual(["M07", "M08", "M09"]);
  });

  it("writes the award candidates ranked with their criteria and the coaching list with reasons, as /rekap", async () => {
    const { db } = await setup();
    const path = join(outDir, "q3.xlsx");
    await exportWorkbook(db, { period: quarterPeriod(2026, 3) }, { path });
    const rows = await rowsOf(path, "Rekomendasi");
    expect(rows[0]).toEqual([
      "Periode",
      "Rekomendasi",
      "Peringkat",
      "NIP",
      "Nama",
      "Unit",
      "Realisasi indikator utama (%)",
      "Laporan disetujui",
      "Nilai IKM loket",
      "Alasan",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[6], r[7], r[8], r[9]])).toEqual([
      ["Triwulan 3 2026", "Penghargaan", 1, "Dewi Lestari", 95, 0, undefined, "Predikat Sangat Baik"],
      ["Triwulan 3 2026", "Penghargaan", 2, "Andi Wijaya", 80, 0, undefined, "Predikat Sangat Baik"],
      [
        "Triwulan 3 2026",
        "Pembinaan",
        undefined,
        "Lina Marlina",
        undefined,
        undefined,
        undefined,
        "Predikat Butuh Perbaikan; Hasil kerja di bawah ekspektasi dua periode berturut-turut; " +
          "Melapor hanya pada 0 dari 64 hari kerja",
      ],
    ]);
    expect(rows[3]![3]).toBe("199101012019011006");
  });

  it("takes the number of award candidates from the oversight policy and keeps to the exported units", async () => {
    const { db, seeded } = await setup();
    await db.keyValue.create({ data: { key: policyStorageKey("oversight"), value: { awardCandidates: 1 } } });
    const path = join(outDir, "q3-one.xlsx");
    const unitIds = [(await db.employee.findUniqueOrThrow({ where: { id: seeded.staff.id } })).unitId];
    await exportWorkbook(db, { period: quarterPeriod(2026, 3), unitIds }, { path });
    const names = (await rowsOf(path, "Rekomendasi")).slice(1).map((r) => r[4]);
    expect(names).toEqual(["Dewi Lestari"]);
  });

  it("writes each flag with its member, reason, status, justification, outcome before and after and local dates", async () => {
    const { db, seeded } = await setup();
    const member = await db.employee.findUniqueOrThrow({ where: { id: seeded.former.id } });
    await db.calibrationFlag.create({
      data: {
        evaluationId: seeded.evaluations.andi.id,
        memberId: member.id,
        reason: "Realisasi 80% tetapi predikat Sangat Baik.",
        status: "AMENDED",
        before: { predicate: "SANGAT_BAIK" },
        after: { outcome: "BAIK", version: 2 },
        createdAt: new Date("2026-10-05T02:00:00Z"),
        answeredAt: new Date("2026-10-06T03:30:00Z"),
      },
    });
    await db.calibrationFlag.create({
      data: {
        evaluationId: seeded.evaluations.dewi.id,
        memberId: member.id,
        reason: "Mohon dicek kembali buktinya.",
        status: "KEPT",
        justification: "Bukti lengkap di laporan harian.",
        before: { predicate: "SANGAT_BAIK" },
        createdAt: new Date("2026-10-07T02:00:00Z"),
        answeredAt: new Date("2026-10-07T04:00:00Z"),
        closedAt: new Date("2026-10-08T01:00:00Z"),
      },
    });
    const path = join(outDir, "q3-flags.xlsx");
    await exportWorkbook(db, { period: quarterPeriod(2026, 3) }, { path });
    const rows = await rowsOf(path, "Kalibrasi");
    expect(rows[0]).toContain("Justifikasi penilai");
    expect(rows).toHaveLength(3);
    const [amended, kept] = [rows[1]!, rows[2]!];
    expect(amended.slice(1, 12)).toEqual([
      "Triwulan 3 2026",
      "199005202015031003",
      "Andi Wijaya",
      expect.any(String),
      member.nip,
      member.name,
      "Realisasi 80% tetapi predikat Sangat Baik.",
      "Diubah",
      undefined,
      "Sangat Baik",
      "Baik",
    ]);
    expect(kept.slice(8, 12)).toEqual(["Dipertahankan", "Bukti lengkap di laporan harian.", "Sangat Baik", undefined]);
    expect(kept[14]).toBeInstanceOf(Date);
    expect(amended[14]).toBeUndefined();
    // Nothing from another period's export.
    const other = join(outDir, "q4-flags.xlsx");
    await exportWorkbook(db, { period: quarterPeriod(2026, 4) }, { path: other });
    expect(await rowsOf(other, "Kalibrasi")).toHaveLength(1);
  });
});
