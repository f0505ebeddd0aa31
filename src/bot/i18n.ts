import type { MiddlewareFn } from "grammy";
import { asLocale, DEFAULT_LOCALE, translate, type Locale } from "../lib/i18n.ts";
import type { BotContext } from "./context.ts";

/** A linked employee's stored language wins; otherwise English for English Telegram clients, Indonesian for the rest. */
export function negotiateLocale(ctx: BotContext): Locale {
  if (ctx.employee) return asLocale(ctx.employee.language);
  return ctx.from?.language_code?.startsWith("en") ? "en" : DEFAULT_LOCALE;
}

/**
 * Gives every update `ctx.t`. The language is negotiated at each call, so a change of
 * `ctx.employee` in the update (linking, /bahasa) is followed at once; the bundles are the
 * process's one set (src/lib/i18n.ts).
 */
export function i18n(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.t = (key, vars) => translate(negotiateLocale(ctx), key, vars);
    return next();
  };
}
