import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import { enqueueMessage } from "../domain/outbox.ts";
import { DEFAULT_POLICY, type ReportPolicy } from "../domain/policy.ts";

/**
 * Ends /lapor conversations left idle for the policy's minutes, so the person hears about it at
 * the time rather than at their next message: the stored conversation is deleted (its answers are
 * in the draft report) and a message is queued in the outbox, in one transaction. The delete
 * compares `updatedAt`, so an answer arriving at the same moment wins and nothing is deleted.
 * (Without this job the conversation itself says so when the next update comes.)
 */
export async function expireIdleReportConversations(
  deps: { db: Db; clock: Clock; policy?: Pick<ReportPolicy, "idleMinutes">; render(locale: string, minutes: number): string },
): Promise<number> {
  const minutes = (deps.policy ?? DEFAULT_POLICY).idleMinutes;
  const now = deps.clock.now();
  const before = new Date(now.getTime() - minutes * 60_000);
  const idle = await deps.db.keyValue.findMany({ where: { key: { startsWith: "conv:" }, updatedAt: { lt: before } }, select: { key: true, updatedAt: true } });
  let ended = 0;
  for (const row of idle) {
    const chatId = /^conv:(\d+)$/.exec(row.key)?.[1];
    if (!chatId) continue;
    const employee = await deps.db.employee.findFirst({ where: { telegramId: BigInt(chatId) }, select: { language: true } });
    const done = await deps.db.$transaction(async (tx) => {
      const deleted = await tx.keyValue.deleteMany({ where: { key: row.key, updatedAt: row.updatedAt } });
      if (deleted.count === 0) return false;
      await enqueueMessage(tx, {
        dedupeKey: `lapor-idle:${chatId}:${row.updatedAt.getTime()}`,
        kind: "report-idle",
        chatId: BigInt(chatId),
        method: "sendMessage",
        params: { chat_id: chatId, text: deps.render(employee?.language ?? "id", minutes) },
      });
      return true;
    });
    if (done) ended++;
  }
  return ended;
}
