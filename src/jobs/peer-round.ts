import { openRequests } from "../domain/peer/requests.ts";
import { inRoundWindow } from "../domain/peer/rules.ts";
import { loadFeedbackPolicy } from "../domain/policy/load.ts";
import { periodOf } from "../domain/skp/periods.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";

/**
 * The peer-feedback round (docs/domain.md, "Peer feedback"): every day of the last *policy*
 * `feedback.peer.windowDays` days of a period, each active, linked employee of the unit is given
 * requests up to *policy* `feedback.peer.colleagues`, by rotation, and told through the outbox.
 * Requests are unique per period, giver and receiver and only topped up, so a re-run, or the next
 * day of the window, opens and sends nothing twice; a newcomer gets theirs on the next day.
 */
export async function peerRound(ctx: JobContext): Promise<JobOutcome> {
  const { peer } = await loadFeedbackPolicy(ctx.db, ctx.logger);
  if (!inRoundWindow(ctx.localDate, ctx.ratingPeriod, peer.windowDays))
    return { status: "SKIPPED", details: { reason: "outside-window" } };
  const givers = await ctx.db.employee.findMany({
    where: { unitId: ctx.unit.id, active: true, telegramId: { not: null } },
    select: { id: true },
  });
  const period = periodOf(ctx.localDate, ctx.ratingPeriod);
  const opened = await openRequests(ctx.db, {
    giverIds: givers.map((g) => g.id),
    period,
    policy: peer,
    source: "round",
    now: ctx.queuedAt,
  });
  return { status: "DONE", details: { period: `${period.year}-${period.code}`, givers: givers.length, opened } };
}
