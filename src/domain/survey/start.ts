import type { Db } from "../../db/client.ts";
import { localDate } from "../../lib/time.ts";
import type { FeedbackPolicy } from "../policy/sections.ts";
import { isPublicCode } from "../counters/public-code.ts";
import { respondentHash } from "./respondent.ts";
import { loadSurveyState, type SurveyState } from "./state.ts";

export type StartOutcome =
  | { kind: "unknown" }
  | { kind: "throttled-counter" }
  | { kind: "throttled-day" }
  | { kind: "started" | "resumed"; state: SurveyState };

export interface StartInput {
  publicCode: string;
  telegramId: bigint;
  locale: string;
  now: Date;
  policy: Pick<FeedbackPolicy, "surveyPerCounterPerDay" | "surveyPerDay" | "burstResponses" | "burstMinutes">;
}

/**
 * Opens a survey of a counter for a citizen, or continues the one they left today. Throttled per
 * account (policy): so many responses per counter per local day, so many per day overall.
 */
export async function startSurvey(db: Db, input: StartInput): Promise<StartOutcome> {
  if (!isPublicCode(input.publicCode)) return { kind: "unknown" };
  const counter = await db.serviceCounter.findUnique({
    where: { publicCode: input.publicCode },
    select: { id: true, unitId: true },
  });
  if (!counter) return { kind: "unknown" };
  const unit = await db.unit.findUniqueOrThrow({ where: { id: counter.unitId }, select: { timeZone: true } });
  const hash = await respondentHash(db, input.telegramId);
  const day = new Date(`${localDate(input.now, unit.timeZone)}T00:00:00Z`);

  const today = await db.surveyResponse.findMany({
    where: { respondentHash: hash, day },
    select: { id: true, counterId: true, step: true },
  });
  const open = today.find((r) => r.counterId === counter.id && r.step !== "done");
  if (open) return { kind: "resumed", state: await loadSurveyState(db, open.id) };
  if (today.length >= input.policy.surveyPerDay) return { kind: "throttled-day" };
  const here = today.filter((r) => r.counterId === counter.id).length;
  if (here >= input.policy.surveyPerCounterPerDay) return { kind: "throttled-counter" };

  const id = await db.$transaction(async (tx) => {
    const created = await tx.surveyResponse.create({
      // The clock's time, not the database's: the burst window below is measured on the same clock.
      data: {
        counterId: counter.id,
        respondentHash: hash,
        day,
        seq: here + 1,
        locale: input.locale,
        step: "e1",
        createdAt: input.now,
      },
      select: { id: true },
    });
    await flagBurst(tx, counter.id, input.now, input.policy);
    return created.id;
  });
  return { kind: "started", state: await loadSurveyState(db, id) };
}

/** Two-key advisory lock space of the burst check (the second key is the counter's id). */
const BURST_LOCK = 0x534b4d; // "SKM"

/**
 * Many first-time respondents to one counter within minutes look like a campaign, not customers:
 * their responses are flagged (shown beside the unit's figures), never refused. "First-time": the
 * account answered no survey before the window. Starts at one counter take turns here (a lock per
 * counter until the transaction ends), so concurrent ones never flag the same rows in two orders.
 */
async function flagBurst(
  tx: Pick<Db, "$executeRaw" | "$queryRaw">,
  counterId: number,
  now: Date,
  policy: Pick<FeedbackPolicy, "burstResponses" | "burstMinutes">,
) {
  const since = new Date(now.getTime() - policy.burstMinutes * 60_000);
  await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${BURST_LOCK}::int, ${counterId}::int)`;
  await tx.$executeRaw`
    WITH fresh AS (
      SELECT r."id", r."flagged" FROM "SurveyResponse" r
      WHERE r."counterId" = ${counterId} AND r."createdAt" >= ${since}
        AND NOT EXISTS (SELECT 1 FROM "SurveyResponse" o
                        WHERE o."respondentHash" = r."respondentHash" AND o."createdAt" < ${since}))
    UPDATE "SurveyResponse" SET "flagged" = true
    WHERE "id" IN (SELECT "id" FROM fresh WHERE NOT "flagged") AND (SELECT count(*) FROM fresh) >= ${policy.burstResponses}`;
}
