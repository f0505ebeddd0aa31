import type { Db } from "../../db/client.ts";
import { SKM_ELEMENTS } from "../../scoring/index.ts";
import { DEFAULT_FEEDBACK_POLICY } from "../policy/sections.ts";
import { ikmFigures } from "../survey/ikm.ts";
import type { ExportScope } from "./scope.ts";
import { writeSheet, type Columns, type WorkbookWriter } from "./sheet.ts";

const COLUMNS: Columns = [
  { header: "Tingkat", key: "level", width: 8 },
  { header: "Unit", key: "unit", width: 32 },
  { header: "Layanan", key: "counter", width: 28 },
  { header: "Responden", key: "respondents", width: 11 },
  { header: "Ditandai", key: "flagged", width: 9 },
  ...SKM_ELEMENTS.map((_, i) => ({ header: `NRR U${i + 1}`, key: `u${i + 1}`, width: 9, style: { numFmt: "0.000" } })),
  { header: "IKM", key: "ikm", width: 8, style: { numFmt: "0.000" } },
  { header: "Nilai", key: "score", width: 8, style: { numFmt: "0.00" } },
  { header: "Mutu", key: "band", width: 6 },
  { header: "Representatif", key: "representative", width: 14 },
];

/** The SKM sheet: per counter, then per unit, the respondents, the NRR of each element, IKM, score and band. */
export async function writeSkm(
  db: Db,
  workbook: WorkbookWriter,
  scope: ExportScope,
  minRespondents = DEFAULT_FEEDBACK_POLICY.ikmMinRespondents,
): Promise<number> {
  const range = { from: scope.period.from, to: scope.period.to, unitIds: scope.unitIds, minRespondents };
  const figures = [
    ...(await ikmFigures(db, { ...range, by: "counter" })),
    ...(await ikmFigures(db, { ...range, by: "unit" })),
  ];
  return writeSheet(workbook, "SKM", COLUMNS, figures, (f) => ({
    level: f.counterId === null ? "Unit" : "Layanan",
    unit: f.unitName,
    counter: f.counterName ?? "",
    respondents: f.respondents,
    flagged: f.flagged,
    ...Object.fromEntries(f.nrr.map((v, i) => [`u${i + 1}`, v])),
    ikm: f.ikm,
    score: f.score,
    band: f.band ?? "",
    representative: f.representative ? "Ya" : "Belum representatif",
  }));
}
