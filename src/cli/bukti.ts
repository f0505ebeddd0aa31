import { revokeEvidenceLink } from "../domain/report/evidence-links.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";

const USAGE = "Usage: lapkin bukti --revoke REPORT-NUMBER   (e.g. LK-2026-000042)";

/**
 * `lapkin bukti --revoke LK-2026-000042`: the report's evidence link answers 404 from now on and
 * later exports leave its Bukti Dukung empty. Audit-logged as actor "cli".
 */
export async function buktiCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [flag, inline] = args[0]?.includes("=") ? args[0].split("=", 2) : [args[0], undefined];
  const number = (inline ?? args[1])?.trim().toUpperCase();
  if (flag !== "--revoke" || !number || args.length > (inline === undefined ? 2 : 1))
    throw new UserError(`Give --revoke and one report number.\n${USAGE}`);
  if (!/^LK-\d{4}-\d{6,}$/.test(number))
    throw new UserError(`"${number}" is not a report number: they look like LK-2026-000042.\n${USAGE}`);
  const outcome = await withDatabase(io, (db) => revokeEvidenceLink(db.prisma, number, "cli", io.clock.now()));
  if (outcome === "unknown") throw new UserError(`No report has the number ${number}.`);
  io.stdout.write(
    outcome === "revoked"
      ? `Evidence link of ${number} revoked: it answers 404 from now on.\n`
      : `The evidence link of ${number} was already revoked.\n`,
  );
  return 0;
}
