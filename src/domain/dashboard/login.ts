import type { Db } from "../../db/client.ts";
import { recordAudit } from "../audit.ts";
import { startSession, type NewSession } from "./session.ts";
import { hashToken, isTokenFormat, newToken } from "./tokens.ts";

/**
 * The dashboard's only way in: a one-time link the bot sends to a linked employee (/dasbor).
 * The token has 256 random bits, only its SHA-256 is stored, it lasts 10 minutes and works once.
 * Tries with a bad token are throttled per address (docs/operations.md, "Dashboard").
 */

export const LOGIN_LINK_MINUTES = 10;
/** Bad tries per address within the window before the address must wait. */
export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MINUTES = 15;

const MINUTE = 60_000;

/** Issues a login link token for the employee; the caller builds `PUBLIC_URL/masuk/<token>`. */
export async function issueLoginToken(db: Db, employeeId: number, now: Date): Promise<string> {
  const token = newToken();
  await db.dashboardLogin.create({
    data: { tokenHash: hashToken(token), employeeId, expiresAt: new Date(now.getTime() + LOGIN_LINK_MINUTES * MINUTE) },
  });
  return token;
}

export type LoginOutcome = { kind: "ok"; session: NewSession } | { kind: "invalid" } | { kind: "throttled" };

/** Whether this address has failed too often lately. */
async function throttled(db: Db, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * MINUTE);
  const failures = await db.dashboardLoginAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } });
  return failures >= LOGIN_MAX_FAILURES;
}

/**
 * Redeems a login token: marks it used (a conditional update, so two tabs opening one link get one
 * session), and starts a session for its employee if they are still active and linked.
 */
export async function redeemLoginToken(db: Db, token: string, ip: string, now: Date): Promise<LoginOutcome> {
  if (await throttled(db, ip, now)) return { kind: "throttled" };
  const session = isTokenFormat(token) ? await claim(db, token, now) : undefined;
  await db.dashboardLoginAttempt.create({ data: { ip, at: now, succeeded: session !== undefined } });
  return session ? { kind: "ok", session } : { kind: "invalid" };
}

async function claim(db: Db, token: string, now: Date): Promise<NewSession | undefined> {
  return db.$transaction(async (tx) => {
    const row = await tx.dashboardLogin.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { employee: true },
    });
    if (!row || row.usedAt || row.expiresAt <= now) return undefined;
    if (!row.employee.active || row.employee.telegramId === null) return undefined;
    const used = await tx.dashboardLogin.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (used.count !== 1) return undefined;
    const session = await startSession(tx, row.employeeId, now);
    await recordAudit(tx, {
      at: now,
      actor: `telegram:${row.employee.telegramId}`,
      action: "dashboard.login",
      entity: "Employee",
      entityId: row.employeeId,
    });
    return session;
  });
}
