import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { ikmFigures, ikmOfStaff } from "../../src/domain/survey/ikm.ts";
import { exportWorkbook } from "../../src/domain/export/workbook.ts";
import { monthPeriod } from "../../src/domain/skp/periods.ts";
import { seedCounter } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

/** `n` finished responses with every element answered `score`, on 2026-11-24. */
async function responses(counterId: number, n: number, score: number, prefix: string) {
  const scores = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`s${i + 1}`, score]));
  await db.prisma.surveyResponse.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      counterId,
      respondentHash: `${prefix}${i}`,
      day: new Date("2026-11-24T00:00:00Z"),
      step: "done",
      ...scores,
    })),
  });
}

describe("IKM figures", () => {
  it("per counter and per unit from the stored answers, with respondents and 'belum representatif' under 30", async () => {
    const { counter, unit } = await seedCounter(db.prisma);
    const second = await db.prisma.serviceCounter.create({
      data: { code: "AKTA", publicCode: "aktabcdefg", unitId: unit.id, name: "Loket Akta" },
    });
    await responses(counter.id, 20, 4, "a");
    await responses(second.id, 20, 3, "b");
    const range = { from: "2026-11-01", to: "2026-11-30", minRespondents: 30 };

    const perCounter = await ikmFigures(db.prisma, { ...range, by: "counter" });
    expect(perCounter.map((f) => [f.counterName, f.respondents, f.score, f.band, f.representative])).toEqual([
      ["Loket Akta", 20, 75, "C", false],
      ["Loket KTP", 20, 100, "A", false],
    ]);
    const [perUnit] = await ikmFigures(db.prisma, { ...range, by: "unit" });
    expect(perUnit).toMatchObject({ respondents: 40, score: 87.5, band: "B", representative: true });
    expect(await ikmFigures(db.prisma, { ...range, from: "2026-12-01", to: "2026-12-31", by: "unit" })).toEqual([]);
  });

  it("does not count a survey opened and left before its first answer as a respondent", async () => {
    const { counter } = await seedCounter(db.prisma);
    await responses(counter.id, 3, 4, "a");
    await db.prisma.surveyResponse.create({
      data: { counterId: counter.id, respondentHash: "left", day: new Date("2026-11-24T00:00:00Z"), step: "e1" },
    });
    await db.prisma.surveyResponse.create({
      data: {
        counterId: counter.id,
        respondentHash: "hurried",
        day: new Date("2026-11-24T00:00:00Z"),
        step: "done",
        overall: 1,
      },
    });

    const [figure] = await ikmFigures(db.prisma, {
      from: "2026-11-01",
      to: "2026-11-30",
      by: "counter",
      minRespondents: 30,
    });
    expect(figure).toMatchObject({ respondents: 4, score: 100 });
  });

  it("does not count a left survey for the staff of a counter either (the award's citizen score)", async () => {
    const { counter, staff } = await seedCounter(db.prisma);
    const left = { counterId: counter.id, day: new Date("2026-11-24T00:00:00Z"), step: "e1" };
    await db.prisma.surveyResponse.create({ data: { ...left, respondentHash: "left-1" } });
    const range = { from: "2026-11-01", to: "2026-11-30", employeeIds: [staff.id], minRespondents: 30 };
    expect((await ikmOfStaff(db.prisma, range)).has(staff.id)).toBe(false);

    await responses(counter.id, 3, 4, "a");
    await db.prisma.surveyResponse.create({ data: { ...left, respondentHash: "left-2" } });
    expect((await ikmOfStaff(db.prisma, range)).get(staff.id)).toMatchObject({ respondents: 3, score: 100 });
  });

  it("are exported in the SKM sheet, and complaints in the Pengaduan sheet without what the citizen wrote", async () => {
    const { counter, unit } = await seedCounter(db.prisma);
    await responses(counter.id, 3, 2, "c");
    const response = await db.prisma.surveyResponse.findFirstOrThrow();
    await db.prisma.surveyResponse.update({ where: { id: response.id }, data: { comment: "rahasia warga" } });
    await db.prisma.complaint.create({
      data: {
        number: "ADU-2026-000001",
        responseId: response.id,
        counterId: counter.id,
        unitId: unit.id,
        receivedAt: new Date("2026-11-24T03:00:00Z"),
        followUpDue: new Date("2026-12-01T17:00:00Z"),
      },
    });
    const path = join(mkdtempSync(join(tmpdir(), "lapkin-skm-")), "nov.xlsx");

    await exportWorkbook(db.prisma, { period: monthPeriod(2026, 11) }, { path });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const values = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1));
    const skm = values("SKM");
    expect(skm[1]!.slice(0, 5)).toEqual(["Layanan", "Dinas DISKOMINFO", "Loket KTP", 3, 0]);
    expect(skm[1]!.slice(-3)).toEqual([50, "D", "Belum representatif"]);
    expect(skm[2]![0]).toBe("Unit");
    const complaints = values("Pengaduan");
    expect(complaints[1]!.slice(0, 3)).toEqual(["ADU-2026-000001", "Dinas DISKOMINFO", "Loket KTP"]);
    expect(complaints[1]![4]).toBe("Baru");
    expect(JSON.stringify(complaints)).not.toContain("rahasia");
  });
});
