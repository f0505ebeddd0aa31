import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig } from "../config.ts";
import { countersForPosters, surveyLink, UnknownUnitError } from "../domain/counters/list.ts";
import { renderPoster } from "../domain/counters/poster.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";
import { botUsername } from "./invites.ts";

const USAGE = "Usage: lapkin qr [--unit CODE] [--out DIR]";

/** Writes one A5 poster (PNG) per service counter, named after the counter's code. */
export async function qrCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig(io.env);
  const username = await botUsername(config, io.fetch, "No posters were written.");
  const counters = await withDatabase(io, (db) => countersForPosters(db.prisma, options.unit)).catch((error) => {
    if (error instanceof UnknownUnitError) throw new UserError(error.message);
    throw error;
  });
  if (counters.length === 0) throw new UserError("No service counters to print: import a file with kode,unit,nama.");

  const dir = resolve(options.out ?? "poster");
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`Cannot create ${dir}: ${(error as Error).message}`);
  }
  for (const counter of counters) {
    const png = renderPoster({
      unitName: counter.unitName,
      counterName: counter.name,
      link: surveyLink(username, counter.publicCode),
    });
    writeFileSync(join(dir, `${safeName(counter.code)}.png`), png);
  }
  io.stdout.write(`Wrote ${counters.length} poster(s) to ${dir}.\n`);
  return 0;
}

/** A counter code as a file name: anything but letters, digits, "-" and "_" becomes "_". */
const safeName = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, "_");

function parseArgs(args: string[]): { unit?: string; out?: string; help?: boolean } {
  const options: { unit?: string; out?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg !== "--unit" && arg !== "--out") throw new UserError(`Unknown argument "${arg}".\n${USAGE}`);
    const value = args[++i];
    if (value === undefined || value.trim() === "" || value.startsWith("--"))
      throw new UserError(`${arg} needs a value.\n${USAGE}`);
    const key = arg === "--unit" ? "unit" : "out";
    if (options[key] !== undefined) throw new UserError(`${arg} was given twice.\n${USAGE}`);
    options[key] = value.trim();
  }
  return options;
}
