import type { Db } from "../../db/client.ts";
import { addDays } from "../calendar.ts";
import { recap, type CoachingCause } from "../oversight/recap.ts";
import { loadOversightPolicy, loadRatingPolicy } from "../policy/load.ts";
import { periodOf, type EvaluationPeriodKind, type Period } from "../skp/periods.ts";
import { evaluationPeriodLabel, PREDICATE_LABEL } from "./evaluations-sheet.ts";
import type { ExportScope } from "./scope.ts";
import { EMPLOYEE_COLUMNS, sheet, type Columns, type WorkbookWriter } from "./sheet.ts";

/** The rows are written as arrays: the order here is the order of the values in `writeRecommendations`. */
const COLUMNS: Columns = [
  { header: "Periode", key: "period", width: 14 },
  { header: "Rekomendasi", key: "kind", width: 14 },
  { header: "Peringkat", key: "rank", width: 10 },
  ...EMPLOYEE_COLUMNS,
  { header: "Realisasi indikator utama (%)", key: "realisation", width: 14, style: { numFmt: "0.0" } },
  { header: "Laporan disetujui", key: "approved", width: 12 },
  { header: "Nilai IKM loket", key: "citizen", width: 12, style: { numFmt: "0.00" } },
  { header: "Alasan", key: "reason", width: 60 },
];

/** The evaluation periods (of the policy's kind) that end within the exported period, in order. */
export function periodsEndingIn(exported: Period, kind: EvaluationPeriodKind): Period[] {
  const periods: Period[] = [];
  for (let p = periodOf(exported.from, kind); p.to <= exported.to; p = periodOf(addDays(p.to, 1), kind))
    periods.push(p);
  return periods;
}

function coachingReason(reason: CoachingCause): string {
  if (reason.reason === "predicate") return `Predikat ${PREDICATE_LABEL[reason.predicate] ?? reason.predicate}`;
  if (reason.reason === "low-reporting")
    return `Melapor hanya pada ${reason.expected - reason.missed} dari ${reason.expected} hari kerja`;
  return "Hasil kerja di bawah ekspektasi dua periode berturut-turut";
}

/**
 * The Rekomendasi sheet: per evaluation period ending in the exported one, the award candidates
 * (ranked, each criterion shown) and the coaching list with its reasons — the same lists as /rekap
 * (docs/domain.md, "Awards and coaching"). Returns how many rows there were.
 */
export async function writeRecommendations(db: Db, workbook: WorkbookWriter, scope: ExportScope): Promise<number> {
  const [rating, oversight] = [await loadRatingPolicy(db), await loadOversightPolicy(db)];
  const unitIds = scope.unitIds ?? (await db.unit.findMany({ select: { id: true } })).map((u) => u.id);
  const out = sheet(workbook, "Rekomendasi", COLUMNS);
  let count = 0;
  for (const period of periodsEndingIn(scope.period, rating.period)) {
    const lists = await recap(db, { unitIds, period, periodKind: rating.period, awards: oversight.awardCandidates });
    const ids = [...lists.awards, ...lists.coaching].map((c) => c.employeeId);
    const nips = new Map(
      (await db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, nip: true } })).map((e) => [
        e.id,
        e.nip,
      ]),
    );
    const label = `${evaluationPeriodLabel(period.code)} ${period.year}`;
    lists.awards.forEach((a, i) =>
      out.add([
        label,
        "Penghargaan",
        i + 1,
        nips.get(a.employeeId),
        a.name,
        a.unitName,
        a.criteria.mainRealisation,
        a.criteria.approvedWork,
        a.criteria.citizenScore,
        "Predikat Sangat Baik",
      ]),
    );
    for (const c of lists.coaching)
      out.add([
        label,
        "Pembinaan",
        null,
        nips.get(c.employeeId),
        c.name,
        c.unitName,
        null,
        null,
        null,
        c.reasons.map(coachingReason).join("; "),
      ]);
    count += lists.awards.length + lists.coaching.length;
  }
  out.commit();
  return count;
}
