import { Prisma } from "../generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "outbox">;

export interface OutgoingMessage {
  /** Unique per message that must go out once, e.g. `report-submitted:<reportId>:<version>`. */
  dedupeKey: string;
  kind: string;
  chatId: bigint;
  /** A Bot API method and its parameters, already rendered in the recipient's language. */
  method:
    | "sendMessage"
    | "sendPhoto"
    | "sendDocument"
    | "sendMediaGroup"
    | "editMessageText"
    | "editMessageReplyMarkup"
    | "setMyCommands"
    | "deleteMyCommands";
  params: Record<string, unknown>;
  /** Send no earlier than this (e.g. a reminder's local time). */
  notBefore?: Date;
  /** The producer's clock: due times then follow "as if it were" time in jobs and tests, not the server's. */
  now?: Date;
}

/**
 * Queues a message in the caller's transaction. A second call with the same key does nothing, so a
 * replayed update or a re-run job never sends twice.
 */
export async function enqueueMessage(tx: Tx, message: OutgoingMessage): Promise<void> {
  await tx.outbox.createMany({
    data: [
      {
        dedupeKey: message.dedupeKey,
        kind: message.kind,
        chatId: message.chatId,
        payload: { method: message.method, params: message.params } as Prisma.InputJsonValue,
        ...(message.now ? { createdAt: message.now } : {}),
        ...((message.notBefore ?? message.now) ? { nextAttemptAt: message.notBefore ?? message.now } : {}),
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * `INSERT … SELECT` of messages into the Outbox, for raw SQL: many rows in one statement, queued in
 * the order given (an album before its card), a key already queued left alone as by
 * `enqueueMessage`. `when` adds a condition, e.g. that the change causing them was written.
 * Times travel as ISO text cast to `timestamp` (the columns hold UTC without a zone).
 */
export function outboxInsert(messages: readonly OutgoingMessage[], when: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const wall = new Date();
  return Prisma.sql`
    INSERT INTO "Outbox" ("dedupeKey", "kind", "chatId", "payload", "createdAt", "nextAttemptAt")
    SELECT m."dedupeKey", m."kind", m."chatId", m."payload", m."createdAt", m."nextAttemptAt"
    FROM unnest(
      ${messages.map((m) => m.dedupeKey)}::text[],
      ${messages.map((m) => m.kind)}::text[],
      ${messages.map((m) => m.chatId.toString())}::bigint[],
      ${messages.map((m) => JSON.stringify({ method: m.method, params: m.params }))}::jsonb[],
      ${messages.map((m) => (m.now ?? wall).toISOString())}::timestamp[],
      ${messages.map((m) => (m.notBefore ?? m.now ?? wall).toISOString())}::timestamp[]
    ) WITH ORDINALITY AS m("dedupeKey", "kind", "chatId", "payload", "createdAt", "nextAttemptAt", "n")
    ${when}
    ORDER BY m."n"
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/**
 * Many messages in one statement per 2,000 (a reminder to a whole unit), same semantics as
 * `enqueueMessage`: a key already queued is left alone, so a re-run queues nothing new.
 * Raw SQL over arrays: Prisma's createMany costs ~2 ms a row here, too slow for 20,000 reminders.
 */
export async function enqueueMessages(
  db: Pick<Prisma.TransactionClient, "$executeRaw">,
  messages: OutgoingMessage[],
): Promise<number> {
  let created = 0;
  for (let i = 0; i < messages.length; i += 2000)
    created += await db.$executeRaw(outboxInsert(messages.slice(i, i + 2000)));
  return created;
}
