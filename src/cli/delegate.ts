import { createDelegation, DelegationError } from "../domain/review.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

const USAGE =
  "Usage: lapkin delegate --supervisor NIP --delegate NIP --from YYYY-MM-DD --to YYYY-MM-DD [--reason TEXT]";
const FLAGS = ["--supervisor", "--delegate", "--from", "--to", "--reason"] as const;
type Key = "supervisor" | "delegate" | "from" | "to" | "reason";

/**
 * `lapkin delegate`: an admin sets an acting delegate (plh) who may decide on a supervisor's
 * team's reports between two local dates, inclusive. Audit-logged as actor "cli".
 */
export async function delegateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options: Partial<Record<Key, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (!(FLAGS as readonly string[]).includes(flag))
      throw new UserError(
        `${arg.startsWith("-") ? `Unknown option "${arg}".` : `Unexpected argument "${arg}".`}\n${USAGE}`,
      );
    const value = inline ?? args[++i];
    if (value === undefined || value.trim() === "" || (inline === undefined && value.startsWith("--")))
      throw new UserError(`${flag} needs a value.\n${USAGE}`);
    const key = flag.slice(2) as Key;
    if (options[key] !== undefined) throw new UserError(`${flag} was given twice.\n${USAGE}`);
    options[key] = value.trim();
  }
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
