import type { Db } from "../../db/client.ts";

/**
 * `/unduh`: an employee's own month as e-Kinerja's XLSX, made by a job rather than inside the
 * update (an update must answer quickly). A request is a KeyValue row `unduh:<employee>:<month>`
 * (one per employee and month: a second /unduh while it waits adds nothing); the job leases it,
 * builds the file and, in one statement, deletes the request and queues the document in the outbox.
 */
const PREFIX = "unduh:";

export interface DownloadRequest {
  employeeId: number;
  /** The private chat, as text (a BigInt is not JSON). */
  chatId: string;
  /** "2026-11". */
  month: string;
  language: string;
  requestedAt: string;
}

/** Queues a request; false when one for this employee and month is already waiting. */
export async function requestDownload(db: Db, request: DownloadRequest): Promise<boolean> {
  const { count } = await db.keyValue.createMany({
    data: [{ key: `${PREFIX}${request.employeeId}:${request.month}`, value: { ...request } }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * Up to `limit` waiting requests, each leased to this caller until `now + leaseMs` (a request whose
 * lease ran out, its job having died, is taken again). Safe in several instances at once.
 */
export async function claimDownloads(
  db: Db,
  now: Date,
  options: { leaseMs: number; limit: number },
): Promise<Array<{ key: string; request: DownloadRequest }>> {
  const until = new Date(now.getTime() + options.leaseMs).toISOString();
  const rows = await db.$queryRaw<Array<{ key: string; value: DownloadRequest }>>`
    UPDATE "KeyValue" SET "value" = jsonb_set("value", '{leasedUntil}', to_jsonb(${until}::text))
    WHERE "key" IN (
      SELECT "key" FROM "KeyValue"
      WHERE "key" LIKE ${`${PREFIX}%`} AND COALESCE("value"->>'leasedUntil', '') < ${now.toISOString()}
      ORDER BY "value"->>'requestedAt' LIMIT ${options.limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING "key", "value"`;
  return rows.map((r) => ({ key: r.key, request: r.value }));
}

/** What the job sends: a text, or a document whose bytes ride in the outbox row. */
export type DownloadReply =
  { kind: "text"; text: string } | { kind: "document"; caption: string; fileName: string; bytes: Uint8Array };

/**
 * Deletes the request and queues its answer, in one statement: both or neither. The dedupe key
 * carries the request's time, so a redelivered job queues nothing twice and a later request is
 * answered anew.
 */
export async function deliverDownload(
  db: Db,
  input: { key: string; request: DownloadRequest; reply: DownloadReply; now: Date },
): Promise<void> {
  const { key, request, reply } = input;
  const chatId = BigInt(request.chatId);
  const params =
    reply.kind === "text"
      ? { chat_id: request.chatId, text: reply.text }
      : { chat_id: request.chatId, caption: reply.caption, document: { attachment: reply.fileName } };
  const method = reply.kind === "text" ? "sendMessage" : "sendDocument";
  const bytes = reply.kind === "document" ? Buffer.from(reply.bytes) : null;
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "KeyValue" WHERE "key" = ${key} RETURNING 1)
    INSERT INTO "Outbox" ("dedupeKey", "kind", "chatId", "payload", "attachment", "createdAt", "nextAttemptAt")
    SELECT ${`${key}:${request.requestedAt}`}, 'ekinerja-download', ${chatId},
      ${JSON.stringify({ method, params })}::jsonb, ${bytes}, ${input.now.toISOString()}::timestamp, ${input.now.toISOString()}::timestamp
    FROM gone
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
