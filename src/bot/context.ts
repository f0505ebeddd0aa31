import type { Context } from "grammy";
import type { TranslationVariables } from "../lib/i18n.ts";
import type { Role } from "../generated/prisma/client.ts";

/** The employee behind the Telegram account of this update, loaded once per update from the database. */
export interface CurrentEmployee {
  id: number;
  nip: string;
  name: string;
  position: string;
  unitId: number;
  unitName: string;
  timeZone: string;
  roles: Role[];
  isSupervisor: boolean;
  language: string;
}

export interface LapkinFlavor {
  /** Undefined when the sender has not linked an account (or is not a user, e.g. a channel post). */
  employee?: CurrentEmployee;
  /** True when the sender's Telegram id is in ADMIN_TELEGRAM_IDS or the employee has the ADMIN role. */
  isAdmin: boolean;
}

/** What the i18n middleware (src/bot/i18n.ts) adds to every update's context. */
export interface I18nFlavor {
  /** The text of `key` in the language of this update's sender (see negotiateLocale). */
  t(key: string, vars?: TranslationVariables): string;
}

export type BotContext = Context & I18nFlavor & LapkinFlavor;
