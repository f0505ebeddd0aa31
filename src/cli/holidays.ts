import { existsSync, readFileSync } from "node:fs";
import type { HolidayFile } from "../domain/calendar.ts";
import { addRegionalHoliday, removeRegionalHoliday } from "../domain/holidays.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

const HOLIDAYS_DIR = new URL("../../holidays/", import.meta.url).pathname;

const USAGE = [
  "Usage: lapkin holidays [--year YYYY]",
  "       lapkin holidays --add YYYY-MM-DD --name TEXT [--unit CODE]",
  "       lapkin holidays --remove YYYY-MM-DD [--unit CODE]",
].join("\n");

/**
 * `lapkin holidays [--year YYYY]`: the national holidays and cuti bersama (with their decree) and the
 * regional days off. `--add` records a regional holiday or office closure (all units, or one unit);
 * `--remove` takes one back.
 */
export async function holidaysCommand(args: string[], io: CliIo): Promise<number> {
  let year = io.clock.now().getUTCFullYear();
  const add: { date?: string; name?: string; unit?: string; remove?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return (io.stdout.write(`${USAGE}\n`), 0);
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (!["--year", "--add", "--remove", "--name", "--unit"].includes(flag))
      throw new UserError(`Unknown option "${arg}".\n${USAGE}`);
    const value = (inline ?? args[++i])?.trim();
    if (!value || (inline === undefined && value.startsWith("--")))
      throw new UserError(`${flag} needs a value.\n${USAGE}`);
    if (flag === "--year") {
      if (!/^\d{4}$/.test(value)) throw new UserError(`--year needs a four-digit year (got "${value}").`);
      year = Number(value);
    } else if (flag === "--add") add.date = calendarDate(flag, value);
    else if (flag === "--remove") add.remove = calendarDate(flag, value);
    else if (flag === "--name") add.name = value;
    else add.unit = value;
  }
  if (add.remove) {
    if (add.date || add.name) throw new UserError(`--remove takes a date and optionally --unit.\n${USAGE}`);
    const date = add.remove;
    return withDatabase(io, async (db) => {
      const outcome = await removeRegionalHoliday(db.prisma, {
        date,
        unitCode: add.unit,
        actor: "cli",
        at: io.clock.now(),
      });
      if (outcome.kind === "unknown-unit") throw new UserError(`Unknown unit code: ${add.unit}.`);
      if (outcome.kind === "none")
        throw new UserError(`No regional day off on ${date} for ${add.unit ?? "all units"}; nothing removed.`, 1);
      io.stdout.write(`Removed ${date} ${outcome.names.join(", ")} (${add.unit ?? "all units"}).\n`);
      return 0;
    });
  }
  if (add.date || add.name || add.unit) {
    if (!add.date || !add.name) throw new UserError(`--add needs both a date and --name.\n${USAGE}`);
    const { date, name } = add;
    return withDatabase(io, async (db) => {
      const outcome = await addRegionalHoliday(db.prisma, {
        date,
        name,
        unitCode: add.unit,
        actor: "cli",
        at: io.clock.now(),
      });
      if (outcome.kind === "unknown-unit") throw new UserError(`Unknown unit code: ${add.unit}.`);
      const scope = add.unit ?? "all units";
      if (outcome.kind === "exists") {
        io.stdout.write(`${date} is already a day off for ${scope} (${outcome.name}); nothing added.\n`);
        return 0;
      }
      io.stdout.write(`Added ${date} ${name} (${scope}). Reminders and missing-report counts skip it.\n`);
      return 0;
    });
  }
  const path = `${HOLIDAYS_DIR}${year}.json`;
  const file = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as HolidayFile) : undefined;
  if (file) {
    io.stdout.write(`National holidays and cuti bersama ${year} (${file.status})\nSource: ${file.source}\n`);
    for (const h of file.holidays)
      io.stdout.write(`  ${h.date}  ${h.kind === "national" ? "national    " : "cuti bersama"}  ${h.name}\n`);
  } else {
    io.stdout.write(`No national holiday file for ${year} (holidays/${year}.json).\n`);
  }
  return withDatabase(io, async (db) => {
    const regional = await db.prisma.regionalHoliday.findMany({
      where: { date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
      include: { unit: { select: { code: true } } },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    });
    io.stdout.write(`Regional holidays and office closures ${year}: ${regional.length || "none"}\n`);
    for (const r of regional)
      io.stdout.write(
        `  ${r.date.toISOString().slice(0, 10)}  ${(r.unit?.code ?? "all units").padEnd(12)}  ${r.name}\n`,
      );
    return file ? 0 : 1;
  });
}

function calendarDate(flag: string, value: string): string {
  const at = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
    throw new UserError(`${flag} needs a date YYYY-MM-DD (got "${value}").`);
  }
  return value;
}
