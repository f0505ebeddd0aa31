import { InlineKeyboard, type Context } from "grammy";
import {
  addDays,
  backdateWindow,
  checkReportDate,
  dayOff,
  isoWeekday,
  loadUnitCalendar,
  todayIn,
  type UnitCalendar,
} from "../../domain/calendar.ts";
import { laporData } from "./callback-data.ts";
import { parseDate } from "./parse.ts";
import type { Step } from "./step.ts";

/** What the date question knows: today in the reporter's zone and the unit's calendar around it. */
interface DateQuestion {
  today: string;
  calendar: UnitCalendar;
  /** The days the report may be dated (docs/domain.md, "Working calendar"). */
  window(): ReturnType<typeof backdateWindow>;
  keyboard: InlineKeyboard;
}

/** 1. The day the work was done: today, one of the days still open, or typed. */
export async function askDate(s: Step): Promise<void> {
  const q = await dateQuestion(s);
  await s.ctx.reply(s.t("lapor-ask-date", { today: s.fmt(q.today) }), { reply_markup: q.keyboard });
  for (;;) {
    const c = await s.next();
    const chosen = await readDate(s, q, c);
    if (chosen !== undefined && (await acceptDate(s, q, c, chosen))) return s.save({ date: chosen });
  }
}

async function dateQuestion(s: Step): Promise<DateQuestion> {
  const { deps, me } = s;
  const { today, calendar } = await s.conversation.external(async () => {
    const today = todayIn(deps.clock.now(), { timeZone: me.timeZone });
    const calendar = await loadUnitCalendar(deps.db, {
      unitId: me.unitId,
      employeeId: me.id,
      from: addDays(today, -60),
      to: addDays(today, 1),
    });
    return { today, calendar };
  });
  // Worked out only when asked for: this step is replayed on every later update of the report.
  let known: ReturnType<typeof backdateWindow> | undefined;
  const window = () => (known ??= backdateWindow(today, calendar, s.policy.backdateWorkingDays));
  const keyboard = new InlineKeyboard()
    .text(s.t("lapor-button-today", { date: s.fmt(today) }), laporData.today.pack())
    .text(s.t("lapor-button-other-day"), laporData.otherDay.pack());
  return { today, calendar, window, keyboard };
}

/** The date pressed or typed; undefined (the person told why) when there is none. */
async function readDate(s: Step, q: DateQuestion, c: Context): Promise<string | undefined> {
  const data = c.callbackQuery?.data;
  if (data === undefined) {
    const typed = c.message?.text ? parseDate(c.message.text, q.today) : undefined;
    if (!typed) await c.reply(s.t("lapor-date-invalid"), { reply_markup: q.keyboard });
    return typed;
  }
  if (laporData.today.parse(data)) return q.today;
  if (laporData.otherDay.parse(data)) {
    const others = new InlineKeyboard();
    for (const d of q.window().dates.filter((d) => d !== q.today))
      others.text(`${s.t("weekday", { day: isoWeekday(d) })}, ${s.fmt(d)}`, laporData.date.pack(d)).row();
    await c.reply(
      s.t("lapor-ask-date-other", { earliest: s.fmt(q.window().earliest), days: s.policy.backdateWorkingDays }),
      { reply_markup: others },
    );
    return undefined;
  }
  const [pressed] = laporData.date.parse(data) ?? [];
  if (pressed === undefined) await c.reply(s.t("lapor-use-buttons"));
  return pressed;
}

/** Whether the date may be reported: not in the future, not too far back, and a day off only if confirmed. */
async function acceptDate(s: Step, q: DateQuestion, c: Context, chosen: string): Promise<boolean> {
  const { t, fmt, policy } = s;
  const verdict = checkReportDate(chosen, q.today, q.calendar, policy.backdateWorkingDays);
  if (verdict === "future") {
    await c.reply(t("lapor-date-future", { today: fmt(q.today) }), { reply_markup: q.keyboard });
    return false;
  }
  if (verdict === "too-old") {
    await c.reply(t("lapor-date-too-old", { earliest: fmt(q.window().earliest), days: policy.backdateWorkingDays }), {
      reply_markup: q.keyboard,
    });
    return false;
  }
  const off = dayOff(chosen, q.calendar);
  if (!off) return true;
  const reason =
    off.kind === "holiday" ? off.name : off.kind === "leave" ? t(`leave-${off.leave}`) : t("day-off-weekend");
  await c.reply(t("lapor-date-day-off", { date: fmt(chosen), reason }), {
    reply_markup: new InlineKeyboard()
      .text(t("button-yes-continue"), laporData.dayOff.pack("yes"))
      .text(t("lapor-button-other-date"), laporData.dayOff.pack("no")),
  });
  if (await s.confirm(laporData.dayOff)) return true;
  await s.ctx.reply(t("lapor-ask-date", { today: fmt(q.today) }), { reply_markup: q.keyboard });
  return false;
}
