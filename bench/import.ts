import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { importFiles } from "../src/domain/import/index.ts";
import { writeGeneratedCity } from "../test/import/helpers.ts";

/**
 * Imports a generated city of `employees` people (units in three levels, a supervision chain
 * head → kabid → staff, two SKP indicators each) into a fresh embedded database, then imports
 * the same files again. Target: the first import under a minute.
 */
export async function benchImport(options: { employees?: number } = {}): Promise<void> {
  const count = options.employees ?? 20_000;
  const dir = mkdtempSync(join(tmpdir(), "lapkin-bench-import-"));
  try {
    const city = writeGeneratedCity(join(dir, "files"), count);
    const db = await openDatabase({ dataDir: join(dir, "data") });
    try {
      await migrate(db.sql);
      const what = `${count} employees, ${city.units} units, ${city.indicators} SKP indicators`;
      const first = await timed(() => importFiles(db, [city.dir]));
      console.log(`import ${what} (embedded): ${seconds(first.ms)} — target < 60 s`);
      const again = await timed(() => importFiles(db, [city.dir]));
      const { units, employees, indicators } = again.result;
      const changed = [units, employees, indicators].reduce((sum, kind) => sum + kind.created + kind.updated, 0);
      console.log(`re-import, same files (embedded): ${seconds(again.ms)} (${changed} rows changed)`);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchImport();
