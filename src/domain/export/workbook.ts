import { closeSync, openSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { zoneName } from "../../lib/time.ts";
import { roundTo } from "../../scoring/round.ts";
import { indicatorStatus, loadIndicators, loadOutputs } from "../skp/progress.ts";
import type { Period } from "../skp/periods.ts";

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
 */

export const EXPORT_BATCH = 5_000;

export interface ExportScope {
  period: Period;
  /** The unit and all units below it; every unit when absent. */
  unitIds?: number[];
}

export interface ExportResult {
  path: string;
  reports: number;
  indicators: number;
  evaluations: number;
}

const EVALUATION_COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { header: "NIP", key: "nip", width: 21, style: { numFmt: "@" } },
  { header: "Nama", key: "name", width: 28 },
  { header: "Unit", key: "unit", width: 28 },
  { header: "Periode", key: "period", width: 14 },
  { header: "Mode penilaian", key: "mode", width: 10 },
  { header: "Rating hasil kerja", key: "results", width: 20 },
  { header: "Rating perilaku kerja", key: "behaviour", width: 20 },
  { header: "Predikat", key: "predicate", width: 16 },
  { header: "Nilai SKP", key: "skpScore", width: 10, style: { numFmt: "0.00" } },
  { header: "Nilai perilaku", key: "behaviourScore", width: 10, style: { numFmt: "0.00" } },
  { header: "Nilai akhir", key: "finalScore", width: 10, style: { numFmt: "0.00" } },
  { header: "Sebutan", key: "band", width: 14 },
  { header: "Umpan balik", key: "feedback", width: 48 },
  { header: "NIP penilai", key: "evaluatorNip", width: 21, style: { numFmt: "@" } },
  { header: "Nama penilai", key: "evaluatorName", width: 28 },
  { header: "Difinalisasi", key: "finalised", width: 17, style: { numFmt: "dd/mm/yyyy hh:mm" } },
  { header: "Zona waktu", key: "zone", width: 11 },
];

const RATING_LABEL: Record<string, string> = {
  ABOVE: "Di atas ekspektasi",
  MEETS: "Sesuai ekspektasi",
  BELOW: "Di bawah ekspektasi",
};
const PREDICATE_LABEL: Record<string, string> = {
  SANGAT_BAIK: "Sangat Baik",
  BAIK: "Baik",
  BUTUH_PERBAIKAN: "Butuh Perbaikan",
  KURANG: "Kurang",
  SANGAT_KURANG: "Sangat Kurang",
  CUKUP: "Cukup",
  BURUK: "Buruk",
};

const REPORT_COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { header: "No. laporan", key: "number", width: 18 },
  { header: "NIP", key: "nip", width: 21, style: { numFmt: "@" } },
  { header: "Nama", key: "name", width: 28 },
  { header: "Unit", key: "unit", width: 28 },
  { header: "Tanggal", key: "date", width: 12, style: { numFmt: "dd/mm/yyyy" } },
  { header: "RHK", key: "rhk", width: 30 },
  { header: "Indikator", key: "indicator", width: 36 },
  { header: "Uraian kegiatan", key: "description", width: 48 },
  { header: "Output", key: "output", width: 10 },
  { header: "Satuan", key: "outputUnit", width: 12 },
  { header: "Menit", key: "minutes", width: 8 },
  { header: "Status", key: "status", width: 14 },
  { header: "Diajukan", key: "submitted", width: 17, style: { numFmt: "dd/mm/yyyy hh:mm" } },
  { header: "Diputuskan", key: "decided", width: 17, style: { numFmt: "dd/mm/yyyy hh:mm" } },
  { header: "Bukti ganda?", key: "reused", width: 12 },
  { header: "Zona waktu", key: "zone", width: 11 },
];

const REALISATION_COLUMNS: Array<Partial<ExcelJS.Column>> = [
  { header: "NIP", key: "nip", width: 21, style: { numFmt: "@" } },
  { header: "Nama", key: "name", width: 28 },
  { header: "Unit", key: "unit", width: 28 },
  { header: "Tahun", key: "year", width: 7 },
  { header: "RHK", key: "rhk", width: 30 },
  { header: "Jenis RHK", key: "rhkKind", width: 10 },
  { header: "Aspek", key: "aspect", width: 10 },
  { header: "Indikator", key: "indicator", width: 36 },
  { header: "Target", key: "target", width: 10 },
  { header: "Realisasi", key: "realisation", width: 10 },
  { header: "Persen", key: "percent", width: 9, style: { numFmt: "0.00" } },
  { header: "Satuan", key: "unitOfMeasure", width: 12 },
  { header: "Periode target", key: "targetPeriod", width: 14 },
  { header: "Target s.d. periode", key: "dueTarget", width: 12 },
];

export const REPORT_STATUS_LABEL: Record<string, string> = {
  SUBMITTED: "Diajukan",
  APPROVED: "Disetujui",
  REVISION_REQUESTED: "Perlu perbaikan",
  REJECTED: "Ditolak",
  WITHDRAWN: "Ditarik",
};
const RHK_KIND_LABEL: Record<string, string> = { MAIN: "Utama", ADDITIONAL: "Tambahan" };
const ASPECT_LABEL: Record<string, string> = {
  QUANTITY: "Kuantitas",
  QUALITY: "Kualitas",
  TIME: "Waktu",
  COST: "Biaya",
};

function targetPeriodLabel(period: string): string {
  if (period === "YEAR") return "Tahunan";
  if (period.startsWith("Q")) return `Triwulan ${period.slice(1)}`;
  return `Bulan ${period.slice(1)}`;
}

/** "2026-11-24T08:30:00" (a local wall time) → the Date exceljs stores as that wall time. */
const wallTime = (local: string | null) => (local === null ? null : new Date(`${local}Z`));

/**
 * Writes the workbook to `path` through a temporary file beside it, renamed into place at the end:
 * a failed export never leaves a half-written file under the real name.
 */
export async function exportWorkbook(
  db: Db,
  scope: ExportScope,
  options: { path: string; batchSize?: number },
): Promise<ExportResult> {
  const temp = join(dirname(options.path), `.${basename(options.path)}.${process.pid}.tmp`);
  closeSync(openSync(temp, "w", 0o600)); // fails here, before any work, when the folder is not writable
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = "Lapkin";
    const reports = await writeReports(db, workbook, scope, options.batchSize ?? EXPORT_BATCH);
    const indicators = await writeRealisation(db, workbook, scope);
    const evaluations = await writeEvaluations(db, workbook, scope, options.batchSize ?? EXPORT_BATCH);
    await workbook.commit();
    renameSync(temp, options.path);
    return { path: options.path, reports, indicators, evaluations };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

/**
 * A sheet with a frozen, bold header row. Column styles are given to each data cell as one shared
 * object per column: exceljs caches a style by object identity, and a fresh object per cell (what
 * column styles produce) costs it a style lookup per cell — three times slower at 100,000 rows.
 */
function sheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Array<Partial<ExcelJS.Column>>) {
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

const unitFilter = (unitIds: number[] | undefined) =>
  unitIds ? Prisma.sql`AND e."unitId" = ANY(${unitIds}::int[])` : Prisma.empty;

interface ReportRow {
  id: number;
  number: string | null;
  nip: string;
  name: string;
  unit: string;
  timeZone: string;
  date: string;
  rhk: string | null;
  indicator: string | null;
  isAdditional: boolean;
  description: string | null;
  output: number | null;
  outputUnit: string | null;
  minutes: number | null;
  status: string;
  submitted: string | null;
  decided: string | null;
  reusedEvidence: boolean;
}

/** Every report of the period except drafts, in id order, keyset-paginated. */
async function writeReports(
  db: Db,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  scope: ExportScope,
  batchSize: number,
): Promise<number> {
  const worksheet = sheet(workbook, "Laporan", REPORT_COLUMNS);
  const { from, to } = scope.period;
  const localTime = (column: string) =>
    Prisma.raw(`to_char((r."${column}" AT TIME ZONE 'UTC') AT TIME ZONE u."timeZone", 'YYYY-MM-DD"T"HH24:MI:SS')`);
  let last = 0;
  let count = 0;
  for (;;) {
    const rows = await db.$queryRaw<ReportRow[]>`
      SELECT r."id", r."number", e."nip", e."name", u."name" AS "unit", u."timeZone",
             to_char(r."date", 'YYYY-MM-DD') AS "date", i."rhk", i."indicator", r."isAdditional", r."description",
             r."outputQuantity"::float8 AS "output", r."outputUnit", r."minutes", r."status"::text AS "status",
             ${localTime("submittedAt")} AS "submitted", ${localTime("decidedAt")} AS "decided", r."reusedEvidence"
      FROM "Report" r
      JOIN "Employee" e ON e."id" = r."employeeId"
      JOIN "Unit" u ON u."id" = e."unitId"
      LEFT JOIN "SkpIndicator" i ON i."id" = r."indicatorId"
      WHERE r."id" > ${last} AND r."status" <> 'DRAFT'
        AND r."date" >= ${from}::date AND r."date" <= ${to}::date
        ${unitFilter(scope.unitIds)}
      ORDER BY r."id"
      LIMIT ${batchSize}`;
    for (const r of rows) {
      worksheet.add({
        number: r.number ?? "",
        nip: r.nip,
        name: r.name,
        unit: r.unit,
        date: new Date(`${r.date}T00:00:00Z`),
        rhk: r.rhk ?? (r.isAdditional ? "Tugas tambahan" : ""),
        indicator: r.indicator ?? "",
        description: r.description ?? "",
        output: r.output,
        outputUnit: r.outputUnit ?? "",
        minutes: r.minutes,
        status: REPORT_STATUS_LABEL[r.status] ?? r.status,
        submitted: wallTime(r.submitted),
        decided: wallTime(r.decided),
        reused: r.reusedEvidence ? "Ya" : "Tidak",
        zone: zoneName(r.timeZone),
      });
    }
    count += rows.length;
    if (rows.length < batchSize) break;
    last = rows.at(-1)!.id;
  }
  worksheet.commit();
  return count;
}

/**
 * Realisation per indicator at the end of the period, for every SKP of the period's year in scope:
 * the same numbers /skp shows, pro-rated to the period's last month (src/domain/skp/progress.ts).
 */
async function writeRealisation(
  db: Db,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  scope: ExportScope,
): Promise<number> {
  const worksheet = sheet(workbook, "Realisasi", REALISATION_COLUMNS);
  const plans = await db.$queryRaw<Array<{ id: number; year: number; nip: string; name: string; unit: string }>>`
    SELECT p."id", p."year", e."nip", e."name", u."name" AS "unit"
    FROM "SkpPlan" p JOIN "Employee" e ON e."id" = p."employeeId" JOIN "Unit" u ON u."id" = e."unitId"
    WHERE p."year" = ${scope.period.year} ${unitFilter(scope.unitIds)}
    ORDER BY u."name", e."name", e."nip"`;
  const planIds = plans.map((p) => p.id);
  const [indicators, outputs] = await Promise.all([
    loadIndicators(db, planIds),
    loadOutputs(db, planIds, scope.period.to),
  ]);
  let count = 0;
  for (const plan of plans) {
    for (const info of indicators.get(plan.id) ?? []) {
      const status = indicatorStatus(info, outputs.get(info.id), scope.period);
      worksheet.add({
        nip: plan.nip,
        name: plan.name,
        unit: plan.unit,
        year: plan.year,
        rhk: info.rhk,
        rhkKind: RHK_KIND_LABEL[info.rhkKind],
        aspect: ASPECT_LABEL[info.aspect],
        indicator: info.indicator,
        target: info.target,
        realisation: roundTo(status.realisation, 2),
        percent: roundTo(status.percent, 2),
        unitOfMeasure: info.unitOfMeasure,
        targetPeriod: targetPeriodLabel(info.period),
        dueTarget: roundTo(status.dueTarget, 2),
      });
      count++;
    }
  }
  worksheet.commit();
  return count;
}

interface EvaluationExportRow {
  id: number;
  nip: string;
  name: string;
  unit: string;
  timeZone: string;
  year: number;
  period: string;
  mode: string;
  resultsRating: string | null;
  behaviourRating: string | null;
  predicate: string | null;
  skpScore: number | null;
  behaviourScore: number | null;
  finalScore: number | null;
  band: string | null;
  feedback: string | null;
  evaluatorNip: string | null;
  evaluatorName: string | null;
  finalised: string | null;
}

/**
 * The finalised evaluations of every period that ends within the exported one (a quarter's export
 * holds its quarterly, monthly and — for Q4 — annual evaluations), keyset-paginated in id order.
 */
async function writeEvaluations(
  db: Db,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  scope: ExportScope,
  batchSize: number,
): Promise<number> {
  const worksheet = sheet(workbook, "Penilaian", EVALUATION_COLUMNS);
  const { from, to } = scope.period;
  let last = 0;
  let count = 0;
  for (;;) {
    const rows = await db.$queryRaw<EvaluationExportRow[]>`
      SELECT ev."id", e."nip", e."name", u."name" AS "unit", u."timeZone", ev."year", ev."period", ev."mode",
             ev."resultsRating"::text AS "resultsRating", ev."behaviourRating"::text AS "behaviourRating", ev."predicate"::text AS "predicate",
             ev."skpScore"::float8 AS "skpScore", ev."behaviourScore"::float8 AS "behaviourScore", ev."finalScore"::float8 AS "finalScore",
             ev."band", ev."feedback", s."nip" AS "evaluatorNip", s."name" AS "evaluatorName",
             to_char((ev."finalisedAt" AT TIME ZONE 'UTC') AT TIME ZONE u."timeZone", 'YYYY-MM-DD"T"HH24:MI:SS') AS "finalised"
      FROM "Evaluation" ev
      JOIN "Employee" e ON e."id" = ev."employeeId"
      JOIN "Unit" u ON u."id" = e."unitId"
      LEFT JOIN "Employee" s ON s."id" = ev."evaluatorId"
      WHERE ev."status" = 'FINALISED' AND ev."periodTo" BETWEEN ${from}::date AND ${to}::date AND ev."id" > ${last}
        ${unitFilter(scope.unitIds)}
      ORDER BY ev."id"
      LIMIT ${batchSize}`;
    for (const e of rows) {
      worksheet.add([
        e.nip,
        e.name,
        e.unit,
        `${evaluationPeriodLabel(e.period)} ${e.year}`,
        e.mode,
        e.resultsRating ? RATING_LABEL[e.resultsRating] : null,
        e.behaviourRating ? RATING_LABEL[e.behaviourRating] : null,
        e.predicate ? PREDICATE_LABEL[e.predicate] : null,
        e.skpScore,
        e.behaviourScore,
        e.finalScore,
        e.band ? (PREDICATE_LABEL[e.band] ?? e.band) : null,
        e.feedback,
        e.evaluatorNip,
        e.evaluatorName,
        wallTime(e.finalised),
        zoneName(e.timeZone),
      ]);
    }
    count += rows.length;
    if (rows.length < batchSize) break;
    last = rows.at(-1)!.id;
  }
  worksheet.commit();
  return count;
}

const evaluationPeriodLabel = (period: string) => (period === "YEAR" ? "Tahunan" : targetPeriodLabel(period));

/** The unit with this code and every unit below it, or undefined for an unknown code. */
export async function unitSubtree(db: Db, code: string): Promise<number[] | undefined> {
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    WITH RECURSIVE tree AS (
      SELECT "id" FROM "Unit" WHERE "code" = ${code}
      UNION SELECT u."id" FROM "Unit" u JOIN tree t ON u."parentId" = t."id"
    )
    SELECT "id" FROM tree`;
  return rows.length ? rows.map((r) => r.id) : undefined;
}
