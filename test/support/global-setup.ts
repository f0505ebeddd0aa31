import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { EMBEDDED_TEMPLATE } from "./db.ts";

/**
 * On the embedded run, migrates one PGlite database that every test file then copies (initdb and
 * the migrations cost seconds per file; a copy costs a fraction of that).
 * On the PostgreSQL run, removes throw-away databases left by an earlier run that was killed
 * (their names carry the creating process id: lapkin_test_<pid>_<random>),
 * so the server does not fill up. Each test file creates and drops its own database.
 */
export default async function setup(): Promise<(() => void) | void> {
  const url = process.env.DATABASE_URL;
  if (!url) return buildEmbeddedTemplate();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'lapkin\\_test\\_%'`,
    );
    // Only databases whose creating process is gone: another suite may be running beside this one.
    const stale = rows.map((r) => r.datname).filter((name) => !isAlive(Number(name.split("_")[2])));
    for (const name of stale) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function buildEmbeddedTemplate(): Promise<() => void> {
  const dataDir = mkdtempSync(join(tmpdir(), "lapkin-template-"));
  const db = await openDatabase({ dataDir });
  await migrate(db.sql);
  await db.close();
  // Workers are forked after global setup and inherit its environment.
  process.env[EMBEDDED_TEMPLATE] = join(dataDir, "pglite");
  return () => rmSync(dataDir, { recursive: true, force: true });
}
