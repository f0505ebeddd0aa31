import { describe, expect, it } from "vitest";
import { importCircles, importGraph, importsBetween, importsOf } from "./import-graph.ts";

/**
 * The dependency rule of docs/architecture.md: lower layers never import higher ones. Each row
 * is "files under <from> never import files under <to>"; a failure names both files.
 */
const FEATURE_LAYERS = ["src/domain", "src/handlers", "src/bot", "src/jobs", "src/server", "src/cli", "src/app.ts"];
const RULES: Array<[from: string, to: string]> = [
  ...["src/lib", "src/db", "src/scoring", "src/storage"].flatMap((base) =>
    [...FEATURE_LAYERS, "src/config.ts"].map((to) => [base, to] as [string, string]),
  ),
  ["src/lib", "src/db"],
  ["src/scoring", "src/db"],
  ["src/lib", "src/storage"],
  ["src/scoring", "src/storage"],
  ["src/db", "src/storage"],
  ...["src/handlers", "src/bot", "src/jobs", "src/server", "src/cli", "src/app.ts", "src/config.ts"].map(
    (to) => ["src/domain", to] as [string, string],
  ),
  ...["src/handlers", "src/bot", "src/server", "src/cli", "src/app.ts"].map(
    (to) => ["src/jobs", to] as [string, string],
  ),
  ...["src/jobs", "src/server", "src/cli", "src/app.ts"].map((to) => ["src/handlers", to] as [string, string]),
  ...["src/jobs", "src/server", "src/cli", "src/app.ts"].map((to) => ["src/bot", to] as [string, string]),
  ...["src/handlers", "src/cli", "src/app.ts", "src/demo"].map((to) => ["src/server", to] as [string, string]),
  // The demo (a Bot API server and its page) sits beside the server: it may call the domain and the
  // jobs, never the bot's handlers, and nothing below it knows it exists.
  ...["src/handlers", "src/bot", "src/cli", "src/app.ts"].map((to) => ["src/demo", to] as [string, string]),
  ...["src/lib", "src/db", "src/storage", "src/scoring", "src/domain", "src/handlers", "src/bot", "src/jobs"].map(
    (from) => [from, "src/demo"] as [string, string],
  ),
];

const graph = importGraph("src");

describe("the layering of src/", () => {
  it.each(RULES)("%s never imports %s", (from, to) => {
    expect(importsBetween(graph, from, to)).toEqual([]);
  });

  it("has no import circles", () => {
    expect(importCircles(graph)).toEqual([]);
  });
});

describe("the import reader the rules rely on", () => {
  const file = "src/domain/example.ts";

  it("sees static, type-only, re-exported, side-effect and dynamic imports", () => {
    const text = [
      'import { a } from "../lib/time.ts";',
      'import type { B } from "../db/client.ts";',
      'export { c } from "./audit.ts";',
      'import "./outbox.ts";',
      'const d = await import("./calendar.ts");',
      'import {\n  e,\n  f,\n} from "../scoring/index.ts";',
      'import { z } from "zod";',
    ].join("\n");
    expect(importsOf(file, text)).toEqual([
      "src/db/client.ts",
      "src/domain/audit.ts",
      "src/domain/calendar.ts",
      "src/domain/outbox.ts",
      "src/lib/time.ts",
      "src/scoring/index.ts",
    ]);
  });

  it("names the two files of a forbidden import and every circle", () => {
    const fake = new Map([
      ["src/lib/a.ts", ["src/domain/b.ts"]],
      ["src/domain/b.ts", ["src/domain/c.ts"]],
      ["src/domain/c.ts", ["src/domain/b.ts"]],
    ]);
    expect(importsBetween(fake, "src/lib", "src/domain")).toEqual(["src/lib/a.ts → src/domain/b.ts"]);
    expect(importCircles(fake)).toEqual(["src/domain/b.ts → src/domain/c.ts → src/domain/b.ts"]);
  });
});
