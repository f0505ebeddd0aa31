import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./client.ts";

/**
 * Telegram updates already applied, by bot and update id (docs/operations.md, "Redelivery").
 * Telegram keeps an update it could not deliver for 24 hours; an id is remembered twice as long.
 */
export const PROCESSED_UPDATE_TTL_MS = 48 * 3600_000;

export interface UpdateId {
  botId: bigint;
  updateId: bigint;
}

/**
 * The statement that records an update as applied, to run in the transaction (or statement, as a
 * WITH part) that writes its effects. A plain INSERT on purpose: when two instances apply the same
 * update at once, the second waits for the first's commit and then fails on the primary key, which
 * rolls its effects back (see isDuplicateUpdate).
 */
export const recordUpdateSql = (id: UpdateId, now: Date): Prisma.Sql => Prisma.sql`
  INSERT INTO "ProcessedUpdate" ("botId", "updateId", "expiresAt")
  VALUES (${id.botId}, ${id.updateId}, ${new Date(now.getTime() + PROCESSED_UPDATE_TTL_MS)})`;

/** Records the update once more where a repeat is harmless (an update with no effect of its own). */
export async function recordUpdateIfNew(db: Db, id: UpdateId, now: Date): Promise<void> {
  await db.$executeRaw`${recordUpdateSql(id, now)} ON CONFLICT DO NOTHING`;
}

/** Whether the update is recorded as applied. */
export async function wasProcessed(db: Db, id: UpdateId): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "ProcessedUpdate" WHERE "botId" = ${id.botId} AND "updateId" = ${id.updateId}`;
  return rows.length > 0;
}

/** The SQL condition "this update is recorded", for a statement that reads other things too. */
export const processedSql = (id: UpdateId): Prisma.Sql => Prisma.sql`
  EXISTS (SELECT 1 FROM "ProcessedUpdate" WHERE "botId" = ${id.botId} AND "updateId" = ${id.updateId})`;

/** The error of a statement whose update was recorded by someone else meanwhile. */
export function isDuplicateUpdate(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const text = `${(e as Error).message ?? ""} ${JSON.stringify((e as { meta?: unknown }).meta ?? "")}`;
    if (text.includes("ProcessedUpdate_pkey")) return true;
  }
  return false;
}

/** Forgets expired ids; returns how many. */
export async function sweepProcessedUpdates(db: Db, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "ProcessedUpdate" WHERE "expiresAt" < ${now}`;
}
