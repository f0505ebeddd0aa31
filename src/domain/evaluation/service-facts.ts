import type { Db } from "../../db/client.ts";
import { complaintTallies, NO_COMPLAINTS, type ComplaintTally } from "../complaints/tally.ts";
import { loadFeedbackPolicy } from "../policy/load.ts";
import type { Period } from "../skp/periods.ts";
import { ikmFigures, type CountedIkm } from "../survey/ikm.ts";

/**
 * What citizens said about the service an employee gives (docs/domain.md, "Public and peer input"):
 * the IKM and the complaints of each counter they serve and of those counters' units, over the
 * evaluated period. Input beside the work-result facts; it never sets a rating by itself.
 */

/** Complaint numbers listed per counter or unit; beyond that the counts summarise. */
export const LISTED_COMPLAINTS = 5;

export interface ServicePoint {
  id: number;
  name: string;
  /** Null when nobody answered the survey in the period. */
  ikm: CountedIkm | null;
  complaints: ComplaintTally;
}

export interface ServiceFacts {
  counters: Array<ServicePoint & { unitName: string }>;
  units: ServicePoint[];
}

export async function serviceFacts(db: Db, employeeId: number, period: Period, now: Date): Promise<ServiceFacts> {
  const served = await db.$queryRaw<Array<{ id: number; name: string; unitId: number; unitName: string }>>`
    SELECT c."id", c."name", u."id" AS "unitId", u."name" AS "unitName"
    FROM "ServiceCounterStaff" s JOIN "ServiceCounter" c ON c."id" = s."counterId" JOIN "Unit" u ON u."id" = c."unitId"
    WHERE s."employeeId" = ${employeeId} ORDER BY u."name", c."name"`;
  if (served.length === 0) return { counters: [], units: [] };
  const counterIds = served.map((c) => c.id);
  const unitIds = [...new Set(served.map((c) => c.unitId))];
  const { ikmMinRespondents } = await loadFeedbackPolicy(db);
  const range = { from: period.from, to: period.to, minRespondents: ikmMinRespondents };
  const tally = { from: period.from, to: period.to, now, listed: LISTED_COMPLAINTS };
  const [counterIkm, unitIkm, counterComplaints, unitComplaints] = await Promise.all([
    ikmFigures(db, { ...range, by: "counter", counterIds }),
    ikmFigures(db, { ...range, by: "unit", unitIds }),
    complaintTallies(db, { ...tally, by: "counter", ids: counterIds }),
    complaintTallies(db, { ...tally, by: "unit", ids: unitIds }),
  ]);
  const units = unitIds.map((id) => ({
    id,
    name: served.find((c) => c.unitId === id)!.unitName,
    ikm: unitIkm.find((f) => f.unitId === id) ?? null,
    complaints: unitComplaints.get(id) ?? NO_COMPLAINTS,
  }));
  const counters = served.map((c) => ({
    id: c.id,
    name: c.name,
    unitName: c.unitName,
    ikm: counterIkm.find((f) => f.counterId === c.id) ?? null,
    complaints: counterComplaints.get(c.id) ?? NO_COMPLAINTS,
  }));
  return { counters, units };
}
