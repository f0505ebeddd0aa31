import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, ImportRefused } from "../../src/domain/import/index.ts";
import { createTestDatabase } from "../support/db.ts";
import { dumpImported, EXAMPLE_DIR, inEnglish, NIP, rowCounts, writeFiles, type WordedProblem } from "./helpers.ts";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await importFiles(db, [EXAMPLE_DIR]);
});
afterAll(async () => db?.close());

/** Imports `files` expecting a refusal; checks that no table changed, and returns the problems. */
async function refusedProblems(
  files: Record<string, string>,
  options: { deactivateMissing?: boolean } = {},
): Promise<WordedProblem[]> {
  const counts = await rowCounts(db);
  const contents = await dumpImported(db);
  const error = await importFiles(db, [writeFiles(files)], options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportRefused);
  expect(await rowCounts(db)).toEqual(counts);
  expect(await dumpImported(db)).toEqual(contents);
  return inEnglish((error as ImportRefused).problems);
}

function expectProblems(
  problems: WordedProblem[],
  expected: [file: string, row: number | undefined, fragment: string][],
) {
  expect(problems.map((p) => [p.file, p.row])).toEqual(expected.map(([file, row]) => [file, row]));
  problems.forEach((problem, i) => expect(problem.message).toContain(expected[i]![2]));
}

const UNITS = `kode,nama,induk,zona_waktu,hari_kerja,predikat_organisasi
X1,Unit X1,PEMKOT,WITT,1-5
X2,Unit X2,PEMKOT,WIB,1-8
C1,Unit C1,PEMKOT,WIB,1-5
C1,Unit C1 lagi,PEMKOT,WIB,1-5
CA,Unit CA,CB,WIB,1-5
CB,Unit CB,CA,WIB,1-5
X3,Unit X3,NOPE,WIB,1-5
X4,,PEMKOT,WIB,1-5
X5,Unit X5,PEMKOT,WIB,1-5,luar biasa
`;

const EMPLOYEES = `nip,nama,jabatan,jenis,unit,nip_atasan,peran,bahasa
198502302010011001,A,Staf,PNS,SETDA,,,
198501012010131001,B,Staf,PNS,SETDA,,,
200001012010011001,C,Staf,PNS,SETDA,,,
198501012010011002,D,Staf,PNS,ZZZ,,,
198501012010011003,E,Staf,PNS,SETDA,199001012015011999,,
198501012010011004,F,Staf,PNS,SETDA,198501012010011005,,
198501012010011005,G,Staf,PNS,SETDA,198501012010011004,,
198501012010011006,H,Staf,PNS,SETDA,198501012010011006,,
198501012010011007,I,Staf,PNS,SETDA,,,
198501012010011007,I kembar,Staf,PNS,SETDA,,,
199509032010211005,J,Staf,PPPK,SETDA,,,
198501012010013008,K,Staf,PNS,SETDA,,,
198501012010011009,L,,PNS,SETDA,,,
198501012010011010,M,Staf,PNS,SETDA,,bos,
198501012010011011,N,Staf,PNS,SETDA,,,jp
`;

const SKP = `nip,tahun,kode,rhk,jenis_rhk,aspek,indikator,target,satuan,periode
${NIP.staffPutri},2026,Z1,R,utama,kuantitas,I,sepuluh,dok,
${NIP.staffPutri},2026,Z2,R,utama,kuantitas,I,0,dok,
199999999999999999,2026,Z3,R,utama,kuantitas,I,3,dok,
${NIP.staffPutri},2026,Z4,R,utama,kecepatan,I,3,dok,
${NIP.staffPutri},2026,Z5,R,utama,kuantitas,I,3,dok,
${NIP.staffPutri},2026,Z5,R,utama,kuantitas,I,4,dok,
${NIP.staffPutri},26,Z6,R,utama,kuantitas,I,4,dok,Q5
`;

describe("a bad import", () => {
  it("lists every problem with its file and row, and writes nothing", async () => {
    const problems = await refusedProblems({
      "unit.csv": UNITS,
      "pegawai.csv": EMPLOYEES,
      "skp.csv": SKP,
      "catatan.csv": "judul,isi\nRapat,Senin\n",
    });

    expectProblems(problems, [
      ["catatan.csv", undefined, "matches no known layout"],
      ["pegawai.csv", 2, "PNS NIP 198502302010011001: birth date 1985-02-30 (digits 1–8) is not a real date"],
      ["pegawai.csv", 3, "civil-service start 2010-13"],
      ["pegawai.csv", 4, "less than 18 years after birth"],
      ["pegawai.csv", 5, "unit ZZZ is not in the unit files or the database"],
      ["pegawai.csv", 6, "nip_atasan: NIP 199001012015011999 is not in the employee files or the database"],
      ["pegawai.csv", 7, "supervisors form a cycle: 198501012010011004 → 198501012010011005 → 198501012010011004"],
      ["pegawai.csv", 9, "NIP 198501012010011006 is their own supervisor"],
      ["pegawai.csv", 11, "duplicate NIP 198501012010011007 (first at pegawai.csv row 10)"],
      ["pegawai.csv", 12, "PPPK NIP 199509032010211005: appointment year 2010"],
      ["pegawai.csv", 13, "digit 15 must be 1 (male) or 2 (female)"],
      ["pegawai.csv", 14, "missing jabatan"],
      ["pegawai.csv", 15, 'peran "bos" is not one of admin, penilai, kepala'],
      ["pegawai.csv", 16, 'bahasa "jp" is not one of id, en'],
      ["skp.csv", 2, 'target "sepuluh" is not a number'],
      ["skp.csv", 3, "target 0 must be greater than 0"],
      ["skp.csv", 4, "NIP 199999999999999999 is not in the employee files or the database"],
      ["skp.csv", 5, 'aspek "kecepatan" is not one of kuantitas, kualitas, waktu, biaya'],
      ["skp.csv", 7, `duplicate indicator Z5 of NIP ${NIP.staffPutri} for 2026 (first at skp.csv row 6)`],
      ["skp.csv", 8, 'tahun "26" is not a year'],
      ["skp.csv", 8, 'periode "Q5"'],
      ["unit.csv", 2, 'time zone "WITT" is not one of Asia/Jakarta, Asia/Makassar, Asia/Jayapura'],
      ["unit.csv", 3, 'working days "1-8"'],
      ["unit.csv", 5, "duplicate unit code C1 (first at unit.csv row 4)"],
      ["unit.csv", 6, "units form a cycle through induk: CA → CB → CA"],
      ["unit.csv", 8, "induk NOPE is not a unit in the unit files or the database"],
      ["unit.csv", 9, "missing nama"],
      [
        "unit.csv",
        10,
        'predikat_organisasi "luar biasa" is not one of istimewa, baik, butuh perbaikan, kurang, sangat kurang',
      ],
    ]);
  });

  it("finds cycles that close through rows already in the database", async () => {
    // In the database: Andi → Sri → Sekda, and DUKCAPIL-PL → DUKCAPIL → PEMKOT.
    const problems = await refusedProblems({
      "pegawai.csv": `nip,nama,jabatan,unit,nip_atasan\n${NIP.sekda},Bambang,Sekretaris Daerah,SETDA,${NIP.staffAndi}\n`,
      "unit.csv": "kode,nama,induk\nPEMKOT,Pemerintah Kota Contoh,DUKCAPIL-PL\n",
    });
    expectProblems(problems, [
      [
        "pegawai.csv",
        2,
        `supervisors form a cycle: ${NIP.sekda} → ${NIP.staffAndi} → 197508212000122001 → ${NIP.sekda}`,
      ],
      ["unit.csv", 2, "units form a cycle through induk: PEMKOT → DUKCAPIL-PL → DUKCAPIL → PEMKOT"],
    ]);
  });

  it("with deactivateMissing, refuses references to employees the files leave out", async () => {
    const problems = await refusedProblems(
      { "pegawai.csv": `nip,nama,jabatan,unit,nip_atasan\n${NIP.staffAndi},Andi,Analis,SETDA,197508212000122001\n` },
      { deactivateMissing: true },
    );
    expectProblems(problems, [
      ["pegawai.csv", 2, "not in the employee files and would be deactivated by --deactivate-missing"],
    ]);
  });

  it("names a file whose header has a required column missing", async () => {
    const problems = await refusedProblems({ "pegawai.csv": "nip,nama,unit\n198501012010011001,A,SETDA\n" });
    expectProblems(problems, [
      ["pegawai.csv", undefined, 'looks like the employees layout but lacks the column "jabatan"'],
    ]);
  });

  it("says what a refusal amounts to", async () => {
    const error = await importFiles(db, [writeFiles({ "unit.csv": UNITS, "skp.csv": SKP })]).catch((e: unknown) => e);
    expect((error as ImportRefused).message).toBe("Import refused: 14 problems in 2 files; nothing was written.");
  });
});
