import { existsSync, readFileSync } from "node:fs";
import type { HolidayFile } from "../domain/calendar.ts";
import { recordAudit } from "../domain/audit.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

const HOLIDAYS_DIR = new URL("../../holidays/", import.meta.url).pathname;

const USAGE = "Usage: lapkin holidays [--year YYYY]\n       lapkin holidays --add YYYY-MM-DD --name TEXT [--unit CODE]";

/**
 * `lapkin holidays [--year YYYY]`: the national holidays and cuti bersama (with their decree) and the
 * regional days off. `--add` records a regional holiday or office closure (all units, or one unit).
 */
export async function holidaysCommand(args: string[], io: CliIo): Promise<number> {
  let year = io.clock.now().getUTCFullYear();
  const add: { date?: string; name?: string; unit?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--help" || arg === "-h") return (io.stdout.write(`${USAGE}\n`), 0);
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (!["--year", "--add", "--name", "--unit"].includes(flag))
      throw new UserError(`Unknown option "${arg}".\n${USAGE}`);
    const value = (inline ?? args[++i])?.trim();
    if (!value || (inline === undefined && value.startsWith("--")))
      throw new UserError(`${flag} needs a value.\n${USAGE}`);
    if (flag === "--year") {
      if (!/^\d{4}$/.test(value)) throw new UserError(`--year needs a four-digit year (got "${value}").`);
      year = Number(value);
    } else if (flag === "--add") {
      const at = new Date(`${value}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
        throw new UserError(`--add needs a date YYYY-MM-DD (got "${value}").`);
      }
      add.date = value;
    } else if (flag === "--name") add.name = value;
    else add.unit = value;
  }
  if (add.date || add.name || add.unit) {
    if (!add.date || !add.name) throw new UserError(`--add needs both a date and --name.\n${USAGE}`);
    return withDatabase(io, async (db) => {
      const unit = add.unit ? await db.prisma.unit.findUnique({ where: { code: add.unit } }) : null;
      if (add.unit && !unit) throw new UserError(`Unknown unit code: ${add.unit}.`);
      await db.prisma.$transaction(async (tx) => {
        const row = await tx.regionalHoliday.create({
          data: { date: new Date(`${add.date}T00:00:00Z`), name: add.name!, unitId: unit?.id ?? null },
        });
        await recordAudit(tx, {
          actor: "cli",
          action: "holiday.add",
          entity: "RegionalHoliday",
          entityId: row.id,
          after: row,
          at: io.clock.now(),
        });
      });
      io.stdout.write(
        `Added ${add.date} ${add.name} (${unit ? unit.code : "all units"}). Reminders and missing-report counts skip it.\n`,
      );
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
