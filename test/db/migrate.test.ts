/**
 * The migration runner (src/db/migrate.ts): applies prisma/migrations in order, each in its own
 * transaction, keeps Prisma's `_prisma_migrations` table, refuses edited or unfinished
 * migrations, and lets concurrent starts take turns. Runs embedded (PGlite) by default and on a
 * throw-away PostgreSQL database when DATABASE_URL is set.
 *
 * One database serves the whole file; every test starts from an empty `public` schema. Runner
 * behaviour is tested with small in-memory migrations; the real ones in the first test only.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { MigrationError, checksumOf, migrate, type LocalMigration, type SqlConnection } from "../../src/db/migrate.ts";
import { createTestDatabase } from "../support/db.ts";

const PRISMA_ADVISORY_LOCK = 72707369;
const MIGRATIONS_DIR = new URL("../../prisma/migrations/", import.meta.url);

let database: Database & { dataDir: string; databaseUrl?: string };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
});

/** An in-memory migration, as readMigrations() would return it for a folder named `name`. */
const migration = (name: string, sql: string): LocalMigration => ({ name, sql, checksum: checksumOf(sql) });

const one = migration("20990101000000_one", `CREATE TABLE "t_one" ("id" INTEGER NOT NULL);`);
const two = migration("20990102000000_two", `CREATE TABLE "t_two" ("id" INTEGER NOT NULL);`);
const three = migration("20990103000000_three", `CREATE TABLE "t_three" ("id" INTEGER NOT NULL);`);

async function tableExists(sql: SqlConnection, table: string): Promise<boolean> {
  const rows = await sql.query(`SELECT to_regclass($1)::text AS name`, [`public."${table}"`]);
  return rows[0]?.name !== null;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: unknown;
  applied_steps_count: number;
}

async function migrationRows(sql: SqlConnection = database.sql): Promise<MigrationRow[]> {
  return (await sql.query(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs, applied_steps_count
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  )) as unknown as MigrationRow[];
}

/** Sessions of this database holding Prisma's advisory lock (pg_locks is per cluster). */
async function advisoryLockHolders(sql: SqlConnection = database.sql): Promise<number> {
  const rows = await sql.query(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objid = $1 AND objsubid = 1
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [PRISMA_ADVISORY_LOCK],
  );
  return Number(rows[0]?.n);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the promise to be rejected");
}

describe("migrate", () => {
  it("applies every migration of prisma/migrations to a fresh database, recorded as Prisma records them", async () => {
    // The folder is read here independently of the runner's readMigrations().
    const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(new URL(`${e.name}/migration.sql`, MIGRATIONS_DIR)))
      .map((e) => e.name)
      .sort();
    expect(folders.length).toBeGreaterThan(0);

    const outcome = await migrate(database.sql);
    expect(outcome).toEqual({ applied: folders, alreadyApplied: 0, unknown: [] });

    const rows = await migrationRows();
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    for (const row of rows) {
      const bytes = readFileSync(new URL(`${row.migration_name}/migration.sql`, MIGRATIONS_DIR));
      expect(row.checksum, row.migration_name).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.rolled_back_at, row.migration_name).toBeNull();
      expect(row.applied_steps_count, row.migration_name).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(await advisoryLockHolders()).toBe(0);
  });

  it("keeps _prisma_migrations exactly as Prisma Migrate defines it", async () => {
    await migrate(database.sql, [one]);
    const columns = await database.sql.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
        ORDER BY column_name`,
    );
    const shape = Object.fromEntries(
      columns.map((c) => [
        c.column_name,
        `${c.data_type}${c.character_maximum_length == null ? "" : `(${c.character_maximum_length})`}${c.is_nullable === "NO" ? " not null" : ""}`,
      ]),
    );
    expect(shape).toEqual({
      id: "character varying(36) not null",
      checksum: "character varying(64) not null",
      finished_at: "timestamp with time zone",
      migration_name: "character varying(255) not null",
      logs: "text",
      rolled_back_at: "timestamp with time zone",
      started_at: "timestamp with time zone not null",
      applied_steps_count: "integer not null",
    });
    const primaryKey = await database.sql.query(
      `SELECT a.attname::text AS name
         FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = '"_prisma_migrations"'::regclass AND i.indisprimary`,
    );
    expect(primaryKey.map((r) => r.name)).toEqual(["id"]);
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(database.sql, [one, two])).toEqual({
      applied: [one.name, two.name],
      alreadyApplied: 0,
      unknown: [],
    });
    const before = await migrationRows();
    expect(await migrate(database.sql, [one, two])).toEqual({ applied: [], alreadyApplied: 2, unknown: [] });
    expect(await migrationRows()).toEqual(before);
  });

  it("applies only the new migrations, in name order, and reports ones this copy does not know", async () => {
    await migrate(database.sql, [one]);
    expect(await migrate(database.sql, [one, two, three])).toEqual({
      applied: [two.name, three.name],
      alreadyApplied: 1,
      unknown: [],
    });
    expect(await migrate(database.sql, [one, two])).toEqual({ applied: [], alreadyApplied: 3, unknown: [three.name] });
  });

  it("refuses an applied migration whose file was changed, naming it, and applies nothing", async () => {
    await migrate(database.sql, [one, two]);
    const edited = migration(one.name, `${one.sql}\nALTER TABLE "t_one" ADD COLUMN "x" TEXT;`);

    const error = await rejection(migrate(database.sql, [edited, two, three]));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain(one.name);
    expect(error.message).toMatch(/changed/);

    expect(await tableExists(database.sql, "t_three")).toBe(false);
    expect((await migrationRows()).map((r) => r.migration_name)).toEqual([one.name, two.name]);
    expect(await advisoryLockHolders()).toBe(0);
    // The unchanged list still works.
    expect(await migrate(database.sql, [one, two, three])).toMatchObject({ applied: [three.name] });
  });

  it("rolls a failing migration back entirely, stops there, and applies it once fixed", async () => {
    await migrate(database.sql, [one]);
    const broken = migration(
      "20990102000000_broken",
      `CREATE TABLE "t_partial" ("id" INTEGER NOT NULL);
       INSERT INTO "t_one" ("id") VALUES (1);
       ALTER TABLE "t_missing" ADD COLUMN "x" TEXT;`,
    );

    const error = await rejection(migrate(database.sql, [one, broken, three]));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain(broken.name);
    expect(error.message).toMatch(/t_missing/); // PostgreSQL's own reason is passed on

    expect(await tableExists(database.sql, "t_partial")).toBe(false); // its first statement was undone
    expect(await database.sql.query(`SELECT * FROM "t_one"`)).toEqual([]); // and so was its data change
    expect(await tableExists(database.sql, "t_three")).toBe(false); // later migrations were not tried
    expect((await migrationRows()).map((r) => r.migration_name)).toEqual([one.name]);
    expect(await advisoryLockHolders()).toBe(0);
    // The connection is usable again (not left inside an aborted transaction).
    expect(await database.sql.query(`SELECT 1 AS ok`)).toEqual([{ ok: 1 }]);

    const fixed = migration(broken.name, `CREATE TABLE "t_partial" ("id" INTEGER NOT NULL);`);
    expect(await migrate(database.sql, [one, fixed, three])).toEqual({
      applied: [fixed.name, three.name],
      alreadyApplied: 1,
      unknown: [],
    });
    expect(await tableExists(database.sql, "t_partial")).toBe(true);
    expect(await tableExists(database.sql, "t_three")).toBe(true);
    const rows = await migrationRows();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual([
      [one.name, one.checksum],
      [fixed.name, fixed.checksum],
      [three.name, three.checksum],
    ]);
  });

  it("refuses to run while a migration is recorded as unfinished, until it is marked rolled back", async () => {
    await migrate(database.sql, [one]);
    // What `prisma migrate deploy` leaves behind when a migration fails half-way.
    await database.sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', $1, $2, 'failed', now(), 0)`,
      [two.checksum, two.name],
    );

    const error = await rejection(migrate(database.sql, [one, two, three]));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toContain(two.name);
    expect(error.message).toMatch(/unfinished/);
    expect(error.message).toContain(`prisma migrate resolve --rolled-back ${two.name}`);
    expect(await tableExists(database.sql, "t_two")).toBe(false);
    expect(await tableExists(database.sql, "t_three")).toBe(false);
    expect(await advisoryLockHolders()).toBe(0);

    // `prisma migrate resolve --rolled-back` sets rolled_back_at; then the migration is retried.
    await database.sql.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [
      two.name,
    ]);
    expect(await migrate(database.sql, [one, two, three])).toMatchObject({ applied: [two.name, three.name] });
    const rows = await migrationRows();
    expect(rows.filter((r) => r.migration_name === two.name).map((r) => r.finished_at === null)).toEqual([true, false]);
  });

  it("applies each migration exactly once when two start at the same time", async () => {
    // The first migration holds its transaction a while, so the second start really has to wait.
    const slow = migration(one.name, `CREATE TABLE "t_one" ("id" INTEGER NOT NULL); SELECT pg_sleep(0.3);`);
    const list = [slow, two, three];

    // PostgreSQL: two separate handles (separate pools) on the same database, as two instances.
    // Embedded: PGlite has a single connection, so two concurrent calls share the one handle.
    const other = database.databaseUrl
      ? await openDatabase({ databaseUrl: database.databaseUrl, dataDir: database.dataDir })
      : database;
    try {
      const outcomes = await Promise.all([migrate(database.sql, list), migrate(other.sql, list)]);
      expect(outcomes.flatMap((o) => o.applied).sort()).toEqual(list.map((m) => m.name));
      // Whoever came second found everything the first had applied.
      expect(outcomes.map((o) => o.applied.length + o.alreadyApplied)).toEqual([3, 3]);
      const rows = await migrationRows();
      expect(rows.map((r) => r.migration_name)).toEqual(list.map((m) => m.name));
      expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
      for (const table of ["t_one", "t_two", "t_three"]) expect(await tableExists(database.sql, table)).toBe(true);
      expect(await advisoryLockHolders()).toBe(0);
    } finally {
      if (other !== database) await other.close();
    }
  });
});
