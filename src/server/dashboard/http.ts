import type { Context } from "hono";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { Translate } from "../../lib/i18n.ts";
import type { FileStore } from "../../storage/file-store.ts";
import type { ReviewRenderer } from "../../domain/review/card.ts";
import type { EvaluationPeriodKind } from "../../domain/skp/periods.ts";
import type { ReviewPolicy } from "../../domain/policy/sections.ts";
import type { OrganisationalResult } from "../../scoring/index.ts";
import type { LiveSession } from "../../domain/dashboard/session.ts";
import type { Viewer } from "../../domain/dashboard/viewer.ts";

export interface DashboardDependencies {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where evidence photos (and their thumbnails) are kept. */
  storage: FileStore;
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  adminTelegramIds: bigint[];
  /** The review texts the chat buttons use, so a decision from the browser notifies the same way. */
  reviewRenderer: ReviewRenderer;
  periodKind?: EvaluationPeriodKind;
  /** When a pending report counts as overdue on the unit pages; absent: the default policy. */
  reviewPolicy?: ReviewPolicy;
  /** A unit's assumed organisational result when it has none (the rating policy's). */
  defaultOrganisationalResult?: OrganisationalResult;
  /** DATA_DIR: uploaded import files wait under uploads/ until "Impor". */
  dataDir: string;
  /** The bot's username, for invite links (t.me/<bot>?start=inv_…); absent: invites cannot be issued here. */
  botUsername?: string;
  /** DEFAULT_TIMEZONE, for an imported unit without zona_waktu. */
  defaultTimeZone?: string;
}

/** What the session middleware puts on every signed-in request. */
export type DashboardEnv = {
  Variables: { viewer: Viewer; session: LiveSession; t: Translate; locale: string };
};

export type DashboardContext = Context<DashboardEnv>;

export const SESSION_COOKIE = "lapkin_sesi";

/**
 * The address a request came from, for throttling login tries. Behind a reverse proxy on the same
 * host (the documented set-up) the proxy's last X-Forwarded-For entry is the browser's address; a
 * value sent by the browser itself is never trusted from elsewhere.
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | undefined): string {
  const loopback = remote === "127.0.0.1" || remote === "::1" || remote === "::ffff:127.0.0.1";
  if (loopback && forwardedFor) return forwardedFor.split(",").at(-1)!.trim() || remote;
  return remote ?? "unknown";
}

/** Reads a positive whole number from a query or form value (ids, pages); anything else is undefined. */
export function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * A local date YYYY-MM-DD from a query value, or undefined. Only a day of the calendar from 1900 to
 * 2999: month 13 is no Date at all, and year 0 is no date PostgreSQL stores.
 */
export function isoDate(value: string | undefined): string | undefined {
  if (!value || !/^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}
