import { basename } from "node:path";
import type { Db } from "../../db/client.ts";
import { systemClock, type Clock } from "../../lib/clock.ts";
import { recordAudit } from "../audit.ts";
import { planImport, type ImportPlan } from "./plan.ts";
import { counterCounts } from "./counters.ts";
import { listImportFiles, readTables } from "./read.ts";
import { recordsFromTables } from "./rows.ts";
import { readSnapshot, type LeaveRange } from "./snapshot.ts";
import { crossCheck } from "./validate.ts";
import { applyPlan, rowsToWrite, type ProgressSink } from "./write.ts";
import { ImportError, ImportRefused, type ImportSummary, type Problem } from "./types.ts";

export { ImportError, ImportRefused, problemLine, type ImportSummary, type Problem } from "./types.ts";
export type { ProgressSink } from "./write.ts";

export interface ImportOptions {
  /** Set active=false on active employees that no employee file lists. */
  deactivateMissing?: boolean;
  /** Validate and count, write nothing. */
  dryRun?: boolean;
  /** Time zone of a unit whose zona_waktu is empty (DEFAULT_TIMEZONE). */
  defaultTimeZone?: string;
  clock?: Clock;
  /** Who the audit row names. */
  actor?: string;
  /** Asked once the number of rows to write is known; may return nothing (no progress shown). */
  progress?: (rowsToWrite: number) => ProgressSink | undefined;
}

/** Generous: the whole import is one transaction, and 20,000 employees on PGlite take seconds. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/** Two imports at once would both see a unit as new; they take turns instead. */
const IMPORT_LOCK = 7_270_736_901;

const NO_PROGRESS: ProgressSink = { start() {}, advance() {}, stop() {} };

/**
 * Imports units, employees, SKP indicators, leave and policy values from CSV/XLSX files or folders of them. Everything
 * is checked before anything is written; any problem throws ImportRefused listing all of them.
 * The writes are one transaction, and only rows that differ are touched.
 */
export async function importFiles(
  db: { prisma: Db },
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const deactivateMissing = options.deactivateMissing ?? false;
  const filePaths = listImportFiles(paths);
  const read = await readTables(filePaths);
  const parsed = recordsFromTables(read.tables, { timeZone: options.defaultTimeZone ?? "Asia/Jakarta" });
  if (deactivateMissing && !parsed.data.hasEmployeeFile) {
    throw new ImportError({ key: "import-deactivate-needs-employees" });
  }
  const fileNames = filePaths.map((f) => basename(f));
  const now = (options.clock ?? systemClock).now();

  return db.prisma.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const snapshot = await readSnapshot(
        tx,
        [...new Set(parsed.data.indicators.map((i) => i.year))],
        leaveRange(parsed.data.leave.map((l) => l.from)),
      );
      const checked = crossCheck(parsed.data, snapshot, { deactivateMissing });
      const problems = [...read.problems, ...parsed.problems, ...checked.problems];
      if (problems.length > 0)
        throw new ImportRefused(
          inFileOrder(
            problems,
            read.tables.map((t) => t.file),
          ),
        );

      const plan = planImport(checked.data, snapshot, { deactivateMissing });
      const summary = summarise(plan, fileNames, options.dryRun ?? false, parsed.ignoredColumns);
      if (options.dryRun) return summary;

      const total = rowsToWrite(plan);
      const progress = options.progress?.(total) ?? NO_PROGRESS;
      progress.start(total);
      try {
        await applyPlan(tx, plan, snapshot, now, progress);
      } finally {
        progress.stop();
      }
      const { files, units, employees, skpPlans, indicators, leave, policy, counters } = summary;
      const actor = options.actor ?? "cli";
      const details = { files, units, employees, skpPlans, indicators, leave, policy, counters, deactivateMissing };
      await recordAudit(tx, { actor, action: "import", entity: "import", at: now, details });
      if (plan.policy.set.length > 0) {
        const after = Object.fromEntries(plan.policy.set.map((p) => [p.key, p.value]));
        await recordAudit(tx, {
          actor,
          action: "policy.import",
          entity: "policy",
          at: now,
          before: plan.policy.before,
          after,
          details: { files },
        });
      }
      return summary;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
}

function summarise(
  plan: ImportPlan,
  files: string[],
  dryRun: boolean,
  ignoredColumns: ImportSummary["ignoredColumns"],
): ImportSummary {
  const counts = (k: { create: unknown[]; update: unknown[]; unchanged: number }) => ({
    created: k.create.length,
    updated: k.update.length,
    unchanged: k.unchanged,
  });
  return {
    files,
    dryRun,
    units: counts(plan.units),
    employees: { ...counts(plan.employees), deactivated: plan.employees.deactivate.length },
    skpPlans: { created: plan.plans.create.length },
    indicators: counts(plan.indicators),
    leave: { created: plan.leave.create.length, unchanged: plan.leave.unchanged },
    policy: { changed: plan.policy.set.length, unchanged: plan.policy.unchanged },
    counters: counterCounts(plan.counters),
    ignoredColumns,
  };
}

/** The earliest and latest start of the leave being imported, to read only the stored leave that could match. */
function leaveRange(starts: string[]): LeaveRange {
  if (starts.length === 0) return null;
  const sorted = [...starts].sort();
  return { earliest: sorted[0]!, latest: sorted[sorted.length - 1]! };
}

/** Problems sorted by file (in reading order) and row, whole-file problems first. */
function inFileOrder(problems: Problem[], files: string[]): Problem[] {
  const rank = (p: Problem) => (files.includes(p.file) ? files.indexOf(p.file) : -1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0));
}
