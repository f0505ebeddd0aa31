import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Clock } from "../lib/clock.ts";
import { SURVEY_OPEN_KEY_PREFIX } from "../domain/survey/respondent.ts";
import { deleteKeyValue, readKeyValue, takeKeyValueRow } from "./storage.ts";

/**
 * "Ask for a typed answer": a button asks a question (a revision note, a feedback text) and the
 * person's next text is the answer. The question is a KeyValue row per Telegram account, so it
 * survives a restart and is seen by every instance; it expires after `ttlMs`. `identify` reads
 * the rows of every pending answer with the sender (PENDING_ANSWER_KEYS), so a text that answers
 * nothing costs no extra statement. One question waits per person: asking one drops any other.
 * Multi-step flows (/lapor) use the conversations plugin
 * instead (docs/architecture.md, "Asking the user").
 */
export interface PendingAnswer<T> {
  key(telegramId: number | bigint): string;
  ask(ctx: PendingAnswerContext, question: T): Promise<void>;
  /** The question waiting for this person's answer, if any (and not expired). */
  read(ctx: PendingAnswerContext): Promise<T | undefined>;
  /** Drops the question; says whether there was one. */
  clear(ctx: PendingAnswerContext): Promise<boolean>;
  /** Drops the question in the caller's transaction: the answer and its question go together. */
  clearIn(tx: Pick<Prisma.TransactionClient, "keyValue">, ctx: PendingAnswerContext): Promise<void>;
}

export type PendingAnswerContext = { from?: { id: number } };

interface PendingAnswerKind {
  /** The KeyValue key prefix; the row is `<prefix>:<telegram id>`. */
  prefix: string;
  ttlMs: number;
}

/** The pending answers the bot knows; identify prefetches each for the sender. */
export const PENDING_ANSWER_KINDS = {
  /** A revision note or rejection reason a supervisor is being asked for (src/handlers/review). */
  reviewNote: { prefix: "review-pending", ttlMs: 24 * 3600_000 },
  /** A typed answer (feedback, behaviour score) an evaluator is being asked for (src/handlers/evaluation). */
  evaluationAnswer: { prefix: "evaluation-ask", ttlMs: 24 * 3600_000 },
  /** A continuous-feedback note or the employee's reply to one (src/handlers/feedback). */
  feedbackText: { prefix: "feedback-ask", ttlMs: 24 * 3600_000 },
  /** A flag's reason or a supervisor's justification for keeping a rating (src/handlers/calibration). */
  calibrationText: { prefix: "calibration-ask", ttlMs: 24 * 3600_000 },
  /** A citizen's open survey: their next message answers it or is asked again (src/handlers/survey). */
  surveyOpen: { prefix: SURVEY_OPEN_KEY_PREFIX, ttlMs: 30 * 60_000 },
  /** A complaint's follow-up note a head is being asked for (src/handlers/complaint). */
  complaintNote: { prefix: "complaint-note", ttlMs: 24 * 3600_000 },
  /** The optional note after a peer-feedback answer (src/handlers/peer). */
  peerNote: { prefix: "peer-note", ttlMs: 24 * 3600_000 },
} as const satisfies Record<string, PendingAnswerKind>;

export type PendingAnswerName = keyof typeof PENDING_ANSWER_KINDS;

export const pendingAnswerKey = (name: PendingAnswerName, telegramId: number | bigint) =>
  `${PENDING_ANSWER_KINDS[name].prefix}:${telegramId}`;

export function pendingAnswer<T extends object>(
  name: PendingAnswerName,
  deps: { db: Db; clock: Clock },
): PendingAnswer<T> {
  const { ttlMs } = PENDING_ANSWER_KINDS[name];
  const key = (telegramId: number | bigint) => pendingAnswerKey(name, telegramId);
  const senderKey = (ctx: PendingAnswerContext) => {
    if (!ctx.from) throw new Error("a pending answer needs a sender");
    return key(ctx.from.id);
  };
  return {
    key,
    async ask(ctx, question) {
      const k = senderKey(ctx);
      // The next text answers this question, the last one asked: any other question waiting for
      // this person is dropped, or whichever feature comes first in the bot would take the text.
      const others = (Object.keys(PENDING_ANSWER_KINDS) as PendingAnswerName[])
        .filter((other) => other !== name)
        .map((other) => pendingAnswerKey(other, ctx.from!.id));
      const expiresAt = new Date(deps.clock.now().getTime() + ttlMs);
      for (const stale of [k, ...others]) takeKeyValueRow(ctx, stale); // what identify read is out of date
      await deps.db.$transaction([
        deps.db.keyValue.deleteMany({ where: { key: { in: others } } }),
        deps.db.keyValue.upsert({
          where: { key: k },
          create: { key: k, value: { ...question }, expiresAt },
          update: { value: { ...question }, expiresAt },
        }),
      ]);
    },
    read: (ctx) => readKeyValue<T>(deps.db, deps.clock, ctx, senderKey(ctx)),
    clear: (ctx) => deleteKeyValue(deps.db, ctx, senderKey(ctx)),
    async clearIn(tx, ctx) {
      const k = senderKey(ctx);
      takeKeyValueRow(ctx, k);
      await tx.keyValue.deleteMany({ where: { key: k } });
    },
  };
}
