import type { Message } from "../../lib/i18n.ts";
import { POLICY_SECTIONS, SECTIONS } from "./definitions.ts";
import type { PolicyField } from "./fields.ts";
import type { PolicySection } from "./sections.ts";

/** A value's key in the import file: its section and path, "rating.thresholds.meetsMinPercent". */
export interface KeySpec {
  key: string;
  section: PolicySection;
  path: string;
  field: PolicyField<unknown>;
}

export const KEYS: KeySpec[] = POLICY_SECTIONS.flatMap((section) =>
  Object.entries(SECTIONS[section].fields as Record<string, PolicyField<unknown>>).map(([path, field]) => ({
    key: `${section}.${path}`,
    section,
    path,
    field,
  })),
);
export const BY_KEY = new Map(KEYS.map((k) => [k.key.toLowerCase(), k]));

/** The import file's keys, in the order `lapkin policy` shows them. */
export const POLICY_KEYS: readonly string[] = KEYS.map((k) => k.key);

/** The key as written (any case) in its canonical spelling, or undefined when there is no such key. */
export const policyKey = (written: string): string | undefined => BY_KEY.get(written.trim().toLowerCase())?.key;

/** A cell of the import file read as the key's value, or why it cannot be. */
export function readPolicyValue(
  key: string,
  cell: string,
): { ok: true; value: unknown } | { ok: false; error: Message } {
  const spec = specOf(key);
  const checked = spec.field.schema.safeParse(spec.field.fromCell(cell.trim()));
  if (checked.success) return { ok: true, value: checked.data };
  const args = { key: spec.key, value: cell, expected: spec.field.expected };
  return { ok: false, error: { key: "import-policy-value-invalid", args } };
}

/** A value as the import file writes it. */
export const showPolicyValue = (key: string, value: unknown): string => specOf(key).field.show(value);

export const specOf = (key: string): KeySpec => {
  const spec = BY_KEY.get(key.toLowerCase());
  if (!spec) throw new Error(`unknown policy key ${key}`);
  return spec;
};
