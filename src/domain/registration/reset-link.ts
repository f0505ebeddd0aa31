import type { Db } from "../../db/client.ts";
import { recordAudit } from "../audit.ts";
import { enqueueCommandMenuReset } from "./command-menu.ts";
import { InviteLookupError } from "./invite-common.ts";
import { endSessionsOf } from "../dashboard/session.ts";

export type ResetOutcome =
  | { kind: "unlinked"; nip: string; name: string; telegramId: bigint; revokedInvites: number }
  | { kind: "not-linked"; nip: string; name: string; revokedInvites: number }
  /** Never linked, but holding an unused link: revoked only with `force` (it may be on its way to them). */
  | { kind: "unused-invite"; nip: string; name: string; unusedInvites: number; revokedInvites: 0 };

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
    await enqueueCommandMenuReset(tx, [employee.telegramId], now); // the chat shows the default menu again
    await endSessionsOf(tx, [employee.id], now);
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
