import { InlineKeyboard, type CommandContext } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import { isLinked } from "../../bot/filters.ts";
import { negotiateLocale } from "../../bot/i18n.ts";
import type { DayOff } from "../../domain/calendar.ts";
import { teamToday, type TeamMemberToday } from "../../domain/review/team.ts";
import { formatLocalDate, localDate } from "../../lib/time.ts";
import { feedbackData } from "../feedback/callback-data.ts";
import type { PrivateContext, ReviewDependencies } from "./decide.ts";

/** Why a member has today off, in the reader's language. */
function offReason(ctx: BotContext, off: DayOff): string {
  if (off.kind === "holiday") return off.name;
  if (off.kind === "leave") return ctx.t(`team-off-leave-${off.leave}`);
  return ctx.t("team-off-weekend");
}

const offLine = (ctx: BotContext, m: TeamMemberToday & { off: DayOff }) =>
  `• ${m.name}: ${offReason(ctx, m.off)}${m.reports ? ` (${m.reports})` : ""}`;

/** `/tim`: who of my team reported today, who did not, and who has the day off. */
export const team = (deps: ReviewDependencies) => async (ctx: CommandContext<PrivateContext>) => {
  // An admin without an employee record has no team.
  if (!isLinked(ctx)) return ctx.reply(ctx.t("approvals-not-reviewer"));
  const me = ctx.employee;
  const now = deps.clock.now();
  const { members, waiting } = await teamToday(deps.db, { employeeId: me.id, timeZone: me.timeZone }, now);
  if (members.length === 0) return ctx.reply(ctx.t("approvals-not-reviewer"));
  const reported = members.filter((m) => !m.off && m.reports > 0).map((m) => `• ${m.name} (${m.reports})`);
  const missing = members.filter((m) => !m.off && m.reports === 0).map((m) => `• ${m.name}`);
  const off = members.filter((m): m is TeamMemberToday & { off: DayOff } => !!m.off).map((m) => offLine(ctx, m));
  const section = (title: string, lines: string[]) =>
    `${title}\n${lines.length ? lines.join("\n") : ctx.t("team-none")}`;
  const text = [
    ctx.t("team-header", { date: formatLocalDate(localDate(now, me.timeZone), negotiateLocale(ctx)) }),
    section(ctx.t("team-reported"), reported),
    section(ctx.t("team-missing"), missing),
    ...(off.length ? [section(ctx.t("team-off"), off)] : []),
    ctx.t("team-waiting", { count: waiting }),
  ].join("\n\n");
  // Continuous feedback to any direct report from here (a delegate's people are not theirs to coach).
  const keyboard = new InlineKeyboard();
  for (const m of members.filter((m) => m.supervisorId === me.id).slice(0, 50))
    keyboard
      .text(`${ctx.t("feedback-button")} ${m.name}`.slice(0, 60), feedbackData.subordinate.pack(m.employeeId))
      .row();
  return ctx.reply(text, { reply_markup: keyboard });
};
