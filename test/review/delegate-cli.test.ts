import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { seedSmallUnit } from "../support/seed.ts";

let database: Awaited<ReturnType<typeof createDatabaseEnv>>;

beforeAll(async () => {
  database = await createDatabaseEnv("lapkin-delegate-cli-");
  await withDb((db) => seedSmallUnit(db));
});
afterAll(async () => database.cleanup());

const withDb = <T>(fn: (db: Db) => Promise<T>) => database.use(fn);
const run = (...args: string[]) => runCli(["delegate", ...args], { env: database.env });

const SUPERVISOR = "198203152006042002";
const DELEGATE = "199208172018012004";

describe("lapkin delegate", () => {
  it("sets a delegation for whole dates and writes the audit log", async () => {
    const out = await run(
      "--supervisor",
      SUPERVISOR,
      "--delegate",
      DELEGATE,
      "--from",
      "2026-11-25",
      "--to=2026-11-27",
      "--reason",
      "Dinas luar kota",
    );
    expect(out).toMatchObject({ code: 0, stderr: "" });
    expect(out.stdout).toContain("Dewi Lestari acts for Siti Rahma from 2026-11-25 to 2026-11-27");
    await withDb(async (db) => {
      const row = await db.delegation.findFirstOrThrow({ include: { supervisor: true, delegate: true } });
      expect(row).toMatchObject({ createdBy: "cli", reason: "Dinas luar kota" });
      expect([
        row.supervisor.nip,
        row.delegate.nip,
        row.from.toISOString().slice(0, 10),
        row.to.toISOString().slice(0, 10),
      ]).toEqual([SUPERVISOR, DELEGATE, "2026-11-25", "2026-11-27"]);
      expect(await db.auditLog.findFirst({ where: { action: "delegation.create" } })).toMatchObject({
        actor: "cli",
        entity: "Delegation",
        entityId: String(row.id),
      });
    });
  });

  it.each([
    [["--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-11-25"], "--to is required"],
    [
      ["--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-02-30", "--to", "2026-03-01"],
      "--from must be a date YYYY-MM-DD",
    ],
    [
      ["--supervisor", SUPERVISOR, "--delegate", DELEGATE, "--from", "2026-11-27", "--to", "2026-11-25"],
      "--to is before --from",
    ],
    [
      ["--supervisor", "000000000000000000", "--delegate", DELEGATE, "--from", "2026-11-25", "--to", "2026-11-27"],
      "No active employee with NIP 000000000000000000 (--supervisor)",
    ],
    [
      ["--supervisor", SUPERVISOR, "--delegate", SUPERVISOR, "--from", "2026-11-25", "--to", "2026-11-27"],
      "cannot be their own delegate",
    ],
    [["--supervisor", SUPERVISOR, "--bogus", "x"], 'Unknown option "--bogus"'],
    [["--supervisor", SUPERVISOR, "--supervisor=" + DELEGATE], "--supervisor was given twice"],
    [["--reason=", "--supervisor", SUPERVISOR], "--reason needs a value"],
    [
      // Dewi (the delegate) has no subordinates: there is no team to act for.
      ["--supervisor", DELEGATE, "--delegate", SUPERVISOR, "--from", "2026-11-25", "--to", "2026-11-27"],
      "has no active subordinates to delegate (--supervisor)",
    ],
    [["--revoke", "x"], "--revoke needs the number of a delegation"],
    [["--list", "--all"], "--list takes nothing else"],
  ])("refuses %j with a readable message", async (args, message) => {
    const out = await run(...args);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).not.toContain("    at ");
  });

  it("lists the delegations in force and revokes one, audit-logged; a revoked one cannot be revoked again", async () => {
    const made = await run(
      "--supervisor",
      SUPERVISOR,
      "--delegate",
      DELEGATE,
      "--from",
      "2026-12-01",
      "--to",
      "2026-12-03",
    );
    const id = /Delegation (\d+):/.exec(made.stdout)![1]!;
    const list = await run("--list");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(`${id}  2026-12-01 – 2026-12-03  Dewi Lestari \\(${DELEGATE}\\) acts for Siti Rahma`),
    );

    const revoked = await run("--revoke", id);
    expect(revoked).toMatchObject({ code: 0, stderr: "" });
    expect((await run("--list")).stdout).not.toMatch(new RegExp(`^\\s*${id}  `, "m"));
    expect(await withDb((db) => db.auditLog.count({ where: { action: "delegation.revoke", entityId: id } }))).toBe(1);
    const again = await run("--revoke", id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`No delegation ${id} in force`);
  });
});
