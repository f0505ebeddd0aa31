import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lockDirectory, openDatabase, type Database } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { systemClock } from "../lib/clock.ts";
import { CAST, EXAMPLES_DIR, prepareWorld } from "./world.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations/", import.meta.url));

export type DemoStart = "fresh" | "keep" | "reset";

// The demo's database. On the embedded database, DATA_DIR/demo holds two: `template`, the example
// city imported once (creating a PGlite database and importing takes many seconds), and `session`,
// the copy the demo runs on. A fresh demo copies the template (well under a second); `--keep`
// reuses the session; `--reset` rebuilds both. The template is rebuilt by itself when a migration
// or an example file changes. With `--database`, that database is used as it is.

/**
 * Builds the template ahead of any demo (`lapkin demo --prepare`, run by `npm install`), so that the
 * first `npm run demo` only copies it. Nothing is done when the template is already current.
 */
export async function prepareDemoTemplate(options: { demoDir: string; defaultTimeZone: string }): Promise<void> {
  const release = lockDemo(options.demoDir);
  try {
    await ensureTemplate(join(options.demoDir, "template"), options.defaultTimeZone);
  } finally {
    release();
  }
}

export async function openDemoDatabase(options: {
  demoDir: string;
  start: DemoStart;
  databaseUrl?: string;
  defaultTimeZone: string;
}): Promise<{ database: Database; dataDir: string }> {
  const dataDir = join(options.demoDir, "session");
  // Taken before anything is deleted: a second demo on the same folder must not pull the first's
  // database, or its stored files (also with --database), from under it. Held until the demo's
  // database closes.
  const release = lockDemo(options.demoDir);
  try {
    if (options.databaseUrl) {
      const database = await migrated(options.databaseUrl, dataDir);
      return { database: { ...database, close: () => database.close().finally(release) }, dataDir };
    }
    const template = join(options.demoDir, "template");
    if (options.start === "reset") rmSync(template, { recursive: true, force: true });
    if (options.start !== "keep" || !existsSync(join(dataDir, "pglite"))) {
      await ensureTemplate(template, options.defaultTimeZone);
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      cpSync(join(template, "pglite"), join(dataDir, "pglite"), { recursive: true });
    }
    const database = await migrated(undefined, dataDir);
    return { database: { ...database, close: () => database.close().finally(release) }, dataDir };
  } catch (error) {
    release();
    throw error;
  }
}

function lockDemo(demoDir: string): () => void {
  mkdirSync(demoDir, { recursive: true });
  return lockDirectory(
    join(demoDir, "demo.lock"),
    (holder) => `A demo is already running on ${demoDir} (process ${holder}). Stop it first, or set another DATA_DIR.`,
  );
}

async function migrated(databaseUrl: string | undefined, dataDir: string): Promise<Database> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrate(database.sql);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function ensureTemplate(dir: string, defaultTimeZone: string): Promise<void> {
  const stamp = templateStamp();
  const stampFile = join(dir, "stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  rmSync(dir, { recursive: true, force: true });
  const database = await migrated(undefined, dir);
  try {
    await prepareWorld(database.prisma, { examplesDir: EXAMPLES_DIR, clock: systemClock, defaultTimeZone });
  } finally {
    await database.close();
  }
  writeFileSync(stampFile, stamp);
}

/** What the template is made of: the migrations, the example files and who the tour follows. */
function templateStamp(): string {
  const hash = createHash("sha256").update(JSON.stringify(CAST));
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) hash.update(name);
  for (const name of readdirSync(EXAMPLES_DIR).sort()) hash.update(name).update(readFileSync(join(EXAMPLES_DIR, name)));
  return hash.digest("hex");
}
