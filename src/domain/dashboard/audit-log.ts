import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { dayjs } from "../../lib/time.ts";

/** The audit log as HR reads it: filtered by who, what and when (local dates), newest first. */
export interface AuditFilter {
  /** Part of the actor ("telegram:5001", "cli"). */
  actor?: string;
  /** The entity exactly ("Report", "Employee", "import"). */
  entity?: string;
  from?: string;
  to?: string;
}

export async function auditPage(db: Db, filter: AuditFilter, timeZone: string, page: { index: number; size: number }) {
  const startOf = (date: string) => dayjs.tz(date, timeZone).toDate();
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = startOf(filter.from);
  if (filter.to) at.lt = dayjs(startOf(filter.to)).add(1, "day").toDate();
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.actor ? { actor: { contains: filter.actor } } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: page.index * page.size,
      take: page.size,
    }),
  ]);
  return { total, rows };
}
