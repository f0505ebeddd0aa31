import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { dashboardApp, seedTwoUnits, signIn, submittedReport } from "./support.ts";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

async function setup() {
  const people = await seedTwoUnits(database.prisma);
  const sub = await database.prisma.unit.create({
    data: { code: "DISKOMINFO-TI", name: "Bidang TI", parentId: people.unit.id, organisationalResult: "ISTIMEWA" },
  });
  await database.prisma.employee.update({ where: { id: people.colleague.id }, data: { unitId: sub.id } });
  await submittedReport(database.prisma, people.staff.id); // Monday 23 November 2026, waiting since then
  for (const [employeeId, predicate] of [
    [people.staff.id, "SANGAT_BAIK"],
    [people.colleague.id, "SANGAT_BAIK"],
    [people.supervisor.id, "SANGAT_BAIK"],
  ] as const)
    await database.prisma.evaluation.create({
      data: {
        employeeId,
        year: 2026,
        period: "Q4",
        periodFrom: new Date("2026-10-01T00:00:00Z"),
        periodTo: new Date("2026-12-31T00:00:00Z"),
        status: "FINALISED",
        predicate,
      },
    });
  return { people, sub, ...dashboardApp(database) };
}

describe("the head's unit page", () => {
  it("shows the unit and the units below: rate per day, people, approvals and the spread against its limit", async () => {
    const { people, app, clock } = await setup();
    const head = await signIn(app, database.prisma, people.head.id, clock.now());
    const landing = await head.get("/dasbor");
    expect(landing.headers.get("Location")).toBe("/dasbor/unit");
    const html = await (await head.get("/dasbor/unit?dari=2026-11-23&sampai=2026-11-24")).text();
    expect(html).toContain("Dewi Lestari"); // in the sub-unit
    expect(html).not.toContain("Yusuf Hakim"); // another unit
    expect(html).toMatch(/<td>23 November 2026<\/td>\s*<td>1<\/td>/);
    expect(html).toContain("Menunggu: 1");
    expect(html).toContain("3 penilaian final");
    // Hasil kerja organisasi BAIK (the default): at most 20% SANGAT BAIK; 100% is flagged.
    expect(html).toContain("Sangat Baik 100%, melebihi batas 20%");
    expect(html).toMatch(/<canvas data-chart="\{&quot;type&quot;:&quot;line&quot;/);
  });

  it("is refused for a unit outside the head's tree, and to staff", async () => {
    const { people, app, clock } = await setup();
    const head = await signIn(app, database.prisma, people.head.id, clock.now());
    expect((await head.get(`/dasbor/unit?unit=${people.otherUnit.id}`)).status).toBe(403);
    expect((await head.get("/dasbor/unit?unit=semua")).status).toBe(403);
    const staff = await signIn(app, database.prisma, people.staff.id, clock.now());
    expect((await staff.get("/dasbor/unit")).status).toBe(403);
  });

  it("opens every unit and the city overview to the assessment team, read-only", async () => {
    const { people, app, clock } = await setup();
    const penilai = await signIn(app, database.prisma, people.penilai.id, clock.now());
    const city = await (await penilai.get("/dasbor/unit?unit=semua")).text();
    expect(city).toContain("Yusuf Hakim");
    expect(city).toContain("Andi Wijaya");
    const csv = await (await penilai.get("/dasbor/unit?unit=semua&unduh=csv")).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 9);
    expect((await penilai.get("/dasbor/tim")).status).toBe(403);
  });
});
