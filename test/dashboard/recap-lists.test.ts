import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { finalised, othersReportedInQ3 } from "../oversight/helpers.ts";
import { dashboardApp, seedTwoUnits, signIn } from "./support.ts";

/** The unit page's award and coaching lists: the same as /rekap, for heads, the team and admins only. */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const AWARD = "Andi Wijaya (Dinas DISKOMINFO) — realisasi indikator utama 95%, 0 laporan disetujui, nilai IKM loket -";
// Nobody reported in Q3 in this seed: low reporting is every coaching candidate's second reason.
const COACHING =
  "Dewi Lestari (Dinas DISKOMINFO): predikat Kurang; melapor hanya pada 0 dari 64 hari kerja (kurang dari separuh)";
const OTHER_COACHING = "Yusuf Hakim (Dinas Kesehatan): predikat Sangat Kurang";

async function setup() {
  const db = database.prisma;
  const people = await seedTwoUnits(db);
  const rate = (employeeId: number, evaluatorId: number, predicate: "SANGAT_BAIK" | "KURANG" | "SANGAT_KURANG") =>
    finalised(db, {
      employeeId,
      evaluatorId,
      results: predicate === "SANGAT_BAIK" ? "ABOVE" : "BELOW",
      behaviour: predicate === "SANGAT_BAIK" ? "ABOVE" : "BELOW",
      predicate,
      percent: predicate === "SANGAT_BAIK" ? 95 : 40,
    });
  await rate(people.staff.id, people.supervisor.id, "SANGAT_BAIK");
  await rate(people.colleague.id, people.supervisor.id, "KURANG");
  await rate(people.otherStaff.id, people.otherSupervisor.id, "SANGAT_KURANG");
  const scopedPenilai = await db.employee.update({
    where: { id: people.penilai.id },
    data: { assessorUnits: ["DINKES"] },
  });
  return { people, scopedPenilai, ...dashboardApp(database) };
}

describe("the unit page's award and coaching lists", () => {
  it("shows a head the award candidates and the coaching list of their unit, with the reasons", async () => {
    const { people, app, clock } = await setup();
    const head = await signIn(app, database.prisma, people.head.id, clock.now());
    const text = await (await head.get("/dasbor/unit")).text();
    expect(text).toContain("Penghargaan dan pembinaan — Triwulan 3 2026");
    expect(text).toContain(`1. ${AWARD}`);
    expect(text).toContain(COACHING);
    expect(text).not.toContain("Yusuf Hakim");
  });

  it("shows a team member the lists of their scope only, and an admin every unit's", async () => {
    const { people, scopedPenilai, app, clock } = await setup();
    const member = await signIn(app, database.prisma, scopedPenilai.id, clock.now());
    const memberPage = await (await member.get("/dasbor/unit")).text();
    expect(memberPage).toContain(OTHER_COACHING);
    expect(memberPage).not.toContain("Dewi Lestari");
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    const city = await (await admin.get("/dasbor/unit?unit=semua")).text();
    expect(city).toContain(AWARD);
    expect(city).toContain(COACHING);
    expect(city).toContain(OTHER_COACHING);
  });

  it("never shows the lists to a plain employee or a supervisor", async () => {
    const { people, app, clock } = await setup();
    for (const who of [people.staff, people.colleague, people.supervisor]) {
      const browser = await signIn(app, database.prisma, who.id, clock.now());
      expect((await browser.get("/dasbor/unit")).status).toBe(403);
      for (const path of ["/dasbor/saya", "/dasbor/tim", `/dasbor/pegawai/${people.staff.id}`]) {
        const text = await (await browser.get(path)).text();
        expect(text).not.toContain("Penghargaan dan pembinaan");
        expect(text).not.toContain("predikat Kurang");
      }
    }
  });

  it("shows a long coaching list a page at a time, and all of it in the CSV", async () => {
    const { people, app, clock } = await setup();
    const db = database.prisma;
    for (let i = 0; i < 55; i++) {
      const employee = await db.employee.create({
        data: {
          nip: `19900101201501${String(1000 + i)}`,
          name: `Pegawai ${String(i).padStart(2, "0")}`,
          position: "Staf",
          unitId: people.unit.id,
          supervisorId: people.supervisor.id,
        },
      });
      await finalised(db, {
        employeeId: employee.id,
        evaluatorId: people.supervisor.id,
        results: "BELOW",
        behaviour: "BELOW",
        predicate: "KURANG",
        percent: 40,
      });
    }
    await othersReportedInQ3(db, null, []); // the list is about predicates here, not low reporting
    const head = await signIn(app, db, people.head.id, clock.now());
    const coachingOf = (html: string) => [...html.matchAll(/<li>\s*• ([^(]+) \(/g)].map((m) => m[1]);
    const first = await (await head.get("/dasbor/unit")).text();
    expect(coachingOf(first)).toHaveLength(50);
    expect(coachingOf(first)[0]).toBe("Dewi Lestari");
    const next = /href="([^"]*hal_pembinaan=2[^"]*)" rel="next"/.exec(first)![1]!.replaceAll("&amp;", "&");
    const second = coachingOf(await (await head.get(next)).text());
    expect(second).toEqual(["Pegawai 49", "Pegawai 50", "Pegawai 51", "Pegawai 52", "Pegawai 53", "Pegawai 54"]);
    const csv = await (await head.get("/dasbor/unit?unduh=csv&daftar=rekap")).text();
    expect(
      csv
        .trim()
        .split("\r\n")
        .filter((line) => line.startsWith("pembinaan,")),
    ).toHaveLength(56);
  });
});
