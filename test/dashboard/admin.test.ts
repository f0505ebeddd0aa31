import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { dashboardApp, seedTwoUnits, signIn, type Browser } from "./support.ts";
import type { Hono } from "hono";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const UNITS_OK = "kode,nama,induk,zona_waktu,hari_kerja,predikat_organisasi\nBAPPEDA,Badan Perencanaan,,WIB,1-5,\n";
const UNITS_BAD = `${UNITS_OK}DISDIK,Dinas Pendidikan,,Mars/Olympus,1-5,\n`;

async function upload(app: Hono, admin: Browser, name: string, text: string) {
  const form = new FormData();
  form.set("_csrf", admin.csrf);
  form.set("berkas", new File([text], name, { type: "text/csv" }));
  return app.request("/dasbor/admin/impor", { method: "POST", headers: { Cookie: admin.cookie }, body: form });
}

describe("HR's area", () => {
  it("is refused to everyone but admins", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    for (const id of [people.staff.id, people.head.id, people.penilai.id, people.supervisor.id]) {
      const other = await signIn(app, database.prisma, id, clock.now());
      expect((await other.get("/dasbor/admin")).status).toBe(403);
      expect((await other.get("/dasbor/admin/audit")).status).toBe(403);
    }
  });

  it("an import with a bad row lists it with its row number and writes nothing; a good one is checked, then imported", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    const before = await database.prisma.unit.count();
    const refused = await (await upload(app, admin, "unit.csv", UNITS_BAD)).text();
    expect(refused).toContain("unit.csv baris 3");
    expect(await database.prisma.unit.count()).toBe(before);

    const checked = await (await upload(app, admin, "unit.csv", UNITS_OK)).text();
    expect(await database.prisma.unit.count()).toBe(before);
    const uploadId = /name="unggahan" value="([^"]+)"/.exec(checked)![1]!;
    const done = await admin.post("/dasbor/admin/impor/jalankan", { _csrf: admin.csrf, unggahan: uploadId });
    expect(await done.text()).toContain("Impor selesai");
    expect(await database.prisma.unit.count()).toBe(before + 1);
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "import" } });
    expect(audit.actor).toBe("telegram:5007");
    // The upload is gone once run, and another session's id is refused.
    const again = await admin.post("/dasbor/admin/impor/jalankan", { _csrf: admin.csrf, unggahan: uploadId });
    expect(await again.text()).toContain("sudah tidak ada");
  });

  it("checks a file whose name is only its extension, or oddly written, as the file it is", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    for (const name of [".csv", "..UNIT.CSV", "unit kota (1).csv"]) {
      const page = await (await upload(app, admin, name, UNITS_BAD)).text();
      expect(page).toMatch(/\.csv baris 3/); // read as a CSV: its bad row is named
    }
  });

  it("words the import's row errors in the admin's language: Indonesian by default, English when chosen", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    // A PPPK number left under the default jenis PNS: the NIP's own problem is worded inside the row's.
    const employees = "nip,nama,jabatan,unit\n199509032022211005,Budi,Staf,DINKES\n12345,Sari,Staf,DINKES\n";

    const units = await (await upload(app, admin, "unit.csv", UNITS_BAD)).text();
    expect(units).toContain(
      'unit.csv baris 3: zona waktu "Mars/Olympus" tidak dikenal; isi salah satu dari: Asia/Jakarta, Asia/Makassar, Asia/Jayapura (atau WIB, WITA, WIT)',
    );
    const nips = await (await upload(app, admin, "pegawai.csv", employees)).text();
    expect(nips).toContain(
      "pegawai.csv baris 2: NIP PNS 199509032022211005: tahun dan bulan pengangkatan 2022-21 (digit 9–14) bukan bulan yang ada (jika ini nomor PPPK, isi jenis dengan PPPK)",
    );
    expect(nips).toContain("pegawai.csv baris 3: NIP PNS 12345: harus tepat 18 angka");
    expect(`${units}${nips}`).not.toMatch(/is not|must be/);

    await database.prisma.employee.update({ where: { id: people.admin.id }, data: { language: "en" } });
    const english = await signIn(app, database.prisma, people.admin.id, clock.now());
    expect(await (await upload(app, english, "unit.csv", UNITS_BAD)).text()).toContain(
      'unit.csv:3: time zone "Mars/Olympus" is not one of Asia/Jakarta, Asia/Makassar, Asia/Jayapura (or WIB, WITA, WIT)',
    );
    expect(await (await upload(app, english, "pegawai.csv", employees)).text()).toContain(
      "pegawai.csv:3: PNS NIP 12345: must be exactly 18 digits",
    );
  });

  it("downloads the export workbook of a month and a unit, which exceljs opens", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    const response = await admin.get("/dasbor/admin/ekspor?periode=2026-11&unit=DISKOMINFO");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("lapkin-export-2026-11-DISKOMINFO.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3);
    expect((await admin.get("/dasbor/admin/ekspor?periode=bulan-lalu")).status).toBe(400);
  });

  it("issues invites for a unit as a CSV of t.me links, only with the CSRF token", async () => {
    const people = await seedTwoUnits(database.prisma);
    await database.prisma.employee.update({ where: { id: people.staff.id }, data: { telegramId: null } });
    const { app, clock } = dashboardApp(database);
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    expect((await admin.post("/dasbor/admin/undangan", { unit: "DISKOMINFO" })).status).toBe(403);
    expect(await database.prisma.invite.count()).toBe(0);
    const csv = await (await admin.post("/dasbor/admin/undangan", { _csrf: admin.csrf, unit: "DISKOMINFO" })).text();
    expect(csv).toContain(people.staff.nip);
    expect(csv).toMatch(/https:\/\/t\.me\/lapkin_test_bot\?start=inv_/);
    expect(await database.prisma.invite.count()).toBe(1);
  });

  it("shows the policy in force and the audit log filtered by actor, entity and date, with a CSV", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    expect(await (await admin.get("/dasbor/admin")).text()).toContain("bawaan");
    await database.prisma.auditLog.createMany({
      data: [
        { actor: "cli", action: "import", entity: "import", at: new Date("2026-11-20T03:00:00Z") },
        {
          actor: "telegram:42",
          action: "report.approved",
          entity: "Report",
          entityId: "9",
          at: new Date("2026-11-23T03:00:00Z"),
        },
      ],
    });
    const byEntity = await (await admin.get("/dasbor/admin/audit?entitas=Report")).text();
    expect(byEntity).toContain("report.approved");
    expect(byEntity).not.toContain(">import<");
    const byDate = await (await admin.get("/dasbor/admin/audit?dari=2026-11-19&sampai=2026-11-21")).text();
    expect(byDate).toContain(">import<");
    expect(byDate).not.toContain("report.approved");
    const byActor = await (await admin.get("/dasbor/admin/audit?aktor=telegram%3A42&unduh=csv")).text();
    expect(byActor).toContain("report.approved");
    expect(byActor).not.toContain(",import,");
  });
});
