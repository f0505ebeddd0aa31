import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Db } from "../db/client.ts";
import { unitSubtree } from "../domain/export/scope.ts";
import { eachEmployeeProgress, progressWorkbookBuffer } from "../domain/export/progress-sheet.ts";
import { loadReportPolicy } from "../domain/policy/load.ts";
import type { Period } from "../domain/skp/periods.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

/** Said on stderr by every export without PUBLIC_URL: why "Bukti Dukung" is empty. */
export const NO_LINKS =
  "PUBLIC_URL is not set: the Bukti Dukung column (evidence links) stays empty. Set PUBLIC_URL to the address browsers reach Lapkin at.\n";

/** The unit with this code and those below it; an unknown code is the operator's mistake. */
export async function unitScope(db: Db, code: string): Promise<number[]> {
  const ids = await unitSubtree(db, code);
  if (!ids) throw new UserError(`Unknown unit "${code}": no unit has this code. Check the code in the import file.`);
  return ids;
}

/**
 * `lapkin export --ekinerja --unit CODE --month YYYY-MM --out DIR`: one file per employee with
 * reports in the month, `<NIP>-<YYYY-MM>.xlsx`, exactly e-Kinerja's Progress Harian columns. Each
 * file is written beside its name and renamed into place, so none is ever half-written.
 */
export async function ekinerjaExport(
  options: { unit?: string; out?: string },
  period: Period,
  publicUrl: string | undefined,
  io: CliIo,
): Promise<number> {
  const dir = resolve(options.out ?? ".");
  const month = period.from.slice(0, 7);
  const written = await withDatabase(io, async (db) => {
    const unitIds = await unitScope(db.prisma, options.unit!);
    const policy = await loadReportPolicy(db.prisma);
    ensureWritable(dir);
    let files = 0;
    const progress = {
      period,
      includeSubmitted: policy.ekinerjaIncludeSubmitted,
      workdayStart: policy.workdayStart,
      publicUrl,
    };
    await eachEmployeeProgress(db.prisma, { unitIds }, progress, async (employee, rows) => {
      const path = join(dir, `${employee.nip}-${month}.xlsx`);
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, await progressWorkbookBuffer(rows), { mode: 0o600 });
      renameSync(temp, path);
      files += 1;
    });
    return files;
  });
  io.stdout.write(
    `Wrote ${written} e-Kinerja files for ${month} (unit ${options.unit} and the units below it) to ${dir}.\n`,
  );
  return 0;
}

function ensureWritable(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.lapkin-${process.pid}.probe`);
    closeSync(openSync(probe, "w"));
    rmSync(probe);
  } catch (error) {
    throw new UserError(`Cannot write to ${dir}: ${(error as Error).message}`);
  }
}
