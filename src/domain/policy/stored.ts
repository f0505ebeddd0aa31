import type { Prisma } from "../../generated/prisma/client.ts";
import { plainText } from "../../lib/i18n.ts";
import { brokenPolicyRules, showDefault, type PolicyOverrides } from "./compose.ts";
import { POLICY_SECTIONS } from "./definitions.ts";
import { BY_KEY } from "./keys.ts";
import { isObject, leavesOf } from "./paths.ts";
import { policyStorageKey, type PolicySection } from "./sections.ts";

// --- stored values -----------------------------------------------------------------------------
// The problems found here are warnings for whoever runs the server (the log, `lapkin policy`): English.

export type KeyValueReader = Pick<Prisma.TransactionClient, "keyValue">;

export interface StoredPolicy {
  overrides: PolicyOverrides;
  /** Stored values that were invalid, unknown or inconsistent, each replaced by its default. */
  problems: string[];
}

/** Reads the stored sections, keeping every valid value and describing each one left out. */
export async function readStoredPolicy(db: KeyValueReader): Promise<StoredPolicy> {
  const rows = await db.keyValue.findMany({ where: { key: { in: POLICY_SECTIONS.map(policyStorageKey) } } });
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const result: StoredPolicy = { overrides: new Map(), problems: [] };
  for (const section of POLICY_SECTIONS) readSection(section, stored.get(policyStorageKey(section)), result);
  return result;
}

export function readSection(section: PolicySection, stored: unknown, into: StoredPolicy): void {
  if (stored === undefined || stored === null) return;
  if (!isObject(stored)) {
    into.problems.push(`${policyStorageKey(section)} is not a JSON object; the defaults are used`);
    return;
  }
  const found: PolicyOverrides = new Map();
  for (const [path, value] of leavesOf(stored)) {
    const spec = BY_KEY.get(`${section}.${path}`.toLowerCase());
    if (!spec || spec.key !== `${section}.${path}`)
      into.problems.push(`${policyStorageKey(section)} holds "${path}", which is not a policy value; it is ignored`);
    else if (!spec.field.schema.safeParse(value).success)
      into.problems.push(
        `${spec.key}: the stored ${JSON.stringify(value)} is not ${plainText("en", spec.field.expected)}; the default ${showDefault(spec)} is used`,
      );
    else found.set(spec.key, value);
  }
  // Values that contradict each other (minimum above maximum) both fall back to their defaults.
  for (const broken of brokenPolicyRules(found)) {
    into.problems.push(`${plainText("en", broken.problem)}; the defaults of ${broken.keys.join(" and ")} are used`);
    for (const key of broken.keys) found.delete(key);
  }
  for (const [key, value] of found) into.overrides.set(key, value);
}
