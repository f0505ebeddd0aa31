import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/context.ts";
import { openDatabase, type Db } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { adminQuery } from "../support/db.ts";
import { seedSmallUnit } from "../support/seed.ts";

// The embedded database by default; a throw-away database on the server when DATABASE_URL is set.
const serverUrl = process.env.DATABASE_URL;
let dataDir: string;
let databaseUrl: string | undefined;
let serverDbName: string | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lapkin-delegate-cli-"));
  if (serverUrl) {
    serverDbName = `lapkin_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${serverDbName}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${serverDbName}`;
    databaseUrl = url.toString();
  }
  await withDb((db) => seedSmallUnit(db));
});

afterAll(async () => {
  if (serverUrl && serverDbName) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${serverDbName}" WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The embedded database allows one opener at a time: open, use, close. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir, databaseUrl });
  try {
    await migrate(database.sql);
    return await fn(database.prisma);
  } finally {
    await database.close();
  }
}

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (write: (s: string) => void) => new Writable({ write: (chunk, _e, done) => (write(String(chunk)), done()) });
  const io: CliIo = {
    env: { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    clock: fixedClock("2026-11-24T03:00:00Z"),
  };
  const code = await main(["delegate", ...args], io);
  return { code, stdout, stderr };
}

const SUPERVISOR = "198203152006042002";
const DELEGATE = "199208172018012004";

describe("lapkin delegate", () => {
  it("sets a delegation for whole dates and writes the audit log", async () => {
    const out = await run("--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-11-25", "--to=2026-11-27", "--reason", "Dinas luar kota");
    expect(out).toMatchObject({ code: 0, stderr: "" });
    expect(out.stdout).toContain("Dewi Lestari acts for Siti Rahma from 2026-11-25 to 2026-11-27");
    await withDb(async (db) => {
      const row = await db.delegation.findFirstOrThrow({ include: { supervisor: true, delegate: true } });
      expect(row).toMatchObject({ createdBy: "cli", reason: "Dinas luar kota" });
      expect([row.supervisor.nip, row.delegate.nip, row.from.toISOString().slice(0, 10), row.to.toISOString().slice(0, 10)]).toEqual([SUPERVISOR, DELEGATE, "2026-11-25", "2026-11-27"]);
      expect(await db.auditLog.findFirst({ where: { action: "delegation.create" } })).toMatchObject({ actor: "cli", entity: "Delegation", entityId: String(row.id) });
    });
  });

  it.each([
    [["--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-11-25"], "--to is required"],
    [["--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-02-30", "--to", "2026-03-01"], "--from must be a date YYYY-MM-DD"],
    [["--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-11-27", "--to", "2026-11-25"], "--to is before --from"],
    [["--supervisor", "000000000000000000", "--delegate", DELEGATE, "--from", "2026-11-25", "--to", "2026-11-27"], "No active employee with NIP 000000000000000000 (--supervisor)"],
    [["--supervisor", SUPERVISOR, "--delegate", SUPERVISOR, "--from", "2026-11-25", "--to", "2026-11-27"], "cannot be their own delegate"],
    [["--supervisor", SUPERVISOR, "--bogus", "x"], 'Unknown option "--bogus"'],
  ])("refuses %j with a readable message", async (args, message) => {
    const out = await run(...args);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).not.toContain("    at ");
  });
});
