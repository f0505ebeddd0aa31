import { closeSync, openSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Db } from "../../db/client.ts";
import { writeEvaluations } from "./evaluations-sheet.ts";
import { writeRealisation } from "./realisation-sheet.ts";
import { writeReports } from "./reports-sheet.ts";
import { writeProgressSheet, type ProgressOptions } from "./progress-sheet.ts";
import { writeSkm } from "./skm-sheet.ts";
import { writeComplaints } from "./complaints-sheet.ts";
import { writeRecommendations } from "./recommendations-sheet.ts";
import { writeCalibration } from "./calibration-sheet.ts";
import type { ExportScope } from "./scope.ts";
import { DEFAULT_POLICY } from "../policy/sections.ts";

/**
 * The HR export (`lapkin export`): one XLSX workbook per period, for pasting into e-Kinerja.
 *
 * Layout: one row per record, headers in Indonesian on row 1 (frozen), no merged cells, no totals.
 * Dates and times are real Excel dates showing the unit's local wall time (dd/mm/yyyy and
 * dd/mm/yyyy hh:mm): sortable and filterable, and copied as the text shown. The zone each row's
 * times are in is named in its own column (WIB/WITA/WIT). NIPs are text, so Excel never turns
 * 18 digits into 1.99E+17.
 *
 * Streaming: exceljs's WorkbookWriter writes each row to the zip as it is committed, and reports
 * are read in keyset batches (id > last, BATCH at a time), so memory stays flat at any size.
 *
 * One file per sheet: reports-sheet.ts (Laporan), realisation-sheet.ts (Realisasi),
 * evaluations-sheet.ts (Penilaian), progress-sheet.ts (Progress Harian, e-Kinerja's daily progress),
 * skm-sheet.ts (SKM), complaints-sheet.ts (Pengaduan), recommendations-sheet.ts (Rekomendasi: awards and
 * coaching, as /rekap), calibration-sheet.ts (Kalibrasi: the assessment team's flags); sheet.ts holds what they share, scope.ts the
 * units exported.
 */

export const EXPORT_BATCH = 5_000;

/** The policy's defaults, without evidence links. */
const DEFAULT_PROGRESS = {
  includeSubmitted: DEFAULT_POLICY.ekinerjaIncludeSubmitted,
  workdayStart: DEFAULT_POLICY.workdayStart,
};

export interface ExportResult {
  path: string;
  reports: number;
  indicators: number;
  evaluations: number;
  progress: number;
}

/**
 * Writes the workbook to `path` through a temporary file beside it, renamed into place at the end:
 * a failed export never leaves a half-written file under the real name.
 */
export async function exportWorkbook(
  db: Db,
  scope: ExportScope,
  options: { path: string; batchSize?: number; progress?: Omit<ProgressOptions, "period"> },
): Promise<ExportResult> {
  const temp = join(dirname(options.path), `.${basename(options.path)}.${process.pid}.tmp`);
  closeSync(openSync(temp, "w", 0o600)); // fails here, before any work, when the folder is not writable
  try {
    const { default: Excel } = await import("exceljs"); // only when exporting: not at start-up
    const workbook = new Excel.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = "Lapkin";
    const reports = await writeReports(db, workbook, scope, options.batchSize ?? EXPORT_BATCH);
    const indicators = await writeRealisation(db, workbook, scope);
    const evaluations = await writeEvaluations(db, workbook, scope, options.batchSize ?? EXPORT_BATCH);
    const progress = await writeProgressSheet(db, workbook, scope.unitIds, {
      ...(options.progress ?? DEFAULT_PROGRESS),
      period: scope.period,
    });
    await writeSkm(db, workbook, scope);
    await writeComplaints(db, workbook, scope);
    await writeRecommendations(db, workbook, scope);
    await writeCalibration(db, workbook, scope);
    await workbook.commit();
    renameSync(temp, options.path);
    return { path: options.path, reports, indicators, evaluations, progress };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
