import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/context.ts";
import { exportPeriod, parseExportArgs } from "../../src/cli/export.ts";
import { exportWorkbook } from "../../src/domain/export/workbook.ts";
import { monthPeriod, quarterPeriod } from "../../src/domain/skp/periods.ts";
import type { Database } from "../../src/db/client.ts";
import type { Db } from "../../src/db/client.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { createDatabaseEnv, createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedReporting } from "../report/helpers.ts";
import { addReport } from "./helpers.ts";

const outDir = mkdtempSync(join(tmpdir(), "lapkin-export-test-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Andi (NIP 199005202015031003) in a WITA unit, 2026 SKP of three indicators with a target of 12.
 * October: approved 2 + 3 on indicator 1.1, one submitted, one rejected, one draft; an approved 4
 * in March; a November report outside the month. Another unit's employee has one October report.
 */
async function seed(db: Db) {
  const s = await seedReporting(db, { timeZone: "Asia/Makassar" });
  const [first, second] = s.indicators;
  const add = (r: Omit<Parameters<typeof addReport>[1], "employeeId">) =>
    addReport(db, { employeeId: s.staff.id, ...r });
  await add({ indicatorId: first!.id, date: "2026-03-10", status: "APPROVED", output: 4 });
  // Submitted 07:30 WITA on 16 October = 23:30 UTC on the 15th; decided 09:05 WITA.
  const approved = await add({
    indicatorId: first!.id,
    date: "2026-10-16",
    status: "APPROVED",
    output: 2,
    minutes: 90,
    description: 'Memelihara jaringan, kantor; "lantai 2"',
    submittedAt: "2026-10-15T23:30:00Z",
    decidedAt: "2026-10-16T01:05:00Z",
    reusedEvidence: true,
  });
  await add({ indicatorId: first!.id, date: "2026-10-20", status: "APPROVED", output: 3 });
  await add({ indicatorId: first!.id, date: "2026-10-21", status: "SUBMITTED", output: 1.5 });
  await add({ indicatorId: second!.id, date: "2026-10-22", status: "REJECTED", output: 6 });
  await add({ indicatorId: first!.id, date: "2026-11-02", status: "APPROVED", output: 7 });
  await db.report.create({ data: { employeeId: s.staff.id, date: new Date("2026-10-23T00:00:00Z"), status: "DRAFT" } });

  const other = await db.unit.create({
    data: { code: "BAPPEDA", name: "Badan Perencanaan", timeZone: "Asia/Jakarta" },
  });
  const planner = await db.employee.create({
    data: { nip: "198811112010011005", name: "Rina Putri", position: "Perencana", unitId: other.id },
  });
  const plan = await db.skpPlan.create({ data: { employeeId: planner.id, year: 2026 } });
  const indicator = await db.skpIndicator.create({
    data: {
      planId: plan.id,
      code: "1.1",
      rhk: "Perencanaan",
      indicator: "Dokumen rencana",
      target: 4,
      unitOfMeasure: "dokumen",
      period: "Q4",
    },
  });
  await addReport(db, {
    employeeId: planner.id,
    indicatorId: indicator.id,
    date: "2026-10-05",
    status: "APPROVED",
    output: 1,
  });
  return { ...s, approved, other };
}

async function readBack(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) return undefined;
    const all: unknown[][] = [];
    sheet.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
    return all;
  };
  return { workbook, rows };
}

describe("exportWorkbook", () => {
  let database: Database;
  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(async () => database.close());
  beforeEach(async () => resetDatabase(database));

  it("writes the finalised evaluations of the periods ending in the exported one, in the unit's local time", async () => {
    const s = await seed(database.prisma);
    const evaluation = (data: Record<string, unknown>) =>
      database.prisma.evaluation.create({
        data: {
          employeeId: s.staff.id,
          year: 2026,
          periodFrom: new Date("2026-07-01"),
          periodTo: new Date("2026-09-30"),
          period: "Q3",
          ...data,
        } as never,
      });
    // Finalised 08:15 WITA on 6 October (00:15 UTC).
    await evaluation({
      status: "FINALISED",
      resultsRating: "ABOVE",
      behaviourRating: "MEETS",
      predicate: "BAIK",
      feedback: "Pertahankan.",
      evaluatorId: s.supervisor.id,
      finalisedAt: new Date("2026-10-06T00:15:00Z"),
    });
    await evaluation({
      period: "M10",
      periodFrom: new Date("2026-10-01"),
      periodTo: new Date("2026-10-31"),
      mode: "2011",
      status: "FINALISED",
      skpScore: 103.7,
      behaviourScore: 80,
      finalScore: 94.22,
      band: "SANGAT_BAIK",
      feedback: "Konsisten.",
      evaluatorId: s.supervisor.id,
      finalisedAt: new Date("2026-11-03T01:00:00Z"),
    });
    await evaluation({
      period: "Q4",
      periodFrom: new Date("2026-10-01"),
      periodTo: new Date("2026-12-31"),
      resultsRating: "BELOW",
    }); // a draft: never exported

    const q3 = join(outDir, "q3.xlsx");
    expect(await exportWorkbook(database.prisma, { period: quarterPeriod(2026, 3) }, { path: q3 })).toMatchObject({
      evaluations: 1,
    });
    const sheet = (await readBack(q3)).rows("Penilaian")!;
    expect(sheet[0]).toEqual([
      "NIP",
      "Nama",
      "Unit",
      "Periode",
      "Mode penilaian",
      "Rating hasil kerja",
      "Rating perilaku kerja",
      "Predikat",
      "Nilai SKP",
      "Nilai perilaku",
      "Nilai akhir",
      "Sebutan",
      "Umpan balik",
      "NIP penilai",
      "Nama penilai",
      "Difinalisasi",
      "Zona waktu",
    ]);
    expect(sheet[1]!.slice(0, 8)).toEqual([
      "199005202015031003",
      "Andi Wijaya",
      "Dinas DISKOMINFO",
      "Triwulan 3 2026",
      "2022",
      "Di atas ekspektasi",
      "Sesuai ekspektasi",
      "Baik",
    ]);
    expect(sheet[1]!.slice(12)).toEqual([
      "Pertahankan.",
      "198203152006042002",
      "Siti Rahma",
      new Date("2026-10-06T08:15:00Z"),
      "WITA",
    ]);

    const october = join(outDir, "oct-evaluations.xlsx");
    await exportWorkbook(database.prisma, { period: monthPeriod(2026, 10) }, { path: october });
    const monthly = (await readBack(october)).rows("Penilaian")!;
    expect(monthly).toHaveLength(2);
    expect(monthly[1]!.slice(3, 13)).toEqual([
      "Bulan 10 2026",
      "2011",
      undefined,
      undefined,
      undefined,
      103.7,
      80,
      94.22,
      "Sangat Baik",
      "Konsisten.",
    ]);
  });

  it("writes the month's reports with local WITA times, and the realisation at the month's end", async () => {
    await seed(database.prisma);
    const path = join(outDir, "oct.xlsx");
    // A batch of 2 walks the keyset pages: every report still comes out, once, in id order.
    const result = await exportWorkbook(database.prisma, { period: monthPeriod(2026, 10) }, { path, batchSize: 2 });
    expect(result).toMatchObject({ reports: 5, indicators: 4, evaluations: 0 });

    const { workbook, rows } = await readBack(path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Laporan",
      "Realisasi",
      "Penilaian",
      "Progress Harian",
      "SKM",
      "Pengaduan",
      "Rekomendasi",
      "Kalibrasi",
    ]);
    expect(workbook.getWorksheet("Laporan")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const reports = rows("Laporan")!;
    expect(reports[0]).toEqual([
      "No. laporan",
      "NIP",
      "Nama",
      "Unit",
      "Tanggal",
      "RHK",
      "Indikator",
      "Uraian kegiatan",
      "Output",
      "Satuan",
      "Menit",
      "Status",
      "Diajukan",
      "Diputuskan",
      "Bukti ganda?",
      "Zona waktu",
    ]);
    expect(reports).toHaveLength(6);
    const first = reports[1]!;
    expect(first[1]).toBe("199005202015031003"); // text, all 18 digits
    expect(first.slice(2, 4)).toEqual(["Andi Wijaya", "Dinas DISKOMINFO"]);
    expect(first[4]).toEqual(new Date("2026-10-16T00:00:00Z"));
    expect(first.slice(5, 12)).toEqual([
      "Layanan TIK",
      "Jumlah laporan pengelolaan jaringan",
      'Memelihara jaringan, kantor; "lantai 2"',
      2,
      "dokumen",
      90,
      "Disetujui",
    ]);
    // The wall time in Makassar, stored as an Excel date: 16/10/2026 07:30 and 09:05.
    expect(first[12]).toEqual(new Date("2026-10-16T07:30:00Z"));
    expect(first[13]).toEqual(new Date("2026-10-16T09:05:00Z"));
    expect(first.slice(14)).toEqual(["Ya", "WITA"]);
    expect(workbook.getWorksheet("Laporan")!.getCell("M2").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(reports.slice(1).map((r) => r[11])).toEqual(["Disetujui", "Disetujui", "Diajukan", "Ditolak", "Disetujui"]);
    expect(reports[3]![13]).toBeUndefined(); // not decided yet
    expect(reports[5]![1]).toBe("198811112010011005");
    expect(reports[5]![15]).toBe("WIB");

    const realisation = rows("Realisasi")!;
    expect(realisation[0]).toEqual([
      "NIP",
      "Nama",
      "Unit",
      "Tahun",
      "RHK",
      "Jenis RHK",
      "Aspek",
      "Indikator",
      "Target",
      "Realisasi",
      "Persen",
      "Satuan",
      "Periode target",
      "Target s.d. periode",
    ]);
    // Units by name: Badan Perencanaan before Dinas DISKOMINFO.
    expect(realisation[1]).toEqual([
      "198811112010011005",
      "Rina Putri",
      "Badan Perencanaan",
      2026,
      "Perencanaan",
      "Utama",
      "Kuantitas",
      "Dokumen rencana",
      4,
      1,
      25,
      "dokumen",
      "Triwulan 4",
      4,
    ]);
    // March 4 + October 2 + 3 approved by 31 October; 10 of 12 due: 90%. November's 7 is later.
    expect(realisation[2]).toEqual([
      "199005202015031003",
      "Andi Wijaya",
      "Dinas DISKOMINFO",
      2026,
      "Layanan TIK",
      "Utama",
      "Kuantitas",
      "Jumlah laporan pengelolaan jaringan",
      12,
      9,
      90,
      "dokumen",
      "Tahunan",
      10,
    ]);
    expect(realisation[3]!.slice(8, 11)).toEqual([12, 0, 0]); // the rejected 6 does not count
  });

  it("limits reports and realisation to the unit and the units below it", async () => {
    const s = await seed(database.prisma);
    const child = await database.prisma.unit.create({
      data: { code: "BID-TIK", name: "Bidang TIK", parentId: s.unit.id, timeZone: "Asia/Makassar" },
    });
    await database.prisma.employee.update({ where: { id: s.colleague.id }, data: { unitId: child.id } });
    await addReport(database.prisma, {
      employeeId: s.colleague.id,
      indicatorId: s.indicators[0]!.id,
      date: "2026-12-01",
      status: "SUBMITTED",
      output: 1,
    });
    const path = join(outDir, "q4-unit.xlsx");
    const ids = [s.unit.id, child.id];
    const result = await exportWorkbook(database.prisma, { period: quarterPeriod(2026, 4), unitIds: ids }, { path });
    const { rows } = await readBack(path);
    expect(result.reports).toBe(6);
    expect(
      rows("Laporan")!
        .slice(1)
        .map((r) => r[3]),
    ).toEqual([
      "Dinas DISKOMINFO",
      "Dinas DISKOMINFO",
      "Dinas DISKOMINFO",
      "Dinas DISKOMINFO",
      "Dinas DISKOMINFO",
      "Bidang TIK",
    ]);
    expect(
      rows("Realisasi")!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["199005202015031003", "199005202015031003", "199005202015031003"]);
  });
});

describe("lapkin export (CLI)", () => {
  let env: Awaited<ReturnType<typeof createDatabaseEnv>>;
  beforeAll(async () => {
    env = await createDatabaseEnv();
    const db = await env.open();
    try {
      await seed(db.prisma);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => env.cleanup());

  function io(): CliIo & { out: () => string; err: () => string } {
    let out = "";
    let err = "";
    const sink = (append: (s: string) => void) =>
      new Writable({ write: (chunk, _e, done) => (append(String(chunk)), done()) });
    return {
      env: { ...env.env, DEFAULT_TIMEZONE: "Asia/Makassar" },
      stdout: sink((s) => (out += s)),
      stderr: sink((s) => (err += s)),
      clock: fixedClock("2026-11-24T02:00:00Z"),
      out: () => out,
      err: () => err,
    };
  }

  it("exports a quarter of one unit to the file given", async () => {
    const file = join(outDir, "cli-q4.xlsx");
    const run = io();
    expect(await main(["export", "--quarter", "2026-Q4", "--unit", "DISKOMINFO", "--out", file], run), run.err()).toBe(
      0,
    );
    expect(run.out()).toMatch(
      /^Wrote 5 reports, 3 indicator rows, 0 evaluations and 3 e-Kinerja progress rows for 2026-Q4 for unit DISKOMINFO and the units below it to .*cli-q4\.xlsx in [\d.]+ s\.\n$/,
    );
    const { rows } = await readBack(file);
    const reports = rows("Laporan")!;
    expect(reports.slice(1).map((r) => r[4])).toEqual(
      ["2026-10-16", "2026-10-20", "2026-10-21", "2026-10-22", "2026-11-02"].map((d) => new Date(`${d}T00:00:00Z`)),
    );
    expect(reports[1]![12]).toEqual(new Date("2026-10-16T07:30:00Z"));
    // Q4: the whole year due; 4 + 2 + 3 + 7 approved of 12.
    expect(rows("Realisasi")![1]!.slice(8, 11)).toEqual([12, 16, 133.33]);
    // The approved reports, for e-Kinerja; no PUBLIC_URL here, so no links, and stderr says why.
    expect(rows("Progress Harian")!.map((r) => r.slice(0, 6))).toEqual([
      ["NIP", "Nama", "Rencana Aksi", "Tanggal", "Jam Mulai", "Jam Selesai"],
      ["199005202015031003", "Andi Wijaya", "Jumlah laporan pengelolaan jaringan", "2026-10-16", "07:30", "09:00"],
      ["199005202015031003", "Andi Wijaya", "Jumlah laporan pengelolaan jaringan", "2026-10-20", "07:30", "08:30"],
      ["199005202015031003", "Andi Wijaya", "Jumlah laporan pengelolaan jaringan", "2026-11-02", "07:30", "08:30"],
    ]);
    expect(run.err()).toContain("PUBLIC_URL is not set");
  });

  it.each([
    [["--month", "2026-10", "--quarter", "2026-Q4"], "Give --month or --quarter, not both."],
    [["--month", "2026-13"], '--month "2026-13" is not a month: write it as YYYY-MM'],
    [["--month", "10-2026"], '--month "10-2026" is not a month'],
    [["--quarter", "2026-Q5"], '--quarter "2026-Q5" is not a quarter: write it as YYYY-Qn'],
    [["--unit", "NOPE"], 'Unknown unit "NOPE"'],
    [["--unit"], "--unit needs a value."],
    [["--year", "2026"], 'Unknown option "--year".'],
    [["--out", "/nonexistent-dir/x.xlsx", "--month", "2026-10"], "Cannot write /nonexistent-dir/x.xlsx"],
    // A file where a directory should be (ENOTDIR) is the operator's mistake too.
    [["--out", "package.json/x.xlsx", "--month", "2026-10"], `Cannot write ${resolve("package.json/x.xlsx")}`],
  ])("refuses %j with exit 2 and no stack trace", async (args, message) => {
    const run = io();
    expect(await main(["export", ...args], run)).toBe(2);
    expect(run.err()).toContain(message);
    expect(run.err()).not.toMatch(/\n\s+at /);
    expect(readdirSync("/").includes("nonexistent-dir")).toBe(false);
  });
});

describe("export arguments", () => {
  it("defaults to the previous month, across a new year", () => {
    expect(exportPeriod({}, "2026-11-24")).toMatchObject({ from: "2026-10-01", to: "2026-10-31" });
    expect(exportPeriod({}, "2027-01-01")).toMatchObject({ from: "2026-12-01", to: "2026-12-31" });
    expect(exportPeriod(parseExportArgs(["--quarter=2026-q2"]), "2026-11-24")).toMatchObject({
      code: "Q2",
      from: "2026-04-01",
      to: "2026-06-30",
    });
  });

  it("leaves no file behind when the export fails", async () => {
    const path = join(outDir, "broken.xlsx");
    const broken = { $queryRaw: () => Promise.reject(new Error("database gone")) } as unknown as Db;
    await expect(exportWorkbook(broken, { period: monthPeriod(2026, 10) }, { path })).rejects.toThrow("database gone");
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(outDir).filter((f) => f.includes("broken"))).toEqual([]);
  });
});
