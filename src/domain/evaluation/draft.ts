import type { Db } from "../../db/client.ts";
import { Prisma, type Employee, type Evaluation, type Unit } from "../../generated/prisma/client.ts";
import {
  BERAKHLAK_VALUES,
  behaviourRating,
  type BerakhlakValue,
  type Rating,
  type RatingMode,
} from "../../scoring/index.ts";
import { peerSummary } from "../peer/summary.ts";
import { loadFeedbackPolicy, loadRatingPolicy } from "../policy/load.ts";
import type { Period } from "../skp/periods.ts";
import { evaluationAuthority, type EvaluationAuthority, type Evaluator } from "./authority.ts";
import { evaluationFacts, realisationSnapshot, type EvaluationFacts } from "./facts.ts";

/**
 * Periodic performance evaluation (docs/domain.md, "Rating"): a supervisor rates each subordinate
 * per period, with the realisation and a suggested work-result rating in front of them. A DRAFT
 * keeps the answers so far (so nothing is lost on a restart); FINALISED is immutable except by an
 * admin, who reopens it, and the audit log keeps the values before and after.
 */

export const FEEDBACK_MIN_CHARS = 10;
export const FEEDBACK_MAX_CHARS = 1000;

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The employee's evaluation for the period: created as a DRAFT on first opening; a DRAFT's suggestion,
 * realisation and peer input are refreshed (reports may have been approved, colleagues may have
 * answered since); a FINALISED one is returned as is.
 */
export async function openEvaluation(
  db: Db,
  input: { employeeId: number; facts: EvaluationFacts; mode: RatingMode; peerInput?: boolean },
): Promise<Evaluation> {
  const { period } = input.facts;
  const key = { employeeId_year_period: { employeeId: input.employeeId, year: period.year, period: period.code } };
  const fresh = {
    suggestedResults: input.facts.suggestion,
    realisation: realisationSnapshot(input.facts) as Prisma.InputJsonValue,
    peerInput: input.peerInput ?? false,
  };
  const existing = await db.evaluation.findUnique({ where: key });
  if (existing?.status === "FINALISED") return existing;
  if (existing) return db.evaluation.update({ where: { id: existing.id }, data: fresh });
  try {
    return await db.evaluation.create({
      data: {
        employeeId: input.employeeId,
        year: period.year,
        period: period.code,
        periodFrom: asDate(period.from),
        periodTo: asDate(period.to),
        mode: input.mode,
        ...fresh,
      },
    });
  } catch (error) {
    // Two presses at once: the other created it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return db.evaluation.findUniqueOrThrow({ where: key });
    throw error;
  }
}

export type OpenOutcome =
  | { kind: "unknown" }
  | Extract<EvaluationAuthority, { kind: "denied" }>
  | { kind: "opened"; employee: Employee & { unit: Unit }; facts: EvaluationFacts; evaluation: Evaluation };

/** The evaluator opens the employee's evaluation for the period: their authority checked, the facts gathered. */
export async function openEvaluationFor(
  db: Db,
  input: { employeeId: number; period: Period; evaluator: Evaluator; now: Date },
): Promise<OpenOutcome> {
  const employee = await db.employee.findUnique({ where: { id: input.employeeId }, include: { unit: true } });
  if (!employee) return { kind: "unknown" };
  const authority = await evaluationAuthority(db, input.evaluator, employee, input.now);
  if (authority.kind === "denied") return authority;
  const [rating, feedback] = [await loadRatingPolicy(db), await loadFeedbackPolicy(db)];
  const facts = await evaluationFacts(db, employee.id, input.period, rating);
  // 2019 mode: enough colleagues answered makes it 360° input (src/scoring/legacy-final.ts).
  const peers = await peerSummary(db, employee.id, input.period, feedback.peer.minRespondents);
  const evaluation = await openEvaluation(db, {
    employeeId: employee.id,
    facts,
    mode: rating.mode,
    peerInput: peers !== null,
  });
  return { kind: "opened", employee, facts, evaluation };
}

export type EvaluationAnswer = Partial<Pick<Evaluation, "resultsRating" | "behaviourRating" | "feedback">> & {
  behaviourValues?: Partial<Record<BerakhlakValue, Rating>> | null;
  behaviourScore?: number | null;
};

/** Every answer dropped: the draft starts again from the first question. */
export const NO_ANSWERS: EvaluationAnswer = {
  resultsRating: null,
  behaviourRating: null,
  behaviourValues: null,
  behaviourScore: null,
  feedback: null,
};

/** Records answers on a DRAFT at the given version; false when it was finalised or amended meanwhile. */
export async function saveAnswer(
  db: Db,
  id: number,
  version: number,
  answer: EvaluationAnswer,
  /** Writes that stand or fall with the answer (the question it answers dropped, the update recorded). */
  alongside?: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<boolean> {
  const { behaviourValues, behaviourScore, ...rest } = answer;
  const data: Prisma.EvaluationUpdateManyMutationInput = { ...rest };
  if (behaviourValues !== undefined)
    data.behaviourValues = behaviourValues === null ? Prisma.DbNull : (behaviourValues as Prisma.InputJsonValue);
  if (behaviourScore !== undefined) data.behaviourScore = behaviourScore;
  const update = (tx: Pick<Db, "evaluation">) =>
    tx.evaluation.updateMany({ where: { id, version, status: "DRAFT" }, data });
  if (!alongside) return (await update(db)).count === 1;
  return db.$transaction(async (tx) => {
    await alongside(tx);
    return (await update(tx)).count === 1;
  });
}

/** The next BerAKHLAK value still to rate, or undefined when all seven are rated. */
export function nextUnratedValue(values: unknown): BerakhlakValue | undefined {
  const rated = (values ?? {}) as Record<string, unknown>;
  return BERAKHLAK_VALUES.find((v) => !(v in rated));
}

/** One more BerAKHLAK value rated; once all seven are, the overall behaviour rating follows from them. */
export function valueRated(values: unknown, value: BerakhlakValue, rating: Rating): EvaluationAnswer {
  const rated = { ...((values ?? {}) as Record<string, Rating>), [value]: rating };
  const complete = nextUnratedValue(rated) === undefined;
  return { behaviourValues: rated, behaviourRating: complete ? behaviourRating({ perValue: rated }) : null };
}

/** A typed behaviour score (legacy modes): 0–100, at most two decimals after "," or "."; undefined otherwise. */
export function parseBehaviourScore(text: string): number | undefined {
  const score = Number(text.replace(",", "."));
  return /^\d{1,3}([.,]\d{1,2})?$/.test(text) && score >= 0 && score <= 100 ? score : undefined;
}
