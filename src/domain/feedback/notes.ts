import type { Db } from "../../db/client.ts";
import type { FeedbackNote } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { enqueueNotice, type Rendered } from "../outbox.ts";
import type { Period } from "../skp/periods.ts";

/**
 * Continuous feedback (umpan balik berkelanjutan, PermenPANRB 6/2022): a supervisor's short note to
 * a direct subordinate at any time of the year, stored under the period it was given in, with at
 * most one reply from the employee. The notes are the evidence of this stage in that period's
 * /evaluasi and the employee's /nilai (docs/domain.md, "Continuous feedback").
 */

export const NOTE_MIN_CHARS = 5;
export const NOTE_MAX_CHARS = 1000;

export interface Subordinate {
  id: number;
  nip: string;
  name: string;
}

/** The supervisor's active direct subordinates matching a NIP exactly or a part of a name (case-insensitive). */
export function subordinatesMatching(db: Db, supervisorId: number, query: string): Promise<Subordinate[]> {
  const digits = query.replace(/\s+/g, "");
  return db.employee.findMany({
    where: {
      supervisorId,
      active: true,
      id: { not: supervisorId },
      OR: [{ nip: digits }, { name: { contains: query.trim(), mode: "insensitive" } }],
    },
    select: { id: true, nip: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 10,
  });
}

/** The employee, when they report directly to the supervisor (checked against the database). */
export function subordinateOf(db: Db, supervisorId: number, employeeId: number) {
  return db.employee.findFirst({
    where: { id: employeeId, supervisorId, active: true, NOT: { id: supervisorId } },
    select: { id: true, nip: true, name: true, telegramId: true, language: true },
  });
}

export type GiveOutcome = { kind: "given"; note: FeedbackNote } | { kind: "not-subordinate" };

/** One transaction: the note, the audit row and the employee's notice (with its reply button). */
export async function giveFeedback(
  db: Db,
  input: {
    supervisor: { id: number; name: string; telegramId: bigint };
    employeeId: number;
    text: string;
    period: Period;
    now: Date;
    notice(note: FeedbackNote, employee: { language: string }): Rendered;
  },
): Promise<GiveOutcome> {
  return db.$transaction(async (tx) => {
    const employee = await tx.employee.findFirst({
      where: { id: input.employeeId, supervisorId: input.supervisor.id, active: true },
      select: { id: true, nip: true, telegramId: true, language: true },
    });
    if (!employee || employee.id === input.supervisor.id) return { kind: "not-subordinate" };
    const note = await tx.feedbackNote.create({
      data: {
        employeeId: employee.id,
        supervisorId: input.supervisor.id,
        year: input.period.year,
        period: input.period.code,
        text: input.text,
        createdAt: input.now,
      },
    });
    await recordAudit(tx, {
      actor: `telegram:${input.supervisor.telegramId}`,
      action: "feedback.give",
      entity: "FeedbackNote",
      entityId: note.id,
      after: { employeeNip: employee.nip, year: note.year, period: note.period, text: note.text },
      at: input.now,
    });
    if (employee.telegramId !== null) {
      await enqueueNotice(tx, {
        kind: "feedback-note",
        recordId: note.id,
        chatId: employee.telegramId,
        message: input.notice(note, employee),
        now: input.now,
      });
    }
    return { kind: "given", note };
  });
}

export type ReplyOutcome = { kind: "replied" } | { kind: "already" } | { kind: "unknown" };

/** The employee's one reply: stored only on their own note without a reply; the supervisor is told. */
export async function replyToFeedback(
  db: Db,
  input: {
    noteId: number;
    employeeId: number;
    telegramId: bigint;
    text: string;
    now: Date;
    notice(supervisor: { language: string }, employeeName: string): string;
  },
): Promise<ReplyOutcome> {
  return db.$transaction(async (tx) => {
    const note = await tx.feedbackNote.findFirst({
      where: { id: input.noteId, employeeId: input.employeeId },
      include: { supervisor: true, employee: { select: { name: true } } },
    });
    if (!note) return { kind: "unknown" };
    const { count } = await tx.feedbackNote.updateMany({
      where: { id: note.id, reply: null },
      data: { reply: input.text, repliedAt: input.now },
    });
    if (count !== 1) return { kind: "already" };
    await recordAudit(tx, {
      actor: `telegram:${input.telegramId}`,
      action: "feedback.reply",
      entity: "FeedbackNote",
      entityId: note.id,
      after: { reply: input.text },
      at: input.now,
    });
    if (note.supervisor.telegramId !== null)
      await enqueueNotice(tx, {
        kind: "feedback-reply",
        recordId: note.id,
        chatId: note.supervisor.telegramId,
        message: { text: input.notice(note.supervisor, note.employee.name) },
        now: input.now,
      });
    return { kind: "replied" };
  });
}

/** The notes an employee received in a period, oldest first, with who gave them. */
export function feedbackOfPeriod(db: Db, employeeId: number, period: { year: number; code: string }) {
  return db.feedbackNote.findMany({
    where: { employeeId, year: period.year, period: period.code },
    include: { supervisor: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export type FeedbackOfPeriod = Awaited<ReturnType<typeof feedbackOfPeriod>>;
