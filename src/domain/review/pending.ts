import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { localDate } from "../../lib/time.ts";
import { reviewInclude, type Reviewer, type ReviewTarget } from "./check.ts";
import { delegatorsOf } from "./delegation.ts";

/**
 * `/persetujuan`: the SUBMITTED reports this person may decide: of their direct subordinates, of
 * the subordinates of supervisors they are an active delegate for, or (an admin) all. Oldest
 * submission first.
 */
export async function pendingFor(
  db: Db,
  reviewer: Reviewer & { timeZone: string },
  now: Date,
  pageIndex: number,
  pageSize: number,
) {
  let where: Prisma.ReportWhereInput;
  if (reviewer.isAdmin) where = { status: "SUBMITTED" };
  else if (reviewer.employeeId === undefined) return { total: 0, pages: 1, rows: [] as ReviewTarget[] };
  else {
    const delegators = await delegatorsOf(db, reviewer.employeeId, localDate(now, reviewer.timeZone));
    where = {
      status: "SUBMITTED",
      employee: { supervisorId: { in: [reviewer.employeeId, ...delegators] } },
      employeeId: { not: reviewer.employeeId },
    };
  }
  if (reviewer.employeeId !== undefined) where = { ...where, employeeId: { not: reviewer.employeeId } };
  const [total, rows] = await Promise.all([
    db.report.count({ where }),
    db.report.findMany({
      where,
      include: reviewInclude,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: pageIndex * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / pageSize)), rows };
}
