/**
 * Where a private chat's /lapor conversation state is kept in KeyValue (src/bot/storage.ts) and
 * where the idle sweep (src/jobs/report-idle.ts) finds it: `conv:<chat id>`.
 */
export const CONVERSATION_KEY_PREFIX = "conv:";

export const conversationKey = (chatId: number | string | bigint) => `${CONVERSATION_KEY_PREFIX}${chatId}`;

/** The private chat a key belongs to (its person's Telegram id), or undefined for any other key. */
export function chatOfConversationKey(key: string): bigint | undefined {
  const id = key.slice(CONVERSATION_KEY_PREFIX.length);
  return key.startsWith(CONVERSATION_KEY_PREFIX) && /^\d+$/.test(id) ? BigInt(id) : undefined;
}
