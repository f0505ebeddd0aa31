import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_KEYS } from "../../src/domain/policy/keys.ts";
import { loadPolicies } from "../../src/domain/policy/load.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { EXAMPLE_DIR, writeFiles } from "../import/helpers.ts";

// One database for the file; the tests run in order: defaults first, then after an import.
let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
beforeAll(async () => (database = await createDatabaseEnv("lapkin-policy-cli-")));
afterAll(async () => database.cleanup());

const lapkin = (...args: string[]) => runCli(args, { env: database.env });

/** The line of `lapkin policy` showing a key, its value and source, as whitespace-separated words. */
function lineOf(stdout: string, key: string): string {
  const line = stdout.split("\n").find((l) => l.trim().split(/\s+/)[0] === key);
  return line?.trim().split(/\s+/).join(" ") ?? "";
}

describe("lapkin policy", () => {
  it("shows every value with its key, grouped by section, all defaults on a new database", async () => {
    const out = await lapkin("policy");

    expect(out).toMatchObject({ code: 0, stderr: "" });
    for (const key of POLICY_KEYS) expect(lineOf(out.stdout, key)).toMatch(/ default$/);
    expect(lineOf(out.stdout, "rating.mode")).toBe("rating.mode 2022 default");
    expect(lineOf(out.stdout, "schedule.skpDeadlines.daysBefore")).toBe(
      "schedule.skpDeadlines.daysBefore 7;3;1 default",
    );
    const sections = out.stdout.split("\n").filter((l) => /^\S/.test(l));
    expect(sections).toEqual(["report", "review", "rating", "deadlines", "schedule", "oversight", "feedback"]);
  });

  it("shows imported values as such, with the default they replace", async () => {
    const file = writeFiles({
      "lokal.csv": "kunci,nilai\nrating.organisationalResult,istimewa\nreview.approvalsPageSize,5\n",
    });
    const imported = await lapkin("import", join(file, "lokal.csv"), join(EXAMPLE_DIR, "kebijakan.csv"));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("policy values:  11 changed, 0 unchanged");

    const out = await lapkin("policy");

    expect(out.code).toBe(0);
    expect(lineOf(out.stdout, "rating.organisationalResult")).toBe(
      "rating.organisationalResult ISTIMEWA import (default BAIK)",
    );
    expect(lineOf(out.stdout, "review.approvalsPageSize")).toBe(
      "review.approvalsPageSize 5 import (same as the default)",
    );
    expect(lineOf(out.stdout, "deadlines.periodicCloseDay")).toBe("deadlines.periodicCloseDay 10 import (default 5)");
    expect(lineOf(out.stdout, "rating.mode")).toBe("rating.mode 2022 import (same as the default)");
    expect(lineOf(out.stdout, "rating.thresholds.aboveAveragePercent")).toBe(
      "rating.thresholds.aboveAveragePercent 110 default",
    );
  });

  it("prints the policy in force as JSON with --json", async () => {
    const out = await lapkin("policy", "--json");

    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout);
    expect(printed).toMatchObject({
      rating: { period: "QUARTER", organisationalResult: "ISTIMEWA" },
      deadlines: { periodicCloseDay: 10 },
      schedule: { skpDeadlines: { daysBefore: [14, 7, 3, 1] } },
    });
    expect(printed).toEqual(await database.use((db) => loadPolicies(db)));
  });

  it("warns about a stored value that is invalid, and shows the default the bot uses instead", async () => {
    await database.use((db) =>
      db.keyValue.update({ where: { key: "policy:rating" }, data: { value: { mode: "2020" } } }),
    );

    const out = await lapkin("policy");

    expect(out.code).toBe(0);
    expect(out.stderr).toBe(
      'Warning: rating.mode: the stored "2020" is not one of 2022, 2019, 2011; the default 2022 is used.\n',
    );
    expect(lineOf(out.stdout, "rating.mode")).toBe("rating.mode 2022 default");
  });

  it("explains itself with --help", async () => {
    const out = await lapkin("policy", "--help");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Usage: lapkin policy [--json]");
    expect(out.stdout).toContain("kunci,nilai");
  });

  it.each([
    [["--yaml"], 'Unknown option "--yaml".'],
    [["rating"], 'Unexpected argument "rating".'],
  ])("%j exits 2 with a readable message", async (args, message) => {
    const out = await lapkin("policy", ...args);
    expect(out).toMatchObject({ code: 2, stdout: "" });
    expect(out.stderr).toBe(`${message}\nUsage: lapkin policy [--json]\n`);
  });

  it("is listed in lapkin's usage", async () => {
    const out = await lapkin("--help");
    expect(out.stdout).toMatch(/lapkin policy \[--json\]\s+show the policy in force/);
  });
});
