import type { OutgoingMessage } from "../domain/outbox.ts";
import { dayOff } from "../domain/calendar.ts";
import { periodCloses, yearPeriod } from "../domain/evaluation/periods.ts";
import type { DeadlinePolicy } from "../domain/policy/sections.ts";
import { periodOf, type EvaluationPeriodKind, type Period } from "../domain/skp/periods.ts";
import { formatLocalDate, localDate } from "../lib/time.ts";
import { workingDaysBetween } from "./calendars.ts";
import { translate } from "../lib/i18n.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";
import { enqueueMessages } from "../domain/outbox.ts";

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * Daily-report reminder (15:00) and nudge (16:30): to the unit's linked, active employees who are
 * not on leave today and have no report for today (anything but a draft or a withdrawn one).
 * Nobody is reminded on a day off of the unit.
 */
export async function reportReminder(ctx: JobContext, kind: "reminder" | "nudge"): Promise<JobOutcome> {
  const off = dayOff(ctx.localDate, ctx.unit.calendar);
  if (off) return { status: "SKIPPED", details: { reason: "day-off", dayOff: off } };
  const date = asDate(ctx.localDate);
  const recipients = await ctx.db.$queryRaw<Array<{ id: number; telegramId: bigint; language: string; name: string }>>`
    SELECT e."id", e."telegramId", e."language", e."name"
    FROM "Employee" e
    WHERE e."unitId" = ${ctx.unit.id} AND e."active" AND e."telegramId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Leave" l WHERE l."employeeId" = e."id" AND l."from" <= ${date}::date AND l."to" >= ${date}::date)
      AND NOT EXISTS (SELECT 1 FROM "Report" r WHERE r."employeeId" = e."id" AND r."date" = ${date}::date
                        AND r."status" NOT IN ('DRAFT', 'WITHDRAWN'))
    ORDER BY e."id"`;
  // One rendering per language, names filled in after: a unit of 40 is one Fluent call, not 40.
  const templates = new Map<string, string>();
  const textFor = (language: string, name: string) => {
    if (!templates.has(language)) {
      templates.set(
        language,
        translate(language, `schedule-report-${kind}`, {
          name: "\u0000",
          date: formatLocalDate(ctx.localDate, language),
        }),
      );
    }
    return templates.get(language)!.split("\u0000").join(name);
  };
  const messages: OutgoingMessage[] = recipients.map((e) => ({
    dedupeKey: `${ctx.runKey}:${e.id}`,
    kind: `report-${kind}`,
    chatId: e.telegramId,
    method: "sendMessage",
    params: {
      chat_id: e.telegramId.toString(),
      text: textFor(e.language, e.name),
    },
    now: ctx.queuedAt,
  }));
  const queued = await enqueueMessages(ctx.db, messages);
  return { status: "DONE", details: { recipients: recipients.length, queued } };
}

/**
 * Pending-approval digest (08:00, working days) to each supervisor of the unit with SUBMITTED
 * reports waiting: how many, and how many for more than `escalateAfterWorkingDays` working days.
 * The per-report reminder (> 3 working days) and the escalation to the supervisor's own supervisor
 * (> 5) are the review issue's rule, `enqueueEscalations` in src/domain/escalation.ts: the
 * scheduler calls it once per tick in which a digest ran (see scheduler.ts), not per unit.
 */
export async function approvalDigest(ctx: JobContext): Promise<JobOutcome> {
  const off = dayOff(ctx.localDate, ctx.unit.calendar);
  if (off) return { status: "SKIPPED", details: { reason: "day-off", dayOff: off } };
  const pending = await ctx.db.$queryRaw<
    Array<{ supervisorId: number; telegramId: bigint | null; language: string; submittedAt: Date }>
  >`
    SELECT s."id" AS "supervisorId", s."telegramId", s."language", r."submittedAt"
    FROM "Report" r
    JOIN "Employee" e ON e."id" = r."employeeId"
    JOIN "Employee" s ON s."id" = e."supervisorId"
    WHERE r."status" = 'SUBMITTED' AND s."unitId" = ${ctx.unit.id} AND s."active" AND r."submittedAt" IS NOT NULL`;
  const bySupervisor = new Map<
    number,
    { telegramId: bigint | null; language: string; pending: number; overdue: number }
  >();
  for (const row of pending) {
    const tally = bySupervisor.get(row.supervisorId) ?? {
      telegramId: row.telegramId,
      language: row.language,
      pending: 0,
      overdue: 0,
    };
    const submitted = localDate(new Date(row.submittedAt), ctx.unit.timeZone);
    tally.pending++;
    if (workingDaysBetween(submitted, ctx.localDate, ctx.unit.calendar) > ctx.policy.escalateAfterWorkingDays)
      tally.overdue++;
    bySupervisor.set(row.supervisorId, tally);
  }
  const messages: OutgoingMessage[] = [];
  for (const [supervisorId, t] of bySupervisor) {
    if (t.telegramId === null) continue;
    messages.push({
      dedupeKey: `${ctx.runKey}:${supervisorId}`,
      kind: "approval-digest",
      chatId: t.telegramId,
      method: "sendMessage",
      params: {
        chat_id: t.telegramId.toString(),
        text: translate(t.language, "schedule-approval-digest", {
          pending: t.pending,
          overdue: t.overdue,
          days: ctx.policy.escalateAfterWorkingDays,
        }),
      },
      now: ctx.queuedAt,
    });
  }
  const queued = await enqueueMessages(ctx.db, messages);
  return { status: "DONE", details: { supervisors: bySupervisor.size, queued } };
}

export type SkpDeadlineKind = "skp-plan" | "periodic-evaluation" | "annual-evaluation";

/**
 * The SKP deadlines that fall in `year` (docs/domain.md, "SKP"; the dates are *policy*): the plan for the year; the annual
 * evaluation of the year before; and the periodic evaluation of each quarter (or month) that closes
 * in the year — the last period of the year before included — on `periodicCloseDay` of the month
 * after it. The dates come from `periodCloses`, the rule /evaluasi applies.
 */
export function skpDeadlines(
  year: number,
  deadlines: DeadlinePolicy,
  periodKind: EvaluationPeriodKind,
): Array<{ kind: SkpDeadlineKind; date: string; year: number; period?: string }> {
  const periodic = [...periodsOf(year - 1, periodKind), ...periodsOf(year, periodKind)]
    .map((period) => ({
      kind: "periodic-evaluation" as const,
      date: periodCloses(period, deadlines),
      year: period.year,
      period: period.code,
    }))
    .filter((d) => d.date.startsWith(`${year}-`));
  return [
    { kind: "skp-plan", date: `${year}-${deadlines.skpPlanDue}`, year },
    { kind: "annual-evaluation", date: periodCloses(yearPeriod(year - 1), deadlines), year: year - 1 },
    ...periodic,
  ];
}

/** The quarters or months of a year, in order. */
function periodsOf(year: number, kind: EvaluationPeriodKind): Period[] {
  const months = Array.from({ length: 12 }, (_, i) => periodOf(`${year}-${String(i + 1).padStart(2, "0")}-01`, kind));
  return months.filter((period, i) => i === 0 || period.code !== months[i - 1]!.code);
}

/**
 * SKP deadline reminders, 7/3/1 days before (policy), on the unit's working days only (a threshold
 * that falls on a day off is not made up; the next one still comes).
 * - SKP plan: employees without an SkpPlan for the year.
 * - Evaluations: supervisors in the unit with at least one active subordinate whose evaluation for
 *   that period is not finalised yet (a draft still counts as outstanding), told how many.
 */
export async function skpDeadlineReminder(ctx: JobContext): Promise<JobOutcome> {
  const off = dayOff(ctx.localDate, ctx.unit.calendar);
  if (off) return { status: "SKIPPED", details: { reason: "day-off", dayOff: off } };
  const year = Number(ctx.localDate.slice(0, 4));
  const dates = (y: number) => skpDeadlines(y, ctx.deadlines, ctx.ratingPeriod);
  const due = [...dates(year), ...dates(year + 1)].flatMap((d) =>
    ctx.policy.skpDeadlines.daysBefore.includes(daysUntil(ctx.localDate, d.date))
      ? [{ ...d, daysLeft: daysUntil(ctx.localDate, d.date) }]
      : [],
  );
  if (due.length === 0) return { status: "DONE", details: { deadlines: 0 } };
  const messages: OutgoingMessage[] = [];
  for (const deadline of due) {
    const people =
      deadline.kind === "skp-plan"
        ? await withoutPlan(ctx, deadline.year)
        : await withOutstandingEvaluations(ctx, deadline.year, deadline.period ?? "YEAR");
    for (const p of people) {
      messages.push({
        dedupeKey: `${ctx.runKey}:${deadline.kind}:${deadline.date}:${p.id}`,
        kind: "skp-deadline",
        chatId: p.telegramId,
        method: "sendMessage",
        params: {
          chat_id: p.telegramId.toString(),
          text: translate(p.language, `schedule-deadline-${deadline.kind}`, {
            days: deadline.daysLeft,
            date: formatLocalDate(deadline.date, p.language),
            // A string: Fluent would group a number's digits ("2.026").
            year: String(deadline.year),
            period: deadline.period ?? "",
            pending: p.pending ?? 0,
          }),
        },
        now: ctx.queuedAt,
      });
    }
  }
  const queued = await enqueueMessages(ctx.db, messages);
  return { status: "DONE", details: { deadlines: due.map((d) => `${d.kind}:${d.date}`), queued } };
}

type Recipient = { id: number; telegramId: bigint; language: string; pending?: number };

function withoutPlan(ctx: JobContext, year: number): Promise<Recipient[]> {
  return ctx.db.$queryRaw<Recipient[]>`
    SELECT e."id", e."telegramId", e."language" FROM "Employee" e
    WHERE e."unitId" = ${ctx.unit.id} AND e."active" AND e."telegramId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "SkpPlan" p WHERE p."employeeId" = e."id" AND p."year" = ${year})
    ORDER BY e."id"`;
}

/** Supervisors of the unit and how many of their active subordinates still lack a finalised evaluation. */
async function withOutstandingEvaluations(ctx: JobContext, year: number, period: string): Promise<Recipient[]> {
  const rows = await ctx.db.$queryRaw<Array<Recipient & { pending: bigint }>>`
    SELECT e."id", e."telegramId", e."language", COUNT(s."id") AS "pending" FROM "Employee" e
    JOIN "Employee" s ON s."supervisorId" = e."id" AND s."active" AND s."id" <> e."id"
    WHERE e."unitId" = ${ctx.unit.id} AND e."active" AND e."telegramId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Evaluation" v WHERE v."employeeId" = s."id" AND v."year" = ${year}
                        AND v."period" = ${period} AND v."status" = 'FINALISED')
    GROUP BY e."id", e."telegramId", e."language"
    ORDER BY e."id"`;
  return rows.map((r) => ({ ...r, pending: Number(r.pending) }));
}

function daysUntil(from: string, to: string): number {
  return Math.round((asDate(to).getTime() - asDate(from).getTime()) / 86_400_000);
}
