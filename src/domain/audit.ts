import type { Prisma } from "../generated/prisma/client.ts";

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

/** JSON columns cannot hold BigInt or undefined; convert at this edge. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}
