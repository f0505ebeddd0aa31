import type { Db } from "../../db/client.ts";
import { enqueueMessages, type OutgoingMessage } from "../outbox.ts";
import { translate } from "../../lib/i18n.ts";
import { formatDateTime } from "../../lib/time.ts";
import { complaintRecipients } from "./open.ts";

/**
 * Complaints still without a follow-up past their due time (policy: 5 working days, SP4N-LAPOR
 * practice; docs/domain.md, "Complaints"): the heads and supervisors it was sent to are reminded,
 * and the heads' own supervisors are told, once per complaint (the outbox keys), like the review
 * escalation (src/domain/review/escalation.ts). The `complaint-escalation` job runs it per unit
 * (`unitId`); without one, every unit. Returns messages queued.
 */
export async function enqueueComplaintEscalations(
  db: Db,
  now: Date,
  options: { queuedAt?: Date; unitId?: number } = {},
): Promise<number> {
  const queuedAt = options.queuedAt ?? now;
  const overdue = await db.complaint.findMany({
    where: { status: "OPEN", followUpDue: { lte: now }, escalatedAt: null, unitId: options.unitId },
    orderBy: { id: "asc" },
  });
  // Units and the heads' supervisors are looked up once per unit, however many complaints are overdue.
  const unitIds = [...new Set(overdue.map((c) => c.unitId))];
  const units = new Map((await db.unit.findMany({ where: { id: { in: unitIds } } })).map((u) => [u.id, u]));
  const aboveOf = new Map<number, Awaited<ReturnType<typeof headsSupervisors>>>();
  let queued = 0;
  for (const complaint of overdue) {
    const unit = units.get(complaint.unitId)!;
    const recipients = await complaintRecipients(db, complaint.counterId, complaint.unitId);
    if (!aboveOf.has(complaint.unitId)) aboveOf.set(complaint.unitId, await headsSupervisors(db, complaint.unitId));
    const above = aboveOf.get(complaint.unitId)!;
    const message = (kind: "remind" | "escalate", to: { id: number; telegramId: bigint; language: string }) =>
      ({
        dedupeKey: `complaint-${kind}:${complaint.id}:${to.id}`,
        kind: `complaint-${kind}`,
        chatId: to.telegramId,
        method: "sendMessage",
        params: {
          chat_id: to.telegramId.toString(),
          text: translate(to.language, `complaint-${kind}`, {
            number: complaint.number,
            unit: unit.name,
            due: formatDateTime(complaint.followUpDue, unit.timeZone, to.language),
          }),
        },
        now: queuedAt,
      }) satisfies OutgoingMessage;
    const messages = [
      ...recipients.map((r) => message("remind", r)),
      ...above.filter((a) => !recipients.some((r) => r.id === a.id)).map((a) => message("escalate", a)),
    ];
    await db.$transaction(async (tx) => {
      queued += await enqueueMessages(tx, messages);
      await tx.complaint.update({ where: { id: complaint.id }, data: { escalatedAt: now } });
    });
  }
  return queued;
}

/** The supervisors of the unit's heads, with a linked account. */
function headsSupervisors(db: Db, unitId: number) {
  return db.$queryRaw<{ id: number; telegramId: bigint; language: string }[]>`
    SELECT DISTINCT s."id", s."telegramId", s."language" FROM "Employee" h JOIN "Employee" s ON s."id" = h."supervisorId"
    WHERE h."unitId" = ${unitId} AND 'HEAD' = ANY(h."roles") AND h."active" AND s."active" AND s."telegramId" IS NOT NULL
    ORDER BY s."id"`;
}
