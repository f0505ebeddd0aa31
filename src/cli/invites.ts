import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Api, GrammyError } from "grammy";
import { loadConfig, type Config } from "../config.ts";
import { InviteLookupError, inviteLink } from "../domain/registration/invite-common.ts";
import { issueInvites, type IssuedInvite } from "../domain/registration/issue-invites.ts";
import { resetLink, type ResetOutcome } from "../domain/registration/reset-link.ts";
import { withDatabase, type CliIo } from "./context.ts";
import { parseStrictArgs } from "./args.ts";
import { UserError } from "./errors.ts";

const USAGE = "Usage: lapkin invites [--unit CODE] [--out FILE]\n       lapkin invites --reset NIP [--force]";
const FLAGS = ["--unit", "--out", "--reset"] as const;
type Options = { unit?: string; out?: string; reset?: string; force?: boolean; help?: boolean };

export async function invitesCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return options.reset !== undefined ? reset(options.reset, options.force ?? false, io) : issue(options, io);
}

// ---------------------------------------------------------------------------------------------
// Arguments

/** Strict (parseStrictArgs); --reset is alone, or with --force. */
export function parseArgs(args: string[]): Options {
  const options = parseStrictArgs(args, { valued: FLAGS, switches: ["--force"], usage: USAGE });
  if (options.help) return options;
  if (options.reset !== undefined && (options.unit !== undefined || options.out !== undefined)) {
    throw usageError("--reset cannot be combined with --unit or --out.");
  }
  if (options.force && options.reset === undefined) throw usageError("--force goes with --reset.");
  return options;
}

const usageError = (message: string) => new UserError(`${message}\n${USAGE}`);

// ---------------------------------------------------------------------------------------------
// Issuing

async function issue(options: Options, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  // Ask Telegram first: with a bad token nobody could use the links, and issuing would revoke good ones.
  const username = await botUsername(config, io.fetch);
  // Likewise make sure the file can be written before any old link is revoked.
  const output = options.out !== undefined ? prepareFile(options.out) : undefined;

  let invites: IssuedInvite[];
  try {
    invites = await withDatabase(io, (db) =>
      issueInvites(db.prisma, { unitCode: options.unit, now: io.clock.now(), actor: "cli" }),
    );
  } catch (error) {
    output?.discard();
    if (error instanceof InviteLookupError) throw new UserError(error.message);
    throw error;
  }

  const scope = options.unit !== undefined ? ` in unit ${options.unit}` : "";
  if (invites.length === 0) {
    output?.discard();
    io.stderr.write(`No active employee${scope} is waiting for a Telegram link; no invites issued.\n`);
    return 0;
  }

  const csv = toCsv(invites, username);
  const validUntil = invites[0]!.expiresAt.toISOString().slice(0, 10);
  const summary = `${invites.length} invite link${invites.length === 1 ? "" : "s"}${scope} (valid until ${validUntil})`;
  if (output) {
    output.commit(csv);
    io.stdout.write(`Wrote ${summary} to ${output.path}. Each link works once; keep the file private.\n`);
  } else {
    io.stdout.write(csv);
    io.stderr.write(`Issued ${summary}.\n`);
  }
  return 0;
}

/** getMe through grammY, so BOT_API_ROOT and the test transport apply exactly as for the bot. */
/** The bot's username from getMe; `consequence` ends the message when Telegram cannot be asked. */
export async function botUsername(
  config: Config,
  fetchFn: CliIo["fetch"],
  consequence = "No invites were issued.",
): Promise<string> {
  const api = new Api(config.botToken, { apiRoot: config.botApiRoot, fetch: fetchFn, timeoutSeconds: 30 });
  try {
    const me = await api.getMe();
    if (!me.username) throw new UserError(`The Bot API at ${config.botApiRoot} returned a bot without a username.`);
    return me.username;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${getMeFailure(error, config)} ${consequence}`);
  }
}

function getMeFailure(error: unknown, config: Config): string {
  if (error instanceof GrammyError) {
    if (error.error_code === 401 || error.error_code === 404) {
      return `Telegram rejected BOT_TOKEN (${error.error_code} ${error.description}): check the token from @BotFather.`;
    }
    return `The Bot API at ${config.botApiRoot} answered getMe with error ${error.error_code} (${error.description}).`;
  }
  // The request URL carries the token: never let it into a message.
  const cause = (error as { error?: unknown })?.error ?? error;
  const detail = String((cause as Error)?.message ?? cause).replaceAll(config.botToken, "***");
  return `The Bot API is unreachable at BOT_API_ROOT=${config.botApiRoot} (${detail}).`;
}

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function toCsv(invites: IssuedInvite[], botUsername: string): string {
  const rows = [["nip", "name", "unit", "link"]];
  for (const i of invites) rows.push([i.nip, i.name, i.unitName, inviteLink(botUsername, i.code)]);
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * The CSV goes to a private temporary file beside the target, renamed into place at the end:
 * an unwritable path fails before anything is issued, and a failed run leaves the old file intact.
 * Mode 0600 because every line is a working credential.
 */
function prepareFile(out: string) {
  const path = resolve(out);
  // Found only at the rename, a directory would come after the old links were revoked.
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UserError(
      `Cannot write ${path}: it is a directory; give a file name, e.g. ${join(path, "invites.csv")}.`,
    );
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, "w", 0o600);
  } catch (error) {
    throw new UserError(`Cannot write ${path}: ${(error as Error).message}`);
  }
  return {
    path,
    commit(content: string) {
      try {
        writeSync(fd, content);
        closeSync(fd);
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        // The invites exist now; say so plainly rather than losing them silently.
        throw new UserError(
          `Issued invites but could not write ${path} (${(error as Error).message}). Run the command again to issue fresh links.`,
          1,
        );
      }
    },
    discard() {
      closeSync(fd);
      rmSync(temp, { force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Resetting

async function reset(nip: string, force: boolean, io: CliIo): Promise<number> {
  let outcome: ResetOutcome;
  try {
    outcome = await withDatabase(io, (db) => resetLink(db.prisma, { nip, now: io.clock.now(), actor: "cli", force }));
  } catch (error) {
    if (error instanceof InviteLookupError) throw new UserError(error.message);
    throw error;
  }
  if (outcome.kind === "unused-invite") {
    throw new UserError(
      `${outcome.name} (NIP ${outcome.nip}) has never linked an account, and the invite link already issued is still valid (it may be on its way to them). Nothing changed; add --force to revoke it, then run "lapkin invites" for a new one.`,
      1,
    );
  }
  io.stdout.write(`${describeReset(outcome)}\n`);
  return 0;
}

function describeReset(o: Exclude<ResetOutcome, { kind: "unused-invite" }>): string {
  const who = `${o.name} (NIP ${o.nip})`;
  const revoked = o.revokedInvites
    ? ` Revoked ${o.revokedInvites} unused invite link${o.revokedInvites === 1 ? "" : "s"}.`
    : "";
  if (o.kind === "not-linked") return `${who} has no linked Telegram account; nothing to unlink.${revoked}`;
  return `Unlinked ${who} from Telegram account ${o.telegramId}.${revoked} Run "lapkin invites" to issue a new link.`;
}
