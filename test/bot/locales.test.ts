import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FluentResource } from "@fluent/bundle";

const keysOf = (locale: string) => {
  const source = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), "utf8");
  const resource = new FluentResource(source);
  return new Set(resource.body.map((entry) => entry.id));
};

/** A key missing in one language would show the other language's words (or the key itself). */
describe("the locale files", () => {
  it("have the same keys in Indonesian and English", () => {
    const id = keysOf("id");
    const en = keysOf("en");
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
  });
});
