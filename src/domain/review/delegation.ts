import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { enqueueCommandMenus } from "../registration/command-menu.ts";

/**
 * Acting delegates (plh): a supervisor's team may be decided on by a delegate between two local
 * dates, inclusive (docs/domain.md, "Review").
 */

const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** Delegations in force on a local date: the supervisors `delegateId` acts for. */
export async function delegatorsOf(
  db: Db | Prisma.TransactionClient,
  delegateId: number,
  today: string,
): Promise<number[]> {
  const rows = await db.delegation.findMany({
    where: { delegateId, revokedAt: null, from: { lte: asDate(today) }, to: { gte: asDate(today) } },
    select: { supervisorId: true },
  });
  return [...new Set(rows.map((r) => r.supervisorId))];
}

export class DelegationError extends Error {}

export interface DelegationInput {
  supervisorNip: string;
  delegateNip: string;
  from: string;
  to: string;
  reason?: string;
  actor: string;
  now: Date;
}

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && asDate(d).toISOString().slice(0, 10) === d;

/** Sets an acting delegate for a supervisor over local dates (inclusive), audit-logged. */
export async function createDelegation(db: Db, input: DelegationInput) {
  if (!isDate(input.from)) throw new DelegationError(`--from must be a date YYYY-MM-DD, got "${input.from}".`);
  if (!isDate(input.to)) throw new DelegationError(`--to must be a date YYYY-MM-DD, got "${input.to}".`);
  if (input.to < input.from) throw new DelegationError("--to is before --from.");
  return db.$transaction(async (tx) => {
    const supervisor = await tx.employee.findUnique({ where: { nip: input.supervisorNip } });
    if (!supervisor || !supervisor.active)
      throw new DelegationError(`No active employee with NIP ${input.supervisorNip} (--supervisor).`);
    const delegate = await tx.employee.findUnique({ where: { nip: input.delegateNip } });
    if (!delegate || !delegate.active)
      throw new DelegationError(`No active employee with NIP ${input.delegateNip} (--delegate).`);
    if (delegate.id === supervisor.id) throw new DelegationError("A supervisor cannot be their own delegate.");
    // A delegate acts for someone's team: without subordinates there is nothing to act on.
    if ((await tx.employee.count({ where: { supervisorId: supervisor.id, active: true } })) === 0)
      throw new DelegationError(
        `${supervisor.name} (${supervisor.nip}) has no active subordinates to delegate (--supervisor).`,
      );
    const row = await tx.delegation.create({
      data: {
        supervisorId: supervisor.id,
        delegateId: delegate.id,
        from: asDate(input.from),
        to: asDate(input.to),
        reason: input.reason ?? null,
        createdBy: input.actor,
      },
    });
    await recordAudit(tx, {
      at: input.now,
      actor: input.actor,
      action: "delegation.create",
      entity: "Delegation",
      entityId: row.id,
      after: {
        supervisor: supervisor.nip,
        delegate: delegate.nip,
        from: input.from,
        to: input.to,
        reason: input.reason ?? null,
      },
    });
    await enqueueCommandMenus(tx, { now: input.now, employeeIds: [delegate.id] }); // gains /persetujuan…
    return { id: row.id, supervisor: supervisor.name, delegate: delegate.name };
  });
}

export interface DelegationRow {
  id: number;
  supervisor: string;
  supervisorNip: string;
  delegate: string;
  delegateNip: string;
  from: string;
  to: string;
  reason: string | null;
}

/** Delegations not revoked that end on or after `today` (a local date), soonest first. */
export async function listDelegations(db: Db, today: string): Promise<DelegationRow[]> {
  const rows = await db.delegation.findMany({
    where: { revokedAt: null, to: { gte: asDate(today) } },
    include: { supervisor: { select: { name: true, nip: true } }, delegate: { select: { name: true, nip: true } } },
    orderBy: [{ from: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    supervisor: r.supervisor.name,
    supervisorNip: r.supervisor.nip,
    delegate: r.delegate.name,
    delegateNip: r.delegate.nip,
    from: r.from.toISOString().slice(0, 10),
    to: r.to.toISOString().slice(0, 10),
    reason: r.reason,
  }));
}

/** Ends a delegation at once (kept for the record with `revokedAt`), audit-logged. */
export async function revokeDelegation(db: Db, input: { id: number; actor: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const row = await tx.delegation.findUnique({ where: { id: input.id } });
    if (!row || row.revokedAt)
      throw new DelegationError(`No delegation ${input.id} in force (see lapkin delegate --list).`);
    await tx.delegation.update({ where: { id: row.id }, data: { revokedAt: input.now } });
    await enqueueCommandMenus(tx, { now: input.now, employeeIds: [row.delegateId] });
    await recordAudit(tx, {
      at: input.now,
      actor: input.actor,
      action: "delegation.revoke",
      entity: "Delegation",
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: input.now.toISOString() },
    });
    return { id: row.id };
  });
}
