import { loadConfig } from "../config.ts";
import { createLogger } from "../lib/logger.ts";
import { startLapkin, StartupError } from "../app.ts";
import { openAdminEndpoint, type CommandRunner } from "./admin-endpoint.ts";
import { UserError } from "./errors.ts";
import type { CliIo } from "./context.ts";

/**
 * `lapkin start`: runs until SIGTERM/SIGINT, then finishes the updates in flight and exits 0.
 * On the embedded database it also takes admin commands (`lapkin import …` from another shell)
 * through DATA_DIR/admin.sock and runs them with `run` on its own database; see src/cli/handoff.ts.
 */
export async function startCommand(args: string[], io: CliIo, run: CommandRunner): Promise<number> {
  if (args.length > 0)
    throw new UserError(
      `lapkin start takes no arguments (got "${args.join(" ")}"); configure it with environment variables.`,
    );
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel, botToken: config.botToken });
  let running;
  try {
    running = await startLapkin({ config, clock: io.clock, logger, fetch: io.fetch });
  } catch (error) {
    if (error instanceof StartupError) throw new UserError(error.message, 1);
    throw error;
  }
  const app = running;
  const endpoint =
    app.database.kind === "embedded"
      ? await openAdminEndpoint({ database: app.database, dataDir: config.dataDir, io, logger, run })
      : undefined;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "shutting down");
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      // The admin endpoint first: no command may start on a database that is about to close.
      (endpoint?.close() ?? Promise.resolve())
        .then(() => app.stop())
        .then(resolve, (error) => (logger.error({ err: error }, "unclean shutdown"), resolve()));
    };
    const onTerm = () => shutdown("SIGTERM");
    const onInt = () => shutdown("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
  });
  return 0;
}
