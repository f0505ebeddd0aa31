import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { PROGRESS_SHEET, progressRows, wholeRealisation } from "../../src/domain/export/progress-harian.ts";
import { progressWorkbookBuffer } from "../../src/domain/export/progress-sheet.ts";

const FIXTURE = new URL("../fixtures/ekinerja-progress-harian.csv", import.meta.url);

describe("wholeRealisation: e-Kinerja takes whole numbers, rounded half-up, the exact value kept", () => {
  it.each([
    [3, 3, null],
    [2.5, 3, "2,5"],
    [2.49, 2, "2,49"],
    [0.5, 1, "0,5"],
    [1.05, 1, "1,05"],
    [1234.5, 1235, "1.234,5"],
  ])("%d → %d (%s)", (value, whole, exact) => expect(wholeRealisation(value)).toEqual({ whole, exact }));
});

const report = (over: Partial<Parameters<typeof progressRows>[0][number]> = {}) => ({
  id: 1,
  date: "2026-11-24",
  actionPlan: null,
  indicator: "Jumlah laporan jaringan",
  description: "Menyusun laporan",
  quantity: 2,
  unit: "dokumen",
  minutes: 90,
  startMinute: null,
  endMinute: null,
  ...over,
});

describe("progressRows", () => {
  it("writes e-Kinerja's eight cells: rencana aksi, date, times, the description with the exact fraction, whole realisation", () => {
    const rows = progressRows(
      [report({ actionPlan: "Menyusun draf", quantity: 2.5, startMinute: 480, endMinute: 630 })],
      450,
      (id) => `https://lapkin.example.go.id/bukti/token-${id}`,
    );
    expect(rows).toEqual([
      [
        "Menyusun draf",
        "2026-11-24",
        "08:00",
        "10:30",
        "Menyusun laporan (2,5 dokumen)",
        3,
        "dokumen",
        "https://lapkin.example.go.id/bukti/token-1",
      ],
    ]);
  });

  it("fills missing times from the day's start in submit order and sorts each day by start", () => {
    const rows = progressRows(
      [
        report({ id: 5, minutes: 60 }),
        report({ id: 6, startMinute: 420, endMinute: 450, minutes: 30 }),
        report({ id: 7, minutes: 30, date: "2026-11-23" }),
      ],
      450,
      () => "",
    );
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["2026-11-23", "07:30", "08:00"],
      ["2026-11-24", "07:00", "07:30"],
      ["2026-11-24", "07:30", "08:30"],
    ]);
  });

  it("uses the indicator text without a rencana aksi, and 'Tugas tambahan' without an indicator", () => {
    const rows = progressRows([report(), report({ id: 2, indicator: null })], 450, () => "");
    expect(rows.map((r) => r[0])).toEqual(["Jumlah laporan jaringan", "Tugas tambahan"]);
  });
});

describe("the per-employee workbook against e-Kinerja's template", () => {
  it("has one sheet, Progress Harian, whose header row is exactly the template's columns", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await progressWorkbookBuffer([])) as unknown as ArrayBuffer);
    const template = readFileSync(FIXTURE, "utf8").trim().split(",");
    expect(workbook.worksheets.map((w) => w.name)).toEqual([PROGRESS_SHEET]);
    const header = workbook.worksheets[0]!.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(template);
  });
});
