import type { Db } from "../../db/client.ts";
import { zoneName } from "../../lib/time.ts";
import { evaluationPeriodLabel, PREDICATE_LABEL } from "./evaluations-sheet.ts";
import { unitFilter, type ExportScope } from "./scope.ts";
import {
  dateTimeColumn,
  EMPLOYEE_COLUMNS,
  localTimeSql,
  wallTime,
  writeSheet,
  ZONE_COLUMN,
  type Columns,
  type EmployeeFields,
  type WorkbookWriter,
} from "./sheet.ts";

/** The rows are written as arrays: the order here is the order of the values in `writeCalibration`. */
const COLUMNS: Columns = [
  { header: "No. tanda", key: "id", width: 10 },
  { header: "Periode", key: "period", width: 14 },
  ...EMPLOYEE_COLUMNS,
  { header: "NIP anggota tim", key: "memberNip", width: 21, style: { numFmt: "@" } },
  { header: "Nama anggota tim", key: "memberName", width: 28 },
  { header: "Alasan", key: "reason", width: 48 },
  { header: "Status", key: "status", width: 16 },
  { header: "Justifikasi penilai", key: "justification", width: 48 },
  { header: "Hasil sebelum", key: "before", width: 18 },
  { header: "Hasil sesudah", key: "after", width: 18 },
  dateTimeColumn("Diajukan", "created"),
  dateTimeColumn("Dijawab", "answered"),
  dateTimeColumn("Ditutup", "closed"),
  ZONE_COLUMN,
];

const STATUS: Record<string, string> = {
  OPEN: "Terbuka",
  KEPT: "Dipertahankan",
  AMENDING: "Sedang diubah",
  AMENDED: "Diubah",
  CLOSED: "Ditutup",
};

interface FlagRow extends EmployeeFields {
  id: number;
  year: number;
  period: string;
  timeZone: string;
  memberNip: string;
  memberName: string;
  reason: string;
  status: string;
  justification: string | null;
  beforePredicate: string | null;
  beforeScore: string | null;
  beforeBand: string | null;
  afterOutcome: string | null;
  created: string;
  answered: string | null;
  closed: string | null;
}

/** A predicate as its label; a score outcome ("88.5 Baik") as it is. */
const outcome = (value: string | null) => (value === null ? null : (PREDICATE_LABEL[value] ?? value));

/**
 * The Kalibrasi sheet: the assessment team's flags on evaluations of periods ending in the exported
 * one, with what became of them (docs/domain.md, "Calibration"): the outcome before the flag and,
 * when the supervisor amended, after it. Returns how many rows there were.
 */
export async function writeCalibration(db: Db, workbook: WorkbookWriter, scope: ExportScope): Promise<number> {
  const { from, to } = scope.period;
  const rows = await db.$queryRaw<FlagRow[]>`
    SELECT f."id", ev."year", ev."period", e."nip", e."name", u."name" AS "unit", u."timeZone",
           m."nip" AS "memberNip", m."name" AS "memberName", f."reason", f."status"::text AS "status", f."justification",
           f."before"->>'predicate' AS "beforePredicate", f."before"->>'finalScore' AS "beforeScore",
           f."before"->>'band' AS "beforeBand", f."after"->>'outcome' AS "afterOutcome",
           ${localTimeSql('f."createdAt"')} AS "created", ${localTimeSql('f."answeredAt"')} AS "answered",
           ${localTimeSql('f."closedAt"')} AS "closed"
    FROM "CalibrationFlag" f
    JOIN "Evaluation" ev ON ev."id" = f."evaluationId"
    JOIN "Employee" e ON e."id" = ev."employeeId"
    JOIN "Unit" u ON u."id" = e."unitId"
    JOIN "Employee" m ON m."id" = f."memberId"
    WHERE ev."periodTo" BETWEEN ${from}::date AND ${to}::date ${unitFilter(scope.unitIds)}
    ORDER BY f."createdAt", f."id"`;
  return writeSheet(workbook, "Kalibrasi", COLUMNS, rows, (r) => [
    r.id,
    `${evaluationPeriodLabel(r.period)} ${r.year}`,
    r.nip,
    r.name,
    r.unit,
    r.memberNip,
    r.memberName,
    r.reason,
    STATUS[r.status] ?? r.status,
    r.justification,
    outcome(r.beforePredicate) ?? (r.beforeScore === null ? null : `${r.beforeScore} ${r.beforeBand ?? ""}`.trim()),
    outcome(r.afterOutcome),
    wallTime(r.created),
    wallTime(r.answered),
    wallTime(r.closed),
    zoneName(r.timeZone),
  ]);
}
