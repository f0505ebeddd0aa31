import { InlineKeyboard, type Context } from "grammy";
import { saveMinutesWithin } from "../../domain/report/drafts.ts";
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
    else return s.save({ outputQuantity: parsed.value, outputUnit: parsed.unit || unit });
  }
}

/** 5. The time spent; a day that goes over the confirmation limit with it is asked about first. */
export async function askMinutes(s: Step): Promise<void> {
  const { t, policy } = s;
  const question = t("lapor-ask-minutes", { max: policy.maxMinutesPerEntry });
  await s.ctx.reply(question);
  for (;;) {
    const c = await s.next();
    const minutes = c.message?.text ? parseMinutes(c.message.text) : undefined;
    if (minutes === undefined) {
      await again(c, t("lapor-minutes-invalid"), question);
      continue;
    }
    if (minutes < 1 || minutes > policy.maxMinutesPerEntry) {
      await again(c, t("lapor-minutes-range", { max: policy.maxMinutesPerEntry }), question);
      continue;
    }
    // Saved at once when the day stays under the confirmation limit (one statement); else asked.
    const { others } = await s.conversation.external(() =>
      saveMinutesWithin(s.deps.db, {
        employeeId: s.me.id,
        reportId: s.draft.id,
        date: s.draft.date!,
        minutes,
        confirmAbove: policy.confirmMinutesPerDay,
      }),
    );
    if (others + minutes <= policy.confirmMinutesPerDay) {
      s.draft = { ...s.draft, minutes };
      return;
    }
    if (await confirmLongDay(s, c, others + minutes)) return s.save({ minutes });
    await s.ctx.reply(question);
  }
}

async function confirmLongDay(s: Step, c: Context, total: number): Promise<boolean> {
  await c.reply(s.t("lapor-minutes-confirm", { total, hours: Math.round((total / 60) * 10) / 10 }), {
    reply_markup: new InlineKeyboard()
      .text(s.t("button-yes-continue"), laporData.longDay.pack("yes"))
      .text(s.t("lapor-button-change"), laporData.longDay.pack("no")),
  });
  return s.confirm(laporData.longDay);
}
