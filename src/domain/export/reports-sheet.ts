import type { Db } from "../../db/client.ts";
import { zoneName } from "../../lib/time.ts";
import { unitFilter, type ExportScope } from "./scope.ts";
import {
  dateTimeColumn,
  EMPLOYEE_COLUMNS,
  localTimeSql,
  wallTime,
  writeKeysetSheet,
  ZONE_COLUMN,
  type Columns,
  type EmployeeFields,
  type WorkbookWriter,
} from "./sheet.ts";

const REPORT_COLUMNS: Columns = [
  { header: "No. laporan", key: "number", width: 18 },
  ...EMPLOYEE_COLUMNS,
  { header: "Tanggal", key: "date", width: 12, style: { numFmt: "dd/mm/yyyy" } },
  { header: "RHK", key: "rhk", width: 30 },
  { header: "Indikator", key: "indicator", width: 36 },
  { header: "Uraian kegiatan", key: "description", width: 48 },
  { header: "Output", key: "output", width: 10 },
  { header: "Satuan", key: "outputUnit", width: 12 },
  { header: "Menit", key: "minutes", width: 8 },
  { header: "Status", key: "status", width: 14 },
  dateTimeColumn("Diajukan", "submitted"),
  dateTimeColumn("Diputuskan", "decided"),
  { header: "Bukti ganda?", key: "reused", width: 12 },
  ZONE_COLUMN,
];

export const REPORT_STATUS_LABEL: Record<string, string> = {
  SUBMITTED: "Diajukan",
  APPROVED: "Disetujui",
  REVISION_REQUESTED: "Perlu perbaikan",
  REJECTED: "Ditolak",
  WITHDRAWN: "Ditarik",
};

interface ReportRow extends EmployeeFields {
  id: number;
  number: string | null;
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
export async function writeReports(
  db: Db,
  workbook: WorkbookWriter,
  scope: ExportScope,
  batchSize: number,
): Promise<number> {
  const { from, to } = scope.period;
  return writeKeysetSheet(
    workbook,
    "Laporan",
    REPORT_COLUMNS,
    batchSize,
    (last) => db.$queryRaw<ReportRow[]>`
      SELECT r."id", r."number", e."nip", e."name", u."name" AS "unit", u."timeZone",
             to_char(r."date", 'YYYY-MM-DD') AS "date", i."rhk", i."indicator", r."isAdditional", r."description",
             r."outputQuantity"::float8 AS "output", r."outputUnit", r."minutes", r."status"::text AS "status",
             ${localTimeSql('r."submittedAt"')} AS "submitted", ${localTimeSql('r."decidedAt"')} AS "decided", r."reusedEvidence"
      FROM "Report" r
      JOIN "Employee" e ON e."id" = r."employeeId"
      JOIN "Unit" u ON u."id" = e."unitId"
      LEFT JOIN "SkpIndicator" i ON i."id" = r."indicatorId"
      WHERE r."id" > ${last} AND r."status" <> 'DRAFT'
        AND r."date" >= ${from}::date AND r."date" <= ${to}::date
        ${unitFilter(scope.unitIds)}
      ORDER BY r."id"
      LIMIT ${batchSize}`,
    (r) => ({
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
    }),
  );
}
