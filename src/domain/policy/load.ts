import type { Logger } from "../../lib/logger.ts";
import { composePolicies } from "./compose.ts";
import { policyStorageKey, type Policies, type PolicySection } from "./sections.ts";
import { readSection, readStoredPolicy, type KeyValueReader, type StoredPolicy } from "./stored.ts";

// --- loading -----------------------------------------------------------------------------------

type Warn = Pick<Logger, "warn">;

/** Every section in force, from one read; stored values that are invalid are logged and replaced by their defaults. */
export async function loadPolicies(db: KeyValueReader, logger?: Warn): Promise<Policies> {
  const stored = await readStoredPolicy(db);
  warn(logger, stored.problems);
  return composePolicies(stored.overrides);
}

async function loadSection<S extends PolicySection>(
  db: KeyValueReader,
  section: S,
  logger?: Warn,
): Promise<Policies[S]> {
  const row = await db.keyValue.findUnique({ where: { key: policyStorageKey(section) } });
  const problems: string[] = [];
  const policy = mergeStoredSection(section, row?.value, problems);
  warn(logger, problems);
  return policy;
}

export const loadReportPolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "report", logger);
export const loadRatingPolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "rating", logger);
export const loadDeadlinePolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "deadlines", logger);
export const loadSchedulePolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "schedule", logger);
export const loadOversightPolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "oversight", logger);
export const loadFeedbackPolicy = (db: KeyValueReader, logger?: Warn) => loadSection(db, "feedback", logger);

/** One section's stored JSON merged over its defaults, value by value; what is invalid is left out and described in `problems`. */
export function mergeStoredSection<S extends PolicySection>(
  section: S,
  stored: unknown,
  problems: string[] = [],
): Policies[S] {
  const result: StoredPolicy = { overrides: new Map(), problems };
  readSection(section, stored, result);
  return composePolicies(result.overrides)[section];
}

function warn(logger: Warn | undefined, problems: string[]): void {
  for (const problem of problems) logger?.warn(`policy: ${problem}`);
}
