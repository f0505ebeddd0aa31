import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db/client.ts";

/** An outbox row this sender holds a lease on. */
export interface ClaimedRow {
  id: bigint;
  dedupeKey: string;
  kind: string;
  chatId: bigint;
  payload: Prisma.JsonValue;
  attempts: number;
  lockedUntil: Date | null;
  /** A file the call uploads (see callPayload). */
  attachment: Uint8Array | null;
}

/**
 * Claims up to `batchSize` due rows with `FOR UPDATE SKIP LOCKED` and stamps a lease
 * (`lockedUntil`) on them, leaving out the chats in `waiting`.
 */
export async function claimRows(
  db: Db,
  now: Date,
  options: { leaseMs: number; batchSize: number; waiting: bigint[] },
): Promise<ClaimedRow[]> {
  const { waiting } = options;
  // Chats that may not receive yet are not claimed at all, so their rows stay free for others.
  // The ids are bigints from our own map, so writing them into the text is safe.
  const notWaiting = waiting.length ? `AND "chatId" NOT IN (${waiting.map((c) => c.toString()).join(", ")})` : "";
  const lease = new Date(now.getTime() + options.leaseMs);
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
    select: {
      id: true,
      dedupeKey: true,
      kind: true,
      chatId: true,
      payload: true,
      attempts: true,
      lockedUntil: true,
      attachment: true,
    },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
  });
  return rows;
}

/**
 * Gives claimed rows back untouched (no attempt used), for this or another sender's next round.
 * Only while our lease holds them: the rows of one claim share its lease time.
 */
export async function releaseRows(db: Db, rows: ClaimedRow[]): Promise<void> {
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

/**
 * Marked SENT whatever became of the lease: the message is out, so no one may send it again.
 * A crash (or a failed write) between Telegram's answer and this update is the one window
 * where the row stays PENDING and is sent a second time once its lease has expired.
 */
export async function markSent(db: Db, row: ClaimedRow, attempts: number, now: Date, result: unknown): Promise<void> {
  await db.outbox.updateMany({
    where: { id: row.id, status: "PENDING" },
    data: {
      status: "SENT",
      sentAt: now,
      attempts,
      lockedUntil: null,
      lastError: null,
      result: toJson(result),
    },
  });
}

/** FAILED for good, while our lease holds the row. */
export async function markFailed(db: Db, row: ClaimedRow, attempts: number, now: Date, error: string): Promise<void> {
  // nextAttemptAt keeps the time of the last attempt on a FAILED row: the digest reads it.
  await db.outbox.updateMany({
    where: { id: row.id, lockedUntil: row.lockedUntil },
    data: { status: "FAILED", attempts, lockedUntil: null, lastError: error, nextAttemptAt: now },
  });
}

/** Back to the queue for another try at `nextAttemptAt`, while our lease holds the row. */
export async function reschedule(
  db: Db,
  row: ClaimedRow,
  retry: { nextAttemptAt: Date; error: string; attempts?: number },
): Promise<void> {
  await db.outbox.updateMany({
    where: { id: row.id, lockedUntil: row.lockedUntil },
    data: { attempts: retry.attempts, nextAttemptAt: retry.nextAttemptAt, lockedUntil: null, lastError: retry.error },
  });
}

/** Telegram's answer as JSON for the `result` column (BigInt as text). */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value ?? true, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
