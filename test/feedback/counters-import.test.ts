import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importFiles, ImportRefused } from "../../src/domain/import/index.ts";
import { isPublicCode } from "../../src/domain/counters/public-code.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { EXAMPLE_DIR, inEnglish, NIP, writeFiles } from "../import/helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const counters = () =>
  db.prisma.serviceCounter.findMany({
    orderBy: { code: "asc" },
    select: { code: true, name: true, publicCode: true, staff: { select: { employeeId: true } } },
  });

describe("importing service counters", () => {
  it("creates the example city's counters in two units, with their staff, each with a random public code", async () => {
    await importFiles(db, [EXAMPLE_DIR]);
    const rows = await counters();
    expect(rows.map((c) => c.code)).toEqual(["DKP-AKTA", "DKP-KTP", "DKP-PL-INFO", "DKP-PL-KK"]);
    const units = await db.prisma.serviceCounter.groupBy({ by: ["unitId"], _count: true });
    expect(units).toHaveLength(2);
    expect(rows.find((c) => c.code === "DKP-KTP")!.staff).toHaveLength(2);
    expect(rows.find((c) => c.code === "DKP-PL-INFO")!.staff).toHaveLength(0);
    expect(rows.every((c) => isPublicCode(c.publicCode))).toBe(true);
    expect(new Set(rows.map((c) => c.publicCode)).size).toBe(4);
  });

  it("keeps a counter's public code when its name or staff change, so a printed poster stays valid", async () => {
    await importFiles(db, [EXAMPLE_DIR]);
    const before = await counters();
    const file = writeFiles({
      "layanan.csv": `kode,unit,nama,nip_petugas\nDKP-KTP,DUKCAPIL,Loket KTP Baru,${NIP.staffPutri}\n`,
    });

    const summary = await importFiles(db, [file]);

    expect(summary.counters).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await counters();
    const ktp = after.find((c) => c.code === "DKP-KTP")!;
    expect(ktp.name).toBe("Loket KTP Baru");
    expect(ktp.staff).toHaveLength(1);
    expect(ktp.publicCode).toBe(before.find((c) => c.code === "DKP-KTP")!.publicCode);
  });

  it("refuses a counter of an unknown unit or with an unknown NIP, and writes nothing", async () => {
    const file = writeFiles({
      "layanan.csv": "kode,unit,nama,nip_petugas\nA,NOPE,Loket A,\nB,NOPE,Loket B,199602142020032003;123\n",
    });
    const refused = await importFiles(db, [file]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    const messages = inEnglish((refused as ImportRefused).problems).map((p) => `${p.row}: ${p.message}`);
    expect(messages).toContain("2: unit NOPE is not in the unit files or the database");
    expect(messages.some((m) => m.startsWith("3: nip_petugas: NIP 123"))).toBe(true);
    expect(await db.prisma.serviceCounter.count()).toBe(0);
  });

  it("still reads a two-column kode,nama file as units, not as counters", async () => {
    const file = writeFiles({ "unit.csv": "kode,nama\nX,Unit X\n" });
    const summary = await importFiles(db, [file]);
    expect(summary.units.created).toBe(1);
  });
});
