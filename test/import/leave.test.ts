import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dayOff, loadUnitCalendar } from "../../src/domain/calendar.ts";
import { importFiles, ImportRefused } from "../../src/domain/import/index.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { EXAMPLE_DIR, EXAMPLE_LEAVE, inEnglish, NIP, rowCounts, tempDir, writeFiles } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

/** The example city without its leave, so each test brings its own. */
const importCity = () =>
  importFiles(
    db,
    ["unit.csv", "pegawai.csv", "skp.csv"].map((f) => join(EXAMPLE_DIR, f)),
  );

/** Stored leave as [nip, from, to, kind], sorted. */
async function storedLeave() {
  const leave = await db.prisma.leave.findMany({ include: { employee: true } });
  const day = (at: Date) => at.toISOString().slice(0, 10);
  return leave
    .map((l) => [l.employee.nip, day(l.from), day(l.to), l.kind])
    .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
}

const LEAVE = `nip,dari,sampai,jenis
${NIP.staffPutri},2026-12-07,2026-12-09,cuti
${NIP.staffAndi},14/12/2026,15/12/2026,dinas luar
${NIP.pppk},2026-12-16,2026-12-16,DL
${NIP.penilai},1/12/2026,02/12/2026,Dinas_Luar
`;

const EXPECTED = [
  [NIP.penilai, "2026-12-01", "2026-12-02", "DINAS_LUAR"],
  [NIP.staffAndi, "2026-12-14", "2026-12-15", "DINAS_LUAR"],
  [NIP.pppk, "2026-12-16", "2026-12-16", "DINAS_LUAR"],
  [NIP.staffPutri, "2026-12-07", "2026-12-09", "CUTI"],
].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));

describe("importing leave", () => {
  it("imports leave from CSV, with both date formats and every way of writing jenis", async () => {
    await importCity();
    const summary = await importFiles(db, [writeFiles({ "cuti.csv": LEAVE })]);
    expect(summary.leave).toEqual({ created: 4, unchanged: 0 });
    expect(await storedLeave()).toEqual(EXPECTED);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "import" }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ leave: { created: 4, unchanged: 0 } });
  });

  it("imports leave together with the employees it refers to, in one go", async () => {
    const summary = await importFiles(db, [EXAMPLE_DIR]);
    expect(summary).toMatchObject({ employees: { created: 17 }, leave: { created: EXAMPLE_LEAVE, unchanged: 0 } });
    expect(await db.prisma.leave.count()).toBe(EXAMPLE_LEAVE);
  });

  it("imports leave from XLSX, with real date cells and text dates", async () => {
    await importCity();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Cuti");
    sheet.addRow(["NIP", "Dari", "Sampai", "Jenis"]);
    sheet.addRow([NIP.staffPutri, new Date("2026-12-07T00:00:00Z"), new Date("2026-12-09T00:00:00Z"), "Cuti"]);
    sheet.addRow([NIP.staffAndi, "14/12/2026", new Date("2026-12-15T00:00:00Z"), "DL"]);
    sheet.getColumn(2).numFmt = "dd/mm/yyyy";
    sheet.getColumn(3).numFmt = "dd/mm/yyyy";
    const path = join(tempDir(), "cuti.xlsx");
    await workbook.xlsx.writeFile(path);

    const summary = await importFiles(db, [path]);

    expect(summary.leave).toEqual({ created: 2, unchanged: 0 });
    expect(await storedLeave()).toEqual([
      [NIP.staffAndi, "2026-12-14", "2026-12-15", "DINAS_LUAR"],
      [NIP.staffPutri, "2026-12-07", "2026-12-09", "CUTI"],
    ]);
  });

  it("creates nothing when the same leave is imported again", async () => {
    await importCity();
    const dir = writeFiles({ "cuti.csv": LEAVE });
    await importFiles(db, [dir]);
    const ids = await db.prisma.leave.findMany({ select: { id: true }, orderBy: { id: "asc" } });

    const again = await importFiles(db, [dir]);

    expect(again.leave).toEqual({ created: 0, unchanged: 4 });
    expect(await db.prisma.leave.findMany({ select: { id: true }, orderBy: { id: "asc" } })).toEqual(ids);
    // A different kind or range for the same person is another leave.
    const other = await importFiles(db, [
      writeFiles({
        "cuti.csv": `nip,dari,sampai,jenis\n${NIP.staffPutri},2026-12-07,2026-12-09,dinas_luar\n${NIP.staffPutri},2026-12-07,2026-12-08,cuti\n`,
      }),
    ]);
    expect(other.leave).toEqual({ created: 2, unchanged: 0 });
  });

  it("a dry run counts the leave and writes none", async () => {
    await importCity();
    const summary = await importFiles(db, [writeFiles({ "cuti.csv": LEAVE })], { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, leave: { created: 4, unchanged: 0 } });
    expect(await db.prisma.leave.count()).toBe(0);
  });

  it("lists every bad row with file and row, and writes nothing", async () => {
    await importCity();
    const before = await rowCounts(db);
    const bad = `nip,dari,sampai,jenis
${NIP.staffPutri},2026-12-07,2026-12-09,cuti
199912312099121999,2026-12-07,2026-12-09,cuti
${NIP.staffAndi},2026-12-10,2026-12-08,cuti
${NIP.pppk},2026-13-01,2026-12-16,cuti
${NIP.penilai},31/11/2026,2026-12-16,cuti
${NIP.admin},2026-12-01,2026-12-02,sakit
${NIP.staffPutri},2026-12-07,2026-12-09,cuti
`;
    const error = await importFiles(db, [
      writeFiles({ "cuti.csv": bad, "unit.csv": "kode,nama\nNEW,Unit Baru\n" }),
    ]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportRefused);
    const problems = inEnglish((error as ImportRefused).problems);
    expect(problems.map((p) => [p.file, p.row])).toEqual([
      ["cuti.csv", 3],
      ["cuti.csv", 4],
      ["cuti.csv", 5],
      ["cuti.csv", 6],
      ["cuti.csv", 7],
      ["cuti.csv", 8],
    ]);
    const messages = problems.map((p) => p.message);
    expect(messages[0]).toContain("NIP 199912312099121999 is not in the employee files or the database");
    expect(messages[1]).toContain("sampai 2026-12-08 is before dari 2026-12-10");
    expect(messages[2]).toContain('date "2026-13-01"');
    expect(messages[3]).toContain('date "31/11/2026"');
    expect(messages[4]).toContain('jenis "sakit" is not one of cuti, dinas_luar');
    expect(messages[5]).toContain("duplicate leave");
    expect(await rowCounts(db)).toEqual(before);
  });

  it("recognises the leave layout and refuses one that lacks sampai", async () => {
    const error = await importFiles(db, [
      writeFiles({ "cuti.csv": `nip,dari,jenis\n${NIP.staffPutri},2026-12-07,cuti\n` }),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect(inEnglish((error as ImportRefused).problems)).toEqual([
      { file: "cuti.csv", message: 'looks like the leave layout but lacks the column "sampai"' },
    ]);
  });
});

describe("imported leave in the calendar", () => {
  it("makes the leave days days off for that employee only", async () => {
    await importFiles(db, [EXAMPLE_DIR]);
    const putri = await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffPutri } });
    const rizky = await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffRizky } });
    const range = { from: "2026-12-01", to: "2026-12-31" };

    const hers = await loadUnitCalendar(db.prisma, { unitId: putri.unitId, employeeId: putri.id, ...range });
    expect(dayOff("2026-12-08", hers)).toEqual({ kind: "leave", leave: "CUTI" });
    expect(dayOff("2026-12-10", hers)).toBeUndefined();

    const colleague = await loadUnitCalendar(db.prisma, { unitId: rizky.unitId, employeeId: rizky.id, ...range });
    expect(dayOff("2026-12-08", colleague)).toBeUndefined();
  });
});
