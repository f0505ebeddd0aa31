import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.ts";
import type { Db } from "../../db/client.ts";
import { lastClosedRecap } from "../../domain/oversight/recap.ts";
import { awardLine, coachingLine } from "../../domain/oversight/recap-words.ts";
import { scopeUnits } from "../../domain/oversight/scope.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import type { Clock } from "../../lib/clock.ts";
import { MESSAGE_MAX, shorten } from "../../lib/telegram-limits.ts";
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
    for (const c of result.coaching) lines.push(coachingLine(ctx.t.bind(ctx), c));
    return ctx.reply(shorten(lines.join("\n"), MESSAGE_MAX));
  });
  return feature;
}
