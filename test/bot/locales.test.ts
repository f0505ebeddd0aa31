import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FluentResource } from "@fluent/bundle";

const entriesOf = (locale: string) => {
  const source = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
  return new FluentResource(source).body;
};
const keysOf = (locale: string) => new Set(entriesOf(locale).map((entry) => entry.id));

/** The names of the variables a message uses ({ $nip }), wherever they sit in its pattern. */
function variablesOf(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const part of node) variablesOf(part, into);
  else if (node && typeof node === "object") {
    const { type, name } = node as { type?: string; name?: string };
    if (type === "var" && name) into.add(name);
    for (const value of Object.values(node)) variablesOf(value, into);
  }
  return into;
}

/** Every "import-…" key named by a string literal in src/ (the import's problems are worded from these). */
function importKeysInCode(): Set<string> {
  const src = fileURLToPath(new URL("../../src/", import.meta.url));
  const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const keys = new Set<string>();
  for (const file of files)
    for (const [, key] of readFileSync(join(src, file), "utf8").matchAll(/["'`](import-[a-z0-9-]+)["'`]/g))
      keys.add(key!);
  return keys;
}

/** A key missing in one language would show the other language's words (or the key itself). */
describe("the locale files", () => {
  it("have the same keys in Indonesian and English", () => {
    const id = keysOf("id");
    const en = keysOf("en");
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
  });

  it("word every import problem the code names, and nothing the code no longer names", () => {
    const inCode = importKeysInCode();
    expect(inCode.size).toBeGreaterThan(50);
    for (const locale of ["id", "en"]) {
      const inLocale = [...keysOf(locale)].filter((k) => k.startsWith("import-"));
      expect(
        [...inCode].filter((k) => !inLocale.includes(k)),
        locale,
      ).toEqual([]);
      expect(
        inLocale.filter((k) => !inCode.has(k)),
        locale,
      ).toEqual([]);
    }
  });

  it("use the same variables for an import problem in both languages", () => {
    const variables = (locale: string) =>
      new Map(
        entriesOf(locale)
          .filter((entry) => entry.id.startsWith("import-"))
          .map((entry) => [entry.id, [...variablesOf(entry.value)].sort()]),
      );
    expect(variables("id")).toEqual(variables("en"));
  });
});
