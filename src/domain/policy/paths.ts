// --- dotted paths into nested JSON ("thresholds.meetsMinPercent") ---------------------------------

/** Nested JSON as (dotted path, value) pairs; arrays are values. */
export function leavesOf(value: Record<string, unknown>, prefix = ""): Array<[string, unknown]> {
  return Object.entries(value).flatMap(([name, inner]) =>
    isObject(inner) ? leavesOf(inner, `${prefix}${name}.`) : [[`${prefix}${name}`, inner] as [string, unknown]],
  );
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split(".");
  let node = target;
  for (const name of names.slice(0, -1)) {
    if (!isObject(node[name])) node[name] = {};
    node = node[name] as Record<string, unknown>;
  }
  node[names.at(-1)!] = value;
}

export function valueAt(source: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, name) => (isObject(node) ? node[name] : undefined), source);
}
