import type { Db } from "../db/client.ts";
import { Prisma, type Evaluation, type ReviewerRole } from "../generated/prisma/client.ts";
import { localDate } from "../lib/time.ts";
import {
  BERAKHLAK_VALUES,
  behaviourRating,
  checkDistribution,
  legacyFinal,
  legacySkpFromIndicators,
  predicateFor,
  suggestResultsRating,
  type BerakhlakValue,
  type DistributionWarning,
  type LegacyIndicator,
  type OrganisationalResult,
  type Predicate,
  type Rating,
  type RatingMode,
} from "../scoring/index.ts";
import { recordAudit } from "./audit.ts";
import { addDays } from "./calendar.ts";
import { enqueueMessage } from "./outbox.ts";
import type { DeadlinePolicy, RatingPolicy } from "./policy.ts";
import { delegatorsOf, type Reviewer } from "./review.ts";
import {
  indicatorStatus,
  loadIndicators,
  loadOutputs,
  periodOf,
  type EvaluationPeriodKind,
  type IndicatorStatus,
  type Period,
} from "./skp-progress.ts";

/**
 * Periodic performance evaluation (SPEC §3 "Rating"; issue 5): a supervisor rates each subordinate
 * per period, with the realisation and a suggested work-result rating in front of them. A DRAFT
 * keeps the answers so far (so nothing is lost on a restart); FINALISED is immutable except by an
 * admin, who reopens it, and the audit log keeps the values before and after.
 */

// --- periods (pure) ---------------------------------------------------------------------------

export const yearPeriod = (year: number): Period => ({
  code: "YEAR",
  year,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  endMonth: 12,
});

/** The period that ended most recently before `today`. */
export function previousPeriod(today: string, kind: EvaluationPeriodKind): Period {
  return periodOf(addDays(periodOf(today, kind).from, -1), kind);
}

/** The last local date on which the period's evaluation is on time (policy deadlines). */
export function periodCloses(period: Period, deadlines: DeadlinePolicy): string {
  if (period.code === "YEAR") return `${period.year + 1}-${deadlines.annualDue}`;
  const next = addDays(period.to, 1);
  const lastDay = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 0)).getUTCDate();
  return `${next.slice(0, 8)}${String(Math.min(deadlines.periodicCloseDay, lastDay)).padStart(2, "0")}`;
}

/**
 * The periods a supervisor rates on `today`: the period just ended (late ones are still accepted,
 * so no one is left unrated), and in the weeks after a year ends, that year's annual evaluation.
 */
export function periodsToEvaluate(
  today: string,
  rating: Pick<RatingPolicy, "period">,
  deadlines: DeadlinePolicy,
): Period[] {
  const periods = [previousPeriod(today, rating.period)];
  const year = Number(today.slice(0, 4));
  if (today <= periodCloses(yearPeriod(year - 1), deadlines)) periods.push(yearPeriod(year - 1));
  return periods;
}

/** "2026-Q3", "2026-M09", "2025-YEAR": how a period travels in button data. */
export const periodKey = (period: Period) => `${period.year}-${period.code}`;

export function parsePeriodKey(key: string): Period | undefined {
  const match = /^(\d{4})-(Q[1-4]|M(?:0[1-9]|1[0-2])|YEAR)$/.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const code = match[2]!;
  if (code === "YEAR") return yearPeriod(year);
  return periodOf(
    code.startsWith("Q") ? `${year}-${String(Number(code[1]) * 3).padStart(2, "0")}-01` : `${year}-${code.slice(1)}-01`,
    code.startsWith("Q") ? "QUARTER" : "MONTH",
  );
}

// --- who may evaluate -------------------------------------------------------------------------

export type EvaluationAuthority =
  { kind: "allowed"; actingAs: ReviewerRole } | { kind: "denied"; reason: "own" | "not-evaluator" };

/** The employee's current supervisor (pejabat penilai), an active delegate of that supervisor, or an admin. */
export async function evaluationAuthority(
  db: Db | Prisma.TransactionClient,
  evaluator: Reviewer,
  employee: { id: number; supervisorId: number | null; unit: { timeZone: string } },
  now: Date,
): Promise<EvaluationAuthority> {
  if (evaluator.employeeId === employee.id) return { kind: "denied", reason: "own" };
  if (evaluator.employeeId !== undefined && employee.supervisorId !== null) {
    if (evaluator.employeeId === employee.supervisorId) return { kind: "allowed", actingAs: "SUPERVISOR" };
    const today = localDate(now, employee.unit.timeZone);
    if ((await delegatorsOf(db, evaluator.employeeId, today)).includes(employee.supervisorId))
      return { kind: "allowed", actingAs: "DELEGATE" };
  }
  if (evaluator.isAdmin) return { kind: "allowed", actingAs: "ADMIN" };
  return { kind: "denied", reason: "not-evaluator" };
}

export interface Evaluee {
  id: number;
  nip: string;
  name: string;
  position: string;
  unitId: number;
}

/** The active subordinates of the evaluator and of every supervisor they act for today, by name. */
export async function evalueesOf(db: Db, evaluatorId: number, today: string): Promise<Evaluee[]> {
  const supervisors = [evaluatorId, ...(await delegatorsOf(db, evaluatorId, today))];
  return db.employee.findMany({
    where: { supervisorId: { in: supervisors }, active: true, id: { not: evaluatorId } },
    select: { id: true, nip: true, name: true, position: true, unitId: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

// --- the facts in front of the supervisor ------------------------------------------------------

export interface ApprovalStats {
  approved: number;
  revised: number;
  rejected: number;
  /** Mean hours from submission to approval; null when nothing was approved. */
  averageApprovalHours: number | null;
}

/** Decisions on the employee's reports dated in [from, to], by kind; one statement. */
export async function approvalStats(db: Db, employeeId: number, from: string, to: string): Promise<ApprovalStats> {
  const rows = await db.$queryRaw<Array<{ decision: string; count: number; hours: number | null }>>`
    SELECT rv."decision"::text AS "decision", count(*)::int AS "count",
           avg(extract(epoch FROM rv."decidedAt" - r."submittedAt")) FILTER (WHERE rv."version" = r."version")::float8 / 3600 AS "hours"
    FROM "Review" rv JOIN "Report" r ON r."id" = rv."reportId"
    WHERE r."employeeId" = ${employeeId} AND r."date" BETWEEN ${from}::date AND ${to}::date
    GROUP BY rv."decision"`;
  const count = (decision: string) => rows.find((r) => r.decision === decision)?.count ?? 0;
  const approved = rows.find((r) => r.decision === "APPROVED");
  return {
    approved: count("APPROVED"),
    revised: count("REVISION_REQUESTED"),
    rejected: count("REJECTED"),
    averageApprovalHours: approved?.hours ?? null,
  };
}

export interface EvaluationFacts {
  period: Period;
  indicators: IndicatorStatus[];
  suggestion: Rating | null;
  stats: ApprovalStats;
}

/** Realisation of the employee's SKP for the period (at its last day), the suggestion and the approval record. */
export async function evaluationFacts(
  db: Db,
  employeeId: number,
  period: Period,
  rating: Pick<RatingPolicy, "thresholds">,
): Promise<EvaluationFacts> {
  const plan = await db.skpPlan.findUnique({
    where: { employeeId_year: { employeeId, year: period.year } },
    select: { id: true },
  });
  const planIds = plan ? [plan.id] : [];
  const [indicators, outputs, stats] = await Promise.all([
    loadIndicators(db, planIds),
    loadOutputs(db, planIds, period.to),
    approvalStats(db, employeeId, period.from, period.to),
  ]);
  const statuses = (plan ? (indicators.get(plan.id) ?? []) : []).map((info) =>
    indicatorStatus(info, outputs.get(info.id), period),
  );
  return { period, indicators: statuses, suggestion: suggestResultsRating(statuses, rating.thresholds), stats };
}

/** What an audit needs to defend the score later: each indicator's target and realisation as shown. */
const realisationSnapshot = (facts: EvaluationFacts) =>
  facts.indicators.map((i) => ({
    code: i.code,
    rhk: i.rhk,
    rhkKind: i.rhkKind,
    aspect: i.aspect,
    indicator: i.indicator,
    unit: i.unitOfMeasure,
    target: i.dueTarget,
    realisation: i.realisation,
    percent: Math.round(i.percent * 100) / 100,
  }));

// --- the draft ---------------------------------------------------------------------------------

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The employee's evaluation for the period: created as a DRAFT on first opening; a DRAFT's suggestion
 * and realisation are refreshed (reports may have been approved since); a FINALISED one is returned as is.
 */
export async function openEvaluation(
  db: Db,
  input: { employeeId: number; facts: EvaluationFacts; mode: RatingMode },
): Promise<Evaluation> {
  const { period } = input.facts;
  const key = { employeeId_year_period: { employeeId: input.employeeId, year: period.year, period: period.code } };
  const fresh = {
    suggestedResults: input.facts.suggestion,
    realisation: realisationSnapshot(input.facts) as Prisma.InputJsonValue,
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

export type EvaluationAnswer = Partial<Pick<Evaluation, "resultsRating" | "behaviourRating" | "feedback">> & {
  behaviourValues?: Partial<Record<BerakhlakValue, Rating>> | null;
  behaviourScore?: number | null;
};

/** Records answers on a DRAFT at the given version; false when it was finalised or amended meanwhile. */
export async function saveAnswer(db: Db, id: number, version: number, answer: EvaluationAnswer): Promise<boolean> {
  const { behaviourValues, behaviourScore, ...rest } = answer;
  const data: Prisma.EvaluationUpdateManyMutationInput = { ...rest };
  if (behaviourValues !== undefined)
    data.behaviourValues = behaviourValues === null ? Prisma.DbNull : (behaviourValues as Prisma.InputJsonValue);
  if (behaviourScore !== undefined) data.behaviourScore = behaviourScore;
  const { count } = await db.evaluation.updateMany({ where: { id, version, status: "DRAFT" }, data });
  return count === 1;
}

/** The next BerAKHLAK value still to rate, or undefined when all seven are rated. */
export function nextUnratedValue(values: unknown): BerakhlakValue | undefined {
  const rated = (values ?? {}) as Record<string, unknown>;
  return BERAKHLAK_VALUES.find((v) => !(v in rated));
}

// --- the result --------------------------------------------------------------------------------

export interface EvaluationResult {
  mode: RatingMode;
  predicate: Predicate | null;
  skpScore: number | null;
  finalScore: number | null;
  band: string | null;
}

const num = (value: Prisma.Decimal | number | null) => (value === null ? null : Number(value));

/**
 * The outcome of a complete draft under its mode, or undefined while an answer is missing. 2022: the
 * predicate of the matrix. Legacy modes: the SKP score from the realisation snapshot and the
 * behaviour score give the final score and its band (2019 with supervisor input only: 70/30).
 */
export function resultOf(
  evaluation: Pick<
    Evaluation,
    "mode" | "resultsRating" | "behaviourRating" | "behaviourScore" | "realisation" | "feedback"
  >,
): EvaluationResult | undefined {
  if (!evaluation.feedback) return undefined;
  const mode = evaluation.mode as RatingMode;
  if (mode === "2022") {
    if (!evaluation.resultsRating || !evaluation.behaviourRating) return undefined;
    return {
      mode,
      predicate: predicateFor(evaluation.resultsRating, evaluation.behaviourRating),
      skpScore: null,
      finalScore: null,
      band: null,
    };
  }
  const behaviourScore = num(evaluation.behaviourScore);
  if (behaviourScore === null) return undefined;
  const skpScore = legacySkpFromIndicators((evaluation.realisation ?? []) as unknown as LegacyIndicator[]);
  const final =
    mode === "2019"
      ? legacyFinal("2019", { skpScore, behaviourScore, peerInput: false, innovation: false })
      : legacyFinal("2011", { skpScore, behaviourScore });
  return {
    mode,
    predicate: null,
    skpScore: Math.round(skpScore * 100) / 100,
    finalScore: final.final,
    band: final.band,
  };
}

/** The values an audit row records for an evaluation. */
function snapshot(e: Evaluation) {
  return {
    status: e.status,
    resultsRating: e.resultsRating,
    behaviourRating: e.behaviourRating,
    behaviourValues: e.behaviourValues,
    behaviourScore: num(e.behaviourScore),
    skpScore: num(e.skpScore),
    finalScore: num(e.finalScore),
    band: e.band,
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
  evaluator: Reviewer & { name?: string };
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
        dedupeKey: `evaluation-final:${row.id}:${row.version}`,
        kind: "evaluation-final",
        chatId: row.employee.telegramId,
        method: "sendMessage",
        params: { chat_id: row.employee.telegramId.toString(), text: input.notice(evaluation, row.employee) },
        now: input.now,
      });
    }
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
  return db.$transaction(async (tx) => {
    const row = await tx.evaluation.findUnique({ where: { id: input.id } });
    if (!row || row.status !== "FINALISED") return undefined;
    const before = snapshot(row);
    const { count } = await tx.evaluation.updateMany({
      where: { id: row.id, version: row.version, status: "FINALISED" },
      data: { status: "DRAFT", version: row.version + 1, amendedFrom: before as Prisma.InputJsonValue },
    });
    if (count !== 1) return undefined;
    await recordAudit(tx, {
      actor: `telegram:${input.admin.telegramId}`,
      action: "evaluation.reopen",
      entity: "Evaluation",
      entityId: row.id,
      before,
      at: input.now,
    });
    return tx.evaluation.findUniqueOrThrow({ where: { id: row.id } });
  });
}

// --- the unit's distribution -------------------------------------------------------------------

export interface UnitDistribution {
  /** True when every other rated employee of the unit already has a finalised evaluation for the period. */
  isLast: boolean;
  organisationalResult: OrganisationalResult;
  warnings: DistributionWarning[];
}

/**
 * The unit's predicates for the period with `candidate` added for the evaluation about to be
 * finalised, checked against the unit's organisational result. Advisory only.
 */
export async function unitDistribution(
  db: Db,
  input: {
    evaluationId: number;
    employeeId: number;
    candidate: Predicate;
    year: number;
    period: string;
    defaultResult: OrganisationalResult;
  },
): Promise<UnitDistribution> {
  const employee = await db.employee.findUniqueOrThrow({
    where: { id: input.employeeId },
    select: { unit: { select: { id: true, organisationalResult: true } } },
  });
  const rated = await db.employee.findMany({
    where: { unitId: employee.unit.id, active: true, supervisorId: { not: null }, id: { not: input.employeeId } },
    select: {
      evaluations: {
        where: { year: input.year, period: input.period, status: "FINALISED" },
        select: { predicate: true },
      },
    },
  });
  const others = rated.flatMap((e) =>
    e.evaluations.map((ev) => ev.predicate).filter((p): p is Predicate => p !== null),
  );
  const organisationalResult = employee.unit.organisationalResult ?? input.defaultResult;
  return {
    isLast: rated.every((e) => e.evaluations.length > 0),
    organisationalResult,
    warnings: checkDistribution([...others, input.candidate], organisationalResult),
  };
}

/** Re-exported for the handler: the behaviour rating from per-value answers. */
export { behaviourRating };

/** Finalised evaluations of one employee, newest period first. */
export function finalisedEvaluations(db: Db, employeeId: number, take = 8) {
  return db.evaluation.findMany({
    where: { employeeId, status: "FINALISED" },
    include: { evaluator: { select: { name: true } } },
    orderBy: [{ periodTo: "desc" }, { period: "asc" }],
    take,
  });
}
