import type { Message } from "../../lib/i18n.ts";
import { POLICY_SECTIONS, SECTIONS } from "./definitions.ts";
import { specOf, type KeySpec } from "./keys.ts";
import { setAt, valueAt } from "./paths.ts";
import { DEFAULTS, policyStorageKey, type Policies, type PolicySection } from "./sections.ts";

// --- the policy in force: the defaults with the values set by import over them --------------------

/** Values set by import, by key ("rating.mode" → "2019"); a key absent has its default. */
export type PolicyOverrides = Map<string, unknown>;

/** The rules the overrides break, merged over the defaults: the keys involved and the problem, naming them. */
export function brokenPolicyRules(overrides: PolicyOverrides): Array<{ keys: string[]; problem: Message }> {
  const policies = composePolicies(overrides);
  const broken: Array<{ keys: string[]; problem: Message }> = [];
  for (const section of POLICY_SECTIONS) {
    for (const rule of SECTIONS[section].rules as Array<{ ordered: string[]; strict?: boolean }>) {
      const keys = rule.ordered.map((path) => `${section}.${path}`);
      const [low, high] = keys.map((key) => valueAt(policies, key) as number | string);
      if (rule.strict ? low! < high! : low! <= high!) continue;
      const args = { first: keys[0]!, low: String(low), second: keys[1]!, high: String(high) };
      broken.push({
        keys,
        problem: { key: rule.strict ? "import-policy-not-earlier" : "import-policy-not-above", args },
      });
    }
  }
  return broken;
}

/** The policy in force: the defaults, with the overrides set over them. */
export function composePolicies(overrides: PolicyOverrides): Policies {
  const policies = structuredClone(DEFAULTS) as Policies;
  for (const [key, value] of overrides)
    setAt(policies as unknown as Record<string, unknown>, key, structuredClone(value));
  return policies;
}

/** The overrides of each section as the JSON stored under `policy:<section>`. */
export function storedSections(
  overrides: PolicyOverrides,
): Array<{ section: PolicySection; key: string; value: Record<string, unknown> }> {
  const sections = new Map<PolicySection, Record<string, unknown>>();
  for (const [key, value] of overrides) {
    const spec = specOf(key);
    if (!sections.has(spec.section)) sections.set(spec.section, {});
    setAt(sections.get(spec.section)!, spec.path, value);
  }
  return [...sections].map(([section, value]) => ({ section, key: policyStorageKey(section), value }));
}

/** A key's value in force: the one set by import, or its default. */
export const effectivePolicyValue = (overrides: PolicyOverrides, key: string): unknown =>
  overrides.has(key) ? overrides.get(key) : valueAt(DEFAULTS, key);

export const showDefault = (spec: KeySpec) => spec.field.show(valueAt(DEFAULTS, spec.key));
