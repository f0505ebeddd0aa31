import { createDelegation, DelegationError, listDelegations, revokeDelegation } from "../domain/review/delegation.ts";
import { localDate } from "../lib/time.ts";
import { databaseSettings } from "./context.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { parseStrictArgs } from "./args.ts";
import { UserError } from "./errors.ts";

const USAGE = [
  "Usage: lapkin delegate --supervisor NIP --delegate NIP --from YYYY-MM-DD --to YYYY-MM-DD [--reason TEXT]",
  "       lapkin delegate --list",
  "       lapkin delegate --revoke ID",
].join("\n");
const FLAGS = ["--supervisor", "--delegate", "--from", "--to", "--reason"] as const;

/**
 * `lapkin delegate`: an admin sets an acting delegate (plh) who may decide on a supervisor's
 * team's reports between two local dates, inclusive; `--list` shows those in force or to come,
 * `--revoke` ends one. Audit-logged as actor "cli".
 */
export async function delegateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args[0] === "--list") {
    if (args.length > 1) throw new UserError(`--list takes nothing else.\n${USAGE}`);
    return listCommand(io);
  }
  if (args[0] === "--revoke" || args[0]?.startsWith("--revoke=")) return revokeCommand(args, io);
  const options = parseStrictArgs(args, { valued: FLAGS, usage: USAGE });
  for (const key of ["supervisor", "delegate", "from", "to"] as const) {
    if (!options[key]) throw new UserError(`--${key} is required.\n${USAGE}`);
  }
  return withDatabase(io, async (db) => {
    try {
      const made = await createDelegation(db.prisma, {
        supervisorNip: options.supervisor!,
        delegateNip: options.delegate!,
        from: options.from!,
        to: options.to!,
        reason: options.reason,
        actor: "cli",
        now: io.clock.now(),
      });
      io.stdout.write(
        `Delegation ${made.id}: ${made.delegate} acts for ${made.supervisor} from ${options.from} to ${options.to}.\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof DelegationError) throw new UserError(error.message);
      throw error;
    }
  });
}

async function listCommand(io: CliIo): Promise<number> {
  const { defaultTimeZone } = databaseSettings(io.env);
  return withDatabase(io, async (db) => {
    const rows = await listDelegations(db.prisma, localDate(io.clock.now(), defaultTimeZone));
    if (rows.length === 0) io.stdout.write("No delegations in force or to come.\n");
    for (const r of rows)
      io.stdout.write(
        `${String(r.id).padStart(4)}  ${r.from} – ${r.to}  ${r.delegate} (${r.delegateNip}) acts for ${r.supervisor} (${r.supervisorNip})${r.reason ? `: ${r.reason}` : ""}\n`,
      );
    return 0;
  });
}

async function revokeCommand(args: string[], io: CliIo): Promise<number> {
  const inline = args[0]!.includes("=") ? args[0]!.slice(args[0]!.indexOf("=") + 1) : undefined;
  const raw = inline ?? args[1];
  if (args.length > (inline === undefined ? 2 : 1) || !raw || !/^\d{1,9}$/.test(raw))
    throw new UserError(`--revoke needs the number of a delegation (see lapkin delegate --list).\n${USAGE}`);
  return withDatabase(io, async (db) => {
    try {
      await revokeDelegation(db.prisma, { id: Number(raw), actor: "cli", now: io.clock.now() });
    } catch (error) {
      if (error instanceof DelegationError) throw new UserError(error.message, 1);
      throw error;
    }
    io.stdout.write(`Delegation ${raw} revoked: its delegate no longer decides for that team.\n`);
    return 0;
  });
}
