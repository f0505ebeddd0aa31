import type { InlineKeyboardMarkup } from "grammy/types";
import type { Prisma } from "../../generated/prisma/client.ts";
import { addDays, isWorkingDay, loadUnitCalendar, todayIn } from "../calendar.ts";
import { enqueueMessages } from "../outbox.ts";
import { recordAudit } from "../audit.ts";
import { dayjs } from "../../lib/time.ts";

type Tx = Prisma.TransactionClient;

/** A complaint as its recipients see it. */
export interface ComplaintCard {
  id: number;
  number: string;
  unitName: string;
  counterName: string;
  comment: string | null;
  /** The nine element answers and the overall answer, null where not given. */
  scores: (number | null)[];
  overall: number | null;
  receivedAt: Date;
  followUpDue: Date;
  timeZone: string;
}

/** Renders the messages a complaint queues, in the recipient's language (the handler's words and buttons). */
export interface ComplaintRenderer {
  card(locale: string, card: ComplaintCard): string;
  buttons(locale: string, complaintId: number): InlineKeyboardMarkup;
  citizenReceipt(locale: string, number: string): string;
}

export const complaintNumber = (responseId: bigint, year: string) =>
  `ADU-${year}-${String(responseId).padStart(6, "0")}`;

/**
 * Makes a complaint of a finished response (docs/domain.md, "Complaints"), in the caller's
 * transaction: the row, its card to the unit's heads and to the supervisors of the counter's staff,
 * and the citizen's receipt with the number, all through the outbox. Never to a group. The unique
 * response id makes a replay a no-op.
 */
export async function openComplaint(
  tx: Tx,
  input: {
    responseId: bigint;
    chatId: bigint;
    locale: string;
    now: Date;
    followUpWorkingDays: number;
    render: ComplaintRenderer;
  },
): Promise<string> {
  const response = await tx.surveyResponse.findUniqueOrThrow({ where: { id: input.responseId } });
  const counter = await tx.serviceCounter.findUniqueOrThrow({ where: { id: response.counterId } });
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: counter.unitId } });
  const number = complaintNumber(input.responseId, todayIn(input.now, unit).slice(0, 4));
  const followUpDue = await dueAfterWorkingDays(tx, unit.id, input.now, input.followUpWorkingDays);
  const complaint = await tx.complaint.create({
    data: {
      number,
      responseId: input.responseId,
      counterId: counter.id,
      unitId: unit.id,
      citizenChatId: input.chatId,
      locale: input.locale,
      receivedAt: input.now,
      followUpDue,
    },
  });
  const card: ComplaintCard = {
    id: complaint.id,
    number,
    unitName: unit.name,
    counterName: counter.name,
    comment: response.comment,
    scores: [
      response.s1,
      response.s2,
      response.s3,
      response.s4,
      response.s5,
      response.s6,
      response.s7,
      response.s8,
      response.s9,
    ],
    overall: response.overall,
    receivedAt: input.now,
    followUpDue,
    timeZone: unit.timeZone,
  };
  const recipients = await complaintRecipients(tx, counter.id, unit.id);
  await enqueueMessages(tx, [
    ...recipients.map((r) => ({
      dedupeKey: `complaint-open:${complaint.id}:${r.id}`,
      kind: "complaint",
      chatId: r.telegramId,
      method: "sendMessage" as const,
      params: {
        chat_id: r.telegramId.toString(),
        text: input.render.card(r.language, card),
        reply_markup: input.render.buttons(r.language, complaint.id),
      },
      now: input.now,
    })),
    {
      dedupeKey: `complaint-receipt:${complaint.id}`,
      kind: "complaint-receipt",
      chatId: input.chatId,
      method: "sendMessage" as const,
      params: { chat_id: input.chatId.toString(), text: input.render.citizenReceipt(input.locale, number) },
      now: input.now,
    },
  ]);
  // The audit names the complaint, never the citizen.
  await recordAudit(tx, {
    actor: "citizen",
    action: "complaint.open",
    entity: "complaint",
    entityId: number,
    at: input.now,
  });
  return number;
}

/**
 * Who answers a complaint: the unit's heads (role HEAD in the unit) and the supervisors of the
 * counter's staff, those with a linked account, each once.
 */
export async function complaintRecipients(
  tx: Pick<Tx, "$queryRaw">,
  counterId: number,
  unitId: number,
): Promise<{ id: number; telegramId: bigint; language: string }[]> {
  return tx.$queryRaw`
    SELECT DISTINCT e."id", e."telegramId", e."language" FROM "Employee" e
    WHERE e."active" AND e."telegramId" IS NOT NULL AND (
      (e."unitId" = ${unitId} AND 'HEAD' = ANY(e."roles"))
      OR e."id" IN (SELECT s."supervisorId" FROM "ServiceCounterStaff" cs
                    JOIN "Employee" s ON s."id" = cs."employeeId" WHERE cs."counterId" = ${counterId}))
    ORDER BY e."id"`;
}

/** The end of the unit's `days`-th working day after today (its local midnight after that day). */
async function dueAfterWorkingDays(tx: Tx, unitId: number, now: Date, days: number): Promise<Date> {
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { timeZone: true } });
  const today = todayIn(now, unit);
  const calendar = await loadUnitCalendar(tx as never, { unitId, from: today, to: addDays(today, days * 3 + 30) });
  let date = today;
  for (let counted = 0; counted < days;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return dayjs.tz(`${addDays(date, 1)}T00:00:00`, unit.timeZone).toDate();
}
