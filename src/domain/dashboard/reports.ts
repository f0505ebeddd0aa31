import type { Db } from "../../db/client.ts";
import type { Prisma, ReportStatus } from "../../generated/prisma/client.ts";
import { fromDbDate } from "../../lib/time.ts";

/** An employee's reports as the dashboard lists them: filtered, a page at a time. */

export const REPORT_STATUSES = ["SUBMITTED", "APPROVED", "REVISION_REQUESTED", "REJECTED", "WITHDRAWN"] as const;

export interface ReportFilter {
  from?: string;
  to?: string;
  status?: ReportStatus;
  indicatorId?: number;
}

export interface ReportRow {
  id: number;
  number: string | null;
  date: string | null;
  status: ReportStatus;
  indicator: string | null;
  description: string | null;
  output: string;
  minutes: number | null;
  rating: string | null;
  reviewerComment: string | null;
  evidenceIds: number[];
}

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

function whereOf(employeeId: number, filter: ReportFilter): Prisma.ReportWhereInput {
  return {
    employeeId,
    status: filter.status ?? { not: "DRAFT" },
    ...(filter.indicatorId ? { indicatorId: filter.indicatorId } : {}),
    ...(filter.from || filter.to
      ? {
          date: {
            ...(filter.from ? { gte: asDate(filter.from) } : {}),
            ...(filter.to ? { lte: asDate(filter.to) } : {}),
          },
        }
      : {}),
  };
}

export async function reportsOf(
  db: Db,
  employeeId: number,
  filter: ReportFilter,
  page: { index: number; size: number },
): Promise<{ total: number; rows: ReportRow[] }> {
  const where = whereOf(employeeId, filter);
  const [total, rows] = await Promise.all([
    db.report.count({ where }),
    db.report.findMany({
      where,
      include: {
        indicator: { select: { indicator: true } },
        evidence: { where: { removedAt: null, status: "STORED" }, select: { id: true }, orderBy: { position: "asc" } },
      },
      orderBy: [{ date: "desc" }, { id: "desc" }],
      skip: page.index * page.size,
      take: page.size,
    }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      date: fromDbDate(r.date),
      status: r.status,
      indicator: r.indicator?.indicator ?? null,
      description: r.description,
      output: r.outputQuantity === null ? "-" : `${r.outputQuantity.toString()} ${r.outputUnit ?? ""}`.trim(),
      minutes: r.minutes,
      rating: r.rating,
      reviewerComment: r.reviewerComment,
      evidenceIds: r.evidence.map((e) => e.id),
    })),
  };
}

/** The indicators of the employee's SKPs, for the filter. */
export async function indicatorChoices(db: Db, employeeId: number) {
  return db.skpIndicator.findMany({
    where: { plan: { employeeId } },
    select: { id: true, code: true, indicator: true, plan: { select: { year: true } } },
    orderBy: [{ plan: { year: "desc" } }, { code: "asc" }],
  });
}

/** The employee's finalised evaluations, newest first, with their feedback. */
export async function ratingsOf(db: Db, employeeId: number) {
  return db.evaluation.findMany({
    where: { employeeId, status: "FINALISED" },
    select: {
      id: true,
      year: true,
      period: true,
      periodFrom: true,
      resultsRating: true,
      behaviourRating: true,
      predicate: true,
      feedback: true,
      finalScore: true,
      band: true,
    },
    orderBy: [{ periodTo: "desc" }, { id: "desc" }],
    take: 12,
  });
}
