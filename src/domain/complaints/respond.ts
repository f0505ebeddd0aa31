import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { enqueueMessage } from "../outbox.ts";
import { recordAudit } from "../audit.ts";
import { complaintRecipients } from "./open.ts";

export type RespondOutcome =
  | { kind: "not-allowed" }
  | { kind: "unknown" }
  | { kind: "closed"; number: string }
  | { kind: "followed-up" | "done"; number: string };

/** Who may act on a complaint: those it was sent to, as the database says now (never the button). */
export async function mayRespond(db: Db, complaintId: number, employeeId: number): Promise<boolean> {
  const complaint = await db.complaint.findUnique({
    where: { id: complaintId },
    select: { counterId: true, unitId: true },
  });
  if (!complaint) return false;
  const recipients = await complaintRecipients(db, complaint.counterId, complaint.unitId);
  return recipients.some((r) => r.id === employeeId);
}

/** The complaint's number when it is closed, so no note is asked for that could not reach the citizen. */
export async function closedNumber(db: Db, complaintId: number): Promise<string | null> {
  const complaint = await db.complaint.findUnique({
    where: { id: complaintId },
    select: { number: true, status: true, citizenChatId: true },
  });
  return complaint && (complaint.status === "DONE" || complaint.citizenChatId === null) ? complaint.number : null;
}

/** The audit row of an employee's step on a complaint: it names the complaint by number, never the citizen. */
const auditStep = (
  tx: Prisma.TransactionClient,
  action: string,
  number: string,
  by: { employeeId: number; now: Date },
) => recordAudit(tx, { actor: `employee:${by.employeeId}`, action, entity: "complaint", entityId: number, at: by.now });

/**
 * The follow-up note goes back to the citizen through the outbox, with the complaint's update in
 * one transaction; a complaint already closed takes no note. A second note is sent as well (keyed by time).
 */
export async function followUpComplaint(
  db: Db,
  input: {
    complaintId: number;
    employeeId: number;
    note: string;
    now: Date;
    render: (locale: string, number: string, note: string) => string;
  },
): Promise<RespondOutcome> {
  if (!(await mayRespond(db, input.complaintId, input.employeeId))) return { kind: "not-allowed" };
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findUniqueOrThrow({ where: { id: input.complaintId } });
    if (complaint.status === "DONE" || complaint.citizenChatId === null)
      return { kind: "closed", number: complaint.number };
    await tx.complaint.update({
      where: { id: complaint.id },
      data: {
        status: "FOLLOWED_UP",
        followUpNote: input.note,
        followedUpAt: complaint.followedUpAt ?? input.now,
        followedUpBy: input.employeeId,
      },
    });
    await enqueueMessage(tx, {
      dedupeKey: `complaint-followup:${complaint.id}:${input.now.getTime()}`,
      kind: "complaint-followup",
      chatId: complaint.citizenChatId,
      method: "sendMessage",
      params: {
        chat_id: complaint.citizenChatId.toString(),
        text: input.render(complaint.locale, complaint.number, input.note),
      },
      now: input.now,
    });
    await auditStep(tx, "complaint.follow-up", complaint.number, input);
    return { kind: "followed-up", number: complaint.number };
  });
}

/** Closes a complaint; the citizen's chat id is forgotten from then on, with the messages sent to it. */
export async function closeComplaint(
  db: Db,
  input: { complaintId: number; employeeId: number; now: Date },
): Promise<RespondOutcome> {
  if (!(await mayRespond(db, input.complaintId, input.employeeId))) return { kind: "not-allowed" };
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findUniqueOrThrow({ where: { id: input.complaintId } });
    if (complaint.status === "DONE") return { kind: "closed", number: complaint.number };
    await tx.complaint.update({
      where: { id: complaint.id },
      data: { status: "DONE", closedAt: input.now, citizenChatId: null },
    });
    // The messages sent to the citizen keep their chat, and Telegram's answer their name: forgotten
    // too. One still on its way is left to be sent (the head's last note).
    await tx.outbox.deleteMany({
      where: {
        status: { not: "PENDING" },
        OR: [
          { dedupeKey: `complaint-receipt:${complaint.id}` },
          { dedupeKey: { startsWith: `complaint-followup:${complaint.id}:` } },
        ],
      },
    });
    await auditStep(tx, "complaint.done", complaint.number, input);
    return { kind: "done", number: complaint.number };
  });
}
