import cliProgress from "cli-progress";
import {
  ImportError,
  ImportRefused,
  importFiles,
  problemLine,
  type ImportSummary,
  type ProgressSink,
} from "../domain/import/index.ts";
import { listImportFiles } from "../domain/import/read.ts";
import { plainText } from "../lib/i18n.ts";
import { databaseSettings, withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

const USAGE = "lapkin import <file-or-directory>... [--deactivate-missing] [--dry-run]";

/** Below this many rows the import is over before a bar could say anything. */
const PROGRESS_THRESHOLD = 1000;

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { paths, deactivateMissing, dryRun } = parseArgs(args);
  const { defaultTimeZone } = databaseSettings(io.env);
  try {
    const files = listImportFiles(paths); // a mistyped path fails before the database is opened
    const summary = await withDatabase(io, (db) =>
      importFiles(db, files, {
        deactivateMissing,
        dryRun,
        defaultTimeZone,
        clock: io.clock,
        progress: progressBar(io),
      }),
    );
    io.stdout.write(formatSummary(summary));
    return 0;
  } catch (error) {
    // The command line speaks English (its usage, the summary); the dashboard words them in the viewer's language.
    if (error instanceof ImportRefused)
      for (const problem of error.problems) io.stderr.write(`${plainText("en", problemLine(problem))}\n`);
    if (error instanceof ImportError) throw new UserError(error.message);
    throw error;
  }
}

function parseArgs(args: string[]) {
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => f !== "--deactivate-missing" && f !== "--dry-run");
  if (unknown.length > 0) throw new UserError(`Unknown option ${unknown.join(", ")}. Usage: ${USAGE}`);
  const paths = args.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) throw new UserError(`Name the CSV/XLSX file or the folder to import. Usage: ${USAGE}`);
  return { paths, deactivateMissing: flags.has("--deactivate-missing"), dryRun: flags.has("--dry-run") };
}

/** A bar on a terminal for a large import; nothing when the output is a file or a pipe. */
function progressBar(io: CliIo) {
  return (total: number): ProgressSink | undefined => {
    if (!io.stderr.isTTY || total <= PROGRESS_THRESHOLD) return undefined;
    const bar = new cliProgress.SingleBar(
      { stream: io.stderr, format: "Writing [{bar}] {value}/{total} rows", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    return { start: (n) => bar.start(n, 0), advance: (n) => bar.increment(n), stop: () => bar.stop() };
  };
}

export function formatSummary(s: ImportSummary): string {
  const counts = (c: { created: number; updated: number; unchanged: number }) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  const lines = [
    s.dryRun
      ? `Dry run of ${s.files.join(", ")}: nothing was written. The import would give:`
      : `Imported ${s.files.join(", ")}:`,
    `  units:          ${counts(s.units)}`,
    `  employees:      ${counts(s.employees)}, ${s.employees.deactivated} deactivated`,
    `  SKP plans:      ${s.skpPlans.created} created`,
    `  SKP indicators: ${counts(s.indicators)}`,
    `  leave:          ${s.leave.created} created, ${s.leave.unchanged} unchanged`,
    `  policy values:  ${s.policy.changed} changed, ${s.policy.unchanged} unchanged`,
    `  counters:       ${counts(s.counters)}`,
    ...s.ignoredColumns.map(
      (i) => `Note: ignored the unknown column(s) ${i.columns.map((c) => `"${c}"`).join(", ")} in ${i.file}.`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
