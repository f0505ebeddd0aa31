import type ExcelJS from "exceljs";
import { Prisma } from "../../generated/prisma/client.ts";

/** What every sheet writer is given: the streaming workbook it adds its sheet to. */
export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
export type Columns = Array<Partial<ExcelJS.Column>>;

/** The employee a row is about: the first columns of every sheet that lists people (NIPs as text). */
export const EMPLOYEE_COLUMNS: Columns = [
  { header: "NIP", key: "nip", width: 21, style: { numFmt: "@" } },
  { header: "Nama", key: "name", width: 28 },
  { header: "Unit", key: "unit", width: 28 },
];

/** The values of EMPLOYEE_COLUMNS, as a sheet's query returns them. */
export interface EmployeeFields {
  nip: string;
  name: string;
  unit: string;
}

/** A local date and time column (dd/mm/yyyy hh:mm), and the zone such times are in (WIB/WITA/WIT). */
export const dateTimeColumn = (header: string, key: string): Partial<ExcelJS.Column> => ({
  header,
  key,
  width: 17,
  style: { numFmt: "dd/mm/yyyy hh:mm" },
});
export const ZONE_COLUMN: Partial<ExcelJS.Column> = { header: "Zona waktu", key: "zone", width: 11 };

export function targetPeriodLabel(period: string): string {
  if (period === "YEAR") return "Tahunan";
  if (period.startsWith("Q")) return `Triwulan ${period.slice(1)}`;
  return `Bulan ${period.slice(1)}`;
}

/** `column` (a UTC timestamp) as the wall time of the unit `u`, "2026-11-24T08:30:00", in SQL. */
export const localTimeSql = (column: string) =>
  Prisma.raw(`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE u."timeZone", 'YYYY-MM-DD"T"HH24:MI:SS')`);

/** "2026-11-24T08:30:00" (a local wall time) → the Date exceljs stores as that wall time. */
export const wallTime = (local: string | null) => (local === null ? null : new Date(`${local}Z`));

const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

/**
 * A sheet with a frozen, bold header row. Column styles are given to each data cell as one shared
 * object per column: exceljs caches a style by object identity, and a fresh object per cell (what
 * column styles produce) costs it a style lookup per cell — three times slower at 100,000 rows.
 */
export function sheet(workbook: WorkbookWriter, name: string, columns: Columns) {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const styles = columns.map((c) => (c.style ? Object.freeze({ ...c.style }) : NO_STYLE) as Partial<ExcelJS.Style>);
  worksheet.columns = columns.map(({ style: _style, ...column }) => column);
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return {
    add(values: Record<string, unknown> | unknown[]) {
      const row = worksheet.addRow(values);
      for (let col = 1; col <= styles.length; col++) row.getCell(col).style = styles[col - 1]!;
      row.commit();
    },
    commit: () => worksheet.commit(),
  };
}

/** A sheet of rows already read, each written as `toRow` gives it. Returns how many rows there were. */
export function writeSheet<T>(
  workbook: WorkbookWriter,
  sheetName: string,
  columns: Columns,
  rows: readonly T[],
  toRow: (row: T) => Record<string, unknown> | unknown[],
): number {
  const worksheet = sheet(workbook, sheetName, columns);
  for (const row of rows) worksheet.add(toRow(row));
  worksheet.commit();
  return rows.length;
}

/**
 * A sheet of rows read in keyset batches (`id > after`, `batchSize` at a time, in id order), each
 * written as it arrives, so memory stays flat at any size. Returns how many rows there were.
 */
export async function writeKeysetSheet<T extends { id: number }>(
  workbook: WorkbookWriter,
  sheetName: string,
  columns: Columns,
  batchSize: number,
  read: (after: number) => Promise<T[]>,
  toRow: (row: T) => Record<string, unknown> | unknown[],
): Promise<number> {
  const worksheet = sheet(workbook, sheetName, columns);
  let last = 0;
  let count = 0;
  for (;;) {
    const rows = await read(last);
    for (const row of rows) worksheet.add(toRow(row));
    count += rows.length;
    if (rows.length < batchSize) break;
    last = rows.at(-1)!.id;
  }
  worksheet.commit();
  return count;
}
