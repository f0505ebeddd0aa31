import type { Db } from "../../db/client.ts";
import { Prisma, type CalibrationFlag } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { evaluationAuthority } from "../evaluation/authority.ts";
import { reopenIn, snapshot } from "../evaluation/finalise.ts";
import { enqueueNotice, type Rendered } from "../outbox.ts";
import type { Reviewer } from "../review/check.ts";

/**
 * A calibration flag (docs/domain.md, "Calibration"): a team member challenges a finalised rating
 * with a reason; the evaluation's supervisor keeps it (with a justification) or amends it (the
 * evaluation reopens for them); the member closes the flag. Every step is one transaction with its
 * audit row and its notice; the rated employee sees none of it, only a new outcome if there is one.
 */

export const REASON_MIN_CHARS = 10;
export const REASON_MAX_CHARS = 1000;

const actor = (telegramId: bigint) => `telegram:${telegramId}`;

export type RaiseOutcome = { kind: "raised"; flag: CalibrationFlag } | { kind: "not-final" } | { kind: "already-open" };

/** The caller has checked scope and conflict of interest (`evaluationAccess`). */
export async function raiseFlag(
  db: Db,
  input: {
    evaluationId: number;
    member: { employeeId: number; telegramId: bigint };
    reason: string;
    now: Date;
    notice(flag: CalibrationFlag, recipient: { language: string }, employeeName: string): Rendered;
  },
): Promise<RaiseOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const evaluation = await tx.evaluation.findUnique({
        where: { id: input.evaluationId },
        include: { evaluator: true, employee: { include: { supervisor: true } } },
      });
      if (evaluation?.status !== "FINALISED") return { kind: "not-final" };
      const flag = await tx.calibrationFlag.create({
        data: {
          evaluationId: evaluation.id,
          memberId: input.member.employeeId,
          reason: input.reason,
          before: snapshot(evaluation) as Prisma.InputJsonValue,
          createdAt: input.now,
        },
      });
      await recordAudit(tx, {
        actor: actor(input.member.telegramId),
        action: "calibration.flag",
        entity: "CalibrationFlag",
        entityId: flag.id,
        after: { status: flag.status, reason: flag.reason, evaluationId: evaluation.id },
        at: input.now,
      });
      const supervisor = evaluation.evaluator ?? evaluation.employee.supervisor;
      if (supervisor?.telegramId) {
        await enqueueNotice(tx, {
          kind: "calibration-flag",
          recordId: flag.id,
          chatId: supervisor.telegramId,
          message: input.notice(flag, supervisor, evaluation.employee.name),
          now: input.now,
        });
      }
      return { kind: "raised", flag };
    });
  } catch (error) {
    // The partial unique index allows one flag per evaluation that is not closed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { kind: "already-open" };
    throw error;
  }
}

export type AnswerOutcome =
  | { kind: "done"; flag: CalibrationFlag; employeeName: string; employeeId: number; period: string; year: number }
  | { kind: "unknown" }
  | { kind: "denied" }
  | { kind: "answered" }
  | { kind: "not-final" };

/** The flag, if the presser may answer it: the evaluation's supervisor, their delegate, or an admin. */
async function answerable(db: Db | Prisma.TransactionClient, flagId: number, by: Reviewer, now: Date) {
  const flag = await db.calibrationFlag.findUnique({
    where: { id: flagId },
    include: { member: true, evaluation: { include: { employee: { include: { unit: true } } } } },
  });
  if (!flag) return { kind: "unknown" as const };
  const authority = await evaluationAuthority(db, by, flag.evaluation.employee, now);
  if (authority.kind === "denied") return { kind: "denied" as const };
  if (flag.status !== "OPEN") return { kind: "answered" as const };
  // An admin reopened the evaluation meanwhile: the flag waits for it to be final again.
  if (flag.evaluation.status !== "FINALISED") return { kind: "not-final" as const };
  return { kind: "ok" as const, flag };
}

/**
 * Answers the flag, if the presser may and it is still OPEN, with `answer` (its new status and
 * what goes with it) at `now`. A flag answered meanwhile by someone else stays as they left it.
 */
async function answerOpenFlag(
  tx: Prisma.TransactionClient,
  input: { flagId: number; by: Reviewer; now: Date },
  answer: { status: "KEPT" | "AMENDING"; justification?: string },
) {
  const found = await answerable(tx, input.flagId, input.by, input.now);
  if (found.kind !== "ok") return found;
  const { count } = await tx.calibrationFlag.updateMany({
    where: { id: found.flag.id, status: "OPEN" },
    data: { ...answer, answeredAt: input.now },
  });
  return count === 1 ? found : { kind: "answered" as const };
}

/** Whether the presser may answer the flag, before asking them for a justification. */
export async function mayAnswerFlag(db: Db, flagId: number, by: Reviewer, now: Date) {
  return (await answerable(db, flagId, by, now)).kind;
}

/** The supervisor keeps the rating: the flag is KEPT with the justification, and the member is told. */
export async function keepRating(
  db: Db,
  input: {
    flagId: number;
    by: Reviewer;
    justification: string;
    now: Date;
    notice(flag: CalibrationFlag, member: { language: string }, employeeName: string): Rendered;
  },
): Promise<AnswerOutcome> {
  return db.$transaction(async (tx) => {
    const answered = await answerOpenFlag(tx, input, { status: "KEPT", justification: input.justification });
    if (answered.kind !== "ok") return { kind: answered.kind };
    const { flag } = answered;
    const kept = await tx.calibrationFlag.findUniqueOrThrow({ where: { id: flag.id } });
    await recordAudit(tx, {
      actor: actor(input.by.telegramId),
      action: "calibration.keep",
      entity: "CalibrationFlag",
      entityId: flag.id,
      before: { status: "OPEN" },
      after: { status: "KEPT", justification: input.justification },
      at: input.now,
    });
    const employee = flag.evaluation.employee;
    if (flag.member.telegramId !== null) {
      await enqueueNotice(tx, {
        kind: "calibration-kept",
        recordId: flag.id,
        chatId: flag.member.telegramId,
        message: input.notice(kept, flag.member, employee.name),
        now: input.now,
      });
    }
    return done(kept, flag.evaluation);
  });
}

/** The supervisor amends: the flag is AMENDING and the evaluation reopens as a draft for them. */
export async function amendRating(db: Db, input: { flagId: number; by: Reviewer; now: Date }): Promise<AnswerOutcome> {
  return db.$transaction(async (tx) => {
    const answered = await answerOpenFlag(tx, input, { status: "AMENDING" });
    if (answered.kind !== "ok") return { kind: answered.kind };
    const { flag } = answered;
    if (!(await reopenIn(tx, { id: flag.evaluationId, admin: input.by, now: input.now }))) {
      throw new Error(`evaluation ${flag.evaluationId} of flag ${flag.id} could not be reopened`);
    }
    await recordAudit(tx, {
      actor: actor(input.by.telegramId),
      action: "calibration.amend",
      entity: "CalibrationFlag",
      entityId: flag.id,
      before: { status: "OPEN" },
      after: { status: "AMENDING" },
      at: input.now,
    });
    return done({ ...flag, status: "AMENDING" }, flag.evaluation);
  });
}

const done = (
  flag: CalibrationFlag,
  evaluation: { employeeId: number; period: string; year: number; employee: { name: string } },
) =>
  ({
    kind: "done",
    flag,
    employeeName: evaluation.employee.name,
    employeeId: evaluation.employeeId,
    period: evaluation.period,
    year: evaluation.year,
  }) as const;

export type CloseOutcome = { kind: "closed" } | { kind: "unknown" } | { kind: "not-yours" } | { kind: "pending" };

/** Only the member who raised the flag closes it, once the supervisor has kept or amended the rating. */
export async function closeFlag(
  db: Db,
  input: { flagId: number; memberId: number | undefined; telegramId: bigint; now: Date },
): Promise<CloseOutcome> {
  return db.$transaction(async (tx) => {
    const flag = await tx.calibrationFlag.findUnique({ where: { id: input.flagId } });
    if (!flag) return { kind: "unknown" };
    if (flag.memberId !== input.memberId) return { kind: "not-yours" };
    if (flag.status === "AMENDING") return { kind: "pending" };
    const { count } = await tx.calibrationFlag.updateMany({
      where: { id: flag.id, status: { in: ["OPEN", "KEPT", "AMENDED"] } },
      data: { status: "CLOSED", closedAt: input.now },
    });
    if (count !== 1) return { kind: "closed" };
    await recordAudit(tx, {
      actor: actor(input.telegramId),
      action: "calibration.close",
      entity: "CalibrationFlag",
      entityId: flag.id,
      before: { status: flag.status },
      after: { status: "CLOSED" },
      at: input.now,
    });
    return { kind: "closed" };
  });
}

/** The flags of one evaluation that are not closed (at most one), for /evaluasi and /kalibrasi. */
/**
 * Why the evaluation cannot be flagged now, checked before the member types a reason of up to
 * 1,000 characters (`raiseFlag` checks again, in its transaction); undefined when it can.
 */
export async function flagRefusal(db: Db, evaluationId: number): Promise<"not-final" | "already-open" | undefined> {
  const evaluation = await db.evaluation.findUnique({ where: { id: evaluationId }, select: { status: true } });
  if (evaluation?.status !== "FINALISED") return "not-final";
  return (await openFlagOf(db, evaluationId)) ? "already-open" : undefined;
}

export function openFlagOf(db: Db, evaluationId: number) {
  return db.calibrationFlag.findFirst({
    where: { evaluationId, status: { not: "CLOSED" } },
    include: { member: { select: { name: true } } },
  });
}
