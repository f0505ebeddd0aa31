import type { Db } from "../../db/client.ts";
import { roundTo } from "../../scoring/round.ts";
import { indicatorStatus, loadIndicators, loadOutputs } from "../skp/progress.ts";
import { unitFilter, type ExportScope } from "./scope.ts";
import {
  EMPLOYEE_COLUMNS,
  targetPeriodLabel,
  writeSheet,
  type Columns,
  type EmployeeFields,
  type WorkbookWriter,
} from "./sheet.ts";

const REALISATION_COLUMNS: Columns = [
  ...EMPLOYEE_COLUMNS,
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

const RHK_KIND_LABEL: Record<string, string> = { MAIN: "Utama", ADDITIONAL: "Tambahan" };
const ASPECT_LABEL: Record<string, string> = {
  QUANTITY: "Kuantitas",
  QUALITY: "Kualitas",
  TIME: "Waktu",
  COST: "Biaya",
};

/**
 * Realisation per indicator at the end of the period, for every SKP of the period's year in scope:
 * the same numbers /skp shows, pro-rated to the period's last month (src/domain/skp/progress.ts).
 */
export async function writeRealisation(db: Db, workbook: WorkbookWriter, scope: ExportScope): Promise<number> {
  const plans = await db.$queryRaw<Array<EmployeeFields & { id: number; year: number }>>`
    SELECT p."id", p."year", e."nip", e."name", u."name" AS "unit"
    FROM "SkpPlan" p JOIN "Employee" e ON e."id" = p."employeeId" JOIN "Unit" u ON u."id" = e."unitId"
    WHERE p."year" = ${scope.period.year} ${unitFilter(scope.unitIds)}
    ORDER BY u."name", e."name", e."nip"`;
  const planIds = plans.map((p) => p.id);
  const [indicators, outputs] = await Promise.all([
    loadIndicators(db, planIds),
    loadOutputs(db, planIds, scope.period.to),
  ]);
  const rows = plans.flatMap((plan) => (indicators.get(plan.id) ?? []).map((info) => ({ plan, info })));
  return writeSheet(workbook, "Realisasi", REALISATION_COLUMNS, rows, ({ plan, info }) => {
    const status = indicatorStatus(info, outputs.get(info.id), scope.period);
    return {
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
    };
  });
}
