import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importFiles, ImportRefused } from "../../src/domain/import/index.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { EXAMPLE_DIR, NIP, writeFiles } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(async () => db?.close());
beforeEach(async () => resetDatabase(db));

const importPeople = () =>
  importFiles(
    db,
    ["unit.csv", "pegawai.csv"].map((f) => join(EXAMPLE_DIR, f)),
  );
const HEADER = "nip,tahun,kode,rhk,jenis_rhk,aspek,indikator,target,satuan,periode,rencana_aksi";
const row = (code: string, plans: string) =>
  `${NIP.staffAndi},2026,${code},Layanan TIK,utama,kuantitas,Jumlah laporan jaringan,12,dokumen,tahunan,"${plans}"`;
const plansOf = async (code: string) =>
  (await db.prisma.skpIndicator.findFirstOrThrow({ where: { code } })).actionPlans;

describe("the SKP import's optional rencana_aksi column", () => {
  it("stores several rencana aksi separated by ';' in one cell, trimmed and each once", async () => {
    await importPeople();
    await importFiles(db, [
      writeFiles({ "skp.csv": `${HEADER}\n${row("1.1", "Menyusun draf ; Rapat koordinasi;Menyusun draf")}\n` }),
    ]);
    expect(await plansOf("1.1")).toEqual(["Menyusun draf", "Rapat koordinasi"]);
  });

  it("merges one row per rencana aksi into one indicator", async () => {
    await importPeople();
    const summary = await importFiles(db, [
      writeFiles({ "skp.csv": `${HEADER}\n${row("1.1", "Menyusun draf")}\n${row("1.1", "Rapat koordinasi")}\n` }),
    ]);
    expect(summary.indicators).toMatchObject({ created: 1 });
    expect(await plansOf("1.1")).toEqual(["Menyusun draf", "Rapat koordinasi"]);
  });

  it("still refuses two rows of one indicator that differ in anything but the rencana aksi", async () => {
    await importPeople();
    const other = row("1.1", "Rapat koordinasi").replace(",12,", ",13,");
    await expect(
      importFiles(db, [writeFiles({ "skp.csv": `${HEADER}\n${row("1.1", "Menyusun draf")}\n${other}\n` })]),
    ).rejects.toThrow(ImportRefused);
  });

  it("leaves an indicator without rencana aksi when the column is empty or absent, and updates a changed list", async () => {
    await importPeople();
    await importFiles(db, [writeFiles({ "skp.csv": `${HEADER}\n${row("1.1", "")}\n` })]);
    expect(await plansOf("1.1")).toEqual([]);
    const summary = await importFiles(db, [
      writeFiles({ "skp.csv": `${HEADER}\n${row("1.1", "Rapat koordinasi")}\n` }),
    ]);
    expect(summary.indicators).toMatchObject({ updated: 1 });
    expect(await plansOf("1.1")).toEqual(["Rapat koordinasi"]);
  });
});
