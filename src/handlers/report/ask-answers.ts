import { InlineKeyboard, type Context } from "grammy";
import { saveMinutesWithin, type TimeAnswer } from "../../domain/report/drafts.ts";
import { wholeRealisation } from "../../domain/export/progress-harian.ts";
import { formatClock, parseTimeRange } from "../../domain/report/time-range.ts";
import { laporData } from "./callback-data.ts";
import { parseMinutes, parseQuantity } from "./parse.ts";
import type { Step } from "./step.ts";

/** A wrong answer is told what was wrong, with the question again in the same message. */
const again = (c: Context, problem: string, question: string) => c.reply(`${problem}\n\n${question}`);

/** 3. What was done, as text within the policy's length. */
export async function askDescription(s: Step): Promise<void> {
  const { t, policy } = s;
  const question = t("lapor-ask-description", { min: policy.descriptionMinChars, max: policy.descriptionMaxChars });
  await s.ctx.reply(question);
  for (;;) {
    const c = await s.next();
    const text = c.message?.text?.trim();
    if (!text) await again(c, t("lapor-description-not-text"), question);
    else if (text.length < policy.descriptionMinChars)
      await again(
        c,
        t("lapor-description-too-short", { min: policy.descriptionMinChars, length: text.length }),
        question,
      );
    else if (text.length > policy.descriptionMaxChars)
      await again(
        c,
        t("lapor-description-too-long", { max: policy.descriptionMaxChars, length: text.length }),
        question,
      );
    else return s.save({ description: text });
  }
}

/** 4. The output: a positive quantity, in the indicator's unit unless another is written after it. */
export async function askOutput(s: Step): Promise<void> {
  const { t } = s;
  const unit = s.draft.defaultUnit ?? t("lapor-default-unit");
  const question = t("lapor-ask-output", { unit });
  await s.ctx.reply(question);
  for (;;) {
    const c = await s.next();
    const parsed = c.message?.text ? parseQuantity(c.message.text) : undefined;
    if (!parsed) await again(c, t("lapor-output-invalid", { unit }), question);
    else if (parsed.value <= 0) await again(c, t("lapor-output-not-positive"), question);
    else {
      const outputUnit = parsed.unit || unit;
      await s.save({ outputQuantity: parsed.value, outputUnit });
      return noteFraction(s, c, parsed.value, outputUnit);
    }
  }
}

/** e-Kinerja takes whole numbers: a fraction is told how it will be exported (wholeRealisation). */
async function noteFraction(s: Step, c: Context, value: number, unit: string): Promise<void> {
  const { whole, exact } = wholeRealisation(value);
  if (exact !== null) await c.reply(s.t("lapor-output-fraction", { whole: String(whole), exact, unit }));
}

/** 5. The time spent, as minutes or a range; a range overlapping another report, or a day over the confirmation limit, is asked about first. */
export async function askMinutes(s: Step): Promise<void> {
  const { t, policy } = s;
  const question = t("lapor-ask-minutes", { max: policy.maxMinutesPerEntry });
  await s.ctx.reply(question);
  for (;;) {
    const c = await s.next();
    const answer = timeAnswer(c.message?.text);
    if (answer.kind !== "time") {
      await again(c, t(answer.kind === "invalid" ? "lapor-minutes-invalid" : `lapor-time-${answer.kind}`), question);
      continue;
    }
    const time = answer.time;
    if (time.minutes < 1 || time.minutes > policy.maxMinutesPerEntry) {
      await again(c, t("lapor-minutes-range", { max: policy.maxMinutesPerEntry }), question);
      continue;
    }
    // Saved at once when the day stays under the confirmation limit and overlaps nothing (one statement); else asked.
    const { others, overlap, saved } = await s.conversation.external(() =>
      saveMinutesWithin(s.deps.db, {
        employeeId: s.me.id,
        reportId: s.draft.id,
        date: s.draft.date!,
        time,
        confirmAbove: policy.confirmMinutesPerDay,
      }),
    );
    if (saved) {
      s.draft = { ...s.draft, ...time };
      return;
    }
    const keep =
      (overlap === null || (await confirmOverlap(s, c, overlap))) &&
      (others + time.minutes <= policy.confirmMinutesPerDay || (await confirmLongDay(s, c, others + time.minutes)));
    if (keep) return s.save(time);
    await s.ctx.reply(question);
  }
}

type TimeReading = { kind: "time"; time: TimeAnswer } | { kind: "invalid" | "outside-day" | "end-not-after-start" };

/** "90", "1:30" (minutes, no range) or "08.00-10.30" (a range, with its minutes). */
function timeAnswer(text: string | undefined): TimeReading {
  if (!text) return { kind: "invalid" };
  const range = parseTimeRange(text);
  if (range?.kind === "range")
    return { kind: "time", time: { minutes: range.end - range.start, startMinute: range.start, endMinute: range.end } };
  if (range) return range;
  const minutes = parseMinutes(text);
  if (minutes === undefined) return { kind: "invalid" };
  return { kind: "time", time: { minutes, startMinute: null, endMinute: null } };
}

async function confirmOverlap(s: Step, c: Context, other: { start: number; end: number }): Promise<boolean> {
  await c.reply(s.t("lapor-time-overlap-confirm", { start: formatClock(other.start), end: formatClock(other.end) }), {
    reply_markup: new InlineKeyboard()
      .text(s.t("button-yes-continue"), laporData.overlap.pack("yes"))
      .text(s.t("lapor-button-change"), laporData.overlap.pack("no")),
  });
  return s.confirm(laporData.overlap);
}

async function confirmLongDay(s: Step, c: Context, total: number): Promise<boolean> {
  await c.reply(s.t("lapor-minutes-confirm", { total, hours: Math.round((total / 60) * 10) / 10 }), {
    reply_markup: new InlineKeyboard()
      .text(s.t("button-yes-continue"), laporData.longDay.pack("yes"))
      .text(s.t("lapor-button-change"), laporData.longDay.pack("no")),
  });
  return s.confirm(laporData.longDay);
}
