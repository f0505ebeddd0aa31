import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type Db } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";

/** Names the migrated PGlite folder the embedded run's global setup leaves for test files to copy. */
export const EMBEDDED_TEMPLATE = "LAPKIN_TEST_PGLITE_TEMPLATE";

/**
 * Starts `<dataDir>/pglite` as a copy of the run's migrated template, when there is one (outside
 * vitest, e.g. in a bench, the database is created and migrated as Lapkin itself would).
 * Migrating afterwards still runs and finds nothing to do, so a stale template cannot pass unnoticed.
 */
function copyEmbeddedTemplate(dataDir: string): void {
  const template = process.env[EMBEDDED_TEMPLATE];
  if (template) cpSync(template, join(dataDir, "pglite"), { recursive: true });
}

/**
 * A fresh, migrated database for one test file: PGlite in a temporary folder by default, or a
 * throw-away database on the server named by DATABASE_URL (the CI's second run). Dropped on close.
 */
export async function createTestDatabase(): Promise<Database & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "lapkin-test-"));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    copyEmbeddedTemplate(dataDir);
    const db = await openDatabase({ dataDir });
    await migrate(db.sql);
    return { ...db, dataDir, close: async () => (await db.close(), rmSync(dataDir, { recursive: true, force: true })) };
  }
  const name = `lapkin_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ dataDir, databaseUrl: url.toString() });
  await migrate(db.sql);
  return {
    ...db,
    dataDir,
    databaseUrl: url.toString(),
    close: async () => {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  } as Database & { dataDir: string };
}

/** Empties every table (keeping the migration history), so tests in one file start alike. */
export async function resetDatabase(db: Database): Promise<void> {
  const rows = await db.sql.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  const tables = rows.map((r) => `"${String(r.tablename)}"`).join(", ");
  await db.sql.exec(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}

export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A database for a Lapkin started in another process: the environment to give it (DATA_DIR, or
 * DATABASE_URL of a throw-away database on the server), a way to open it from the test, and cleanup.
 */
export async function createDatabaseEnv(prefix = "lapkin-proc-"): Promise<{
  env: Record<string, string>;
  open(): Promise<Database>;
  /** Opens, runs `fn`, closes: the embedded database allows one opener at a time. */
  use<T>(fn: (db: Db, database: Database) => Promise<T>): Promise<T>;
  cleanup(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let name: string | undefined;
  if (!serverUrl) copyEmbeddedTemplate(dataDir);
  if (serverUrl) {
    name = `lapkin_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const open = async () => {
    const db = await openDatabase({ dataDir, databaseUrl });
    await migrate(db.sql);
    return db;
  };
  return {
    env: databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir },
    open,
    use: async (fn) => {
      const database = await open();
      try {
        return await fn(database.prisma, database);
      } finally {
        await database.close();
      }
    },
    cleanup: async () => {
      if (serverUrl && name) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
