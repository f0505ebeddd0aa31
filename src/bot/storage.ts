import type { Context } from "grammy";
import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Clock } from "../lib/clock.ts";
import { conversationKey } from "../domain/report/conversation-key.ts";
import { takeUpdateRecord } from "./redelivery.ts";

/**
 * A key-value storage adapter over the KeyValue table, for grammY plugins (conversations). State
 * kept here survives a restart and is shared by every instance on the same database.
 * Rows carry an expiry so abandoned state can be swept; a read ignores an expired row.
 *
 * The value goes to and from PostgreSQL as JSON text in one statement each way: a conversation's
 * state holds every update it has seen, and letting the ORM walk that object on every update
 * cost more than the rest of the update's work.
 */
export function keyValueStorage<S>(deps: {
  db: Db;
  clock: Clock;
  prefix: string;
  ttlMs?: number;
}): VersionedStateStorage<string, S> {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const keyOf = (key: string) => `${deps.prefix}${key}`;
  return {
    async read(key) {
      const rows = await deps.db.$queryRaw<StoredRow[]>`
        SELECT "value"::text AS "value", "expiresAt" FROM "KeyValue" WHERE "key" = ${keyOf(key)}`;
      return live<VersionedState<S>>(rows[0], deps.clock);
    },
    async write(key, state) {
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + ttlMs);
      await deps.db.$executeRaw`
        INSERT INTO "KeyValue" ("key", "value", "expiresAt", "updatedAt")
        VALUES (${keyOf(key)}, ${JSON.stringify(state)}::jsonb, ${expiresAt}, ${now})
        ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = EXCLUDED."updatedAt"`;
    },
    async delete(key) {
      await deps.db.$executeRaw`DELETE FROM "KeyValue" WHERE "key" = ${keyOf(key)}`;
    },
  };
}

const DEFAULT_TTL_MS = 7 * 24 * 3600_000;

/** A KeyValue row as read: the value as JSON text, or no row at all (`value` null). */
export interface StoredRow {
  value: string | null;
  expiresAt: Date | null;
}

/** The row's value, parsed; undefined when there is no row or it has expired. */
const live = <T>(row: StoredRow | undefined, clock: Clock): T | undefined => {
  if (!row?.value) return undefined;
  if (row.expiresAt && row.expiresAt < clock.now()) return undefined;
  return JSON.parse(row.value) as T;
};

// --- a chat's conversation state, read together with the sender --------------------------------

export { conversationKey };

/**
 * KeyValue rows that `identify` has already read for this update, in the statement that loads the
 * sender (a chat's conversation state, a typed answer a feature waits for): the feature then needs
 * no read of its own. Keyed by the update's context object, so a row can never outlive the update,
 * and each is taken at most once (a second read in the same update asks the database).
 */
const prefetched = new WeakMap<object, Map<string, StoredRow>>();

export function rememberKeyValueRow(ctx: object, key: string, row: StoredRow): void {
  const rows = prefetched.get(ctx) ?? new Map<string, StoredRow>();
  rows.set(key, row);
  prefetched.set(ctx, rows);
}

/** The conversation state of the chat, as read by `identify`. */
export const rememberConversationRow = rememberKeyValueRow;

/**
 * The row under `key` that `identify` read for this update (`value` null: there was none), or
 * undefined when it was not read, or was taken already: then the caller asks the database.
 */
export function takeKeyValueRow(ctx: object, key: string): StoredRow | undefined {
  const rows = prefetched.get(ctx);
  const row = rows?.get(key);
  rows?.delete(key);
  return row;
}

/**
 * A KeyValue row's JSON value as it stands now: read by `identify` with the sender when it was,
 * otherwise from the database. Undefined when there is no row or it has expired.
 */
export async function readKeyValue<T>(db: Db, clock: Clock, ctx: object, key: string): Promise<T | undefined> {
  const known = takeKeyValueRow(ctx, key);
  if (known) return live<T>(known, clock);
  const row = await db.keyValue.findUnique({ where: { key } });
  if (!row || (row.expiresAt && row.expiresAt < clock.now())) return undefined;
  return row.value as unknown as T;
}

/**
 * Deletes the row under `key`, saying whether there was one. When `identify` read it for this
 * update and there was none, no statement is needed: nothing else writes a chat's rows while one of
 * its updates is being handled (updates of a chat are handled one at a time).
 */
export async function deleteKeyValue(db: Db, ctx: object, key: string): Promise<boolean> {
  const known = takeKeyValueRow(ctx, key);
  if (known && known.value === null) return false;
  const removed = await db.keyValue.deleteMany({ where: { key } });
  return removed.count > 0;
}

/**
 * Writes that belong with this update's step of a conversation (a draft's answer), made by the
 * same statement that stores the conversation's state: the answer and the step it completes are
 * durable together or not at all, and it costs no round trip of its own. If the update fails
 * before that, neither is stored and the re-delivered update does the step again.
 */
const pending = new WeakMap<object, Map<string, Prisma.Sql>>();

/**
 * Queues a data-modifying statement (usable in WITH) to be written with this update's conversation
 * state. One statement per `name`: queuing a name again replaces the earlier statement, so a
 * caller that writes one row twice passes the merged write (PostgreSQL does not update a row
 * twice in one statement).
 */
export function writeWithConversation(ctx: object, name: string, statement: Prisma.Sql): void {
  const queued = pending.get(ctx) ?? new Map<string, Prisma.Sql>();
  queued.set(name, statement);
  pending.set(ctx, queued);
}

/**
 * The queued statements as a WITH prefix; with them, when `now` is given, the record of this update
 * (src/bot/redelivery.ts), so that the step, its answer and "this update is applied" are one.
 */
function takePending(ctx: object, now?: Date): Prisma.Sql {
  const record = now && takeUpdateRecord(ctx, now);
  const statements = [...(record ? [record] : []), ...(pending.get(ctx)?.values() ?? [])];
  pending.delete(ctx);
  if (statements.length === 0) return Prisma.empty;
  return Prisma.sql`WITH ${Prisma.join(
    statements.map((s, i) => Prisma.sql`${Prisma.raw(`"pending${i}"`)} AS (${s})`),
    ", ",
  )} `;
}

/**
 * Runs what is still queued when the update ends without a state write (a conversation that
 * began and ended in one update). Install it around the conversations plugin.
 */
export async function flushPendingWrites(db: Db, ctx: object, clock?: Clock): Promise<void> {
  if (!pending.get(ctx)?.size) return;
  const queued = takePending(ctx, clock?.now());
  if (queued !== Prisma.empty) await db.$executeRaw`${queued}SELECT 1`;
}

/**
 * The conversations plugin's storage for private chats, keyed `conv:<chat id>`. A read uses the
 * state `identify` read for this same update when there is one (updates of a chat are handled one
 * at a time, so nothing can have written it in between), otherwise asks the database. A write or
 * delete carries the statements queued by `writeWithConversation`.
 */
export function conversationStorage<S>(deps: {
  db: Db;
  clock: Clock;
  ttlMs?: number;
}): VersionedStateStorage<Context, S> {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const byKey = keyValueStorage<S>({ db: deps.db, clock: deps.clock, prefix: "", ttlMs });
  const keyOf = (ctx: Context) => conversationKey(ctx.chatId ?? ctx.from!.id);
  return {
    read(ctx) {
      const key = keyOf(ctx);
      const known = takeKeyValueRow(ctx, key);
      if (known) return live<VersionedState<S>>(known, deps.clock);
      return byKey.read(key);
    },
    async write(ctx, state) {
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + ttlMs);
      await deps.db.$executeRaw`${takePending(ctx, now)}
        INSERT INTO "KeyValue" ("key", "value", "expiresAt", "updatedAt")
        VALUES (${keyOf(ctx)}, ${JSON.stringify(state)}::jsonb, ${expiresAt}, ${now})
        ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = EXCLUDED."updatedAt"`;
    },
    async delete(ctx) {
      await deps.db
        .$executeRaw`${takePending(ctx, deps.clock.now())}DELETE FROM "KeyValue" WHERE "key" = ${keyOf(ctx)}`;
    },
  };
}
