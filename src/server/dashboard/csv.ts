import type { DashboardContext } from "./http.ts";

/** Most rows one CSV download carries; a list longer than that is cut (and says so in its last row). */
export const CSV_MAX_ROWS = 50_000;

/** RFC 4180 quoting; a cell starting with =, +, - or @ is prefixed so a spreadsheet never runs it. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvResponse(c: DashboardContext, name: string, header: string[], rows: unknown[][]) {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}.csv"`);
  c.header("Cache-Control", "private, no-store");
  return c.body(`\uFEFF${lines.join("\r\n")}\r\n`);
}
