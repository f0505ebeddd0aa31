import { createLogger } from "../lib/logger.ts";
import { databaseSettings, withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";
import { JOB_NAMES, isJobName } from "../jobs/job-definitions.ts";
import { nextRuns } from "../jobs/next-runs.ts";
import { runJobNow } from "../jobs/tick.ts";
import { zoneName, dayjs } from "../lib/time.ts";
import { addDays } from "../domain/calendar.ts";

const USAGE = `Usage: lapkin job <name> [--unit CODE] [--at ISO-time]\n       lapkin job --list [--at ISO-time]\nJobs: ${JOB_NAMES.join(", ")}`;

/**
 * `lapkin job <name>` runs a scheduled job now, as if it were `--at` (default: now), for every unit
 * or the ones named with --unit (repeatable). The run is the same row the scheduler would use, so
 * running it again queues nothing new. Messages go out through the outbox of the running bot.
 */
export async function jobCommand(args: string[], io: CliIo): Promise<number> {
  const options: { name?: string; units: string[]; at?: string; list: boolean } = { units: [], list: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v.trim() === "" || v.startsWith("--"))
        throw new UserError(`${flag} needs a value.\n${USAGE}`);
      return v.trim();
    };
    if (flag === "--help" || flag === "-h") return (io.stdout.write(`${USAGE}\n`), 0);
    else if (flag === "--list") options.list = true;
    else if (flag === "--unit") options.units.push(value());
    else if (flag === "--at") options.at = value();
    else if (flag.startsWith("-")) throw new UserError(`Unknown option "${arg}".\n${USAGE}`);
    else if (options.name) throw new UserError(`Unexpected argument "${arg}".\n${USAGE}`);
    else options.name = arg;
  }
  const at = options.at === undefined ? io.clock.now() : parseAt(options.at);

  if (options.list) {
    return withDatabase(io, async (db) => {
      const rows = await nextRuns(db.prisma, at);
      for (const r of rows) {
        const when = r.next
          ? `${dayjs(r.next).tz(r.timeZone).format("YYYY-MM-DD HH:mm")} ${zoneName(r.timeZone)} (${r.next.toISOString()})`
          : "—";
        io.stdout.write(`${r.job.padEnd(16)} ${r.unit.padEnd(20)} ${r.enabled ? when : "disabled"}\n`);
      }
      return 0;
    });
  }
  if (!options.name) throw new UserError(USAGE);
  if (!isJobName(options.name)) throw new UserError(`Unknown job "${options.name}". Jobs: ${JOB_NAMES.join(", ")}.`);
  const name = options.name;
  const { adminTelegramIds, defaultTimeZone } = databaseSettings(io.env);
  return withDatabase(io, async (db) => {
    if (options.units.length) {
      const known = await db.prisma.unit.findMany({ where: { code: { in: options.units } }, select: { code: true } });
      const missing = options.units.filter((u) => !known.some((k) => k.code === u));
      if (missing.length) throw new UserError(`Unknown unit code: ${missing.join(", ")}.`);
    }
    const logger = createLogger({ level: io.env.LOG_LEVEL ?? "warn", destination: io.stderr });
    const results = await runJobNow(
      { db: db.prisma, clock: io.clock, logger, adminTelegramIds, adminTimeZone: defaultTimeZone },
      name,
      {
        at,
        unitCodes: options.units.length ? options.units : undefined,
      },
    );
    for (const r of results) {
      if (r.status === "BUSY")
        io.stderr.write(
          `${name} ${r.unit} ${r.scheduledFor.toISOString()}: busy, another run of it is in progress; try again when it has finished.\n`,
        );
      else
        io.stdout.write(
          `${name} ${r.unit} ${r.scheduledFor.toISOString()} ${r.status} ${JSON.stringify(r.details ?? {})}\n`,
        );
    }
    return results.some((r) => r.status === "FAILED" || r.status === "BUSY") ? 1 : 0;
  });
}

/**
 * `--at` with its offset (Z or ±hh:mm): without one, the time would be read in the server's zone,
 * which is none of the units' (WIB, WITA, WIT). A date that does not exist (30 February) is
 * refused, not rolled over into the next month.
 */
function parseAt(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
  const at = new Date(text);
  if (!m || Number.isNaN(at.getTime()) || addDays(m[1]!, 0) !== m[1])
    throw new UserError(
      `--at must be an ISO time with its offset, such as 2026-11-27T16:00:00+08:00 (WITA) or 2026-11-27T08:00:00Z (got "${text}").`,
    );
  return at;
}
