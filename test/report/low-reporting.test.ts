import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import {
  isLowReporting,
  reportingRecords,
  reportingTotals,
  unitWorkingDays,
} from "../../src/domain/report/low-reporting.ts";
import { createTestDatabase } from "../support/db.ts";
import { seedSmallUnit } from "../support/seed.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());

/**
 * The recap counts reporting with set-based totals, the weekly summary with a record per day: both
 * must say the same of everyone. A fixture with every case the rule has to get right.
 */
describe("reporting totals over a period", () => {
  it("equal the per-day records: leave, reports on leave days, drafts, withdrawn, two a day, a holiday", async () => {
    const db = database.prisma;
    const { unit, head, supervisor, staff, colleague } = await seedSmallUnit(db);
    const otherUnit = await db.unit.create({ data: { code: "DINKES", name: "Dinas Kesehatan" } });
    const person = (nip: string, name: string, active = true) =>
      db.employee.create({ data: { nip, name, position: "Staf", unitId: otherUnit.id, active } });
    const yusuf = await person("199201012019011099", "Yusuf Hakim");
    await person("199202022019011098", "Rina Gone", false);
    await db.regionalHoliday.create({ data: { unitId: unit.id, date: new Date("2026-11-04"), name: "Hari jadi" } });
    await db.leave.create({
      data: { employeeId: colleague.id, from: new Date("2026-11-09"), to: new Date("2026-11-13"), kind: "CUTI" },
    });
    const report = (
      employeeId: number,
      date: string,
      status: "SUBMITTED" | "DRAFT" | "WITHDRAWN" | "APPROVED",
      n = 1,
    ) =>
      db.report.create({
        data: { employeeId, date: new Date(date), status, isAdditional: true, number: `LK-${employeeId}-${date}-${n}` },
      });
    for (const date of ["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06", "2026-11-09"])
      await report(staff.id, date, "APPROVED");
    await report(staff.id, "2026-11-09", "SUBMITTED", 2); // two on one day count once
    await report(staff.id, "2026-11-04", "SUBMITTED"); // the holiday is no working day
    await report(supervisor.id, "2026-11-02", "DRAFT");
    await report(supervisor.id, "2026-11-03", "WITHDRAWN");
    await report(colleague.id, "2026-11-10", "SUBMITTED"); // on leave: neither expected nor counted
    await report(colleague.id, "2026-11-16", "SUBMITTED");
    await report(yusuf.id, "2026-11-02", "SUBMITTED");
    await report(head.id, "2026-12-01", "SUBMITTED"); // outside the period

    const days = await unitWorkingDays(db, [unit.id, otherUnit.id], "2026-11-01", "2026-11-30");
    const totals = await reportingTotals(db, days);
    const records = await reportingRecords(db, days);

    expect(totals).toEqual(
      records.map((r) => ({
        employeeId: r.employeeId,
        unitId: r.unitId,
        unitName: r.unitName,
        name: r.name,
        expected: r.expected,
        reported: r.expected - r.missed.length,
      })),
    );
    const byName = (name: string, unitId = unit.id) => totals.find((t) => t.name === name && t.unitId === unitId)!;
    expect(byName("Andi Wijaya")).toMatchObject({ expected: 20, reported: 5 });
    expect(byName("Dewi Lestari")).toMatchObject({ expected: 15, reported: 1 });
    expect(byName("Siti Rahma")).toMatchObject({ expected: 20, reported: 0 });
    expect(totals.filter((t) => t.unitId === otherUnit.id).map((t) => t.name)).toEqual(["Yusuf Hakim"]); // not the inactive one
    expect(totals.filter(isLowReporting).map((t) => t.name)).toContain("Andi Wijaya");
  });
});

describe("isLowReporting", () => {
  it.each([
    [{ expected: 10, reported: 4 }, true],
    [{ expected: 10, reported: 5 }, false], // half is enough
    [{ expected: 0, reported: 0 }, false], // nothing expected (all on leave)
  ])("%j → %s", (totals, low) => expect(isLowReporting(totals)).toBe(low));
});
