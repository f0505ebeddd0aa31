import type { Db } from "../../db/client.ts";
import { loadFeedbackPolicy } from "../policy/load.ts";
import {
  DEFAULT_MIN_PEER_RESPONDENTS,
  summarisePeerFeedback,
  type BerakhlakValue,
  type PeerFeedbackSummary,
  type Rating,
} from "../../scoring/index.ts";

/**
 * Every read of peer feedback for the rated employee, their supervisor or another feature goes
 * through here, and through `summarisePeerFeedback`: below the policy's minimum of distinct
 * colleagues nothing is returned, not even how many answered (docs/domain.md, "Peer feedback").
 * Only answered requests count, and a "tidak tahu" counts for no value. No giver is ever read:
 * the request's id stands for its giver, since a giver has one request per colleague and period.
 */

export interface PeerPeriod {
  year: number;
  code: string;
}

/**
 * The summary of each employee for the period (null: fewer than the minimum answered): *policy*
 * `feedback.peer.minRespondents` unless given, and never fewer than 3 whatever the caller asks.
 */
export async function peerSummaries(
  db: Db,
  employeeIds: readonly number[],
  period: PeerPeriod,
  minRespondents?: number,
): Promise<Map<number, PeerFeedbackSummary | null>> {
  const min = Math.max(
    DEFAULT_MIN_PEER_RESPONDENTS,
    minRespondents ?? (await loadFeedbackPolicy(db)).peer.minRespondents,
  );
  const rows = await db.peerAnswer.findMany({
    where: {
      rating: { not: null },
      request: {
        receiverId: { in: [...employeeIds] },
        year: period.year,
        period: period.code,
        answeredAt: { not: null },
      },
    },
    select: { requestId: true, value: true, rating: true, request: { select: { receiverId: true } } },
  });
  const items = new Map<number, Array<{ giverId: number; value: BerakhlakValue; rating: Rating }>>();
  for (const row of rows) {
    const list = items.get(row.request.receiverId) ?? [];
    list.push({ giverId: row.requestId, value: row.value as BerakhlakValue, rating: row.rating! });
    items.set(row.request.receiverId, list);
  }
  return new Map(employeeIds.map((id) => [id, summarisePeerFeedback(items.get(id) ?? [], min)]));
}

export async function peerSummary(db: Db, employeeId: number, period: PeerPeriod, minRespondents: number) {
  return (await peerSummaries(db, [employeeId], period, minRespondents)).get(employeeId) ?? null;
}

export interface PeerView {
  summary: PeerFeedbackSummary;
  /** The notes, without names, in alphabetical order so they do not tell the order of giving. */
  notes: string[];
}

/** What a reader is shown: the summary and, when `withNotes`, the notes; undefined below the minimum. */
export async function peerView(
  db: Db,
  employeeId: number,
  period: PeerPeriod,
  policy: { minRespondents: number },
  withNotes: boolean,
): Promise<PeerView | undefined> {
  const summary = await peerSummary(db, employeeId, period, policy.minRespondents);
  if (!summary) return undefined;
  if (!withNotes) return { summary, notes: [] };
  const rows = await db.peerRequest.findMany({
    where: {
      receiverId: employeeId,
      year: period.year,
      period: period.code,
      answeredAt: { not: null },
      note: { not: null },
      // A colleague who answered "tidak tahu" to all seven is no respondent, and their note is not
      // shown: notes from more colleagues than the count would tell who is behind one.
      answers: { some: { rating: { not: null } } },
    },
    select: { note: true },
  });
  const notes = rows.map((r) => r.note!).sort((a, b) => a.localeCompare(b, "id"));
  return { summary, notes };
}
