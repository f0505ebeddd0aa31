import type { Db } from "../../db/client.ts";
import type { Evaluation, Prisma, ReviewerRole } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { enqueueMessage } from "../outbox.ts";
import type { Reviewer } from "../review/check.ts";
import type { Evaluator } from "./authority.ts";
import { settleAmendment } from "../oversight/settle.ts";
import { decimalOrNull, resultOf } from "./result.ts";

/** The outbox key of the employee's notice that an evaluation (at this version) is final. */
export const evaluationNoticeKey = (evaluationId: number, version: number) =>
  `evaluation-final:${evaluationId}:${version}`;

/** The values an audit row records for an evaluation. */
export function snapshot(e: Evaluation) {
  return {
    status: e.status,
    resultsRating: e.resultsRating,
    behaviourRating: e.behaviourRating,
    behaviourValues: e.behaviourValues,
    behaviourScore: decimalOrNull(e.behaviourScore),
    skpScore: decimalOrNull(e.skpScore),
    finalScore: decimalOrNull(e.finalScore),
    band: e.band,
    peerInput: e.peerInput,
    predicate: e.predicate,
    feedback: e.feedback,
    evaluatorId: e.evaluatorId,
    finalisedAt: e.finalisedAt?.toISOString() ?? null,
    version: e.version,
  };
}

export type FinaliseOutcome =
  | { kind: "finalised"; evaluation: Evaluation; amended: boolean }
  | { kind: "already"; by: string }
  | { kind: "incomplete" }
  | { kind: "unknown" };

export interface FinaliseInput {
  id: number;
  version: number;
  evaluator: Evaluator;
  actingAs: ReviewerRole;
  now: Date;
  /** The employee's notice, rendered in their language; queued in the same transaction. */
  notice(evaluation: Evaluation, employee: { name: string; language: string }): string;
}

/**
 * One transaction: the conditional update DRAFT (at this version) → FINALISED with the result, the
 * audit row (with the values before, for an admin's amendment) and the employee's notice. Of two
 * presses at once exactly one matches the row.
 */
export async function finaliseEvaluation(db: Db, input: FinaliseInput): Promise<FinaliseOutcome> {
  return db.$transaction(async (tx) => {
    const row = await tx.evaluation.findUnique({
      where: { id: input.id },
      include: { employee: true, evaluator: true },
    });
    if (!row) return { kind: "unknown" };
    if (row.status === "FINALISED" || row.version !== input.version)
      return { kind: "already", by: row.evaluator?.name ?? "Admin" };
    const result = resultOf(row);
    if (!result) return { kind: "incomplete" };

    const { count } = await tx.evaluation.updateMany({
      where: { id: row.id, version: input.version, status: "DRAFT" },
      data: {
        status: "FINALISED",
        predicate: result.predicate,
        skpScore: result.skpScore,
        finalScore: result.finalScore,
        band: result.band,
        behaviourRating: row.mode === "2022" ? row.behaviourRating : null,
        evaluatorId: input.evaluator.employeeId ?? null,
        evaluatorTelegramId: input.evaluator.telegramId,
        actingAs: input.actingAs,
        finalisedAt: input.now,
      },
    });
    if (count !== 1) return { kind: "already", by: row.evaluator?.name ?? "Admin" };
    const evaluation = await tx.evaluation.findUniqueOrThrow({ where: { id: row.id } });
    const amended = row.amendedFrom !== null;
    await recordAudit(tx, {
      actor: `telegram:${input.evaluator.telegramId}`,
      action: amended ? "evaluation.amend" : "evaluation.finalise",
      entity: "Evaluation",
      entityId: row.id,
      before: amended ? row.amendedFrom : undefined,
      after: snapshot(evaluation),
      details: { employeeNip: row.employee.nip, year: row.year, period: row.period, actingAs: input.actingAs },
      at: input.now,
    });
    if (row.employee.telegramId !== null) {
      await enqueueMessage(tx, {
        dedupeKey: evaluationNoticeKey(row.id, row.version),
        kind: "evaluation-final",
        chatId: row.employee.telegramId,
        method: "sendMessage",
        params: { chat_id: row.employee.telegramId.toString(), text: input.notice(evaluation, row.employee) },
        now: input.now,
      });
    }
    // A rating the assessment team flagged and the supervisor reopened: the flag records the outcome.
    if (amended) await settleAmendment(tx, { evaluation, before: row.amendedFrom, now: input.now });
    return { kind: "finalised", evaluation, amended };
  });
}

/**
 * An admin reopens a finalised evaluation to amend it: it becomes a DRAFT of the next version, keeping
 * the finalised values for the audit log's "before". Only the caller's admin check stands before this.
 */
export async function reopenEvaluation(
  db: Db,
  input: { id: number; admin: Reviewer; now: Date },
): Promise<Evaluation | undefined> {
  return db.$transaction((tx) => reopenIn(tx, input));
}

/**
 * The reopening inside the caller's transaction: also used when a supervisor amends a rating the
 * assessment team flagged (src/domain/oversight/flags.ts), with the supervisor as `admin`.
 */
export async function reopenIn(
  tx: Prisma.TransactionClient,
  input: { id: number; admin: Reviewer; now: Date },
): Promise<Evaluation | undefined> {
  {
    const row = await tx.evaluation.findUnique({ where: { id: input.id } });
    if (!row || row.status !== "FINALISED") return undefined;
    const before = snapshot(row);
    const { count } = await tx.evaluation.updateMany({
      where: { id: row.id, version: row.version, status: "FINALISED" },
      data: { status: "DRAFT", version: row.version + 1, amendedFrom: before as Prisma.InputJsonValue },
    });
    if (count !== 1) return undefined;
    const reopened = await tx.evaluation.findUniqueOrThrow({ where: { id: row.id } });
    await recordAudit(tx, {
      actor: `telegram:${input.admin.telegramId}`,
      action: "evaluation.reopen",
      entity: "Evaluation",
      entityId: row.id,
      before,
      after: snapshot(reopened),
      at: input.now,
    });
    return reopened;
  }
}
