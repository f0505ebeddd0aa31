import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importFiles, ImportRefused } from "../../src/domain/import/index.ts";
import { readTables } from "../../src/domain/import/read.ts";
import { plainText } from "../../src/lib/i18n.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { dumpImported, EXAMPLE_DIR, exampleText, inEnglish, NIP, tempDir, writeFiles } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let fromCsv: Awaited<ReturnType<typeof dumpImported>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await importFiles(db, [EXAMPLE_DIR]);
  fromCsv = await dumpImported(db);
});
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const rowsOf = (name: string) => parse(exampleText(name)) as string[][];

/** The example city as one workbook, a sheet per file, with sheet names that say nothing. */
async function exampleWorkbook(cell: (value: string, column: string) => ExcelJS.CellValue = (v) => v): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [index, name] of ["skp.csv", "pegawai.csv", "unit.csv"].entries()) {
    const [header, ...rows] = rowsOf(name);
    const sheet = workbook.addWorksheet(`Lembar${index + 1}`);
    sheet.addRow(header!.map((h) => h.toUpperCase())); // headers match case-insensitively
    for (const row of rows) sheet.addRow(row.map((value, i) => cell(value, header![i]!)));
  }
  const path = join(tempDir(), "kota-contoh.xlsx");
  await workbook.xlsx.writeFile(path);
  return path;
}

describe("XLSX", () => {
  it("imports the same as the CSV files, each sheet recognised by its header", async () => {
    // Numbers as number cells, the way an HR spreadsheet holds them; NIPs stay text.
    const path = await exampleWorkbook((value, column) =>
      column === "target" && !value.includes(".")
        ? Number(value.replace(",", "."))
        : column === "tahun"
          ? Number(value)
          : value,
    );
    const summary = await importFiles(db, [path]);
    expect(summary).toMatchObject({
      files: ["kota-contoh.xlsx"],
      units: { created: 5 },
      employees: { created: 17 },
      indicators: { created: 68 },
    });
    expect(await dumpImported(db)).toEqual(fromCsv);
  });

  it("refuses a NIP stored as a number, which has lost its last digits", async () => {
    const path = await exampleWorkbook((value, column) =>
      column === "nip" && value === NIP.staffRizky ? Number(value) : value,
    );
    const refused = await importFiles(db, [path]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    const problems = inEnglish((refused as ImportRefused).problems);
    expect(problems.length).toBeGreaterThanOrEqual(2); // the employee row and its SKP rows
    expect(problems[0]).toMatchObject({
      file: "kota-contoh.xlsx[Lembar1]",
      message: expect.stringContaining("lost its last digits; format the column as Text"),
    });
    expect(await db.prisma.employee.count()).toBe(0);
  });

  it.each([
    ["text renamed to .xlsx", "nip,nama\n"],
    ["a truncated zip", Buffer.from("PK\u0003\u0004garbage")],
  ])(
    "refuses a broken workbook (%s) in words an admin can act on, without the zip library's links",
    async (_what, bytes) => {
      const dir = writeFiles({ "pegawai.xlsx": bytes });
      const refused = await importFiles(db, [join(dir, "pegawai.xlsx")]).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ImportRefused);
      const [problem] = inEnglish((refused as ImportRefused).problems);
      expect(problem).toMatchObject({
        file: "pegawai.xlsx",
        message: expect.stringContaining("not a valid Excel workbook"),
      });
      expect(problem!.message).not.toMatch(/https?:|zip/i);
    },
  );
});

describe("files the system cannot give", () => {
  it("says in the admin's language that a file is missing or is a folder, not the system's words", async () => {
    const dir = writeFiles({ "unit.csv": "kode,nama\n" });
    mkdirSync(join(dir, "pegawai.csv"));
    const { problems } = await readTables([join(dir, "hilang.csv"), join(dir, "pegawai.csv")]);
    expect(inEnglish(problems)).toEqual([
      { file: "hilang.csv", row: undefined, message: "was not found; check its name and folder" },
      { file: "pegawai.csv", row: undefined, message: "is a folder, not a file" },
    ]);
    expect(problems.map((p) => plainText("id", p))).toEqual([
      "tidak ditemukan; periksa nama dan foldernya",
      "adalah folder, bukan berkas",
    ]);
  });
});

describe("CSV dialects", () => {
  it("reads semicolon-separated files with a BOM, decimal commas and loose headers", async () => {
    const semicolon = (name: string) =>
      rowsOf(name)
        .map((row, i) =>
          (i === 0 ? row.map((h) => ` ${h.replace("_", " ").toUpperCase()} `) : row)
            .map((cell) => (cell.includes(";") ? `"${cell}"` : cell))
            .join(";"),
        )
        .join("\r\n");
    const dir = writeFiles({
      "1.csv": `\uFEFF${semicolon("unit.csv")}`,
      "2.csv": `\uFEFF${semicolon("pegawai.csv")}`,
      "3.csv": semicolon("skp.csv"),
    });
    expect(exampleText("skp.csv")).toContain('"75,5"'); // quoted in the comma file, bare in this one
    await importFiles(db, [dir]);
    expect(await dumpImported(db)).toEqual(fromCsv);
  });

  it("reads Windows-1252 text, as Excel on Windows saves it", async () => {
    const windows1252 = Buffer.concat([
      Buffer.from("kode,nama\nX,Caf"),
      Buffer.from([0xe9]),
      Buffer.from(" Budaya "),
      Buffer.from([0x96]),
      Buffer.from(" Pusat\n"),
    ]);
    await importFiles(db, [writeFiles({ "unit.csv": windows1252 })]);
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { code: "X" } })).name).toBe("Café Budaya – Pusat");
  });

  it("notes columns it does not know, and skips empty rows", async () => {
    const dir = writeFiles({ "unit.csv": "no,kode,nama,keterangan\n1,A,Unit A,pusat\n,,,\n\n2,B,Unit B,\n" });
    const summary = await importFiles(db, [dir]);
    expect(summary.units.created).toBe(2);
    expect(summary.ignoredColumns).toEqual([{ file: "unit.csv", columns: ["no", "keterangan"] }]);
  });
});
