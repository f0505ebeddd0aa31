import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importFiles, ImportError } from "../../src/domain/import/index.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import {
  clockAt,
  dumpImported,
  EXAMPLE_DIR,
  EXAMPLE_LEAVE,
  EXAMPLE_POLICY,
  editedExample,
  NIP,
  rowCounts,
} from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const firstImport = () => importFiles(db, [EXAMPLE_DIR], { clock: clockAt("2026-01-05T01:00:00Z") });

const updatedAtOfEverything = async () => ({
  units: await db.prisma.unit.findMany({ select: { code: true, updatedAt: true }, orderBy: { id: "asc" } }),
  employees: await db.prisma.employee.findMany({ select: { nip: true, updatedAt: true }, orderBy: { id: "asc" } }),
  plans: await db.prisma.skpPlan.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
  indicators: await db.prisma.skpIndicator.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
  policy: await db.prisma.keyValue.findMany({
    where: { key: { startsWith: "policy:" } },
    select: { key: true, updatedAt: true },
    orderBy: { key: "asc" },
  }),
});

describe("the example city", () => {
  it("imports units, employees, SKP indicators, leave and policy", async () => {
    const summary = await firstImport();

    expect(summary).toMatchObject({
      files: ["cuti.csv", "kebijakan.csv", "layanan.csv", "pegawai.csv", "skp.csv", "unit.csv"],
      units: { created: 5, updated: 0, unchanged: 0 },
      employees: { created: 17, updated: 0, unchanged: 0, deactivated: 0 },
      skpPlans: { created: 17 },
      indicators: { created: 68, updated: 0, unchanged: 0 },
      leave: { created: EXAMPLE_LEAVE, unchanged: 0 },
      policy: { changed: EXAMPLE_POLICY, unchanged: 0 },
      counters: { created: 4, updated: 0, unchanged: 0 },
    });
    // The import's own audit row, and the policy change's with its values before and after.
    expect(await rowCounts(db)).toEqual({
      units: 5,
      employees: 17,
      plans: 17,
      indicators: 68,
      leave: EXAMPLE_LEAVE,
      audits: 2,
    });
  });

  it("spans two time zones, with a six-day service unit under its dinas", async () => {
    await firstImport();
    const branch = await db.prisma.unit.findUniqueOrThrow({
      where: { code: "DUKCAPIL-PL" },
      include: { parent: true },
    });
    expect(branch).toMatchObject({
      timeZone: "Asia/Makassar",
      workingDays: [1, 2, 3, 4, 5, 6],
      parent: { code: "DUKCAPIL" },
    });
    expect(await db.prisma.unit.findUniqueOrThrow({ where: { code: "SETDA" } })).toMatchObject({
      timeZone: "Asia/Jakarta",
      workingDays: [1, 2, 3, 4, 5],
    });
  });

  it("stores a unit's own organisational result, and an empty cell leaves the policy's default to apply", async () => {
    await firstImport();
    const resultOf = async (code: string) =>
      (await db.prisma.unit.findUniqueOrThrow({ where: { code } })).organisationalResult;
    expect(await resultOf("DUKCAPIL")).toBe("ISTIMEWA");
    expect(await resultOf("SETDA")).toBeNull();

    const dir = editedExample((name, text) =>
      name === "unit.csv" ? text.replace("PEMKOT,WIB,1-6,istimewa", "PEMKOT,WIB,1-6,Butuh Perbaikan") : text,
    );
    const summary = await importFiles(db, [dir]);
    expect(summary.units).toEqual({ created: 0, updated: 1, unchanged: 4 });
    expect(await resultOf("DUKCAPIL")).toBe("BUTUH_PERBAIKAN");
  });

  it("links supervisors three levels deep: staff → kabid → kepala dinas → sekda", async () => {
    await firstImport();
    const chain: string[] = [];
    let nip: string | undefined = NIP.staffPutri;
    while (nip) {
      chain.push(nip);
      const employee: { supervisor: { nip: string } | null } = await db.prisma.employee.findUniqueOrThrow({
        where: { nip },
        include: { supervisor: true },
      });
      nip = employee.supervisor?.nip;
    }
    expect(chain).toEqual([NIP.staffPutri, NIP.kabidPendaftaran, NIP.kepalaDinas, NIP.sekda]);
  });

  it("accepts the PPPK employee and maps roles and languages", async () => {
    await firstImport();
    const byNip = async (nip: string) => db.prisma.employee.findUniqueOrThrow({ where: { nip } });
    expect(await byNip(NIP.pppk)).toMatchObject({ kind: "PPPK", roles: [] });
    expect(await byNip(NIP.admin)).toMatchObject({ kind: "PNS", roles: ["ADMIN"] });
    expect(await byNip(NIP.penilai)).toMatchObject({ roles: ["PENILAI"] });
    expect(await byNip(NIP.sekda)).toMatchObject({ roles: ["HEAD"], language: "id" });
    expect(await byNip("199702202021031002")).toMatchObject({ language: "en" });
  });

  it("gives every employee a 2026 SKP with main and additional RHK and every aspect", async () => {
    await firstImport();
    const plans = await db.prisma.skpPlan.findMany({ include: { indicators: true } });
    expect(plans).toHaveLength(17);
    for (const plan of plans) {
      expect(plan.year).toBe(2026);
      expect(plan.indicators.length).toBeGreaterThanOrEqual(3);
      expect(new Set(plan.indicators.map((i) => i.rhkKind))).toEqual(new Set(["MAIN", "ADDITIONAL"]));
    }
    const aspects = new Set(plans.flatMap((p) => p.indicators.map((i) => i.aspect)));
    expect(aspects).toEqual(new Set(["QUANTITY", "QUALITY", "TIME", "COST"]));
    const sekda = await db.prisma.skpIndicator.findFirstOrThrow({
      where: { code: "U2.1", plan: { employee: { nip: NIP.sekda } } },
    });
    expect(sekda.target.toFixed(2)).toBe("75.50"); // written "75,5"
  });

  it("records the import in the audit log", async () => {
    await firstImport();
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "import" } });
    expect(audit).toMatchObject({ actor: "cli", entity: "import", at: new Date("2026-01-05T01:00:00Z") });
    expect(audit.details).toMatchObject({
      files: ["cuti.csv", "kebijakan.csv", "layanan.csv", "pegawai.csv", "skp.csv", "unit.csv"],
      employees: { created: 17, updated: 0, unchanged: 0, deactivated: 0 },
      indicators: { created: 68 },
      leave: { created: EXAMPLE_LEAVE, unchanged: 0 },
      policy: { changed: EXAMPLE_POLICY, unchanged: 0 },
      deactivateMissing: false,
    });
    const policy = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "policy.import" } });
    expect(policy).toMatchObject({
      actor: "cli",
      entity: "policy",
      details: { files: ["cuti.csv", "kebijakan.csv", "layanan.csv", "pegawai.csv", "skp.csv", "unit.csv"] },
    });
    expect([
      (policy.before as Record<string, unknown>)["deadlines.periodicCloseDay"],
      (policy.after as Record<string, unknown>)["deadlines.periodicCloseDay"],
    ]).toEqual([5, 10]);
  });
});

describe("importing again", () => {
  it("changes nothing when the files are the same", async () => {
    await firstImport();
    const before = await updatedAtOfEverything();

    const summary = await importFiles(db, [EXAMPLE_DIR], { clock: clockAt("2026-02-01T01:00:00Z") });

    expect(summary).toMatchObject({
      units: { created: 0, updated: 0, unchanged: 5 },
      employees: { created: 0, updated: 0, unchanged: 17, deactivated: 0 },
      skpPlans: { created: 0 },
      indicators: { created: 0, updated: 0, unchanged: 68 },
      leave: { created: 0, unchanged: EXAMPLE_LEAVE },
      policy: { changed: 0, unchanged: EXAMPLE_POLICY },
      counters: { created: 0, updated: 0, unchanged: 4 },
    });
    expect(await updatedAtOfEverything()).toEqual(before);
    expect(await db.prisma.leave.count()).toBe(EXAMPLE_LEAVE);
    // Each import is recorded; the policy change only the first time, when there was one.
    const audits = await db.prisma.auditLog.findMany({ where: { action: "import" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(await db.prisma.auditLog.count({ where: { action: "policy.import" } })).toBe(1);
    expect(audits[1]!.details).toMatchObject({
      units: { created: 0, updated: 0 },
      employees: { created: 0, updated: 0, deactivated: 0 },
      indicators: { created: 0, updated: 0 },
      leave: { created: 0, unchanged: EXAMPLE_LEAVE },
    });
  });

  it("updates only the rows that changed", async () => {
    await firstImport();
    const changed = editedExample((name, text) =>
      name === "pegawai.csv"
        ? text.replace("Pengadministrasi Kependudukan,", "Pengadministrasi Kependudukan Ahli,")
        : name === "skp.csv"
          ? text.replace("Jumlah gangguan sistem yang ditangani,48,", "Jumlah gangguan sistem yang ditangani,60,")
          : text.replace("PEMKOT,WIB,1-6", "PEMKOT,WIB,1-7"),
    );
    const later = new Date("2026-02-01T01:00:00Z");

    const summary = await importFiles(db, [changed], { clock: clockAt(later.toISOString()) });

    expect(summary).toMatchObject({
      units: { updated: 1, unchanged: 4 },
      employees: { updated: 1, unchanged: 16 },
      indicators: { updated: 1, unchanged: 67 },
    });
    const putri = await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffPutri } });
    expect(putri).toMatchObject({ position: "Pengadministrasi Kependudukan Ahli", updatedAt: later });
    const untouched = await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffRizky } });
    expect(untouched.updatedAt).toEqual(new Date("2026-01-05T01:00:00Z"));
    const indicator = await db.prisma.skpIndicator.findFirstOrThrow({
      where: { code: "U1.1", plan: { employee: { nip: NIP.pppk } } },
    });
    expect([indicator.target.toFixed(0), indicator.updatedAt]).toEqual(["60", later]);
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { code: "DUKCAPIL" } })).workingDays).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it("keeps an employee missing from the files, and deactivates them only with deactivateMissing", async () => {
    await firstImport();
    const withoutRizky = editedExample((_name, text) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith(NIP.staffRizky))
        .join("\n"),
    );

    const kept = await importFiles(db, [withoutRizky]);
    expect(kept.employees).toMatchObject({ unchanged: 16, deactivated: 0 });
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffRizky } })).active).toBe(true);

    const deactivated = await importFiles(db, [withoutRizky], { deactivateMissing: true });
    expect(deactivated.employees).toMatchObject({ unchanged: 16, deactivated: 1 });
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffRizky } })).active).toBe(false);
    expect(await db.prisma.employee.count({ where: { active: true } })).toBe(16);

    // Listed again: active again.
    const back = await importFiles(db, [EXAMPLE_DIR], { deactivateMissing: true });
    expect(back.employees).toMatchObject({ updated: 1, unchanged: 16, deactivated: 0 });
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffRizky } })).active).toBe(true);
  });

  it("keeps the language an employee chose when the bahasa cell is empty", async () => {
    await firstImport();
    await db.prisma.employee.update({ where: { nip: NIP.staffAndi }, data: { language: "en" } }); // chosen with /bahasa

    const summary = await importFiles(db, [EXAMPLE_DIR]);

    expect(summary.employees).toMatchObject({ updated: 0, unchanged: 17 });
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { nip: NIP.staffAndi } })).language).toBe("en");
  });
});

describe("options", () => {
  it("a dry run counts what would change and writes nothing", async () => {
    const summary = await importFiles(db, [EXAMPLE_DIR], { dryRun: true });
    expect(summary).toMatchObject({
      dryRun: true,
      employees: { created: 17 },
      indicators: { created: 68 },
      leave: { created: EXAMPLE_LEAVE },
    });
    expect(await rowCounts(db)).toEqual({ units: 0, employees: 0, plans: 0, indicators: 0, leave: 0, audits: 0 });
  });

  it("refuses deactivateMissing without an employee file, which would deactivate everyone", async () => {
    await firstImport();
    await expect(importFiles(db, [`${EXAMPLE_DIR}/unit.csv`], { deactivateMissing: true })).rejects.toThrow(
      ImportError,
    );
    expect(await db.prisma.employee.count({ where: { active: true } })).toBe(17);
  });

  it("gives a unit with an empty zona_waktu the default time zone", async () => {
    const dir = editedExample((name, text) =>
      name === "unit.csv"
        ? text.replace(
            "SETDA,Sekretariat Daerah Kota Contoh,PEMKOT,WIB",
            "SETDA,Sekretariat Daerah Kota Contoh,PEMKOT,",
          )
        : text,
    );
    await importFiles(db, [dir], { defaultTimeZone: "Asia/Jayapura" });
    expect((await db.prisma.unit.findUniqueOrThrow({ where: { code: "SETDA" } })).timeZone).toBe("Asia/Jayapura");
  });

  it("imports the files one by one as well as the folder", async () => {
    await importFiles(db, [`${EXAMPLE_DIR}/skp.csv`, `${EXAMPLE_DIR}/unit.csv`, `${EXAMPLE_DIR}/pegawai.csv`]);
    const one = await dumpImported(db);
    await resetDatabase(db);
    await firstImport();
    expect(await dumpImported(db)).toEqual(one);
  });
});
