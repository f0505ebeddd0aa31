import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

export interface SqlConnection {
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(text: string): Promise<void>;
}

export interface SqlRunner extends SqlConnection {
  /** Runs `fn` on one connection, so session-level locks and transactions hold. */
  withConnection<T>(fn: (connection: SqlConnection) => Promise<T>): Promise<T>;
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationOutcome {
  applied: string[];
  alreadyApplied: number;
  /** Migrations the database has that this copy of Lapkin does not (a newer version ran). */
  unknown: string[];
}

export class MigrationError extends Error {}

/** Prisma Migrate's own lock key, so this runner and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

export const DEFAULT_MIGRATIONS_DIR = new URL("../../prisma/migrations/", import.meta.url).pathname;

/** Prisma records the SHA-256 of the migration file, hex-encoded. */
export const checksumOf = (sql: string) => createHash("sha256").update(sql).digest("hex");

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): LocalMigration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/**
 * Applies pending migrations in name order, each in its own transaction, recorded in Prisma's
 * `_prisma_migrations` table. An advisory lock makes concurrent starts take turns.
 */
export async function migrate(runner: SqlRunner, migrations = readMigrations()): Promise<MigrationOutcome> {
  // Calls on one runner also take turns in this process: PGlite has a single session, in which the
  // advisory lock is re-entrant, so two concurrent calls would otherwise interleave their statements.
  const previous = inProcessTurns.get(runner) ?? Promise.resolve();
  const turn = previous.then(() => migrateLocked(runner, migrations));
  inProcessTurns.set(
    runner,
    turn.catch(() => {}),
  );
  return turn;
}

const inProcessTurns = new WeakMap<SqlRunner, Promise<unknown>>();

async function migrateLocked(runner: SqlRunner, migrations: LocalMigration[]): Promise<MigrationOutcome> {
  return runner.withConnection(async (connection) => {
    await connection.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      await connection.exec(CREATE_MIGRATIONS_TABLE);
      const rows = (await connection.query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
      )) as unknown as AppliedRow[];
      const applied = checkApplied(rows, migrations);
      const pending = migrations.filter((m) => !applied.has(m.name));
      for (const migration of pending) await applyOne(connection, migration);
      const known = new Set(migrations.map((m) => m.name));
      return {
        applied: pending.map((m) => m.name),
        alreadyApplied: applied.size,
        unknown: [...applied.keys()].filter((name) => !known.has(name)),
      };
    } finally {
      await connection.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
    }
  });
}

function checkApplied(rows: AppliedRow[], migrations: LocalMigration[]): Map<string, AppliedRow> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Map<string, AppliedRow>();
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier and was left unfinished. Repair the database, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}).`,
      );
    }
    const local = byName.get(row.migration_name);
    if (local && local.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied to this database. Restore prisma/migrations/${row.migration_name}/migration.sql to its applied version and put the change in a new migration.`,
      );
    }
    applied.set(row.migration_name, row);
  }
  return applied;
}

async function applyOne(connection: SqlConnection, migration: LocalMigration): Promise<void> {
  const startedAt = new Date();
  await connection.exec("BEGIN");
  try {
    await connection.exec(migration.sql);
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt.toISOString()],
    );
    await connection.exec("COMMIT");
  } catch (error) {
    await connection.exec("ROLLBACK").catch(() => {});
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
