import { loadConfig, type Config } from "../config.ts";
import { openDatabase, type Database } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { systemClock, type Clock } from "../lib/clock.ts";

/** What every command gets: its own output streams (so tests capture them) and the environment. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  clock: Clock;
  /** Replaces Telegram's transport (tests and the bench use a fake Bot API). */
  fetch?: typeof fetch;
  /**
   * Set for a command handed to the running Lapkin (src/cli/admin-endpoint.ts): its open database,
   * used instead of opening one, and left open.
   */
  database?: Database;
}

export const defaultIo = (): CliIo => ({
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  clock: systemClock,
});

/**
 * Commands that only touch the database do not need a bot token; they read the database
 * settings alone, validated the same way.
 */
export function databaseSettings(
  env: CliIo["env"],
): Pick<Config, "databaseUrl" | "dataDir" | "defaultTimeZone" | "adminTelegramIds" | "publicUrl"> {
  const config = loadConfig({ BOT_TOKEN: "0:database-only", ...env, BOT_MODE: "polling" });
  return {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    defaultTimeZone: config.defaultTimeZone,
    adminTelegramIds: config.adminTelegramIds,
    publicUrl: config.publicUrl,
  };
}

/**
 * Opens and migrates the database for a command, and always closes it. Inside the running Lapkin
 * the command uses that process's database, migrated when it started.
 */
export async function withDatabase<T>(
  io: CliIo,
  fn: (db: Database) => Promise<T>,
  options = { migrate: true },
): Promise<T> {
  if (io.database) return fn(io.database);
  const db = await openDatabase(databaseSettings(io.env));
  try {
    if (options.migrate) await migrate(db.sql);
    return await fn(db);
  } finally {
    await db.close();
  }
}
