import { existsSync } from "node:fs";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { autoRetry } from "@grammyjs/auto-retry";
import { fitToTelegramLimits } from "../lib/telegram-limits.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";

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

interface ClaimedRow {
  id: bigint;
  dedupeKey: string;
  kind: string;
  chatId: bigint;
  payload: Prisma.JsonValue;
  attempts: number;
  lockedUntil: Date | null;
}

type Outcome =
  | { kind: "sent"; result: unknown }
  | { kind: "permanent"; error: string }
  | { kind: "flood"; retryAfterSeconds: number; error: string }
  | { kind: "transient"; error: string };

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const options = { ...DEFAULT_OUTBOX_OPTIONS, ...deps.options };
  const { db, clock, logger } = deps;
  const api = senderApi(deps.api, {
    maxDelaySeconds: options.inProcessRetryMaxSeconds,
    timeoutSeconds: Math.max(1, Math.floor(Math.min(options.requestTimeoutMs, options.leaseMs / 2) / 1000)),
  });
  const pace = globalPacer(options.ratePerSecond);
  /** Per chat: the earliest time (clock ms) the next message may go. */
  const chatAllowedAt = new Map<bigint, number>();
  /** After a 429 the whole bot is flood-limited: no round starts before this (clock ms). */
  let pausedUntil = 0;
  let stopping = false;
  let running: Promise<SendRoundResult> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function claim(now: Date): Promise<ClaimedRow[]> {
    const nowMs = now.getTime();
    for (const [chat, at] of chatAllowedAt) if (at <= nowMs) chatAllowedAt.delete(chat);
    // Chats that may not receive yet are not claimed at all, so their rows stay free for others.
    // The ids are bigints from our own map, so writing them into the text is safe.
    const waiting = [...chatAllowedAt.keys()];
    const notWaiting = waiting.length ? `AND "chatId" NOT IN (${waiting.map((c) => c.toString()).join(", ")})` : "";
    const lease = new Date(nowMs + options.leaseMs);
    // Timestamps travel as ISO text cast to `timestamp(3)`: the columns hold UTC without a zone,
    // and a zone in the input of that type is ignored, so this reads the same on every server.
    const claimed = await db.$queryRawUnsafe<Array<{ id: bigint | number | string }>>(
      `UPDATE "Outbox" SET "lockedUntil" = $1::timestamp(3)
        WHERE id IN (
          SELECT id FROM "Outbox"
           WHERE status = 'PENDING'
             AND "nextAttemptAt" <= $2::timestamp(3)
             AND ("lockedUntil" IS NULL OR "lockedUntil" < $2::timestamp(3))
             ${notWaiting}
           ORDER BY "nextAttemptAt", id
           LIMIT ${Math.max(1, Math.floor(options.batchSize))}
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      lease.toISOString(),
      now.toISOString(),
    );
    if (claimed.length === 0) return [];
    const rows = await db.outbox.findMany({
      where: { id: { in: claimed.map((r) => BigInt(r.id)) } },
      select: { id: true, dedupeKey: true, kind: true, chatId: true, payload: true, attempts: true, lockedUntil: true },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    });
    return rows;
  }

  /**
   * Gives claimed rows back untouched (no attempt used), for this or another sender's next round.
   * Only while our lease holds them: the rows of one claim share its lease time.
   */
  async function release(rows: ClaimedRow[]): Promise<void> {
    const byLease = new Map<number, bigint[]>();
    for (const row of rows) {
      if (!row.lockedUntil) continue;
      const ids = byLease.get(row.lockedUntil.getTime()) ?? [];
      byLease.set(row.lockedUntil.getTime(), [...ids, row.id]);
    }
    for (const [lease, ids] of byLease) {
      await db.outbox.updateMany({
        where: { id: { in: ids }, lockedUntil: new Date(lease) },
        data: { lockedUntil: null },
      });
    }
  }

  async function call(row: ClaimedRow): Promise<Outcome> {
    const payload = row.payload as { method?: unknown; params?: unknown } | null;
    const method = typeof payload?.method === "string" ? payload.method : undefined;
    const params =
      payload?.params && typeof payload.params === "object" ? (payload.params as Record<string, unknown>) : undefined;
    const raw = api.raw as unknown as Record<
      string,
      ((params: Record<string, unknown>) => Promise<unknown>) | undefined
    >;
    const send = method ? raw[method] : undefined;
    if (!method || !params || typeof send !== "function") {
      return { kind: "permanent", error: `Malformed outbox payload (method ${String(payload?.method)}).` };
    }
    try {
      return { kind: "sent", result: await send(withLocalFiles(params)) };
    } catch (error) {
      return classify(error);
    }
  }

  async function sendDue(): Promise<SendRoundResult> {
    const total: SendRoundResult = { sent: 0, failed: 0, retried: 0 };
    if (stopping || clock.now().getTime() < pausedUntil) return total;
    const rows = await claim(clock.now());
    const pending = [...rows];
    try {
      while (pending.length > 0 && !stopping) {
        const row = pending[0]!;
        const now = clock.now();
        // A lease about to run out would let another instance take the row while we send it.
        if (row.lockedUntil && now.getTime() >= row.lockedUntil.getTime() - Math.min(5_000, options.leaseMs / 4)) break;
        if (now.getTime() < pausedUntil) break;
        if ((chatAllowedAt.get(row.chatId) ?? 0) > now.getTime()) {
          pending.shift();
          await release([row]);
          continue;
        }
        // An album is as many messages as it has items, for Telegram's limits and so for ours.
        const weight = messageCount(row.payload);
        await pace(weight);
        const outcome = await call(row);
        pending.shift();
        const after = clock.now();
        const interval = row.chatId < 0n ? options.perGroupIntervalMs : options.perChatIntervalMs;
        chatAllowedAt.set(row.chatId, after.getTime() + interval * weight);
        await record(row, outcome, after, total);
      }
    } finally {
      if (pending.length > 0) await release(pending);
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
        // Marked SENT whatever became of the lease: the message is out, so no one may send it again.
        // A crash (or a failed write) between Telegram's answer and this update is the one window
        // where the row stays PENDING and is sent a second time once its lease has expired.
        await db.outbox.updateMany({
          where: { id: row.id, status: "PENDING" },
          data: {
            status: "SENT",
            sentAt: now,
            attempts,
            lockedUntil: null,
            lastError: null,
            result: toJson(outcome.result),
          },
        });
        total.sent++;
        logger.debug(log, "outbox: sent");
        return;
      }
      case "permanent": {
        // nextAttemptAt keeps the time of the last attempt on a FAILED row: the digest reads it.
        await db.outbox.updateMany({
          where: { id: row.id, lockedUntil: row.lockedUntil },
          data: { status: "FAILED", attempts, lockedUntil: null, lastError: outcome.error, nextAttemptAt: now },
        });
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
        await db.outbox.updateMany({
          where: { id: row.id, lockedUntil: row.lockedUntil },
          data: { nextAttemptAt: retryAt, lockedUntil: null, lastError: outcome.error },
        });
        total.retried++;
        logger.warn({ ...log, retryAfter: outcome.retryAfterSeconds }, "outbox: flood limit, sender paused");
        return;
      }
      case "transient": {
        if (attempts >= options.maxAttempts) {
          await db.outbox.updateMany({
            where: { id: row.id, lockedUntil: row.lockedUntil },
            data: { status: "FAILED", attempts, lockedUntil: null, lastError: outcome.error, nextAttemptAt: now },
          });
          total.failed++;
          logger.warn({ ...log, error: outcome.error }, "outbox: failed after the last attempt");
          return;
        }
        const delay = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** (attempts - 1));
        await db.outbox.updateMany({
          where: { id: row.id, lockedUntil: row.lockedUntil },
          data: {
            attempts,
            nextAttemptAt: new Date(now.getTime() + delay),
            lockedUntil: null,
            lastError: outcome.error,
          },
        });
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

/**
 * The FAILED rows since a time, for the admins' daily digest: who could not be reached and why
 * (mostly "bot was blocked by the user" or "chat not found").
 */
export async function failedSince(db: Db, since: Date) {
  const rows = await db.outbox.findMany({
    where: { status: "FAILED", nextAttemptAt: { gte: since } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      dedupeKey: true,
      kind: true,
      chatId: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      createdAt: true,
    },
  });
  return rows.map(({ nextAttemptAt, ...row }) => ({ ...row, lastError: row.lastError ?? "", failedAt: nextAttemptAt }));
}

/**
 * What an error means for the row: 400/403 (blocked, chat not found, bad request) will not get
 * better; 429 says when to come back; 5xx, network errors and anything else may pass later.
 */
function classify(error: unknown): Outcome {
  if (error instanceof GrammyError) {
    const text = `${error.error_code}: ${error.description}`;
    if (error.error_code === 429)
      return { kind: "flood", retryAfterSeconds: error.parameters.retry_after ?? 5, error: text };
    // An edit that changes nothing has the effect it was meant to have.
    if (error.error_code === 400 && /message is not modified/i.test(error.description))
      return { kind: "sent", result: true };
    if (error.error_code === 400 || error.error_code === 403) return { kind: "permanent", error: text };
    return { kind: "transient", error: text };
  }
  if (error instanceof HttpError) return { kind: "transient", error: `network: ${error.message}` };
  return { kind: "transient", error: error instanceof Error ? error.message : String(error) };
}

/**
 * A private Api on the same token, client options and transformers as the one given, plus the
 * auto-retry plugin for short flood waits only: 5xx and network errors come back to the sender,
 * whose backoff is kept in the row (it survives a restart and is shared by every instance).
 */
function senderApi(api: Api, limits: { maxDelaySeconds: number; timeoutSeconds: number }): Api {
  const timeoutSeconds = Math.min(api.options?.timeoutSeconds ?? Infinity, limits.timeoutSeconds);
  const own = new Api(api.token, { ...api.options, timeoutSeconds });
  const maxDelaySeconds = limits.maxDelaySeconds;
  for (const transformer of api.config.installedTransformers()) own.config.use(transformer);
  own.config.use(fitToTelegramLimits);
  own.config.use(
    autoRetry({ maxRetryAttempts: 1, maxDelaySeconds, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
  );
  return own;
}

/**
 * Spaces messages evenly at `ratePerSecond`, in real time (it paces the process, not the clock):
 * a call of `weight` messages holds the next call back by that many slots.
 */
function globalPacer(ratePerSecond: number): (weight: number) => Promise<void> {
  const spacing = 1000 / Math.max(0.001, ratePerSecond);
  let next = 0;
  return async (weight) => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + spacing * weight;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

/**
 * A `photo` (or `document`) given as `{ "localFile": path }` is uploaded from disk (a chart the job
 * drew): the payload stays JSON in the row, the file is read only when sending. A missing file is a
 * permanent failure (the Bot API answers 400 for the empty upload).
 */
function withLocalFiles(params: Record<string, unknown>): Record<string, unknown> {
  const out = { ...params };
  for (const field of ["photo", "document"]) {
    const value = out[field] as { localFile?: unknown } | undefined;
    if (value && typeof value === "object" && typeof value.localFile === "string") {
      if (!existsSync(value.localFile))
        throw new GrammyError(
          `Local file missing: ${value.localFile}`,
          { ok: false, error_code: 400, description: `Bad Request: local file ${value.localFile} is missing` },
          "sendPhoto",
          out,
        );
      out[field] = new InputFile(value.localFile);
    }
  }
  return out;
}

/** How many messages a call puts into the chat: the items of an album, else one. */
function messageCount(payload: Prisma.JsonValue): number {
  const params = (payload as { params?: { media?: unknown } } | null)?.params;
  return Array.isArray(params?.media) ? Math.max(1, params.media.length) : 1;
}

/** Telegram's answer as JSON for the `result` column (BigInt as text). */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value ?? true, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
