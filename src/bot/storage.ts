import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";

/**
 * A key-value storage adapter over the KeyValue table, for grammY plugins (conversations). State
 * kept here survives a restart and is shared by every instance on the same database.
 * Rows carry an expiry so abandoned state can be swept; a read ignores an expired row.
 *
 * The value goes to and from PostgreSQL as JSON text in one statement each way: a conversation's
 * state holds every update it has seen, and letting the ORM walk that object on every update
 * cost more than the rest of the update's work.
 */
export function keyValueStorage<S>(deps: { db: Db; clock: Clock; prefix: string; ttlMs?: number }): VersionedStateStorage<string, S> {
  const ttlMs = deps.ttlMs ?? 7 * 24 * 3600_000;
  const keyOf = (key: string) => `${deps.prefix}${key}`;
  return {
    async read(key) {
      const rows = await deps.db.$queryRaw<Array<{ value: string }>>`
        SELECT "value"::text AS "value" FROM "KeyValue"
        WHERE "key" = ${keyOf(key)} AND ("expiresAt" IS NULL OR "expiresAt" >= ${deps.clock.now()})`;
      return rows[0] ? JSON.parse(rows[0].value) : undefined;
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
