import { withDatabase, type CliIo } from "./context.ts";
import { migrate } from "../db/migrate.ts";
import { UserError } from "./errors.ts";

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) throw new UserError(`lapkin migrate takes no arguments (got "${args.join(" ")}").`);
  return withDatabase(
    io,
    async (db) => {
      const outcome = await migrate(db.sql);
      const applied = outcome.applied.length ? `applied ${outcome.applied.join(", ")}` : "nothing to apply";
      io.stdout.write(`Database (${db.kind}) is up to date: ${applied}.\n`);
      if (outcome.unknown.length)
        io.stdout.write(
          `Note: the database also has migrations this version does not know: ${outcome.unknown.join(", ")}.\n`,
        );
      return 0;
    },
    { migrate: false },
  );
}
