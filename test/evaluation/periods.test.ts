import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_POLICY } from "../../src/domain/policy/sections.ts";
import { evaluationFacts } from "../../src/domain/evaluation/facts.ts";
import { finaliseEvaluation } from "../../src/domain/evaluation/finalise.ts";
import { openEvaluation, saveAnswer } from "../../src/domain/evaluation/draft.ts";
import {
  parsePeriodKey,
  periodCloses,
  periodKey,
  periodsToEvaluate,
  previousPeriod,
  yearPeriod,
} from "../../src/domain/evaluation/periods.ts";
import { quarterPeriod } from "../../src/domain/skp/periods.ts";
import { DEFAULT_SUGGESTION_THRESHOLDS } from "../../src/scoring/index.ts";
import type { Database } from "../../src/db/client.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { seedEvaluation } from "./helpers.ts";

const codes = (today: string, period: "QUARTER" | "MONTH" = "QUARTER") =>
  periodsToEvaluate(today, { period }, DEFAULT_DEADLINE_POLICY).map(periodKey);

describe("which periods are rated", () => {
  it.each([
    ["2026-10-06", "QUARTER", ["2026-Q3"]],
    ["2026-12-31", "QUARTER", ["2026-Q3"]],
    ["2027-01-04", "QUARTER", ["2026-Q4", "2026-YEAR"]],
    ["2027-01-31", "QUARTER", ["2026-Q4", "2026-YEAR"]],
    ["2027-02-01", "QUARTER", ["2026-Q4"]],
    ["2026-11-24", "MONTH", ["2026-M10"]],
    ["2027-01-15", "MONTH", ["2026-M12", "2026-YEAR"]],
  ] as const)("on %s (%s): %o", (today, kind, expected) => expect(codes(today, kind)).toEqual(expected));

  it.each([
    [quarterPeriod(2026, 3), 5, "2026-10-05"],
    [quarterPeriod(2026, 4), 5, "2027-01-05"],
    [previousPeriod("2026-03-10", "MONTH"), 31, "2026-03-31"], // February's evaluation: day 31 of March
    [previousPeriod("2026-04-10", "MONTH"), 31, "2026-04-30"], // March's: April has 30 days
    [yearPeriod(2026), 5, "2027-01-31"],
  ] as const)("%o closes with close day %i on %s", (period, closeDay, expected) =>
    expect(periodCloses(period, { ...DEFAULT_DEADLINE_POLICY, periodicCloseDay: closeDay })).toBe(expected),
  );

  it("round-trips period keys and refuses others", () => {
    for (const key of ["2026-Q1", "2026-Q4", "2026-M01", "2026-M12", "2025-YEAR"])
      expect(periodKey(parsePeriodKey(key)!)).toBe(key);
    for (const key of ["2026-Q0", "2026-Q5", "2026-M13", "2026-M00", "26-Q1", "2026-year", "2026-Q1x"])
      expect(parsePeriodKey(key)).toBeUndefined();
  });
});

describe("finalising", () => {
  let database: Database;
  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(async () => database.close());
  beforeEach(async () => resetDatabase(database));

  it("records exactly one finalisation when the supervisor and a delegate press at the same moment", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const facts = await evaluationFacts(db, seeded.staff.id, quarterPeriod(2026, 3), {
      thresholds: DEFAULT_SUGGESTION_THRESHOLDS,
    });
    const draft = await openEvaluation(db, { employeeId: seeded.staff.id, facts, mode: "2022" });
    expect(
      await saveAnswer(db, draft.id, 1, {
        resultsRating: "MEETS",
        behaviourRating: "MEETS",
        feedback: "Cukup konsisten sepanjang triwulan.",
      }),
    ).toBe(true);
    const now = new Date("2026-10-06T02:00:00Z");
    const finalise = (employeeId: number, telegramId: number, actingAs: "SUPERVISOR" | "DELEGATE") =>
      finaliseEvaluation(db, {
        id: draft.id,
        version: 1,
        evaluator: { employeeId, telegramId: BigInt(telegramId), isAdmin: false },
        actingAs,
        now,
        notice: () => "Evaluasi final.",
      });
    const outcomes = await Promise.all([
      finalise(seeded.supervisor.id, 5002, "SUPERVISOR"),
      finalise(seeded.delegate.id, 5006, "DELEGATE"),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["already", "finalised"]);
    expect(await db.auditLog.count({ where: { action: "evaluation.finalise" } })).toBe(1);
    expect(await db.outbox.count({ where: { kind: "evaluation-final" } })).toBe(1);
    // A finalised evaluation takes no more answers.
    expect(await saveAnswer(db, draft.id, 1, { resultsRating: "BELOW" })).toBe(false);
  });

  it("refuses to finalise a draft with an answer missing", async () => {
    const db = database.prisma;
    const seeded = await seedEvaluation(db);
    const facts = await evaluationFacts(db, seeded.staff.id, quarterPeriod(2026, 3), {
      thresholds: DEFAULT_SUGGESTION_THRESHOLDS,
    });
    const draft = await openEvaluation(db, { employeeId: seeded.staff.id, facts, mode: "2022" });
    await saveAnswer(db, draft.id, 1, { resultsRating: "MEETS", behaviourRating: "MEETS" });
    const outcome = await finaliseEvaluation(db, {
      id: draft.id,
      version: 1,
      evaluator: { employeeId: seeded.supervisor.id, telegramId: 5002n, isAdmin: false },
      actingAs: "SUPERVISOR",
      now: new Date(),
      notice: () => "",
    });
    expect(outcome.kind).toBe("incomplete");
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});
