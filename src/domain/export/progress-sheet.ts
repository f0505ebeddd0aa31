import type { Db } from "../../db/client.ts";
import type { Period } from "../skp/periods.ts";
import { issueEvidenceLinks } from "../report/evidence-links.ts";
import {
  PROGRESS_HEADERS,
  PROGRESS_SHEET,
  PROGRESS_WIDTHS,
  progressRows,
  type ProgressRow,
} from "./progress-harian.ts";
import { readProgress, type EmployeeProgress, type ProgressWho } from "./progress-read.ts";
import { sheet, type WorkbookWriter } from "./sheet.ts";

/** What decides the rows: the policy's choices, and where evidence links point (none without PUBLIC_URL). */
export interface ProgressOptions {
  period: Period;
  includeSubmitted: boolean;
  /** "07:30": where a day's reports without times are placed from. */
  workdayStart: string;
  /** PUBLIC_URL; undefined leaves Bukti Dukung empty. */
  publicUrl?: string;
}

const EMPLOYEES_PER_BATCH = 200;

/** Each employee with reports in the period, with their e-Kinerja rows; links issued a batch at a time. */
export async function eachEmployeeProgress(
  db: Db,
  who: ProgressWho,
  options: ProgressOptions,
  use: (employee: EmployeeProgress, rows: ProgressRow[]) => Promise<void> | void,
): Promise<void> {
  const [h, m] = options.workdayStart.split(":").map(Number) as [number, number];
  let after = 0;
  for (;;) {
    const batch = await readProgress(db, {
      period: options.period,
      who,
      includeSubmitted: options.includeSubmitted,
      afterEmployee: after,
      employees: EMPLOYEES_PER_BATCH,
    });
    const ids = batch.flatMap((e) => e.reports.map((r) => r.id));
    const tokens = options.publicUrl ? await issueEvidenceLinks(db, ids) : new Map<number, string>();
    const linkOf = (id: number) => (tokens.has(id) ? `${options.publicUrl}/bukti/${tokens.get(id)}` : "");
    for (const employee of batch) await use(employee, progressRows(employee.reports, h * 60 + m, linkOf));
    if (batch.length < EMPLOYEES_PER_BATCH) return;
    after = batch.at(-1)!.employeeId;
  }
}

const textStyle = { numFmt: "@" };
const PROGRESS_COLUMNS = PROGRESS_HEADERS.map((header, i) => ({
  header,
  key: `c${i}`,
  width: PROGRESS_WIDTHS[i],
  style: header === "Realisasi" ? { numFmt: "0" } : textStyle,
}));

/**
 * The HR workbook's "Progress Harian": e-Kinerja's columns after the NIP and name of whose row it
 * is (one sheet holds everyone; the per-employee files have exactly e-Kinerja's columns).
 */
export async function writeProgressSheet(
  db: Db,
  workbook: WorkbookWriter,
  unitIds: number[] | undefined,
  options: ProgressOptions,
): Promise<number> {
  const worksheet = sheet(workbook, PROGRESS_SHEET, [
    { header: "NIP", key: "nip", width: 21, style: textStyle },
    { header: "Nama", key: "name", width: 28 },
    ...PROGRESS_COLUMNS,
  ]);
  let count = 0;
  await eachEmployeeProgress(db, { unitIds }, options, (employee, rows) => {
    for (const row of rows) worksheet.add([employee.nip, employee.name, ...row]);
    count += rows.length;
  });
  worksheet.commit();
  return count;
}

/** One employee's month as e-Kinerja imports it: one sheet, exactly its columns. */
export async function progressWorkbookBuffer(rows: ProgressRow[]): Promise<Buffer> {
  const { default: Excel } = await import("exceljs"); // only when exporting: not at start-up
  const workbook = new Excel.Workbook();
  workbook.creator = "Lapkin";
  const worksheet = workbook.addWorksheet(PROGRESS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = PROGRESS_COLUMNS;
  worksheet.getRow(1).font = { bold: true };
  worksheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
