import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/db.ts";
import { finalised } from "../oversight/helpers.ts";
import { dashboardApp, seedTwoUnits, signIn, submittedReport, type Browser } from "./support.ts";

/** Every list of every page has a CSV download, and each download is that list. */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
let people: Awaited<ReturnType<typeof seedTwoUnits>>;
let head: Browser;
let admin: Browser;
let supervisor: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.prisma;
  people = await seedTwoUnits(db);
  await submittedReport(db, people.staff.id);
  const plan = await db.skpPlan.create({ data: { employeeId: people.staff.id, year: 2026 } });
  await db.skpIndicator.create({
    data: {
      planId: plan.id,
      code: "1.1",
      rhk: "RHK",
      indicator: "Laporan bulanan",
      target: 12,
      unitOfMeasure: "dokumen",
    },
  });
  const rating = { evaluatorId: people.supervisor.id, results: "ABOVE", behaviour: "ABOVE" } as const;
  await finalised(db, { ...rating, employeeId: people.staff.id, predicate: "SANGAT_BAIK", percent: 95 });
  await finalised(db, { ...rating, employeeId: people.colleague.id, predicate: "KURANG", percent: 40 });
  const { app, clock } = dashboardApp(database);
  head = await signIn(app, db, people.head.id, clock.now());
  admin = await signIn(app, db, people.admin.id, clock.now());
  supervisor = await signIn(app, db, people.supervisor.id, clock.now());
});
afterAll(async () => database.close());

/** The page's CSV links, each downloaded: its first line (the header) and its rows. */
async function downloads(browser: Browser, path: string) {
  const page = await (await browser.get(path)).text();
  const links = [...page.matchAll(/<a class="csv" href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  const tables = (page.match(/<table/g) ?? []).length;
  const files = await Promise.all(
    links.map(async (link) => {
      const response = await browser.get(link);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      const [header, ...rows] = (await response.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      return { header, rows };
    }),
  );
  return { tables, files };
}

describe("CSV downloads", () => {
  it("an employee's page: reports, SKP progress and ratings", async () => {
    const { tables, files } = await downloads(head, `/dasbor/pegawai/${people.staff.id}`);
    expect(files).toEqual([
      {
        header: "tanggal,nomor,indikator,uraian,output,menit,status,penilaian,catatan",
        rows: [expect.stringContaining("Menyusun laporan bulanan")],
      },
      {
        header: "kode,indikator,periode_target,target_jatuh_tempo,realisasi,persen,satuan",
        rows: ["1.1,Laporan bulanan,YEAR,12,0,0,dokumen"],
      },
      {
        header: "tahun,periode,hasil_kerja,perilaku_kerja,predikat,umpan_balik",
        rows: ["2026,Q3,di atas ekspektasi,di atas ekspektasi,Sangat Baik,Kinerja triwulan ini tercatat."],
      },
    ]);
    expect(files.length).toBe(tables);
  });

  it("the team page: the team today and the waiting reports", async () => {
    const { files } = await downloads(supervisor, "/dasbor/tim");
    expect(files.map((f) => f.header)).toEqual([
      "nama,unit,tanggal,laporan,libur",
      "nomor,pegawai,tanggal,uraian,dikirim",
    ]);
    expect(files[0]!.rows).toEqual([
      "Andi Wijaya,Dinas DISKOMINFO,2026-11-24,0,",
      "Dewi Lestari,Dinas DISKOMINFO,2026-11-24,0,",
    ]);
    expect(files[1]!.rows).toEqual([expect.stringMatching(/^LK-2026-\d+,Andi Wijaya,2026-11-23,/)]);
  });

  it("the unit page: the rate per day, the people, and the award and coaching lists", async () => {
    const LOW = "melapor hanya pada 0 dari 64 hari kerja (kurang dari separuh)";
    const LOW_REPORTING = `Dinas DISKOMINFO,,,,${LOW}`;
    const { tables, files } = await downloads(head, "/dasbor/unit?dari=2026-11-23&sampai=2026-11-24");
    expect(files).toEqual([
      {
        header: "tanggal,pegawai_melapor,pegawai_aktif,persen",
        rows: ["2026-11-23,1,6,16.7", "2026-11-24,0,6,0"],
      },
      {
        header: "nama,unit,hari_melapor,laporan,disetujui",
        rows: expect.arrayContaining(["Andi Wijaya,Dinas DISKOMINFO,1,1,0"]),
      },
      {
        header: "daftar,peringkat,nama,unit,realisasi_indikator_utama,laporan_disetujui,nilai_ikm_loket,alasan",
        // Nobody reported in Q3 in this seed: everyone of the unit is there for low reporting too.
        rows: [
          "penghargaan,1,Andi Wijaya,Dinas DISKOMINFO,95,0,,",
          ...["Admin BKPSDM", "Andi Wijaya", "Budi Santoso"].map((name) => `pembinaan,,${name},${LOW_REPORTING}`),
          `pembinaan,,Dewi Lestari,Dinas DISKOMINFO,,,,"predikat Kurang; ${LOW}"`,
          ...["Siti Rahma", "Tim Penilai"].map((name) => `pembinaan,,${name},${LOW_REPORTING}`),
        ],
      },
    ]);
    expect(files.length).toBeGreaterThanOrEqual(tables);
  });

  it("the admin page's policy table and the audit log", async () => {
    const home = await downloads(admin, "/dasbor/admin");
    expect(home.files.map((f) => f.header)).toEqual(["kunci,nilai,sumber,bawaan"]);
    expect(home.files[0]!.rows.length).toBeGreaterThan(10);
    expect(home.files[0]!.rows.every((row) => row.includes(",bawaan,"))).toBe(true); // nothing imported
    expect(home.files.length).toBe(home.tables);
    const audit = await downloads(admin, "/dasbor/admin/audit");
    expect(audit.files.length).toBe(audit.tables);
  });
});
