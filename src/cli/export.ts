import { resolve } from "node:path";
import { exportWorkbook } from "../domain/export/workbook.ts";
import { loadReportPolicy } from "../domain/policy/load.ts";
import { ekinerjaExport, NO_LINKS, unitScope } from "./export-ekinerja.ts";
import { monthPeriod, quarterPeriod, type Period } from "../domain/skp/periods.ts";
import { localDate } from "../lib/time.ts";
import { databaseSettings, withDatabase, type CliIo } from "./context.ts";
import { parseStrictArgs } from "./args.ts";
import { UserError } from "./errors.ts";

const USAGE =
  "Usage: lapkin export [--month YYYY-MM | --quarter YYYY-Qn] [--unit CODE] [--out FILE]\n" +
  "       lapkin export --ekinerja --unit CODE [--month YYYY-MM] [--out DIR]";
/** What a path the operator gave may answer when it cannot be written: their mistake, not ours. */
const UNWRITABLE = new Set(["EACCES", "EPERM", "ENOENT", "ENOTDIR", "EROFS", "EISDIR", "ENAMETOOLONG", "ENOSPC"]);
const FLAGS = ["--month", "--quarter", "--unit", "--out"] as const;
export type ExportOptions = Partial<Record<"month" | "quarter" | "unit" | "out", string>> & {
  help?: boolean;
  ekinerja?: boolean;
};

/** Where an export goes without --out: the working directory, named after the period. */
export const defaultExportFile = (period: Period) => `lapkin-export-${periodName(period)}.xlsx`;

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseExportArgs(args);
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { defaultTimeZone, publicUrl } = databaseSettings(io.env);
  const period = exportPeriod(options, localDate(io.clock.now(), defaultTimeZone));
  if (!publicUrl) io.stderr.write(NO_LINKS);
  if (options.ekinerja) return ekinerjaExport(options, period, publicUrl, io);
  const path = resolve(options.out ?? defaultExportFile(period));

  const started = Date.now();
  const result = await withDatabase(io, async (db) => {
    const unitIds = options.unit === undefined ? undefined : await unitScope(db.prisma, options.unit);
    try {
      const policy = await loadReportPolicy(db.prisma);
      const progress = {
        includeSubmitted: policy.ekinerjaIncludeSubmitted,
        workdayStart: policy.workdayStart,
        publicUrl,
      };
      return await exportWorkbook(db.prisma, { period, unitIds }, { path, progress });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== undefined && UNWRITABLE.has(code))
        throw new UserError(`Cannot write ${path}: ${(error as Error).message}`);
      throw error;
    }
  });
  const scope = options.unit ? ` for unit ${options.unit} and the units below it` : "";
  io.stdout.write(
    `Wrote ${result.reports} reports, ${result.indicators} indicator rows, ${result.evaluations} evaluations and ${result.progress} e-Kinerja progress rows for ${periodName(period)}${scope} to ${result.path} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  return 0;
}

/** Strict (parseStrictArgs), and --ekinerja is for one unit's month. */
export function parseExportArgs(args: string[]): ExportOptions {
  const options = parseStrictArgs(args, { valued: FLAGS, switches: ["--ekinerja"], usage: USAGE });
  if (options.help) return options;
  if (options.month !== undefined && options.quarter !== undefined)
    throw usageError("Give --month or --quarter, not both.");
  if (options.ekinerja && options.quarter !== undefined)
    throw usageError("--ekinerja writes a month per file: give --month, not --quarter.");
  if (options.ekinerja && options.unit === undefined) throw usageError("--ekinerja needs --unit CODE.");
  return options;
}

/** The period asked for, or the month before `today` (a local date in DEFAULT_TIMEZONE). */
export function exportPeriod(options: ExportOptions, today: string): Period {
  if (options.month !== undefined) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(options.month);
    if (!m) throw usageError(`--month "${options.month}" is not a month: write it as YYYY-MM, e.g. 2026-10.`);
    return monthPeriod(Number(m[1]), Number(m[2]));
  }
  if (options.quarter !== undefined) {
    const q = /^(\d{4})-?[Qq]([1-4])$/.exec(options.quarter);
    if (!q) throw usageError(`--quarter "${options.quarter}" is not a quarter: write it as YYYY-Qn, e.g. 2026-Q3.`);
    return quarterPeriod(Number(q[1]), Number(q[2]));
  }
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
}

/** "2026-10" or "2026-Q3": in file names and messages. */
export const periodName = (period: Period) =>
  period.code.startsWith("Q") ? `${period.year}-${period.code}` : period.from.slice(0, 7);

const usageError = (message: string) => new UserError(`${message}\n${USAGE}`);
