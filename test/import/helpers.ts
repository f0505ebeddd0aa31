import { afterAll } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Writable } from "node:stream";
import type { Database } from "../../src/db/client.ts";
import type { CliIo } from "../../src/cli/context.ts";
import type { Problem } from "../../src/domain/import/index.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { plainText } from "../../src/lib/i18n.ts";

export const EXAMPLE_DIR = fileURLToPath(new URL("../../examples/kota-contoh/", import.meta.url));

/** Example NIPs the tests refer to. */
export const NIP = {
  sekda: "197003121995031002",
  kepalaDinas: "197311101999031005",
  kabidPendaftaran: "198203022006042003",
  staffPutri: "199602142020032003",
  staffRizky: "199801082022031001",
  staffAndi: "199001152015031004",
  pppk: "199509032022211005",
  admin: "199207282018032001",
  penilai: "198004172005012002",
} as const;

/** A refused import's problem as `lapkin import` words it (English). */
export interface WordedProblem {
  file: string;
  row?: number;
  message: string;
}

/** The problems worded as `lapkin import` prints them, to assert their text. */
export const inEnglish = (problems: Problem[]): WordedProblem[] =>
  problems.map((p) => ({ file: p.file, row: p.row, message: plainText("en", p) }));

/** Folders made by tempDir, removed after the test file that made them. */
const made: string[] = [];
// Also imported by bench/import.ts, which runs outside vitest.
if (process.env.VITEST) {
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

export function tempDir(prefix = "lapkin-import-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A folder holding the given files. */
export function writeFiles(files: Record<string, string | Buffer>, dir = tempDir()): string {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A copy of the example city, with `edit` applied to each file's text. */
export function editedExample(edit: (name: string, text: string) => string): string {
  const dir = tempDir();
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  for (const name of ["unit.csv", "pegawai.csv", "skp.csv"]) {
    writeFileSync(join(dir, name), edit(name, readFileSync(join(dir, name), "utf8")));
  }
  return dir;
}

export const exampleText = (name: string) => readFileSync(join(EXAMPLE_DIR, name), "utf8");

export async function rowCounts(db: Database) {
  const p = db.prisma;
  return {
    units: await p.unit.count(),
    employees: await p.employee.count(),
    plans: await p.skpPlan.count(),
    indicators: await p.skpIndicator.count(),
    leave: await p.leave.count(),
    audits: await p.auditLog.count(),
  };
}

/** Leave rows in the example city's cuti.csv. */
export const EXAMPLE_LEAVE = 4;

/** Policy rows in the example city's kebijakan.csv. */
export const EXAMPLE_POLICY = 9;

/** Everything the import owns, keyed by the files' own keys (no ids, no timestamps), sorted. */
export async function dumpImported(db: Database) {
  const units = await db.prisma.unit.findMany({ include: { parent: true }, orderBy: { code: "asc" } });
  const employees = await db.prisma.employee.findMany({
    include: { unit: true, supervisor: true },
    orderBy: { nip: "asc" },
  });
  const indicators = await db.prisma.skpIndicator.findMany({
    include: { plan: { include: { employee: true } } },
    orderBy: [{ plan: { employee: { nip: "asc" } } }, { code: "asc" }],
  });
  return {
    units: units.map((u) => [u.code, u.name, u.parent?.code ?? null, u.timeZone, u.workingDays.join(",")]),
    employees: employees.map((e) => [
      e.nip,
      e.name,
      e.position,
      e.kind,
      e.unit.code,
      e.supervisor?.nip ?? null,
      e.roles.join(","),
      e.language,
      e.active,
    ]),
    indicators: indicators.map((i) => [
      i.plan.employee.nip,
      i.plan.year,
      i.code,
      i.rhk,
      i.rhkKind,
      i.aspect,
      i.indicator,
      i.target.toFixed(2),
      i.unitOfMeasure,
      i.period,
    ]),
  };
}

export const clockAt = (iso: string) => fixedClock(iso);

/** A CLI io whose output is kept in memory. */
export function memoryIo(env: CliIo["env"], options: { tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const stderr = Object.assign(sink(err), { isTTY: options.tty ?? false, columns: 100 });
  const io: CliIo = { env, stdout: sink(out), stderr, clock: fixedClock("2026-01-05T01:00:00Z") };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** Staff per bidang, and bidang per dinas, of the generated city. */
const STAFF_PER_BIDANG = 48;
const BIDANG_PER_DINAS = 10;

/**
 * A generated city of `count` employees in CSV: dinas → bidang units, a head per dinas, a kabid
 * per bidang under the head, staff under their kabid, two SKP indicators each.
 */
export function writeGeneratedCity(dir: string, count: number): { dir: string; units: number; indicators: number } {
  const units = ["kode,nama,induk,zona_waktu,hari_kerja", "KOTA,Pemerintah Kota Bench,,WIB,1-5"];
  const employees = ["nip,nama,jabatan,jenis,unit,nip_atasan,peran,bahasa"];
  const skp = ["nip,tahun,kode,rhk,jenis_rhk,aspek,indikator,target,satuan,periode"];
  const perDinas = BIDANG_PER_DINAS * (STAFF_PER_BIDANG + 1) + 1;
  for (let i = 0; i < count; i++) {
    const dinas = Math.floor(i / perDinas);
    const inDinas = i % perDinas;
    const bidang = Math.floor((inDinas - 1) / (STAFF_PER_BIDANG + 1));
    const dinasCode = `D${dinas}`;
    const bidangCode = `${dinasCode}-B${bidang}`;
    const headOfDinas = nip(dinas * perDinas);
    const headOfBidang = nip(dinas * perDinas + 1 + bidang * (STAFF_PER_BIDANG + 1));
    if (inDinas === 0) {
      units.push(
        `${dinasCode},Dinas ${dinas},KOTA,${dinas % 4 === 3 ? "WITA" : "WIB"},${dinas % 5 === 0 ? "1-6" : "1-5"}`,
      );
      employees.push(`${nip(i)},Kepala Dinas ${dinas},Kepala Dinas,PNS,${dinasCode},,kepala,id`);
    } else if ((inDinas - 1) % (STAFF_PER_BIDANG + 1) === 0) {
      units.push(`${bidangCode},Bidang ${bidang} Dinas ${dinas},${dinasCode},,`);
      employees.push(`${nip(i)},Kabid ${i},Kepala Bidang,PNS,${bidangCode},${headOfDinas},,id`);
    } else {
      employees.push(`${nip(i)},Pegawai ${i},Pelaksana,PNS,${bidangCode},${headOfBidang},,`);
    }
    skp.push(`${nip(i)},2026,U1,Terlaksananya tugas,utama,kuantitas,Jumlah dokumen,"${12 + (i % 7)},5",dokumen,`);
    skp.push(`${nip(i)},2026,T1,Tugas tambahan,tambahan,waktu,Tepat waktu,90,persen,Q${1 + (i % 4)}`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "unit.csv"), units.join("\n"));
  writeFileSync(join(dir, "pegawai.csv"), employees.join("\n"));
  writeFileSync(join(dir, "skp.csv"), skp.join("\n"));
  return { dir, units: units.length - 1, indicators: skp.length - 1 };
}

/** A valid, unique PNS NIP for person i: 9,744 birth dates × 1,000 sequence numbers. */
function nip(i: number): string {
  const year = 1970 + (i % 29);
  const month = 1 + (Math.floor(i / 29) % 12);
  const day = 1 + (Math.floor(i / 348) % 28);
  const sequence = Math.floor(i / 9744) % 1000;
  return `${year}${pad(month)}${pad(day)}${year + 22}${pad(month)}${1 + (i % 2)}${String(sequence).padStart(3, "0")}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
