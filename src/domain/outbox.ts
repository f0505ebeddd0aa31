import { Prisma } from "../generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "outbox">;

export type OutboxMethod =
  | "sendMessage"
  | "sendPhoto"
  | "sendDocument"
  | "sendMediaGroup"
  | "editMessageText"
  | "editMessageReplyMarkup"
  | "setMyCommands"
  | "deleteMyCommands";

/** The row's `payload`: the call, with the attachment named in its file field, and the fallback. */
function payloadOf(message: OutgoingMessage): Prisma.InputJsonObject {
  const { attachment, fallback } = message;
  const params = attachment
    ? { ...message.params, [attachment.field]: { attachment: attachment.name } }
    : message.params;
  return { method: message.method, params, ...(fallback ? { fallback } : {}) } as Prisma.InputJsonObject;
}

/** The orderGroup of a report's messages to its supervisor (album, card, edits of the card). */
export const reportOrderGroup = (reportId: number) => `report:${reportId}`;

export interface OutgoingMessage {
  /** Unique per message that must go out once, e.g. `report-submitted:<reportId>:<version>`. */
  dedupeKey: string;
  kind: string;
  chatId: bigint;
  /** A Bot API method and its parameters, already rendered in the recipient's language. */
  method: OutboxMethod;
  params: Record<string, unknown>;
  /**
   * A file the call uploads (a chart): its bytes are stored in the row and the params name it as
   * `{ "attachment": name }` in `field`, so any instance's sender can upload it — no local path.
   */
  attachment?: { field: "photo" | "document"; name: string; bytes: Uint8Array };
  /** Sent instead when the call fails for good (a text for a photo that could not be sent). */
  fallback?: { method: OutboxMethod; params: Record<string, unknown> };
  /**
   * Rows of one group (`report:<id>`: its album, card, later edits) are sent in the order queued:
   * a row waits while an earlier row of its group is pending (src/jobs/outbox-rows.ts).
   */
  orderGroup?: string;
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
        payload: payloadOf(message),
        attachment: message.attachment ? new Uint8Array(message.attachment.bytes) : undefined,
        orderGroup: message.orderGroup,
        ...(message.now ? { createdAt: message.now } : {}),
        ...((message.notBefore ?? message.now) ? { nextAttemptAt: message.notBefore ?? message.now } : {}),
      },
    ],
    skipDuplicates: true,
  });
}

/** A message rendered in its recipient's language: its text and, when it has buttons, their markup. */
export type Rendered = { text: string; replyMarkup?: unknown };

/**
 * Queues a rendered notice about one record (a feedback note, a calibration flag) as a text
 * message, keyed `<kind>:<recordId>`: each kind of notice goes out once per record.
 */
export function enqueueNotice(
  tx: Tx,
  notice: { kind: string; recordId: number; chatId: bigint; message: Rendered; now: Date },
): Promise<void> {
  const { chatId, message } = notice;
  return enqueueMessage(tx, {
    dedupeKey: `${notice.kind}:${notice.recordId}`,
    kind: notice.kind,
    chatId,
    method: "sendMessage",
    params: { chat_id: chatId.toString(), text: message.text, reply_markup: message.replyMarkup },
    now: notice.now,
  });
}

/**
 * `INSERT … SELECT` of messages into the Outbox, for raw SQL: many rows in one statement, queued in
 * the order given (an album before its card), a key already queued left alone as by
 * `enqueueMessage`. `when` adds a condition, e.g. that the change causing them was written.
 * Times travel as ISO text cast to `timestamp` (the columns hold UTC without a zone); attachments as
 * base64 text ('' for none), decoded here.
 */
export function outboxInsert(messages: readonly OutgoingMessage[], when: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const wall = new Date();
  return Prisma.sql`
    INSERT INTO "Outbox" ("dedupeKey", "kind", "chatId", "payload", "createdAt", "nextAttemptAt", "attachment", "orderGroup")
    SELECT m."dedupeKey", m."kind", m."chatId", m."payload", m."createdAt", m."nextAttemptAt",
      decode(NULLIF(m."attachment", ''), 'base64'), NULLIF(m."orderGroup", '')
    FROM unnest(
      ${messages.map((m) => m.dedupeKey)}::text[],
      ${messages.map((m) => m.kind)}::text[],
      ${messages.map((m) => m.chatId.toString())}::bigint[],
      ${messages.map((m) => JSON.stringify(payloadOf(m)))}::jsonb[],
      ${messages.map((m) => (m.now ?? wall).toISOString())}::timestamp[],
      ${messages.map((m) => (m.notBefore ?? m.now ?? wall).toISOString())}::timestamp[],
      ${messages.map((m) => (m.attachment ? Buffer.from(m.attachment.bytes).toString("base64") : ""))}::text[],
      ${messages.map((m) => m.orderGroup ?? "")}::text[]
    ) WITH ORDINALITY AS m("dedupeKey", "kind", "chatId", "payload", "createdAt", "nextAttemptAt", "attachment", "orderGroup", "n")
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
