import { ConfigError } from "../config.ts";
import { DatabaseError } from "../db/client.ts";
import { MigrationError } from "../db/migrate.ts";
import { defaultIo, type CliIo } from "./context.ts";
import { UserError } from "./errors.ts";
import { handOff } from "./handoff.ts";

type Command = {
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number | void>;
  /** Runs on a database of its own (the demo's), so never in a running Lapkin's process. */
  ownDatabase?: true;
};

/** Loaded on demand so `lapkin migrate` does not pay for the bot, and a bad command costs nothing. */
const COMMANDS: Record<string, Command> = {
  start: {
    summary: "run the bot, the HTTP server and scheduled jobs",
    usage: "start",
    run: async (a, io) => (await import("./start.ts")).startCommand(a, io, main),
  },
  migrate: {
    summary: "apply database migrations",
    usage: "migrate",
    run: async (a, io) => (await import("./migrate.ts")).migrateCommand(a, io),
  },
  import: {
    summary: "import units, employees, SKP indicators, leave and policy (CSV/XLSX)",
    usage: "import <file-or-directory>... [--deactivate-missing] [--dry-run]",
    run: async (a, io) => (await import("./import.ts")).importCommand(a, io),
  },
  invites: {
    summary: "issue invite links for employees not yet linked",
    usage: "invites [--unit CODE] [--out FILE] | invites --reset NIP [--force]",
    run: async (a, io) => (await import("./invites.ts")).invitesCommand(a, io),
  },
  job: {
    summary: "run a scheduled job now, as if it were --at; --list shows next runs",
    usage: "job <name> [--unit CODE] [--at ISO-time] | job --list",
    run: async (a, io) => (await import("./job.ts")).jobCommand(a, io),
  },
  holidays: {
    summary: "list national holidays, cuti bersama and regional days off",
    usage:
      "holidays [--year YYYY] | holidays --add DATE --name TEXT [--unit CODE] | holidays --remove DATE [--unit CODE]",
    run: async (a, io) => (await import("./holidays.ts")).holidaysCommand(a, io),
  },
  delegate: {
    summary: "set an acting delegate who may decide on a supervisor's reports",
    usage: "delegate --supervisor NIP --delegate NIP --from DATE --to DATE | delegate --list | --revoke ID",
    run: async (a, io) => (await import("./delegate.ts")).delegateCommand(a, io),
  },
  export: {
    summary: "write reports and SKP realisation of a period to an XLSX workbook",
    usage:
      "export [--month YYYY-MM | --quarter YYYY-Qn] [--unit CODE] [--out FILE] | export --ekinerja --unit CODE [--month YYYY-MM] [--out DIR]",
    run: async (a, io) => (await import("./export.ts")).exportCommand(a, io),
  },
  bukti: {
    summary: "revoke a report's evidence link (PUBLIC_URL/bukti/…): it answers 404 from then on",
    usage: "bukti --revoke REPORT-NUMBER",
    run: async (a, io) => (await import("./bukti.ts")).buktiCommand(a, io),
  },
  demo: {
    summary: "the whole product in a browser at /demo, with no Telegram token",
    usage: "demo [--reset | --keep] [--database URL] | demo --prepare",
    run: async (a, io) => (await import("./demo.ts")).demoCommand(a, io),
    ownDatabase: true,
  },
  qr: {
    summary: "write a printable A5 survey poster (PNG with QR code) per service counter",
    usage: "qr [--unit CODE] [--out DIR]",
    run: async (a, io) => (await import("./qr.ts")).qrCommand(a, io),
  },
  policy: {
    summary: "show the policy in force: each value, its import key and whether it was imported",
    usage: "policy [--json]",
    run: async (a, io) => (await import("./policy.ts")).policyCommand(a, io),
  },
};

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    // With the embedded database held by a running Lapkin, the command runs there (src/cli/handoff.ts).
    if (!io.database && !command.ownDatabase) {
      const handedOff = await handOff(argv, io);
      if (handedOff !== undefined) return handedOff;
    }
    return (await command.run(args, io)) ?? 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UserError) {
    io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ConfigError || error instanceof DatabaseError || error instanceof MigrationError) {
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  // Not the user's fault: say so in one line, and keep the details for whoever reads the log.
  io.stderr.write(`Lapkin stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
  if (io.env.LOG_LEVEL === "debug" || io.env.LOG_LEVEL === "trace") io.stderr.write(`${(error as Error)?.stack}\n`);
  return 1;
}

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  lapkin ${c.usage.padEnd(56)} ${c.summary}`);
  return `Usage:\n${lines.join("\n")}\n`;
}
