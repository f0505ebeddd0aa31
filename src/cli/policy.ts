import { composePolicies } from "../domain/policy/compose.ts";
import { describePolicies, type PolicyEntry } from "../domain/policy/describe.ts";
import { readStoredPolicy } from "../domain/policy/stored.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

const USAGE = "Usage: lapkin policy [--json]";

const HELP = `${USAGE}

Shows every policy value in force, by section: its key as an import file writes it, the value,
and whether it is the default or was set by \`lapkin import\`. --json prints the policy in force
as JSON instead. To change a value, import a CSV or XLSX file with the columns kunci,nilai
(see examples/kota-contoh/kebijakan.csv).
`;

/**
 * `lapkin policy [--json]`. A stored value that is invalid is named on stderr, and its default is
 * shown, because that is what the bot uses in its place.
 */
export async function policyCommand(args: string[], io: CliIo): Promise<number> {
  let json = false;
  for (const arg of args) {
    if (arg === "--help" || arg === "-h") return (io.stdout.write(HELP), 0);
    if (arg !== "--json")
      throw new UserError(`${arg.startsWith("-") ? "Unknown option" : "Unexpected argument"} "${arg}".\n${USAGE}`);
    json = true;
  }
  const stored = await withDatabase(io, (db) => readStoredPolicy(db.prisma));
  for (const problem of stored.problems) io.stderr.write(`Warning: ${problem}.\n`);
  io.stdout.write(
    json
      ? `${JSON.stringify(composePolicies(stored.overrides), null, 2)}\n`
      : formatPolicy(describePolicies(stored.overrides)),
  );
  return 0;
}

/** One block per section; an imported value shows the default it replaces. */
function formatPolicy(entries: PolicyEntry[]): string {
  const keyWidth = Math.max(...entries.map((e) => e.key.length)) + 2;
  const valueWidth = Math.max(...entries.map((e) => e.value.length)) + 2;
  const lines: string[] = [];
  let section: string | undefined;
  for (const entry of entries) {
    if (entry.section !== section) {
      if (section !== undefined) lines.push("");
      section = entry.section;
      lines.push(section);
    }
    const source =
      entry.source === "default"
        ? "default"
        : entry.value === entry.defaultValue
          ? "import (same as the default)"
          : `import (default ${entry.defaultValue})`;
    lines.push(`  ${entry.key.padEnd(keyWidth)}${entry.value.padEnd(valueWidth)}${source}`);
  }
  return `${lines.join("\n")}\n`;
}
