import { composePolicies, showDefault, type PolicyOverrides } from "./compose.ts";
import { KEYS } from "./keys.ts";
import { valueAt } from "./paths.ts";
import type { PolicySection } from "./sections.ts";

// --- describing ---------------------------------------------------------------------------------

export interface PolicyEntry {
  key: string;
  section: PolicySection;
  /** As the import file writes it. */
  value: string;
  defaultValue: string;
  source: "default" | "import";
}

/** Every value in force, in key order, with its default and where it comes from (for `lapkin policy`). */
export function describePolicies(overrides: PolicyOverrides): PolicyEntry[] {
  const policies = composePolicies(overrides);
  return KEYS.map((spec) => ({
    key: spec.key,
    section: spec.section,
    value: spec.field.show(valueAt(policies, spec.key)),
    defaultValue: showDefault(spec),
    source: overrides.has(spec.key) ? "import" : "default",
  }));
}
