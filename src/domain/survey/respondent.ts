import { createHmac, randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";

const SALT_KEY = "survey:salt";
const salts = new WeakMap<object, string>();

/**
 * The instance's salt, generated once and kept in the database so every instance hashes alike;
 * without it nobody can turn a stored hash back into a Telegram id by trying ids.
 */
async function salt(db: Db): Promise<string> {
  const known = salts.get(db);
  if (known) return known;
  const fresh = randomBytes(32).toString("base64url");
  // The first instance to write it wins; the others read its value.
  await db.$executeRaw`
    INSERT INTO "KeyValue" ("key", "value", "updatedAt") VALUES (${SALT_KEY}, to_jsonb(${fresh}::text), now())
    ON CONFLICT ("key") DO NOTHING`;
  const row = await db.keyValue.findUniqueOrThrow({ where: { key: SALT_KEY } });
  salts.set(db, row.value as string);
  return row.value as string;
}

/** A respondent as stored: HMAC-SHA256 of the Telegram id under the salt, never the id itself. */
export async function respondentHash(db: Db, telegramId: bigint | number): Promise<string> {
  return createHmac("sha256", await salt(db))
    .update(String(telegramId))
    .digest("base64url");
}

/** The key prefix of a citizen's open survey: a pending answer per Telegram account (src/bot/pending-answer.ts). */
export const SURVEY_OPEN_KEY_PREFIX = "survey-open";

/**
 * Forgets the open surveys whose time is over. Their key is the citizen's Telegram id, which is
 * kept only while the survey is open; one left midway would otherwise keep it, beside the id of
 * their response, for good. One statement, safe in several instances at once. Returns how many.
 */
export function forgetLeftSurveys(db: Pick<Db, "$executeRaw">, now: Date): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "KeyValue" WHERE "key" LIKE ${`${SURVEY_OPEN_KEY_PREFIX}:%`} AND "expiresAt" < ${now}`;
}
