import type { FeedbackOfPeriod } from "../../domain/feedback/notes.ts";
import type { Translate } from "../../lib/i18n.ts";
import { formatLocalDate, localDate } from "../../lib/time.ts";

/** A period's continuous-feedback notes with their replies, or the line saying there were none. */
export function feedbackLines(
  w: { t: Translate; locale: string },
  timeZone: string,
  periodName: string,
  notes: FeedbackOfPeriod,
): string[] {
  if (notes.length === 0) return [w.t("feedback-none")];
  const lines = [w.t("feedback-section", { period: periodName })];
  for (const n of notes) {
    lines.push(
      w.t("feedback-line", {
        date: formatLocalDate(localDate(n.createdAt, timeZone), w.locale),
        by: n.supervisor.name,
        text: n.text,
      }),
    );
    if (n.reply) lines.push(w.t("feedback-line-reply", { reply: n.reply }));
  }
  return lines;
}
