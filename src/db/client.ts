import { mkdirSync, openSync, closeSync, writeFileSync, readFileSync, unlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { SqlRunner } from "./migrate.ts";

export type Db = PrismaClient;

export interface Database {
  prisma: Db;
  kind: "embedded" | "postgres";
  /** Raw SQL access for the migration runner and health checks. */
  sql: SqlRunner;
  close(): Promise<void>;
}

export class DatabaseError extends Error {}

/**
 * A transaction waits up to 20 s for a connection (Prisma's default is 2 s). In a burst (citizens
 * scanning a poster, a whole unit reporting at 16:00) more transactions start than the pool has
 * connections; waiting a little is better than answering some of them with an error.
 */
const TRANSACTIONS = { maxWait: 20_000 };

/** PostgreSQL when a URL is given, otherwise PGlite in `<dataDir>/pglite`, created on first use. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options.dataDir);
}

// Each kind's driver is loaded when that kind is opened: start-up pays for one of them only.
async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {}); // an idle client's lost connection is reported on the next query instead
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new DatabaseError(`Cannot connect to DATABASE_URL (${(error as Error).message}).`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTIONS });
  return {
    prisma,
    kind: "postgres",
    sql: {
      query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
      exec: async (text) => void (await pool.query(text)),
      withConnection: async (fn) => {
        const client = await pool.connect();
        try {
          return await fn({
            query: async (t, p) => (await client.query(t, p as unknown[])).rows,
            exec: async (t) => void (await client.query(t)),
          });
        } finally {
          client.release();
        }
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const dir = resolve(dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const releaseLock = lockDirectory(resolve(dataDir, "pglite.lock"));
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = await PGlite.create(dir);
  } catch (error) {
    releaseLock();
    throw new DatabaseError(`Cannot open the embedded database in ${dir} (${(error as Error).message}).`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTIONS });
  const runner = {
    query: async (text: string, params?: unknown[]) => (await pglite.query<Record<string, unknown>>(text, params)).rows,
    exec: async (text: string) => void (await pglite.exec(text)),
  };
  return {
    prisma,
    kind: "embedded",
    sql: { ...runner, withConnection: (fn) => fn(runner) },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file with our pid refuses that, and a stale lock from a crashed process is taken over.
 * Returns the function that releases it.
 */
export function lockDirectory(
  path: string,
  inUse = (holder: number) =>
    `The embedded database in ${join(path, "..", "pglite")} is in use by process ${holder}. Stop it first, or set DATABASE_URL to share a PostgreSQL server.`,
): () => void {
  mkdirSync(join(path, ".."), { recursive: true });
  try {
    const fd = openSync(path, "wx");
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
  } catch {
    const holder = Number(readFileSync(path, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DatabaseError(inUse(holder));
    }
    writeFileSync(path, String(process.pid));
  }
  return () => {
    try {
      if (Number(readFileSync(path, "utf8")) === process.pid) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
