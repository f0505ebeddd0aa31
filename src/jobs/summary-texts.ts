import { formatLocalDate } from "../lib/time.ts";
import { formatNumber } from "../lib/number.ts";
import { translate } from "../lib/i18n.ts";
import { shorten } from "../lib/telegram-limits.ts";
import type { ScheduledUnit } from "./calendars.ts";
import type { renderWeeklyChart } from "./chart.ts";
import type { JobContext } from "./job-context.ts";
import { dayRate, weekRate, type WeeklyStats } from "./summary-stats.ts";

/** A unit's IKM of the month so far, as the group sees it. */
export interface UnitIkm {
  score: number;
  band: string;
}

/** The weekly summary's words and picture: the group's caption and chart, the daily lines, the head's text. */

/** The group's caption: numbers only, and names only of the people to recognise. */
export function summaryCaption(
  unit: Pick<ScheduledUnit, "name">,
  weekOf: string,
  stats: WeeklyStats,
  locale: string,
  recognition: boolean,
  ikm?: UnitIkm,
): string {
  const lines = [
    translate(locale, "summary-caption", {
      unit: unit.name,
      week: formatLocalDate(weekOf, locale),
      rate: weekRate(stats),
      approved: stats.approved,
      pending: stats.pending,
      revision: stats.revision,
      rejected: stats.rejected,
      hours: stats.avgApprovalHours === null ? "–" : formatNumber(stats.avgApprovalHours, 1),
      skp: stats.skpProgress === null ? "–" : Math.round(stats.skpProgress),
    }),
  ];
  // The month's service score and band only: no comment, no counter, nothing a citizen wrote.
  if (ikm) lines.push(translate(locale, "summary-ikm", { score: formatNumber(ikm.score, 2), band: ikm.band }));
  if (recognition && stats.top.length) {
    lines.push(
      translate(locale, "summary-recognition", { names: stats.top.map((t) => `${t.name} (${t.approved})`).join(", ") }),
    );
  }
  return lines.join("\n");
}

/** The chart's PNG bytes (queued with the message, so any instance can send it), or null if drawing failed. */
export function drawChart(
  ctx: JobContext,
  stats: WeeklyStats,
  locale: string,
  render: typeof renderWeeklyChart,
): Uint8Array | null {
  try {
    return render({
      title: `${ctx.unit.name} — ${formatLocalDate(stats.days[0]!.date, locale)}`,
      labels: stats.days.map((d) => formatLocalDate(d.date, locale)),
      rates: stats.days.map(dayRate),
      seriesLabel: translate(locale, "summary-chart-series"),
    });
  } catch (error) {
    ctx.logger.warn({ err: error, unitId: ctx.unit.id }, "weekly summary: chart failed, sending text");
    return null;
  }
}

export function dailyLines(stats: WeeklyStats, locale: string): string {
  return stats.days
    .map((d) => `${formatLocalDate(d.date, locale)}: ${dayRate(d)}% (${d.reported}/${d.expected})`)
    .join("\n");
}

export function headSummary(unit: ScheduledUnit, weekOf: string, stats: WeeklyStats, locale: string): string {
  const lines = [summaryCaption(unit, weekOf, stats, locale, true), "", dailyLines(stats, locale), ""];
  lines.push(
    stats.missing.length
      ? translate(locale, "summary-head-missing", {
          list: stats.missing
            .map((m) => `• ${m.name}: ${m.dates.map((d) => formatLocalDate(d, locale)).join(", ")}`)
            .join("\n"),
        })
      : translate(locale, "summary-head-none-missing"),
  );
  if (stats.coaching.length) {
    lines.push(
      translate(locale, "summary-head-coaching", {
        list: stats.coaching
          .map((c) => `• ${c.name} — ${translate(locale, `summary-coaching-${c.reason}`)}`)
          .join("\n"),
      }),
    );
  }
  // Telegram's limit is 4,096 characters; a very large unit's list is cut, the head can ask /tim.
  return shorten(lines.join("\n"), 4000);
}
