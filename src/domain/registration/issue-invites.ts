import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import {
  generateInviteCode,
  hashInviteCode,
  InviteLookupError,
  MINUTE,
  policyOf,
  type InvitePolicy,
} from "./invite-common.ts";

/** Rows per INSERT/UPDATE: keeps each statement far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2_000;

export interface IssuedInvite {
  nip: string;
  name: string;
  unitCode: string;
  unitName: string;
  /** The plain code: shown once, never stored. */
  code: string;
  expiresAt: Date;
}

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
