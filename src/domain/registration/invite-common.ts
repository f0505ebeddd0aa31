import { createHash, randomBytes } from "node:crypto";

/**
 * One-time invite codes that link an employee to a Telegram account.
 * Knows nothing of Telegram: the caller passes the account id and the time.
 *
 * What issuing (issue-invites.ts), redeeming (redeem-invite.ts) and resetting (reset-link.ts) share:
 * the policy, the codes and their digest, and the operator's lookup error.
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
export const MINUTE = 60_000;

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

export const policyOf = (override?: Partial<InvitePolicy>): InvitePolicy => ({ ...INVITE_POLICY, ...override });

/** The personal link an invite is handed out as: opens the bot with `/start inv_<code>`. */
export const inviteLink = (botUsername: string, code: string) => `https://t.me/${botUsername}?start=inv_${code}`;
