import type { Db } from "../../db/client.ts";
import { Prisma, type Role } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { enqueueCommandMenus } from "./command-menu.ts";
import { hashInviteCode, isInviteCodeFormat, MINUTE, policyOf, type InvitePolicy } from "./invite-common.ts";

export interface LinkedEmployee {
  id: number;
  nip: string;
  name: string;
  position: string;
  unitName: string;
  unitCode: string;
  timeZone: string;
  roles: Role[];
  /** Has at least one active subordinate (the "atasan" follows from the data, not a role). */
  isSupervisor: boolean;
  language: string;
}

export type RedeemOutcome =
  | { kind: "linked"; employee: LinkedEmployee }
  | { kind: "unknown" }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "revoked" }
  | { kind: "inactive" }
  /** This Telegram account is already linked to a different employee. */
  | { kind: "other-account" }
  /** This employee is already linked to another Telegram account. */
  | { kind: "already-linked" }
  /** Same account, same employee: an idempotent success (e.g. a duplicate update). */
  | { kind: "already-yours"; employee: LinkedEmployee }
  | { kind: "throttled"; until: Date };

const employeeSelect = {
  id: true,
  nip: true,
  name: true,
  position: true,
  roles: true,
  language: true,
  active: true,
  telegramId: true,
  unit: { select: { code: true, name: true, timeZone: true } },
  _count: { select: { subordinates: { where: { active: true } } } },
} satisfies Prisma.EmployeeSelect;

type EmployeeRow = Prisma.EmployeeGetPayload<{ select: typeof employeeSelect }>;

/**
 * Links the Telegram account to the invite's employee, or says why not.
 * Wrong codes are counted per account and lock it out for a while, so codes cannot be guessed.
 */
export async function redeemInvite(
  db: Db,
  options: { code: string; telegramId: bigint; now: Date; policy?: Partial<InvitePolicy> },
): Promise<RedeemOutcome> {
  const { code, telegramId, now } = options;
  const policy = policyOf(options.policy);

  // Before looking at the code at all: a locked account learns nothing, not even "expired".
  const until = await lockedUntil(db, telegramId, now, policy);
  if (until) return { kind: "throttled", until };

  const outcome = await attemptLink(db, code, telegramId, now);
  if (outcome === "lost-race") {
    // Someone else changed the invite or employee between our read and our write:
    // reading again gives the truthful answer (used, already-linked, already-yours, …).
    const again = await attemptLink(db, code, telegramId, now);
    return again === "lost-race" ? record(db, telegramId, now, { kind: "used" }) : again;
  }
  return outcome;
}

/**
 * Locked when the account's latest `maxFailures` failures all fall within `failureWindowMinutes`,
 * until `lockMinutes` after the latest one. Attempts while locked are not recorded, so waiting works.
 */
async function lockedUntil(db: Db, telegramId: bigint, now: Date, policy: InvitePolicy): Promise<Date | null> {
  const since = new Date(now.getTime() - (policy.lockMinutes + policy.failureWindowMinutes) * MINUTE);
  const failures = await db.inviteAttempt.findMany({
    where: { telegramId, succeeded: false, at: { gt: since, lte: now } },
    orderBy: { at: "desc" },
    take: policy.maxFailures,
    select: { at: true },
  });
  if (failures.length < policy.maxFailures || policy.maxFailures <= 0) return null;
  const latest = failures[0]!.at.getTime();
  const oldest = failures[failures.length - 1]!.at.getTime();
  if (latest - oldest > policy.failureWindowMinutes * MINUTE) return null;
  const until = new Date(latest + policy.lockMinutes * MINUTE);
  return until > now ? until : null;
}

async function attemptLink(db: Db, code: string, telegramId: bigint, now: Date): Promise<RedeemOutcome | "lost-race"> {
  if (!isInviteCodeFormat(code)) return record(db, telegramId, now, { kind: "unknown" });
  const invite = await db.invite.findUnique({
    where: { codeHash: hashInviteCode(code) },
    select: { id: true, usedAt: true, revokedAt: true, expiresAt: true, employee: { select: employeeSelect } },
  });
  if (!invite) return record(db, telegramId, now, { kind: "unknown" });

  const employee = invite.employee;
  // A repeated /start from the account already linked to this employee (a replayed update, an old
  // link) is success, whatever state this particular invite is in now.
  if (employee.telegramId === telegramId) return { kind: "already-yours", employee: toLinked(employee) };
  if (invite.revokedAt) return record(db, telegramId, now, { kind: "revoked" });
  if (invite.usedAt) return record(db, telegramId, now, { kind: "used" });
  if (invite.expiresAt <= now) return record(db, telegramId, now, { kind: "expired" });
  if (!employee.active) return { kind: "inactive" };
  if (employee.telegramId !== null) return alreadyLinked(db, invite.id, telegramId, now);
  const other = await db.employee.findUnique({ where: { telegramId }, select: { id: true } });
  // The same employee here means a simultaneous redemption just linked us: re-read to say so.
  if (other) return other.id === employee.id ? "lost-race" : { kind: "other-account" };

  return link(db, invite.id, employee, telegramId, now);
}

/**
 * The invite and its employee are read by separate queries, so a redemption committing between
 * them shows an open invite with a linked employee. Reading the invite again tells that race
 * ("used") from an employee linked by other means.
 */
async function alreadyLinked(db: Db, inviteId: number, telegramId: bigint, now: Date): Promise<RedeemOutcome> {
  const invite = await db.invite.findUnique({ where: { id: inviteId }, select: { usedAt: true } });
  return invite?.usedAt ? record(db, telegramId, now, { kind: "used" }) : { kind: "already-linked" };
}

/**
 * Both updates are conditional, so of two simultaneous redemptions exactly one matches; the
 * other rolls back and is re-read. The unique index on Employee.telegramId stops one account
 * being linked twice in a race the conditions cannot see.
 */
async function link(
  db: Db,
  inviteId: number,
  employee: EmployeeRow,
  telegramId: bigint,
  now: Date,
): Promise<RedeemOutcome | "lost-race"> {
  try {
    await db.$transaction(async (tx) => {
      const invite = await tx.invite.updateMany({
        where: { id: inviteId, usedAt: null, revokedAt: null },
        data: { usedAt: now, usedByTelegramId: telegramId },
      });
      const linked = await tx.employee.updateMany({
        where: { id: employee.id, telegramId: null, active: true },
        data: { telegramId, linkedAt: now },
      });
      if (invite.count !== 1 || linked.count !== 1) throw new LostRace();
      await tx.inviteAttempt.create({ data: { telegramId, at: now, succeeded: true } });
      await enqueueCommandMenus(tx, { now, employeeIds: [employee.id] });
      await recordAudit(tx, {
        at: now,
        actor: `telegram:${telegramId}`,
        action: "employee.link",
        entity: "Employee",
        entityId: employee.id,
        before: { telegramId: null, linkedAt: null },
        after: { telegramId, linkedAt: now },
        details: { nip: employee.nip, inviteId },
      });
    });
  } catch (error) {
    if (error instanceof LostRace || isUniqueViolation(error)) return "lost-race";
    throw error;
  }
  return { kind: "linked", employee: toLinked({ ...employee, telegramId }) };
}

class LostRace extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Records a wrong code against the account (for throttling) and passes the outcome through. */
async function record<T extends RedeemOutcome>(db: Db, telegramId: bigint, now: Date, outcome: T): Promise<T> {
  await db.inviteAttempt.create({ data: { telegramId, at: now, succeeded: false } });
  return outcome;
}

function toLinked(e: EmployeeRow): LinkedEmployee {
  return {
    id: e.id,
    nip: e.nip,
    name: e.name,
    position: e.position,
    unitName: e.unit.name,
    unitCode: e.unit.code,
    timeZone: e.unit.timeZone,
    roles: e.roles,
    isSupervisor: e._count.subordinates > 0,
    language: e.language,
  };
}
