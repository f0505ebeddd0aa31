import type { Db } from "../db/client.ts";

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
