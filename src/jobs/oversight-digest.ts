import type { Db } from "../db/client.ts";
import { addDays, dayOff, type UnitCalendar } from "../domain/calendar.ts";
import { periodCloses, periodKey, previousPeriod, yearPeriod } from "../domain/evaluation/periods.ts";
import { unitOverview } from "../domain/oversight/overview.ts";
import { scopeUnits } from "../domain/oversight/scope.ts";
import { enqueueMessages } from "../domain/outbox.ts";
import { loadOversightPolicy, loadRatingPolicy } from "../domain/policy/load.ts";
import type { DeadlinePolicy, RatingPolicy } from "../domain/policy/sections.ts";
import { periodLabel } from "../domain/skp/period-label.ts";
import type { EvaluationPeriodKind, Period } from "../domain/skp/periods.ts";
import { translatorFor, type Translate } from "../lib/i18n.ts";
import { MESSAGE_MAX, shorten } from "../lib/telegram-limits.ts";
import { formatDate, localDate } from "../lib/time.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";

/** At most this many units and flags are listed one by one; the rest are counted. */
const LISTED = 15;

/**
 * The evaluation periods whose evaluation closes on `date` (the deadlines policy, as /evaluasi
 * applies it): the periodic one just ended, and after a year the annual one.
 */
export function periodsClosingOn(date: string, kind: EvaluationPeriodKind, deadlines: DeadlinePolicy): Period[] {
  const candidates = [previousPeriod(date, kind), yearPeriod(Number(date.slice(0, 4)) - 1)];
  return candidates.filter((p) => periodCloses(p, deadlines) === date);
}

/** Working days of `calendar` after `from` up to and including `to` (local dates). */
export function workingDaysBetween(from: string, to: string, calendar: UnitCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to && count < 400; d = addDays(d, 1)) if (!dayOff(d, calendar)) count++;
  return count;
}

/**
 * The assessment team's digest (docs/domain.md, "Calibration"): on the day a period's evaluations
 * close, each team member of this unit (their own unit's time zone and calendar) is told which
 * units in their scope have a predicate distribution outside the allowed spread and which flags
 * have been open longer than *policy* `oversight.flagOverdueWorkingDays`. Nothing is sent to a
 * member with nothing to review; one message per member and period (dedupe key).
 */
export async function oversightDigest(ctx: JobContext): Promise<JobOutcome> {
  const periods = periodsClosingOn(ctx.localDate, ctx.ratingPeriod, ctx.deadlines);
  if (periods.length === 0) return { status: "SKIPPED", details: { reason: "no-period-closes" } };
  const [rating, oversight] = [await loadRatingPolicy(ctx.db), await loadOversightPolicy(ctx.db)];
  // Raw SQL: the PGlite adapter cannot bind an enum-array filter ("roles has PENILAI").
  const members = await ctx.db.$queryRaw<Array<{ id: number; telegramId: bigint; language: string }>>`
    SELECT "id", "telegramId", "language" FROM "Employee"
    WHERE "active" AND "telegramId" IS NOT NULL AND 'PENILAI' = ANY("roles") AND "unitId" = ${ctx.unit.id}
    ORDER BY "id"`;
  const straying = new Map<string, Promise<string[]>>();
  let queued = 0;
  for (const period of periods)
    for (const member of members) {
      const units = (await scopeUnits(ctx.db, { employeeId: member.id, isAdmin: false }, "calibration")) ?? [];
      const t = translatorFor(member.language);
      const unitLines: string[] = [];
      for (const unitId of units) {
        const key = `${periodKey(period)}:${unitId}`;
        if (!straying.has(key)) straying.set(key, strayingUnit(ctx.db, unitId, period, rating));
        unitLines.push(...(await straying.get(key)!).map((unit) => t("oversight-digest-unit-line", { unit })));
      }
      const flagLines = await overdueFlags(ctx, t, member, units, oversight.flagOverdueWorkingDays);
      if (unitLines.length === 0 && flagLines.length === 0) continue;
      const text = [
        t("oversight-digest-title", { period: periodLabel(t, period, member.language) }),
        ...section(t, t("oversight-digest-units"), unitLines),
        ...section(t, t("oversight-digest-flags", { days: oversight.flagOverdueWorkingDays }), flagLines),
        "",
        t("oversight-digest-hint"),
      ].join("\n");
      const chatId = BigInt(member.telegramId);
      queued += await enqueueMessages(ctx.db, [
        {
          dedupeKey: `oversight-digest:${periodKey(period)}:${member.id}`,
          kind: "oversight-digest",
          chatId,
          method: "sendMessage",
          params: { chat_id: chatId.toString(), text: shorten(text, MESSAGE_MAX) },
          now: ctx.queuedAt,
          notBefore: ctx.notBefore,
        },
      ]);
    }
  return { status: "DONE", details: { members: members.length, queued } };
}

function section(t: Translate, title: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, LISTED);
  if (lines.length > LISTED) shown.push(t("oversight-digest-more", { count: lines.length - LISTED }));
  return ["", title, ...shown];
}

/** "Dinas X" when the unit's finalised predicates stray from the allowed spread, else nothing. */
async function strayingUnit(db: Db, unitId: number, period: Period, rating: RatingPolicy): Promise<string[]> {
  const overview = await unitOverview(db, unitId, period, rating);
  return overview && overview.warnings.length > 0 ? [overview.unit.name] : [];
}

/** The flags on evaluations in scope still not closed after `days` working days of the member's unit. */
async function overdueFlags(
  ctx: JobContext,
  t: Translate,
  member: { id: number; language: string },
  units: number[],
  days: number,
): Promise<string[]> {
  const flags = await ctx.db.calibrationFlag.findMany({
    where: {
      status: { not: "CLOSED" },
      evaluation: { employee: { unitId: { in: units } }, employeeId: { not: member.id } },
    },
    include: { evaluation: { include: { employee: { include: { unit: true } } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return flags
    .filter(
      (f) => workingDaysBetween(localDate(f.createdAt, ctx.unit.timeZone), ctx.localDate, ctx.unit.calendar) > days,
    )
    .map((f) =>
      t("oversight-digest-flag-line", {
        id: String(f.id),
        name: f.evaluation.employee.name,
        unit: f.evaluation.employee.unit.name,
        since: formatDate(f.createdAt, ctx.unit.timeZone, member.language),
      }),
    );
}
