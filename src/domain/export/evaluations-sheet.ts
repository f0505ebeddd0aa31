import type { Db } from "../../db/client.ts";
import { zoneName } from "../../lib/time.ts";
import { unitFilter, type ExportScope } from "./scope.ts";
import {
  dateTimeColumn,
  EMPLOYEE_COLUMNS,
  localTimeSql,
  targetPeriodLabel,
  wallTime,
  writeKeysetSheet,
  ZONE_COLUMN,
  type Columns,
  type EmployeeFields,
  type WorkbookWriter,
} from "./sheet.ts";

/** The rows are written as arrays: the order here is the order of the values in `writeEvaluations`. */
const EVALUATION_COLUMNS: Columns = [
  ...EMPLOYEE_COLUMNS,
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
  dateTimeColumn("Difinalisasi", "finalised"),
  ZONE_COLUMN,
];

export const RATING_LABEL: Record<string, string> = {
  ABOVE: "Di atas ekspektasi",
  MEETS: "Sesuai ekspektasi",
  BELOW: "Di bawah ekspektasi",
};
export const PREDICATE_LABEL: Record<string, string> = {
  SANGAT_BAIK: "Sangat Baik",
  BAIK: "Baik",
  BUTUH_PERBAIKAN: "Butuh Perbaikan",
  KURANG: "Kurang",
  SANGAT_KURANG: "Sangat Kurang",
  CUKUP: "Cukup",
  BURUK: "Buruk",
};

interface EvaluationExportRow extends EmployeeFields {
  id: number;
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
export async function writeEvaluations(
  db: Db,
  workbook: WorkbookWriter,
  scope: ExportScope,
  batchSize: number,
): Promise<number> {
  const { from, to } = scope.period;
  return writeKeysetSheet(
    workbook,
    "Penilaian",
    EVALUATION_COLUMNS,
    batchSize,
    (last) => db.$queryRaw<EvaluationExportRow[]>`
      SELECT ev."id", e."nip", e."name", u."name" AS "unit", u."timeZone", ev."year", ev."period", ev."mode",
             ev."resultsRating"::text AS "resultsRating", ev."behaviourRating"::text AS "behaviourRating", ev."predicate"::text AS "predicate",
             ev."skpScore"::float8 AS "skpScore", ev."behaviourScore"::float8 AS "behaviourScore", ev."finalScore"::float8 AS "finalScore",
             ev."band", ev."feedback", s."nip" AS "evaluatorNip", s."name" AS "evaluatorName",
             ${localTimeSql('ev."finalisedAt"')} AS "finalised"
      FROM "Evaluation" ev
      JOIN "Employee" e ON e."id" = ev."employeeId"
      JOIN "Unit" u ON u."id" = e."unitId"
      LEFT JOIN "Employee" s ON s."id" = ev."evaluatorId"
      WHERE ev."status" = 'FINALISED' AND ev."periodTo" BETWEEN ${from}::date AND ${to}::date AND ev."id" > ${last}
        ${unitFilter(scope.unitIds)}
      ORDER BY ev."id"
      LIMIT ${batchSize}`,
    (e) => [
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
    ],
  );
}

export const evaluationPeriodLabel = (period: string) => (period === "YEAR" ? "Tahunan" : targetPeriodLabel(period));
