import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createTestDatabase } from "../support/db.ts";
import { EXAMPLE_DIR, memoryIo, rowCounts, tempDir, writeFiles, writeGeneratedCity } from "./helpers.ts";

/**
 * The command opens the database itself from its environment: a fresh DATA_DIR on the embedded
 * run, a throw-away database on the PostgreSQL run. `inspect` looks at it afterwards.
 */
interface CliDatabase {
  env: Record<string, string>;
  inspect<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function cliDatabase(): Promise<CliDatabase> {
  if (process.env.DATABASE_URL) {
    const db = await createTestDatabase();
    const { databaseUrl } = db as unknown as { databaseUrl: string };
    return { env: { DATABASE_URL: databaseUrl }, inspect: (fn) => fn(db), dispose: () => db.close() };
  }
  const dataDir = tempDir("lapkin-cli-");
  return {
    env: { DATA_DIR: dataDir },
    inspect: async (fn) => {
      // Only once the command has closed it: one process must not open an embedded database twice.
      const db = await openDatabase({ dataDir });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

// One database for the file (a fresh embedded one takes seconds to create); the tests run in
// order, the refused and dry-run imports before the real one.
let database: CliDatabase;
beforeAll(async () => (database = await cliDatabase()));
afterAll(async () => database?.dispose());

describe("lapkin import", () => {
  it("prints every problem on its own line, then the refusal, and exits 2 having written nothing", async () => {
    const bad = writeFiles({
      "unit.csv": "kode,nama,zona_waktu\nA,Unit A,WITT\n",
      "pegawai.csv": "nip,nama,jabatan,unit\n198502302010011001,Budi,Staf,B\n",
    });
    const { io, stdout, stderr } = memoryIo(database.env);

    expect(await main(["import", bad], io)).toBe(2);

    expect(stderr().split("\n")).toEqual([
      "pegawai.csv:2: PNS NIP 198502302010011001: birth date 1985-02-30 (digits 1–8) is not a real date",
      'unit.csv:2: time zone "WITT" is not one of Asia/Jakarta, Asia/Makassar, Asia/Jayapura (or WIB, WITA, WIT)',
      "Import refused: 2 problems in 2 files; nothing was written.",
      "",
    ]);
    expect(stdout()).toBe("");
    expect(await database.inspect(rowCounts)).toMatchObject({ units: 0, employees: 0, audits: 0 });
  });

  it.each([
    [["import"], "Name the CSV/XLSX file or the folder to import"],
    [["import", EXAMPLE_DIR, "--force"], "Unknown option --force"],
    [["import", "/nowhere/pegawai.csv"], "/nowhere/pegawai.csv does not exist."],
    [["import", join(EXAMPLE_DIR, "..")], "holds no .csv or .xlsx files"],
  ])("%j fails with one line: %s", async (argv, message) => {
    const { io, stderr } = memoryIo(database.env);
    expect(await main(argv, io)).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr().trim().split("\n")).toHaveLength(1);
  });

  it("--dry-run reports and writes nothing", async () => {
    const { io, stdout } = memoryIo(database.env);
    expect(await main(["import", EXAMPLE_DIR, "--dry-run"], io)).toBe(0);
    expect(stdout()).toContain("nothing was written");
    expect(stdout()).toContain("17 created");
    expect(await database.inspect(rowCounts)).toMatchObject({ employees: 0, audits: 0 });
  });

  it("imports the example city and prints a summary", async () => {
    const { io, stdout, stderr } = memoryIo(database.env);

    expect(await main(["import", EXAMPLE_DIR], io)).toBe(0);

    expect(stdout()).toBe(
      [
        "Imported cuti.csv, kebijakan.csv, layanan.csv, pegawai.csv, skp.csv, unit.csv:",
        "  units:          5 created, 0 updated, 0 unchanged",
        "  employees:      17 created, 0 updated, 0 unchanged, 0 deactivated",
        "  SKP plans:      17 created",
        "  SKP indicators: 68 created, 0 updated, 0 unchanged",
        "  leave:          4 created, 0 unchanged",
        "  policy values:  9 changed, 0 unchanged",
        "  counters:       4 created, 0 updated, 0 unchanged",
        "",
      ].join("\n"),
    );
    expect(stderr()).toBe("");
    expect(await database.inspect(rowCounts)).toEqual({
      units: 5,
      employees: 17,
      plans: 17,
      indicators: 68,
      leave: 4,
      audits: 2,
    });
  });

  it("shows a progress bar for a large import on a terminal, and none otherwise", async () => {
    const city = writeGeneratedCity(tempDir(), 1200);
    const terminal = memoryIo(database.env, { tty: true });
    expect(await main(["import", city.dir], terminal.io)).toBe(0);
    expect(terminal.stderr()).toMatch(/Writing \[.*\] \d+\/\d+ rows/);

    const piped = memoryIo(database.env, { tty: false });
    expect(await main(["import", city.dir, "--deactivate-missing"], piped.io)).toBe(0);
    expect(piped.stderr()).toBe("");
    // The example city imported above is not in these files.
    expect(piped.stdout()).toContain("employees:      0 created, 0 updated, 1200 unchanged, 17 deactivated");
  });
});
