import { parse } from "csv-parse/sync";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { issueInvites } from "../../src/domain/registration/issue-invites.ts";
import { redeemInvite } from "../../src/domain/registration/redeem-invite.ts";
import { adminQuery, resetDatabase } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { seedOrganisation } from "./seed.ts";

const NOW = "2026-03-02T01:00:00Z";
const BOT = { id: 1, is_bot: true, first_name: "Lapkin", username: "lapkin_test_bot" };
const LINK = /^https:\/\/t\.me\/lapkin_test_bot\?start=inv_([A-Za-z0-9_-]{22})$/;

// The embedded database by default; a throw-away database on the server when DATABASE_URL is set.
const serverUrl = process.env.DATABASE_URL;
let dataDir: string;
let databaseUrl: string | undefined;
let serverDbName: string | undefined;
let outDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lapkin-invites-cli-"));
  outDir = mkdtempSync(join(tmpdir(), "lapkin-invites-out-"));
  if (serverUrl) {
    serverDbName = `lapkin_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${serverDbName}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${serverDbName}`;
    databaseUrl = url.toString();
  }
});

afterAll(async () => {
  if (serverUrl && serverDbName) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${serverDbName}" WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

let seed: Awaited<ReturnType<typeof seedOrganisation>>;
beforeEach(async () => {
  seed = await withDb(async (db, database) => {
    await resetDatabase(database);
    return seedOrganisation(db);
  });
});

/** Opens the database the way the CLI will, and closes it again: the embedded one allows one opener. */
async function withDb<T>(fn: (db: Db, database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir, databaseUrl });
  try {
    await migrate(database.sql);
    return await fn(database.prisma, database);
  } finally {
    await database.close();
  }
}

type FakeReply = { status: number; body: unknown } | Error;

/** A Bot API double that answers getMe, and records which URLs were called. */
function fakeBotApi(reply: FakeReply = { status: 200, body: { ok: true, result: BOT } }) {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    calls.push(String(input instanceof Request ? input.url : input));
    if (reply instanceof Error) throw reply;
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json" },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function run(args: string[], options: { fetch?: typeof fetch; env?: Record<string, string | undefined> } = {}) {
  return runCli(["invites", ...args], {
    env: options.env ?? {
      BOT_TOKEN: "123:abc",
      BOT_API_ROOT: "http://fake.local",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
    },
    now: NOW,
    fetch: options.fetch ?? fakeBotApi().fetch,
  });
}

/** The invite CSV as rows of fields (RFC 4180, as a spreadsheet reads it). */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true });

describe("lapkin invites", () => {
  it("writes a CSV of deep links to --out, after asking the Bot API for the bot's name", async () => {
    const api = fakeBotApi();
    const dir = mkdtempSync(join(outDir, "ok-"));
    const file = join(dir, "invites.csv");
    const result = await run(["--out", file], { fetch: api.fetch });

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(api.calls).toEqual(["http://fake.local/bot123:abc/getMe"]);
    expect(result.stdout).toContain(`Wrote 3 invite links (valid until 2026-03-16) to ${file}.`);

    const text = readFileSync(file, "utf8");
    expect(text.split("\r\n")[0]).toBe("nip,name,unit,link");
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(["nip", "name", "unit", "link"]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row[3]).toMatch(LINK);
    const staff = rows.find((r) => r[0] === seed.staff.nip)!;
    expect(staff.slice(0, 3)).toEqual([seed.staff.nip, 'Siti "Ani" Rahayu', "Dinas Pendidikan, Pemuda dan Olahraga"]);
    expect(text).toContain('"Siti ""Ani"" Rahayu","Dinas Pendidikan, Pemuda dan Olahraga"');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["invites.csv"]); // no temporary file left behind

    // The link in the file is the one that works.
    const code = LINK.exec(staff[3]!)![1]!;
    const outcome = await withDb((db) => redeemInvite(db, { code, telegramId: 4242n, now: new Date(NOW) }));
    expect(outcome).toMatchObject({ kind: "linked", employee: { nip: seed.staff.nip } });
  });

  it("prints the CSV to stdout without --out, with the summary on stderr, and filters by --unit", async () => {
    const result = await run(["--unit", "DISDIK-SD1"]);
    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header).toEqual(["nip", "name", "unit", "link"]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([[seed.teacher.nip, "Made Wirawan", "SD Negeri 1"]]);
    expect(result.stderr).toBe("Issued 1 invite link in unit DISDIK-SD1 (valid until 2026-03-16).\n");
  });

  it("overwrites an existing --out file", async () => {
    const file = join(outDir, "again.csv");
    writeFileSync(file, "old content\n");
    expect((await run([`--out=${file}`])).code).toBe(0);
    expect(readFileSync(file, "utf8").startsWith("nip,name,unit,link\r\n")).toBe(true);
    rmSync(file);
  });

  it("says so when nobody is waiting for a link", async () => {
    await run(["--unit", "DISDIK-SD1"]);
    const second = await withDb((db) =>
      db.employee.update({ where: { id: seed.teacher.id }, data: { telegramId: 5n } }),
    );
    expect(second.telegramId).toBe(5n);
    const result = await run(["--unit", "DISDIK-SD1"]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toContain("no invites issued");
  });

  it("rejected bot token: exits non-zero with a readable message and issues nothing", async () => {
    const api = fakeBotApi({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    const file = join(outDir, "rejected.csv");
    const result = await run(["--out", file], { fetch: api.fetch });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Telegram rejected BOT_TOKEN");
    expect(result.stderr).toContain("No invites were issued.");
    expect(result.stderr).not.toContain("    at "); // no stack trace
    expect(existsSync(file)).toBe(false);
    expect(await withDb((db) => db.invite.count())).toBe(0);
  });

  it("unreachable Bot API: names BOT_API_ROOT, never prints the token, issues nothing", async () => {
    const api = fakeBotApi(new TypeError("fetch failed for http://fake.local/bot123:abc/getMe"));
    const result = await run([], { fetch: api.fetch });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("unreachable at BOT_API_ROOT=http://fake.local");
    expect(result.stderr).not.toContain("123:abc");
    expect(await withDb((db) => db.invite.count())).toBe(0);
  });

  it("an unknown unit is a user error and writes no file", async () => {
    const dir = mkdtempSync(join(outDir, "nounit-"));
    const result = await run(["--unit", "NOPE", "--out", join(dir, "nounit.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('There is no unit with code "NOPE".\n');
    expect(readdirSync(dir)).toEqual([]); // neither the file nor its temporary twin
  });

  it("an unwritable --out fails before any invite is issued", async () => {
    const result = await run(["--out", join(outDir, "missing-dir", "x.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Cannot write");
    expect(await withDb((db) => db.invite.count())).toBe(0);
  });

  it("an --out that is a directory fails before any invite is issued (and no link is revoked)", async () => {
    const dir = mkdtempSync(join(outDir, "a-directory-"));
    const result = await run(["--out", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Cannot write ${dir}: it is a directory; give a file name, e.g. ${join(dir, "invites.csv")}.\n`,
    );
    expect(await withDb((db) => db.invite.count())).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [["--bogus"], 'Unknown option "--bogus".'],
    [["--unit"], "--unit needs a value."],
    [["--unit", "--out", "x.csv"], "--unit needs a value."],
    [["--out="], "--out needs a value."],
    [["--unit", "A", "--unit", "B"], "--unit was given twice."],
    [["extra"], 'Unexpected argument "extra".'],
    [["--reset", "1", "--out", "x.csv"], "--reset cannot be combined"],
  ])("bad arguments %j exit 2 with usage", async (args, message) => {
    const api = fakeBotApi();
    const result = await run(args, { fetch: api.fetch });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: lapkin invites");
    expect(api.calls).toEqual([]);
  });

  it("--reset unlinks an employee without needing the bot token", async () => {
    await withDb((db) =>
      db.employee.update({ where: { id: seed.staff.id }, data: { telegramId: 31n, linkedAt: new Date(NOW) } }),
    );
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    const result = await run(["--reset", seed.staff.nip], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(`Unlinked Siti "Ani" Rahayu (NIP ${seed.staff.nip}) from Telegram account 31.`);
    const staff = await withDb((db) => db.employee.findUniqueOrThrow({ where: { id: seed.staff.id } }));
    expect(staff.telegramId).toBeNull();

    const again = await run(["--reset", seed.staff.nip], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("has no linked Telegram account");

    const unknown = await run(["--reset", "000000000000000000"], { env });
    expect(unknown).toMatchObject({ code: 2, stderr: 'There is no employee with NIP "000000000000000000".\n' });
  });

  it("--reset of someone who never linked keeps the link they were given unless --force", async () => {
    await withDb((db) => issueInvites(db, { now: new Date(NOW), actor: "test" }));
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    const open = () =>
      withDb((db) => db.invite.count({ where: { employeeId: seed.staff.id, usedAt: null, revokedAt: null } }));
    expect(await open()).toBe(1);

    const refused = await run(["--reset", seed.staff.nip], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("has never linked an account");
    expect(refused.stderr).toContain("add --force to revoke it");
    expect(await open()).toBe(1);

    const forced = await run(["--reset", seed.staff.nip, "--force"], { env });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Revoked 1 unused invite link.");
    expect(await open()).toBe(0);
    expect((await run(["--force"], { env })).stderr).toContain("--force goes with --reset");
  });
});
