import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { hashToken, newToken } from "./tokens.ts";

/**
 * Dashboard sessions, stored in the database (a restart or a second instance keeps them). A session
 * ends after 8 idle hours, at "Keluar", when the employee's Telegram link is reset, and when an
 * import deactivates them.
 */

export const SESSION_IDLE_HOURS = 8;
const HOUR = 3_600_000;
/** lastSeenAt is written at most this often, so that reading pages does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

type Tx = Pick<Prisma.TransactionClient, "dashboardSession" | "dashboardLogin">;

export interface NewSession {
  /** The cookie's value; only its hash is stored. */
  token: string;
  csrfToken: string;
  employeeId: number;
}

export interface LiveSession {
  id: number;
  employeeId: number;
  csrfToken: string;
}

export async function startSession(tx: Tx, employeeId: number, now: Date): Promise<NewSession> {
  const token = newToken();
  const csrfToken = randomBytes(24).toString("base64url");
  await tx.dashboardSession.create({
    data: { tokenHash: hashToken(token), employeeId, csrfToken, lastSeenAt: now },
  });
  return { token, csrfToken, employeeId };
}

/**
 * The live session of a cookie: not ended, used within the idle limit, its employee still active
 * and linked. Refreshes its idle clock.
 */
export async function sessionOf(db: Db, token: string | undefined, now: Date): Promise<LiveSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await db.dashboardSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { employee: { select: { active: true, telegramId: true } } },
  });
  if (!row || row.endedAt) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_HOURS * HOUR) return undefined;
  if (!row.employee.active || row.employee.telegramId === null) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await db.dashboardSession.update({ where: { id: row.id }, data: { lastSeenAt: now } });
  return { id: row.id, employeeId: row.employeeId, csrfToken: row.csrfToken };
}

export async function endSession(db: Db, id: number, now: Date): Promise<void> {
  await db.dashboardSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: now } });
}

/**
 * Ends every session of these employees (link reset, deactivation), inside the caller's transaction,
 * and voids their unused sign-in links: one sent to a lost phone's chat would otherwise still open
 * a session once the employee links a new account or is active again.
 */
export async function endSessionsOf(tx: Tx, employeeIds: number[], now: Date): Promise<number> {
  if (employeeIds.length === 0) return 0;
  await tx.dashboardLogin.updateMany({
    where: { employeeId: { in: employeeIds }, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const ended = await tx.dashboardSession.updateMany({
    where: { employeeId: { in: employeeIds }, endedAt: null },
    data: { endedAt: now },
  });
  return ended.count;
}
