import { addDays } from "../calendar.ts";
import { periodCloses, parsePeriodKey, previousPeriod } from "../evaluation/periods.ts";
import type { DeadlinePolicy } from "../policy/sections.ts";
import { periodOf, type EvaluationPeriodKind, type Period } from "../skp/periods.ts";

/**
 * Who may rate whom through peer feedback, and when (docs/domain.md, "Peer feedback"). Pure: the
 * callers load the people from the database on every press, so nothing is taken from button data.
 */

export interface PeerPerson {
  id: number;
  unitId: number;
  supervisorId: number | null;
  active: boolean;
}

/** Longest note a colleague may add. */
export const PEER_NOTE_MAX_CHARS = 500;

/**
 * A colleague of the same unit, never oneself, never one's own direct subordinate (the supervisor
 * rates them directly and sees the aggregate, so their own answer would weaken its anonymity), and
 * one's own direct supervisor only when upward feedback is on (then whatever their unit).
 */
export function mayRate(giver: PeerPerson, receiver: PeerPerson, upward: boolean): boolean {
  if (!giver.active || !receiver.active || giver.id === receiver.id) return false;
  if (receiver.supervisorId === giver.id) return false;
  if (giver.supervisorId === receiver.id) return upward;
  return giver.unitId === receiver.unitId;
}

/** Whether `today` is in the last `windowDays` days of its evaluation period: the round's window. */
export function inRoundWindow(today: string, kind: EvaluationPeriodKind, windowDays: number): boolean {
  return today >= addDays(periodOf(today, kind).to, -(windowDays - 1));
}

/**
 * A request may be answered until its period's evaluation closes (the deadlines policy), so a
 * supervisor who asks while rating still gets answers in time.
 */
export function requestOpen(
  request: { year: number; period: string; answeredAt: Date | null },
  today: string,
  deadlines: DeadlinePolicy,
): boolean {
  const period = requestPeriod(request);
  return request.answeredAt === null && period !== undefined && today <= periodCloses(period, deadlines);
}

export const requestPeriod = (request: { year: number; period: string }): Period | undefined =>
  parsePeriodKey(`${request.year}-${request.period}`);

/**
 * The period a supervisor's `/rekan minta` asks about: the one just ended while its evaluation is
 * still open (they are rating it, and its requests may be answered until then), else the current one.
 */
export function periodToAsk(today: string, kind: EvaluationPeriodKind, deadlines: DeadlinePolicy): Period {
  const ended = previousPeriod(today, kind);
  return today <= periodCloses(ended, deadlines) ? ended : periodOf(today, kind);
}

/**
 * The latest period whose peer answers are closed, the one the rated employee is shown. Earlier,
 * while answers still arrive, watching the counts move from 3 to 4 would tell them what the fourth
 * colleague said (and who, if they know who just answered).
 */
export function lastClosedPeerPeriod(today: string, kind: EvaluationPeriodKind, deadlines: DeadlinePolicy): Period {
  const ended = previousPeriod(today, kind);
  return today > periodCloses(ended, deadlines) ? ended : previousPeriod(ended.from, kind);
}
