import type { Db } from "../../src/db/client.ts";
import type { ReportStatus } from "../../src/generated/prisma/client.ts";

let sequence = 0;

/**
 * Writes a report as the review flow would have left it: numbered, submitted, and decided unless
 * still SUBMITTED. Dates are local dates ("2026-11-20").
 */
export async function addReport(
  db: Db,
  r: {
    employeeId: number;
    indicatorId: number;
    date: string;
    status: ReportStatus;
    output: number;
    minutes?: number;
    description?: string;
    submittedAt?: string;
    decidedAt?: string;
    reusedEvidence?: boolean;
  },
) {
  sequence++;
  const submittedAt = new Date(r.submittedAt ?? `${r.date}T03:00:00Z`);
  return db.report.create({
    data: {
      employeeId: r.employeeId,
      indicatorId: r.indicatorId,
      date: new Date(`${r.date}T00:00:00Z`),
      status: r.status,
      outputQuantity: r.output,
      outputUnit: "dokumen",
      minutes: r.minutes ?? 60,
      description: r.description ?? `Kegiatan ${sequence}`,
      number: `LK-${r.date.slice(0, 4)}-${String(100000 + sequence)}`,
      reusedEvidence: r.reusedEvidence ?? false,
      submittedAt,
      decidedAt: r.status === "SUBMITTED" ? null : new Date(r.decidedAt ?? submittedAt.getTime() + 3_600_000),
    },
  });
}
