import { addDays } from "../domain/calendar.ts";
import { enqueueCommandMenus } from "../domain/registration/command-menu.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";

/** How far back an ended delegation is still looked at, so a few days' downtime is made up. */
const CATCH_UP_DAYS = 7;

/**
 * A delegation that ends on its date changes no row, so nothing refreshed its delegate's menu: the
 * supervisor's commands stayed and answered "nothing to decide". Each night the unit's delegates
 * whose delegation ended lately get their menu again; one already right queues nothing.
 */
export async function commandMenus(ctx: JobContext): Promise<JobOutcome> {
  const ended = await ctx.db.delegation.findMany({
    where: {
      delegate: { unitId: ctx.unit.id, active: true, telegramId: { not: null } },
      to: { gte: new Date(addDays(ctx.localDate, -CATCH_UP_DAYS)), lt: new Date(ctx.localDate) },
    },
    select: { delegateId: true },
    distinct: ["delegateId"],
  });
  if (ended.length === 0) return { status: "DONE", details: { queued: 0 } };
  const queued = await enqueueCommandMenus(ctx.db, {
    now: ctx.now,
    queuedAt: ctx.queuedAt,
    employeeIds: ended.map((d) => d.delegateId),
  });
  return { status: "DONE", details: { queued } };
}
