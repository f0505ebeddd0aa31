import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { Db } from "../../db/client.ts";
import { lastClosedRecap } from "../../domain/oversight/recap.ts";
import { awardLine, coachingLine } from "../../domain/oversight/recap-words.ts";
import { scopeUnits } from "../../domain/oversight/scope.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Translate } from "../../lib/i18n.ts";
import { MESSAGE_MAX, shorten, visibleLength } from "../../lib/telegram-limits.ts";
import { localDate } from "../../lib/time.ts";

/**
 * `/rekap` [`/recap`]: award candidates and the coaching list of the last closed period, for unit
 * heads, the assessment team and admins, in a private chat only (never a group: docs/domain.md).
 */
export function recapFeature(deps: { db: Db; clock: Clock; config: { defaultTimeZone: string } }) {
  const feature = new Composer<BotContext>();
  feature.chatType("private").command(["rekap", "recap"], async (ctx) => {
    const viewer = { employeeId: ctx.employee?.id, isAdmin: ctx.isAdmin };
    const unitIds = await scopeUnits(deps.db, viewer, "recap");
    if (!unitIds) return ctx.reply(ctx.t("recap-not-allowed"));
    const today = localDate(deps.clock.now(), ctx.employee?.timeZone ?? deps.config.defaultTimeZone);
    const { period, awardCount, ...result } = await lastClosedRecap(deps.db, unitIds, today);
    const locale = ctx.employee?.language ?? "id";
    const lines = [ctx.t("recap-header", { period: periodLabel(ctx.t.bind(ctx), period, locale) }), ""];
    lines.push(ctx.t("recap-awards", { count: awardCount }));
    if (result.awards.length === 0) lines.push(ctx.t("recap-none"));
    result.awards.forEach((a, i) => lines.push(awardLine(ctx.t.bind(ctx), a, i + 1)));
    lines.push("", ctx.t("recap-coaching"));
    if (result.coaching.length === 0) lines.push(ctx.t("recap-none"));
    const coaching = result.coaching.map((c) => coachingLine(ctx.t.bind(ctx), c));
    return ctx.reply(shorten(withinOneMessage(ctx.t.bind(ctx), lines, coaching), MESSAGE_MAX));
  });
  return feature;
}

/**
 * The lines, then as many of the list's as fit in one message, whole, and how many more there are:
 * a big unit's coaching list runs to hundreds (the dashboard pages it).
 */
function withinOneMessage(t: Translate, lines: string[], list: string[]): string {
  const out = [...lines];
  let length = visibleLength(out.join("\n"));
  const more = (count: number) => (count === 0 ? 0 : visibleLength(`\n${t("recap-more", { count })}`));
  for (const [index, line] of list.entries()) {
    const size = visibleLength(`\n${line}`);
    // Room for this line and, should the next one not fit, for the count of those left after it.
    if (length + size + more(list.length - index - 1) > MESSAGE_MAX) {
      out.push(t("recap-more", { count: list.length - index }));
      break;
    }
    out.push(line);
    length += size;
  }
  return out.join("\n");
}
