import { formatClock } from "../../domain/report/time-range.ts";
import type { Translate } from "../../lib/i18n.ts";
import { formatQuantity } from "../../lib/number.ts";
import { formatDateTime, formatLocalDate, fromDbDate } from "../../lib/time.ts";
import type { DraftView } from "../../domain/report/drafts.ts";
import type { SubmitOutcome } from "../../domain/report/submit.ts";
import type { ReportDetail } from "../../domain/report/history.ts";
import { formatDuration } from "../../lib/time.ts";

/** The texts of /lapor and /riwayat, in the reader's language (`t`). */

export const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const output = (quantity: number | null, unit: string | null) =>
  quantity === null ? "-" : `${formatQuantity(quantity)} ${unit ?? ""}`.trim();

/** A DATE column as Prisma reads it, as the reader's date ("-" when none). */
const dbDate = (at: Date | null, locale: string) => {
  const date = fromDbDate(at);
  return date ? formatLocalDate(date, locale) : "-";
};

export function submitMessage(t: Translate, outcome: SubmitOutcome): string {
  switch (outcome.kind) {
    case "submitted":
      return [
        t(outcome.version > 1 ? "lapor-resubmitted" : "lapor-submitted", { number: outcome.number }),
        outcome.supervisorNotified ? t("lapor-supervisor-notified") : t("lapor-supervisor-not-linked"),
        ...(outcome.reusedEvidence ? [t("lapor-reused-evidence")] : []),
      ].join("\n\n");
    case "already":
      return t("lapor-already-submitted", { number: outcome.number ?? "-" });
    case "incomplete":
      return t("lapor-incomplete");
    case "not-found":
      return t("button-stale");
  }
}

export function summaryText(t: Translate, d: DraftView, fmt: (date: string) => string): string {
  return t("lapor-summary", {
    date: d.date ? fmt(d.date) : "-",
    indicator: d.isAdditional
      ? t("lapor-additional-task")
      : d.actionPlan
        ? t("lapor-summary-action-plan", { indicator: d.indicatorLabel ?? "-", plan: d.actionPlan })
        : (d.indicatorLabel ?? "-"),
    description: d.description ?? "-",
    output: output(d.outputQuantity, d.outputUnit),
    minutes: d.minutes ?? 0,
    duration: duration(t, d),
    photos: d.photos,
  });
}

/** "1 jam 30 menit", or "08:00–09:30, 1 jam 30 menit" when the time was a range. */
function duration(t: Translate, d: DraftView): string {
  if (d.minutes === null) return "-";
  if (d.startMinute === null || d.endMinute === null) return formatDuration(d.minutes);
  return t("lapor-summary-range", {
    start: formatClock(d.startMinute),
    end: formatClock(d.endMinute),
    duration: formatDuration(d.minutes),
  });
}

/** One report in the /riwayat list: number · date · status. */
export function historyLine(
  t: Translate,
  r: { number: string | null; date: Date | null; status: string },
  locale: string,
): string {
  return `${r.number ?? "-"} · ${dbDate(r.date, locale)} · ${t(`status-${r.status}`)}`;
}

export function historyDetailText(
  t: Translate,
  r: ReportDetail,
  reader: { timeZone: string; language: string },
): string {
  const text = t("history-detail", {
    number: r.number ?? "-",
    status: t(`status-${r.status}`),
    date: dbDate(r.date, reader.language),
    indicator: r.indicator?.indicator ?? t("lapor-additional-task"),
    description: r.description ?? "-",
    output: output(r.outputQuantity === null ? null : Number(r.outputQuantity), r.outputUnit),
    minutes: r.minutes ?? 0,
    photos: r.evidence.length,
    version: r.version,
    submitted: r.submittedAt ? formatDateTime(r.submittedAt, reader.timeZone, reader.language) : "-",
    rating: r.rating ? t(`rating-${r.rating}`) : "-",
    comment: r.reviewerComment ?? "-",
  });
  return r.reusedEvidence ? `${text}\n\n${t("history-reused-note")}` : text;
}
