import type { Prisma } from "../generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "outbox">;

export interface OutgoingMessage {
  /** Unique per message that must go out once, e.g. `report-submitted:<reportId>:<version>`. */
  dedupeKey: string;
  kind: string;
  chatId: bigint;
  /** A Bot API method and its parameters, already rendered in the recipient's language. */
  method: "sendMessage" | "sendPhoto" | "sendDocument" | "sendMediaGroup" | "editMessageText" | "editMessageReplyMarkup";
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
        ...(message.notBefore ?? message.now ? { nextAttemptAt: message.notBefore ?? message.now } : {}),
      },
    ],
    skipDuplicates: true,
  });
}
