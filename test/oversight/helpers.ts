import type { Db } from "../../src/db/client.ts";
import type { Predicate, ReviewRating } from "../../src/generated/prisma/client.ts";
import { FORMER_SUPERVISOR_TG, DELEGATE_TG, seedReview } from "../review/helpers.ts";

/** Joko (in Siti's unit, under Budi) is on the assessment team for DISKOMINFO; Wati is another member. */
export const MEMBER_TG = FORMER_SUPERVISOR_TG;
export const OTHER_MEMBER_TG = DELEGATE_TG;

/** A finalised Q3 2026 evaluation, as /evaluasi would have stored it. */
export async function finalised(
  db: Db,
  input: {
    employeeId: number;
    evaluatorId: number;
    results: ReviewRating;
    behaviour: ReviewRating;
    predicate: Predicate;
    percent: number;
    period?: string;
  },
) {
  return db.evaluation.create({
    data: {
      employeeId: input.employeeId,
      year: 2026,
      period: input.period ?? "Q3",
      periodFrom: new Date(`2026-07-01T00:00:00Z`),
      periodTo: new Date(`2026-09-30T00:00:00Z`),
      status: "FINALISED",
      evaluatorId: input.evaluatorId,
      actingAs: "SUPERVISOR",
      resultsRating: input.results,
      behaviourRating: input.behaviour,
      predicate: input.predicate,
      feedback: "Kinerja triwulan ini tercatat.",
      realisation: [
        {
          code: "1.1",
          rhk: "RHK",
          rhkKind: "MAIN",
          aspect: "QUANTITY",
          indicator: "Laporan",
          unit: "dokumen",
          target: 9,
          realisation: (9 * input.percent) / 100,
          percent: input.percent,
        },
      ],
      finalisedAt: new Date("2026-10-03T03:00:00Z"),
    },
  });
}

/**
 * The review seed with Q3 finalised: Siti rated Andi and Dewi SANGAT BAIK on 80% realisation
 * (possible leniency); Budi rated Wati BAIK on 120%; Budi's own (by the admin) and Lina's in DINKES.
 */
export async function seedCalibration(db: Db) {
  const seeded = await seedReview(db);
  await db.employee.update({
    where: { id: seeded.former.id },
    data: { roles: ["PENILAI"], assessorUnits: ["DISKOMINFO"] },
  });
  await db.employee.update({ where: { id: seeded.delegate.id }, data: { roles: ["PENILAI"] } });
  const andi = await finalised(db, {
    employeeId: seeded.staff.id,
    evaluatorId: seeded.supervisor.id,
    results: "ABOVE",
    behaviour: "ABOVE",
    predicate: "SANGAT_BAIK",
    percent: 80,
  });
  const dewi = await finalised(db, {
    employeeId: seeded.colleague.id,
    evaluatorId: seeded.supervisor.id,
    results: "ABOVE",
    behaviour: "ABOVE",
    predicate: "SANGAT_BAIK",
    percent: 80,
  });
  const wati = await finalised(db, {
    employeeId: seeded.delegate.id,
    evaluatorId: seeded.head.id,
    results: "MEETS",
    behaviour: "MEETS",
    predicate: "BAIK",
    percent: 120,
  });
  const budi = await finalised(db, {
    employeeId: seeded.head.id,
    evaluatorId: seeded.admin.id,
    results: "MEETS",
    behaviour: "MEETS",
    predicate: "BAIK",
    percent: 100,
  });
  const lina = await db.employee.findFirstOrThrow({ where: { nip: "199101012019011006" } });
  const linaEvaluation = await finalised(db, {
    employeeId: lina.id,
    evaluatorId: seeded.otherSupervisor.id,
    results: "BELOW",
    behaviour: "MEETS",
    predicate: "BUTUH_PERBAIKAN",
    percent: 40,
  });
  return { ...seeded, evaluations: { andi, dewi, wati, budi, lina: linaEvaluation } };
}

/**
 * A submitted report on each weekday of Q3 2026 (the first `days` of them, when given) for each
 * employee: enough for the weekly summary's low-reporting rule to leave them out of the coaching list.
 * Without an indicator they are additional tasks.
 */
export async function reportedInQ3(db: Db, employeeIds: number[], indicatorId: number | null, days?: number) {
  const weekdays: string[] = [];
  for (
    let d = new Date("2026-07-01T00:00:00Z");
    d <= new Date("2026-09-30T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1)
  )
    if (d.getUTCDay() % 6 !== 0) weekdays.push(d.toISOString().slice(0, 10));
  await db.report.createMany({
    data: employeeIds.flatMap((employeeId) =>
      weekdays.slice(0, days).map((date) => ({
        employeeId,
        indicatorId,
        isAdditional: indicatorId === null,
        date: new Date(`${date}T00:00:00Z`),
        status: "SUBMITTED" as const,
        outputQuantity: 1,
        outputUnit: "dokumen",
        minutes: 60,
        description: "Kegiatan harian",
        number: `LK-Q3-${employeeId}-${date}`,
        submittedAt: new Date(`${date}T03:00:00Z`),
      })),
    ),
  });
}

/** Everyone active except those named reported every weekday of Q3. */
export async function othersReportedInQ3(db: Db, indicatorId: number | null, except: number[]) {
  const others = await db.employee.findMany({ where: { active: true, id: { notIn: except } }, select: { id: true } });
  await reportedInQ3(
    db,
    others.map((e) => e.id),
    indicatorId,
  );
}

/**
 * The recap's cast: seedCalibration with Dewi ahead of Andi on realisation (95%), and Lina (of the
 * other unit) rated SANGAT KURANG with work results below expectations in Q2 as well.
 */
export async function seedRecap(db: Db) {
  const seeded = await seedCalibration(db);
  await db.evaluation.update({
    where: { id: seeded.evaluations.dewi.id },
    data: { realisation: [{ code: "1.1", rhkKind: "MAIN", percent: 95 }] },
  });
  const lina = await db.employee.findFirstOrThrow({ where: { nip: "199101012019011006" } });
  await finalised(db, {
    employeeId: lina.id,
    evaluatorId: seeded.otherSupervisor.id,
    results: "BELOW",
    behaviour: "BELOW",
    predicate: "SANGAT_KURANG",
    percent: 30,
    period: "Q2",
  });
  return { seeded, lina };
}
