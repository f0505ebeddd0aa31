import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { outboxInsert, type OutgoingMessage } from "../domain/outbox.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../domain/policy/sections.ts";
import { CONVERSATION_KEY_PREFIX, chatOfConversationKey } from "../domain/report/conversation-key.ts";

/**
 * Ends /lapor conversations left idle for the policy's minutes, so the person hears about it at
 * the time rather than at their next message: the stored conversation is deleted (its answers are
 * in the draft report) and a message is queued in the outbox, by one statement for all of them.
 * The delete compares `updatedAt`, so an answer arriving at the same moment wins: that
 * conversation is neither deleted nor told. (Without this job the conversation itself says so
 * when the next update comes.)
 */
export async function expireIdleReportConversations(deps: {
  db: Db;
  clock: Clock;
  policy?: Pick<ReportPolicy, "idleMinutes">;
  render(locale: string, minutes: number): string;
}): Promise<number> {
  const minutes = (deps.policy ?? DEFAULT_POLICY).idleMinutes;
  const now = deps.clock.now();
  const before = new Date(now.getTime() - minutes * 60_000);
  const rows = await deps.db.keyValue.findMany({
    where: { key: { startsWith: CONVERSATION_KEY_PREFIX }, updatedAt: { lt: before } },
    select: { key: true, updatedAt: true },
  });
  // Private chats only: a chat's id is its person's Telegram id.
  const idle = rows.flatMap((row) => {
    const chatId = chatOfConversationKey(row.key);
    return chatId === undefined ? [] : [{ ...row, chatId }];
  });
  if (idle.length === 0) return 0;
  const people = await deps.db.employee.findMany({
    where: { telegramId: { in: idle.map((r) => r.chatId) } },
    select: { telegramId: true, language: true },
  });
  const languageOf = new Map(people.map((p) => [p.telegramId!, p.language]));
  const messages: OutgoingMessage[] = idle.map((row) => ({
    dedupeKey: `lapor-idle:${row.chatId}:${row.updatedAt.getTime()}`,
    kind: "report-idle",
    chatId: row.chatId,
    method: "sendMessage",
    params: { chat_id: row.chatId.toString(), text: deps.render(languageOf.get(row.chatId) ?? "id", minutes) },
    now,
  }));
  const ended = await deps.db.$queryRaw<Array<{ ended: number }>>`
    WITH ended AS (
      DELETE FROM "KeyValue" kv
      USING unnest(${idle.map((r) => r.key)}::text[], ${idle.map((r) => r.updatedAt.toISOString())}::timestamp(3)[]) AS idle("key", "updatedAt")
      WHERE kv."key" = idle."key" AND kv."updatedAt" = idle."updatedAt"
      RETURNING kv."key"
    ), queued AS (${outboxInsert(messages, Prisma.sql`WHERE (${CONVERSATION_KEY_PREFIX}::text || m."chatId"::text) IN (SELECT "key" FROM ended)`)})
    SELECT count(*)::int AS "ended" FROM ended`;
  return ended[0]!.ended;
}
