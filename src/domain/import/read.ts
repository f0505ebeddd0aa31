import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { cleanText } from "../../lib/clean-text.ts";
import type { Message } from "../../lib/i18n.ts";
import { ImportError, type Problem, type Table } from "./types.ts";

const IMPORTABLE = new Set([".csv", ".xlsx"]);

/**
 * Expands each path into the files to read: a file as given, a folder into its CSV and XLSX
 * files (not recursive), sorted so messages come in a stable order.
 */
export function listImportFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new ImportError({ key: "import-path-missing", args: { path } });
    if (stat.isFile()) {
      if (!IMPORTABLE.has(extname(path).toLowerCase()))
        throw new ImportError({ key: "import-path-not-importable", args: { path } });
      return [path];
    }
    const files = readdirSync(path)
      // "~$name.xlsx" is the lock file Excel leaves beside an open workbook.
      .filter((name) => IMPORTABLE.has(extname(name).toLowerCase()) && !name.startsWith(".") && !name.startsWith("~$"))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw new ImportError({ key: "import-folder-empty", args: { path } });
    return files;
  });
}

/** Reads every file into tables (one per CSV, one per non-empty XLSX sheet); unreadable files become problems. */
export async function readTables(files: string[]): Promise<{ tables: Table[]; problems: Problem[] }> {
  const tables: Table[] = [];
  const problems: Problem[] = [];
  for (const path of files) {
    try {
      if (extname(path).toLowerCase() === ".csv") tables.push(readCsv(path));
      else tables.push(...(await readXlsx(path, problems)));
    } catch (error) {
      problems.push({ file: basename(path), ...unreadable(path, error) });
    }
  }
  return { tables, problems };
}

/**
 * Why a file cannot be read, in words an HR admin can act on. A broken workbook makes the zip
 * library answer with its own jargon and a link to its manual; that says nothing useful here.
 */
function unreadable(path: string, error: unknown): Message {
  const code = (error as NodeJS.ErrnoException).code; // set by the system: missing, no permission
  if (extname(path).toLowerCase() === ".xlsx" && typeof code !== "string") return { key: "import-not-a-workbook" };
  const known = code === undefined ? undefined : SYSTEM_REASONS[code];
  if (known) return { key: known };
  // The system's own words for anything rarer: it has no others to give.
  return { key: "import-unreadable", args: { reason: (error as Error).message } };
}

/** The system errors an HR admin meets when naming a file, in their language. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "import-file-missing",
  EACCES: "import-file-forbidden",
  EPERM: "import-file-forbidden",
  EISDIR: "import-file-is-folder",
};

/** Header names are matched case-insensitively, and "Zona Waktu" means zona_waktu. */
export const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

function readCsv(path: string): Table {
  const text = decode(readFileSync(path));
  const records = parse(text, {
    bom: true,
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    // Kept, so that a record's index is its spreadsheet row number; skipped below.
    skip_empty_lines: false,
  }) as string[][];
  return toTable(
    basename(path),
    records.map((cells, index) => ({ row: index + 1, cells: cells.map((c) => c.trim()) })),
  );
}

/** UTF-8 (with or without BOM) is expected; Excel's "CSV" on Windows writes Windows-1252 instead. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Node's TextDecoder treats windows-1252 as Latin-1, so 0x80–0x9F (€, –, “ …) are mapped here.
    return bytes.toString("latin1").replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
  }
}

const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Indonesian Excel writes semicolons (the comma is the decimal separator); the header line tells. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** Each sheet with content is a table of its own, named "file.xlsx[Sheet]". */
async function readXlsx(path: string, problems: Problem[]): Promise<Table[]> {
  const { default: Excel } = await import("exceljs"); // only for workbooks: not at start-up
  const workbook = new Excel.Workbook();
  await workbook.xlsx.readFile(path);
  const tables: Table[] = [];
  workbook.eachSheet((sheet) => {
    const file = `${basename(path)}[${sheet.name}]`;
    const rows: Table["rows"] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).value);
      const tooLong = values.find((v) => typeof v === "number" && !Number.isSafeInteger(Math.trunc(v)));
      if (tooLong !== undefined) {
        // An 18-digit NIP typed into a number cell keeps only 15–17 significant digits.
        problems.push({ file, row: row.number, key: "import-number-too-long", args: { number: String(tooLong) } });
      }
      rows.push({ row: row.number, cells: values.map(cellText) });
    });
    const table = toTable(file, rows);
    if (table.header.length > 0) tables.push(table);
  });
  return tables.length > 0 ? tables : [{ file: basename(path), header: [], rows: [] }];
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value).trim();
  if ("richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * The first non-empty row is the header; wholly empty rows after it are dropped. Every cell is
 * cleaned of what the database cannot store or a message should not show (src/lib/clean-text.ts).
 */
function toTable(file: string, rows: Table["rows"]): Table {
  const cleaned = rows.map((r) => ({ ...r, cells: r.cells.map((c) => cleanText(c).trim()) }));
  const filled = cleaned.filter((r) => r.cells.some((c) => c !== ""));
  const [header, ...data] = filled;
  return { file, header: header ? header.cells.map(normaliseHeader) : [], rows: data };
}
