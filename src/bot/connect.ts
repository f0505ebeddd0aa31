import { GrammyError, HttpError, type Bot } from "grammy";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "./context.ts";

/** A start-up failure the operator can fix (bad token, Bot API unreachable): one line, no stack. */
export class StartupError extends Error {}

export interface ConnectOptions {
  apiRoot: string;
  token: string;
  /** How long start-up keeps trying an unreachable Bot API before giving up (STARTUP_WAIT_SECONDS). */
  waitMs: number;
  logger: Logger;
  /** Longest wait for one answer: a black-holed connection must not outlast the whole budget. */
  attemptTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 15_000;

/** Network errors, 5xx and 429 may pass by themselves; a 4xx will not. */
const isTransient = (error: unknown) =>
  error instanceof HttpError ||
  (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429)) ||
  (error instanceof Error && error.name === "TimeoutError");

/**
 * Runs one start-up call to the Bot API (getMe, setWebhook, deleteWebhook), retrying transient
 * failures with a log line per attempt until `waitMs` has passed; then, or on a refusal, a
 * StartupError naming BOT_API_ROOT. grammY's own `bot.init()` would retry getMe for ever, which
 * leaves an operator looking at a silent process.
 */
export async function startupCall<T>(
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  options: ConnectOptions,
): Promise<T> {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + options.waitMs;
  const redact = (text: string) => text.split(options.token).join("***");
  for (let attempt = 1, delay = FIRST_DELAY_MS; ; attempt++, delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await call(AbortSignal.timeout(options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS));
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
        throw new StartupError(`Telegram rejected BOT_TOKEN (${error.description}). Check the token from @BotFather.`);
      }
      const reason = redact((error as Error).message);
      if (!isTransient(error)) throw new StartupError(`Telegram refused ${what} (${reason}).`);
      const left = deadline - Date.now();
      const wait = Math.max(0, Math.min(delay, left));
      // One line per try, the last one included, so an operator sees what start-up is waiting for.
      options.logger.warn(
        { call: what, attempt, retryInMs: left > 0 ? wait : null, error: reason },
        "Bot API not reachable",
      );
      if (left <= 0) {
        throw new StartupError(
          `Cannot reach the Bot API at BOT_API_ROOT=${options.apiRoot} (${what}: ${reason}); gave up after ${Math.round(options.waitMs / 1000)} s. Check the server's network, or set BOT_API_ROOT.`,
        );
      }
      await sleep(wait);
    }
  }
}

/** Learns who the bot is (getMe) within the start-up budget; grammY's init() then needs no call. */
export async function connectBot(bot: Bot<BotContext>, options: ConnectOptions): Promise<void> {
  if (bot.isInited()) return;
  bot.botInfo = await startupCall("getMe", (signal) => bot.api.getMe(signal as never), options);
}
