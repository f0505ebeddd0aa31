import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { Prisma, type Role } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";

/**
 * One-time invite codes that link an employee to a Telegram account.
 * Knows nothing of Telegram: the caller passes the account id and the time.
 */

export interface InvitePolicy {
  /** How long an issued link works. */
  validDays: number;
  /** Wrong codes from one account within `failureWindowMinutes` that lock it out … */
  maxFailures: number;
  failureWindowMinutes: number;
  /** … for this long after its latest wrong code. */
  lockMinutes: number;
}

export const INVITE_POLICY: InvitePolicy = { validDays: 14, maxFailures: 5, failureWindowMinutes: 10, lockMinutes: 30 };

/** 16 random bytes (128 bits) as base64url: 22 characters of A-Za-z0-9_-, fits a deep-link payload. */
const CODE_BYTES = 16;
const CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** Rows per INSERT/UPDATE: keeps each statement far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2_000;
const MINUTE = 60_000;

export interface IssuedInvite {
  nip: string;
  name: string;
  unitCode: string;
  unitName: string;
  /** The plain code: shown once, never stored. */
  code: string;
  expiresAt: Date;
}

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

export type ResetOutcome =
  | { kind: "unlinked"; nip: string; name: string; telegramId: bigint; revokedInvites: number }
  | { kind: "not-linked"; nip: string; name: string; revokedInvites: number }
  /** Never linked, but holding an unused link: revoked only with `force` (it may be on its way to them). */
  | { kind: "unused-invite"; nip: string; name: string; unusedInvites: number; revokedInvites: 0 };

/** A unit code or NIP that does not exist: the operator's mistake, which the CLI reports as such. */
export class InviteLookupError extends Error {}

export function generateInviteCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

/** Only this digest is stored, so a database leak does not leak working links. */
export function hashInviteCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

export function isInviteCodeFormat(code: string): boolean {
  return CODE_PATTERN.test(code);
}

const policyOf = (override?: Partial<InvitePolicy>): InvitePolicy => ({ ...INVITE_POLICY, ...override });

// ---------------------------------------------------------------------------------------------
// Issuing

/**
 * Issues one invite to every active employee without a linked account, optionally in one unit.
 * `unitCode` selects that unit only, not its sub-units: an admin issuing per unit runs it per unit,
 * and a parent's run does not silently re-issue (and so revoke) links already handed out below it.
 */
export async function issueInvites(
  db: Db,
  options: { unitCode?: string; now: Date; actor: string; policy?: Partial<InvitePolicy> },
): Promise<IssuedInvite[]> {
  const { now, actor, unitCode } = options;
  const expiresAt = new Date(now.getTime() + policyOf(options.policy).validDays * 24 * 60 * MINUTE);

  // Read, revoke and insert in one transaction, so a crash leaves either the old links or the new ones.
  return db.$transaction(
    async (tx) => {
      const unitId = unitCode === undefined ? undefined : await unitIdFor(tx, unitCode);
      const employees = await tx.employee.findMany({
        where: { active: true, telegramId: null, unitId },
        select: { id: true, nip: true, name: true, unit: { select: { code: true, name: true } } },
        orderBy: [{ unit: { code: "asc" } }, { nip: "asc" }],
      });
      const issued = employees.map((e) => ({ employeeId: e.id, code: generateInviteCode(), employee: e }));

      let revoked = 0;
      for (const part of chunks(issued)) {
        // Only the newest link works: anything still open for these employees is withdrawn.
        const result = await tx.invite.updateMany({
          where: { employeeId: { in: part.map((i) => i.employeeId) }, usedAt: null, revokedAt: null },
          data: { revokedAt: now },
        });
        revoked += result.count;
        await tx.invite.createMany({
          data: part.map((i) => ({
            employeeId: i.employeeId,
            codeHash: hashInviteCode(i.code),
            createdAt: now,
            expiresAt,
          })),
        });
      }

      await recordAudit(tx, {
        at: now,
        actor,
        action: "invites.issue",
        entity: "Invite",
        entityId: unitCode,
        details: { count: issued.length, unit: unitCode ?? null, revoked, expiresAt },
      });

      return issued.map(({ code, employee: e }) => ({
        nip: e.nip,
        name: e.name,
        unitCode: e.unit.code,
        unitName: e.unit.name,
        code,
        expiresAt,
      }));
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

async function unitIdFor(tx: Prisma.TransactionClient, code: string): Promise<number> {
  const unit = await tx.unit.findUnique({ where: { code }, select: { id: true } });
  if (!unit) throw new InviteLookupError(`There is no unit with code "${code}".`);
  return unit.id;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Redeeming

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

// ---------------------------------------------------------------------------------------------
// Resetting

/**
 * Unlinks an employee's Telegram account (a lost phone, a wrong person) and withdraws any link
 * still open for them, so the next `invites` run gives them a fresh one. For someone who never
 * linked, an open link is revoked only with `force`: it is probably the one just handed out.
 */
export async function resetLink(
  db: Db,
  options: { nip: string; now: Date; actor: string; force?: boolean },
): Promise<ResetOutcome> {
  const { nip, now, actor } = options;
  return db.$transaction(async (tx) => {
    const employee = await tx.employee.findUnique({
      where: { nip },
      select: { id: true, nip: true, name: true, telegramId: true, linkedAt: true },
    });
    if (!employee) throw new InviteLookupError(`There is no employee with NIP "${nip}".`);
    if (employee.telegramId === null && !options.force) {
      const unusedInvites = await tx.invite.count({
        where: { employeeId: employee.id, usedAt: null, revokedAt: null },
      });
      if (unusedInvites > 0)
        return { kind: "unused-invite", nip: employee.nip, name: employee.name, unusedInvites, revokedInvites: 0 };
    }

    const { count: revokedInvites } = await tx.invite.updateMany({
      where: { employeeId: employee.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const base = { nip: employee.nip, name: employee.name, revokedInvites };

    if (employee.telegramId === null) {
      if (revokedInvites > 0) {
        await recordAudit(tx, {
          at: now,
          actor,
          action: "invites.revoke",
          entity: "Employee",
          entityId: employee.id,
          details: { nip, revokedInvites },
        });
      }
      return { kind: "not-linked", ...base };
    }

    await tx.employee.update({ where: { id: employee.id }, data: { telegramId: null, linkedAt: null } });
    await recordAudit(tx, {
      at: now,
      actor,
      action: "employee.unlink",
      entity: "Employee",
      entityId: employee.id,
      before: { telegramId: employee.telegramId, linkedAt: employee.linkedAt },
      after: { telegramId: null, linkedAt: null },
      details: { nip, revokedInvites },
    });
    return { kind: "unlinked", ...base, telegramId: employee.telegramId };
  });
}
