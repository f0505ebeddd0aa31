import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);

/** Every TypeScript file under `dir` (relative to the repository), the generated Prisma client excluded. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        if (name !== "generated") walk(path);
      } else if (name.endsWith(".ts")) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

// Static imports and re-exports (`import … from`, `export … from`, side-effect `import "…"`) and dynamic `import("…")`.
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The project files one file imports (relative imports only), as paths relative to the repository. */
export function importsOf(file: string, text = readFileSync(join(ROOT, file), "utf8")): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier?.startsWith(".")) continue;
    const target = resolveSpecifier(join(ROOT, dirname(file)), specifier);
    if (target) found.add(relative(ROOT, target));
  }
  return [...found].sort();
}

function resolveSpecifier(fromDir: string, specifier: string): string | undefined {
  const base = resolve(fromDir, specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

export type ImportGraph = Map<string, string[]>;

export function importGraph(dir: string): ImportGraph {
  return new Map(sourceFiles(dir).map((file) => [file, importsOf(file)]));
}

/** "a.ts → b.ts" for every import from a file under `from` to a file under `to`. */
export function importsBetween(graph: ImportGraph, from: string, to: string): string[] {
  const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
  const out: string[] = [];
  for (const [file, targets] of graph) {
    if (!under(file, from)) continue;
    for (const target of targets) if (under(target, to)) out.push(`${file} → ${target}`);
  }
  return out;
}

/** Each import circle once, as the files around it ("a.ts → b.ts → a.ts"); Tarjan's strongly connected components. */
export function importCircles(graph: ImportGraph): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[] = [];

  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = graph.get(file)?.includes(file);
    if (component.length > 1 || selfImport) circles.push(describeCircle(graph, component.sort()));
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles.sort();
}

/** One concrete path round a strongly connected component, starting from its first file. */
function describeCircle(graph: ImportGraph, component: string[]): string {
  const members = new Set(component);
  const start = component[0]!;
  const path = [start];
  const seen = new Set([start]);
  const walk = (at: string): boolean => {
    for (const next of graph.get(at) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) return path.push(start) > 0;
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return `${path.join(" → ")}${component.length > 2 ? ` (${component.length} files)` : ""}`;
}
