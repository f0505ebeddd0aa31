import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { dashboardApp, seedTwoUnits, signIn, submittedReport } from "./support.ts";

/**
 * Query and form values a browser would never send, typed into the address bar or posted by hand:
 * each gets a page (ignored, 400 or 403), never the server's 500.
 */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

async function asAdmin() {
  const people = await seedTwoUnits(database.prisma);
  const { app, clock } = dashboardApp(database);
  return { people, admin: await signIn(app, database.prisma, people.admin.id, clock.now()) };
}

describe("hostile query values", () => {
  it("a date filter that is no date (month 13, day 32, year 0) is ignored", async () => {
    const { admin } = await asAdmin();
    for (const path of [
      "/dasbor/saya?dari=2026-13-45",
      "/dasbor/saya?dari=0000-01-01&sampai=9999-12-31",
      "/dasbor/unit?sampai=2026-01-32",
      "/dasbor/admin/audit?dari=2026-00-01",
    ]) {
      const response = await admin.get(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).not.toContain('value="2026-13-45"');
    }
  });

  it("an employee id that does not exist is refused (403), also to an admin, who sees everyone", async () => {
    const { admin } = await asAdmin();
    for (const path of ["/dasbor/pegawai/999999", "/dasbor/pegawai/999999999"])
      expect((await admin.get(path)).status, path).toBe(403);
  });

  it("an export period outside the years the calendar stores is refused (400)", async () => {
    const { admin } = await asAdmin();
    for (const period of ["9999-12", "0000-Q1", "0001-01"]) {
      const response = await admin.get(`/dasbor/admin/ekspor?periode=${period}`);
      expect(response.status, period).toBe(400);
      expect(await response.text()).toContain("2026-Q3");
    }
  });

  it("a NUL character, which PostgreSQL refuses in text, gets a 400 page in a query or a form and changes nothing", async () => {
    const { people, admin } = await asAdmin();
    for (const path of [
      "/dasbor/admin/audit?aktor=%00",
      "/dasbor/admin/audit?entitas=a%00b",
      "/dasbor/admin/ekspor?periode=2026-11&unit=%00",
    ]) {
      const response = await admin.get(path);
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toContain("NUL");
    }
    const invites = await admin.post("/dasbor/admin/undangan", { _csrf: admin.csrf, unit: "DISKOMINFO\0" });
    expect(invites.status).toBe(400);

    const report = await submittedReport(database.prisma, people.staff.id);
    const { app, clock } = dashboardApp(database);
    const boss = await signIn(app, database.prisma, people.supervisor.id, clock.now());
    const revise = {
      _csrf: boss.csrf,
      laporan: String(report.id),
      versi: "1",
      aksi: "revisi",
      catatan: "Perbaiki\0 uraian",
    };
    expect((await boss.post("/dasbor/tim/keputusan", revise)).status).toBe(400);
    expect((await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
    expect(await database.prisma.review.count()).toBe(0);
  });
});
