import type { Db } from "../../db/client.ts";
import { enqueueMessages } from "../outbox.ts";
import { isWorkingDay, loadUnitCalendar, todayIn, addDays, type UnitCalendar } from "../calendar.ts";
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from "../policy/sections.ts";
import { formatLocalDate, localDate } from "../../lib/time.ts";
import { translate } from "../../lib/i18n.ts";

/**
 * Escalation of reports nobody decided (supervisors act within 3 working days: docs/domain.md, "Review").
 * A report SUBMITTED for more than `reviewReminderWorkingDays` working days reminds its
 * supervisor; more than `reviewEscalationWorkingDays` notifies the supervisor's own supervisor.
 * Working days are those of the employee's unit, counted after the local submit date up to and
 * including today, both in the unit's time zone. Each level goes out once per report version
 * (the outbox key), so the job may run as often as it likes.
 */
export type EscalationLevel = "remind" | "escalate";

export interface DueEscalation {
  level: EscalationLevel;
  dedupeKey: string;
  reportId: number;
  version: number;
  /** Who is told, and in which language. */
  chatId: bigint;
  locale: string;
  workingDays: number;
  number: string;
  employeeName: string;
  /** The report's date (YYYY-MM-DD). */
  date: string;
  supervisorName: string;
}

export const escalationKey = (level: EscalationLevel, reportId: number, version: number) =>
  `review-${level}:${reportId}:${version}`;

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, calendar: UnitCalendar): number {
  let days = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) days++;
  return days;
}

/** What the escalation job should send now: reminders and escalations not yet queued. */
export async function dueEscalations(
  db: Db,
  now: Date,
  policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
): Promise<DueEscalation[]> {
  const reports = await db.report.findMany({
    where: { status: "SUBMITTED", submittedAt: { not: null } },
    include: { employee: { include: { unit: true, supervisor: { include: { supervisor: true } } } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  if (reports.length === 0) return [];
  const calendars = new Map<number, UnitCalendar>();
  const due: DueEscalation[] = [];
  for (const report of reports) {
    const unit = report.employee.unit;
    const today = todayIn(now, unit);
    const submitted = localDate(report.submittedAt!, unit.timeZone);
    let calendar = calendars.get(unit.id);
    if (!calendar) {
      // Wide enough for any pending report: from a year back (a longer wait is escalated anyway).
      calendar = await loadUnitCalendar(db, { unitId: unit.id, from: addDays(today, -366), to: today });
      calendars.set(unit.id, calendar);
    }
    const days = workingDaysBetween(submitted, today, calendar);
    const supervisor = report.employee.supervisor;
    if (!supervisor) continue;
    const base = {
      reportId: report.id,
      version: report.version,
      workingDays: days,
      number: report.number ?? "-",
      employeeName: report.employee.name,
      date: report.date ? report.date.toISOString().slice(0, 10) : submitted,
      supervisorName: supervisor.name,
    };
    if (days > policy.reviewReminderWorkingDays && supervisor.active && supervisor.telegramId !== null) {
      due.push({
        ...base,
        level: "remind",
        dedupeKey: escalationKey("remind", report.id, report.version),
        chatId: supervisor.telegramId,
        locale: supervisor.language,
      });
    }
    const upper = supervisor.supervisor;
    if (days > policy.reviewEscalationWorkingDays && upper && upper.active && upper.telegramId !== null) {
      due.push({
        ...base,
        level: "escalate",
        dedupeKey: escalationKey("escalate", report.id, report.version),
        chatId: upper.telegramId,
        locale: upper.language,
      });
    }
  }
  if (due.length === 0) return [];
  const queued = await db.outbox.findMany({
    where: { dedupeKey: { in: due.map((d) => d.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const done = new Set(queued.map((q) => q.dedupeKey));
  return due.filter((d) => !done.has(d.dedupeKey));
}

export type EscalationRender = (escalation: DueEscalation) => string;

const defaultRender: EscalationRender = (e) => {
  return translate(e.locale, e.level === "remind" ? "escalation-remind" : "escalation-escalate", {
    number: e.number,
    name: e.employeeName,
    date: formatLocalDate(e.date, e.locale),
    days: e.workingDays,
    supervisor: e.supervisorName,
  });
};

/**
 * Queues the due reminders and escalations (the scheduler's job calls this). Idempotent: the
 * dedupe key `review-remind:<reportId>:<version>` / `review-escalate:<reportId>:<version>` lets
 * each go out once. Returns how many were queued.
 */
export async function enqueueEscalations(
  db: Db,
  now: Date,
  options: { policy?: ReviewPolicy; render?: EscalationRender; queuedAt?: Date } = {},
): Promise<number> {
  const due = await dueEscalations(db, now, options.policy);
  const render = options.render ?? defaultRender;
  // One statement for all of them; `queuedAt` differs from `now` when `lapkin job --at` forces a run.
  await enqueueMessages(
    db,
    due.map((e) => ({
      dedupeKey: e.dedupeKey,
      kind: e.level === "remind" ? "review-reminder" : "review-escalation",
      chatId: e.chatId,
      method: "sendMessage",
      params: { chat_id: e.chatId.toString(), text: render(e) },
      now: options.queuedAt ?? now,
    })),
  );
  return due.length;
}
