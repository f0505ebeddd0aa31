import { enqueueComplaintEscalations } from "../domain/complaints/escalation.ts";
import type { JobContext, JobOutcome } from "./job-context.ts";

/** The unit's overdue complaints: their recipients reminded, the heads' supervisors told, once each. */
export async function complaintEscalation(ctx: JobContext): Promise<JobOutcome> {
  const queued = await enqueueComplaintEscalations(ctx.db, ctx.now, { queuedAt: ctx.queuedAt, unitId: ctx.unit.id });
  return { status: "DONE", details: { queued } };
}
