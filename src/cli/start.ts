import { loadConfig } from "../config.ts";
import { createLogger } from "../lib/logger.ts";
import { startLapkin, StartupError } from "../app.ts";
import { UserError } from "./errors.ts";
import type { CliIo } from "./context.ts";

/** `lapkin start`: runs until SIGTERM/SIGINT, then finishes the updates in flight and exits 0. */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
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
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "shutting down");
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      app.stop().then(resolve, (error) => (logger.error({ err: error }, "unclean shutdown"), resolve()));
    };
    const onTerm = () => shutdown("SIGTERM");
    const onInt = () => shutdown("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
  });
  return 0;
}
