import type { OutgoingMessage } from "../domain/outbox.ts";
import { dayOff } from "../domain/calendar.ts";
import { workingDaysOfWeek } from "./calendars.ts";
import type { renderWeeklyChart } from "./chart.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";
import { enqueueMessages } from "../domain/outbox.ts";
import { weeklyStats, weekRate } from "./summary-stats.ts";
import { dailyLines, drawChart, headSummary, summaryCaption, type UnitIkm } from "./summary-texts.ts";
import { ikmFigures } from "../domain/survey/ikm.ts";
import { DEFAULT_FEEDBACK_POLICY } from "../domain/policy/sections.ts";

/**
 * Weekly summary, on the unit's last working day of the week at 16:00: a chart with a caption to
 * every active group of the unit (the text summary if the chart cannot be drawn, or if the photo
 * cannot be sent: the row's fallback), and a private summary to each linked head of the unit.
 * The chart's bytes are queued with the message, so the instance that sends it needs no file.
 */
export async function weeklySummary(ctx: JobContext, render?: typeof renderWeeklyChart): Promise<JobOutcome> {
  const days = workingDaysOfWeek(ctx.localDate, ctx.unit.calendar);
  if (dayOff(ctx.localDate, ctx.unit.calendar) || days.at(-1) !== ctx.localDate) {
    return { status: "SKIPPED", details: { reason: "not-last-working-day" } };
  }
  const stats = (await weeklyStats(ctx.db, [{ unitId: ctx.unit.id, days }], Number(ctx.localDate.slice(0, 4)))).get(
    ctx.unit.id,
  )!;
  const weekOf = days[0]!;
  const ikm = await monthIkm(ctx);
  const groups = await ctx.db.group.findMany({ where: { unitId: ctx.unit.id, active: true }, orderBy: { id: "asc" } });
  const messages: OutgoingMessage[] = [];
  const byLocale = new Map<string, Uint8Array | null>();
  for (const group of groups) {
    const caption = summaryCaption(ctx.unit, weekOf, stats, group.language, ctx.policy.weeklySummary.recognition, ikm);
    if (!byLocale.has(group.language)) {
      render ??= (await import("./chart.ts")).renderWeeklyChart; // canvas and chart.js: at the first chart, not at start-up
      byLocale.set(group.language, drawChart(ctx, stats, group.language, render));
    }
    const chart = byLocale.get(group.language);
    const chat_id = group.chatId.toString();
    const text = {
      method: "sendMessage" as const,
      params: { chat_id, text: `${caption}\n\n${dailyLines(stats, group.language)}` },
    };
    messages.push({
      dedupeKey: `${ctx.runKey}:group:${group.chatId}`,
      kind: "weekly-summary",
      chatId: group.chatId,
      ...(chart
        ? {
            method: "sendPhoto",
            params: { chat_id, caption },
            attachment: { field: "photo", name: `summary-${group.language}.png`, bytes: chart },
            fallback: text,
          }
        : text),
      now: ctx.queuedAt,
      notBefore: ctx.notBefore,
    });
  }
  // Raw SQL: Prisma's `has` filter on an enum array is not passed correctly by the driver adapters.
  const heads = await ctx.db.$queryRaw<Array<{ id: number; telegramId: bigint | null; language: string }>>`
    SELECT "id", "telegramId", "language" FROM "Employee"
    WHERE "unitId" = ${ctx.unit.id} AND "active" AND "telegramId" IS NOT NULL AND 'HEAD' = ANY("roles"::text[])
    ORDER BY "id"`;
  for (const head of heads) {
    messages.push({
      dedupeKey: `${ctx.runKey}:head:${head.id}`,
      kind: "weekly-summary-head",
      chatId: head.telegramId!,
      method: "sendMessage",
      params: { chat_id: head.telegramId!.toString(), text: headSummary(ctx.unit, weekOf, stats, head.language) },
      now: ctx.queuedAt,
      notBefore: ctx.notBefore,
    });
  }
  const queued = await enqueueMessages(ctx.db, messages);
  return { status: "DONE", details: { groups: groups.length, heads: heads.length, queued, rate: weekRate(stats) } };
}

/** The unit's IKM from the first of the month to today, when its counters have answers. */
async function monthIkm(ctx: JobContext): Promise<UnitIkm | undefined> {
  const [figure] = await ikmFigures(ctx.db, {
    from: `${ctx.localDate.slice(0, 7)}-01`,
    to: ctx.localDate,
    by: "unit",
    unitIds: [ctx.unit.id],
    minRespondents: DEFAULT_FEEDBACK_POLICY.ikmMinRespondents,
  });
  return figure?.score != null && figure.band ? { score: figure.score, band: figure.band } : undefined;
}
