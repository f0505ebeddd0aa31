import type { Api } from "grammy";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { callPayload, senderApi } from "./outbox-api.ts";
import type { Outcome } from "./outbox-errors.ts";
import { chatPacer, globalPacer, messageCount } from "./outbox-pacing.ts";
import { claimRows, markFailed, markSent, releaseRows, reschedule, type ClaimedRow } from "./outbox-rows.ts";

/**
 * The outbox sender: sends the Bot API calls that producers queued with `enqueueMessage`.
 *
 * Delivery is at least once per dedupe key, and in practice exactly once: a row is marked SENT
 * right after Telegram accepts the call. The window where a message goes out twice is a crash
 * (or a lost database connection) between Telegram's answer and that commit: the row is still
 * PENDING with a lease that expires, and after the restart (or on another instance) it is sent
 * again. Telegram offers no idempotency key, so this window cannot be closed from our side; it is
 * kept as short as one UPDATE.
 *
 * Several instances on one PostgreSQL share the work: a round claims due rows with
 * `FOR UPDATE SKIP LOCKED` and stamps a lease (`lockedUntil`) on them, so no two instances send
 * the same row while the lease holds. A crashed instance's rows become claimable once their lease
 * has passed.
 *
 * Pacing follows Telegram's limits (docs/domain.md, "Telegram limits"): a global pacer (default 25 calls/s, under the ~30/s
 * per bot) and a per-chat next-allowed time (1 s for a private chat, 3 s for a group ≈ 20/min).
 * A row whose chat is not yet allowed is left for a later round without using up an attempt.
 * The per-chat times live in this process: two instances may each send to one chat within the
 * interval, which Telegram answers with a 429 that is honoured like any other.
 */

export interface OutboxSenderOptions {
  /** Rows claimed per round. */
  batchSize: number;
  /** How long a claimed row stays reserved for this sender. Must exceed a round's duration. */
  leaseMs: number;
  /**
   * Longest wait for one Bot API answer; kept well under the lease, so a hanging call cannot
   * outlive the lease and let another instance send the row too. A timed-out call is retried.
   */
  requestTimeoutMs: number;
  /** Tries (5xx, network errors, other unexpected answers) before a row is marked FAILED. */
  maxAttempts: number;
  /** First retry delay; doubles with each failed attempt, capped at `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Global pace, calls per second for the whole sender. */
  ratePerSecond: number;
  /** Minimum time between two messages to one private chat. */
  perChatIntervalMs: number;
  /** Minimum time between two messages to one group (chat id < 0). */
  perGroupIntervalMs: number;
  /**
   * A 429 whose `retry_after` is at most this many seconds is waited out in process by the
   * auto-retry plugin (once); a longer one reschedules the row and pauses the sender instead,
   * so no lease is held across a long wait.
   */
  inProcessRetryMaxSeconds: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxSenderOptions = {
  batchSize: 50,
  leaseMs: 60_000,
  requestTimeoutMs: 20_000,
  maxAttempts: 8,
  baseBackoffMs: 5_000,
  maxBackoffMs: 60 * 60_000,
  ratePerSecond: 28, // under Telegram's ~30/s per bot; a 429 still pauses the whole sender
  perChatIntervalMs: 1_000,
  perGroupIntervalMs: 3_000,
  inProcessRetryMaxSeconds: 2,
};

export interface OutboxSenderDeps {
  db: Db;
  /** The bot's API (`bot.api`) or any grammY Api; the sender works on its own copy, with auto-retry added. */
  api: Api;
  clock: Clock;
  logger: Logger;
  options?: Partial<OutboxSenderOptions>;
  /** Called after a row is marked FAILED for good (e.g. a 403 from a group: the group is deactivated). */
  onPermanentFailure?: (row: { chatId: bigint; kind: string; error: string }) => Promise<void>;
}

export interface SendRoundResult {
  sent: number;
  failed: number;
  retried: number;
}

export interface OutboxSender {
  /** One round: claims due rows and sends those whose chat may receive now. */
  sendDue(): Promise<SendRoundResult>;
  /** Runs rounds every `intervalMs` (never overlapping) until `stop()`. */
  start(intervalMs: number): void;
  /** Stops after the current call, releases the rows still claimed, and waits for the round to end. */
  stop(): Promise<void>;
}

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const options = { ...DEFAULT_OUTBOX_OPTIONS, ...deps.options };
  const { db, clock, logger } = deps;
  const api = senderApi(deps.api, {
    maxDelaySeconds: options.inProcessRetryMaxSeconds,
    timeoutSeconds: Math.max(1, Math.floor(Math.min(options.requestTimeoutMs, options.leaseMs / 2) / 1000)),
  });
  const pace = globalPacer(options.ratePerSecond);
  const chats = chatPacer(options);
  /** After a 429 the whole bot is flood-limited: no round starts before this (clock ms). */
  let pausedUntil = 0;
  let stopping = false;
  let running: Promise<SendRoundResult> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function sendDue(): Promise<SendRoundResult> {
    const total: SendRoundResult = { sent: 0, failed: 0, retried: 0 };
    if (stopping || clock.now().getTime() < pausedUntil) return total;
    const claimAt = clock.now();
    const rows = await claimRows(db, claimAt, {
      leaseMs: options.leaseMs,
      batchSize: options.batchSize,
      waiting: chats.waiting(claimAt.getTime()),
    });
    const pending = [...rows];
    try {
      while (pending.length > 0 && !stopping) {
        const row = pending[0]!;
        const now = clock.now();
        // A lease about to run out would let another instance take the row while we send it.
        if (row.lockedUntil && now.getTime() >= row.lockedUntil.getTime() - Math.min(5_000, options.leaseMs / 4)) break;
        if (now.getTime() < pausedUntil) break;
        if (!chats.mayReceive(row.chatId, now.getTime())) {
          pending.shift();
          await releaseRows(db, [row]);
          continue;
        }
        // An album is as many messages as it has items, for Telegram's limits and so for ours.
        const weight = messageCount(row.payload);
        await pace(weight);
        const outcome = await callPayload(api, row.payload, row.attachment);
        pending.shift();
        const after = clock.now();
        chats.sent(row.chatId, after.getTime(), weight);
        await record(row, outcome, after, total);
      }
    } finally {
      if (pending.length > 0) await releaseRows(db, pending);
    }
    return total;
  }

  async function record(row: ClaimedRow, outcome: Outcome, now: Date, total: SendRoundResult): Promise<void> {
    const attempts = row.attempts + 1;
    const log = {
      outboxId: row.id.toString(),
      dedupeKey: row.dedupeKey,
      kind: row.kind,
      chatId: row.chatId.toString(),
      attempts,
    };
    switch (outcome.kind) {
      case "sent": {
        await markSent(db, row, attempts, now, outcome.result);
        total.sent++;
        logger.debug(log, "outbox: sent");
        return;
      }
      case "permanent": {
        await markFailed(db, row, attempts, now, outcome.error);
        total.failed++;
        logger.warn({ ...log, error: outcome.error }, "outbox: failed permanently");
        await deps
          .onPermanentFailure?.({ chatId: row.chatId, kind: row.kind, error: outcome.error })
          .catch((error) => logger.error({ ...log, err: error }, "outbox: failure hook failed"));
        return;
      }
      case "flood": {
        // Flood control is per bot: the row waits retry_after, and so does every other row.
        const retryAt = new Date(now.getTime() + outcome.retryAfterSeconds * 1000);
        pausedUntil = Math.max(pausedUntil, retryAt.getTime());
        await reschedule(db, row, { nextAttemptAt: retryAt, error: outcome.error });
        total.retried++;
        logger.warn({ ...log, retryAfter: outcome.retryAfterSeconds }, "outbox: flood limit, sender paused");
        return;
      }
      case "transient": {
        if (attempts >= options.maxAttempts) {
          await markFailed(db, row, attempts, now, outcome.error);
          total.failed++;
          logger.warn({ ...log, error: outcome.error }, "outbox: failed after the last attempt");
          return;
        }
        const delay = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (attempts - 1));
        await reschedule(db, row, { attempts, nextAttemptAt: new Date(now.getTime() + delay), error: outcome.error });
        total.retried++;
        logger.info({ ...log, error: outcome.error, retryInMs: delay }, "outbox: will retry");
        return;
      }
    }
  }

  function runOnce(): Promise<SendRoundResult> {
    running = sendDue().finally(() => (running = undefined));
    return running;
  }

  return {
    sendDue: () => running ?? runOnce(),
    start(intervalMs) {
      if (timer) return;
      stopping = false;
      const tick = async () => {
        try {
          await runOnce();
        } catch (error) {
          logger.error({ err: error }, "outbox: round failed");
        }
        if (!stopping) timer = setTimeout(tick, intervalMs);
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => {});
    },
  };
}
