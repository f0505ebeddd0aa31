import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseEnv } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { createTestBot } from "../support/bot.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";

const EXAMPLE_CITY = new URL("../../examples/kota-contoh", import.meta.url).pathname;

const cli = (args: string[], env: Record<string, string>, telegram: FakeTelegram) =>
  runCli(args, {
    env: { BOT_TOKEN: telegram.token, BOT_API_ROOT: telegram.apiRoot, ...env },
    now: "2026-11-24T02:00:00Z",
    fetch: telegram.fetch,
  });

/** The path an HR admin follows on a new server: import the city, issue invites, employees link. */
describe("onboarding a city: import → invites → /start inv_<code>", () => {
  const telegram = new FakeTelegram();
  let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
  let outDir: string;
  beforeAll(async () => {
    database = await createDatabaseEnv();
    outDir = mkdtempSync(join(tmpdir(), "lapkin-onboarding-"));
  });
  afterAll(async () => {
    await database.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("links an employee from the invites file, greeted by name", async () => {
    const imported = await cli(["import", EXAMPLE_CITY], database.env, telegram);
    expect(imported.code, imported.stderr).toBe(0);

    const invitesFile = join(outDir, "invites.csv");
    const invited = await cli(["invites", "--out", invitesFile], database.env, telegram);
    expect(invited.code, invited.stderr).toBe(0);

    const text = readFileSync(invitesFile, "utf8");
    expect(text.split(/\r?\n/)[0]).toBe("nip,name,unit,link");
    const rows = parse(text, { columns: true }) as Array<{ nip: string; name: string; unit: string; link: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const { nip, name, link } = rows[0]!;
    const code = /\?start=(inv_[A-Za-z0-9_-]+)$/.exec(link!)![1]!;

    await database.use(async (db) => {
      const { telegram: bot, deliver } = createTestBot({ db, now: "2026-11-24T03:00:00Z" });
      await deliver(bot.user(8123).command("start", code));
      expect(bot.lastText(8123)).toContain(`Selamat datang, ${name}!`);
      const employee = await db.employee.findUniqueOrThrow({ where: { nip } });
      expect(employee.telegramId).toBe(8123n);
    });
  });

  it("refuses a bad import file, lists every problem, and leaves the row counts unchanged", async () => {
    const before = await counts(database);
    const bad = join(outDir, "bad");
    rmSync(bad, { recursive: true, force: true });
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(bad);
    writeFileSync(
      join(bad, "pegawai.csv"),
      [
        "nip,nama,jabatan,jenis,unit,nip_atasan",
        "199013312015031001,Tanggal Salah,Staf,PNS,SETDA,",
        "199001012015031002,Unit Salah,Staf,PNS,TIDAK-ADA,",
        "199001012015031003,Atasan Salah,Staf,PNS,SETDA,197001012000011999",
      ].join("\n"),
    );
    const run = await cli(["import", bad], database.env, telegram);
    expect(run.code).toBe(2);
    const problems = run.stderr.split("\n").filter((l) => l.startsWith("pegawai.csv:"));
    expect(problems.map((p) => p.split(":")[1])).toEqual(["2", "3", "4"]);
    expect(run.stderr).toContain("nothing was written");
    expect(await counts(database)).toEqual(before);
  });
});

const counts = (database: Awaited<ReturnType<typeof createDatabaseEnv>>) =>
  database.use(async (db) => ({
    units: await db.unit.count(),
    employees: await db.employee.count(),
    indicators: await db.skpIndicator.count(),
    audit: await db.auditLog.count(),
  }));
