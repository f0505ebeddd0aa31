import { Prisma } from "../generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  /** "cli", "telegram:<user id>" or "system". */
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | bigint;
  before?: unknown;
  after?: unknown;
  details?: unknown;
  at: Date;
}

/** Writes one audit row, inside the caller's transaction so the change and its record go together. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      details: toJson(entry.details),
    },
  });
}

/**
 * The same row as `recordAudit`, as an `INSERT … SELECT` for a statement that does the change and
 * its record at once (inside a `WITH`): the row is written once for each row `from` yields (e.g.
 * `FROM submitted`, the CTE of the change), so a change that did not happen leaves no record.
 */
export function auditInsert(entry: AuditEntry, from: Prisma.Sql): Prisma.Sql {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(toJson(value)));
  return Prisma.sql`
    INSERT INTO "AuditLog" ("at", "actor", "action", "entity", "entityId", "before", "after", "details")
    SELECT ${entry.at.toISOString()}::timestamp, ${entry.actor}, ${entry.action}, ${entry.entity},
           ${entry.entityId === undefined ? null : String(entry.entityId)},
           ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${json(entry.details)}::jsonb
    ${from}`;
}

/** JSON columns cannot hold BigInt or undefined; convert at this edge. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
