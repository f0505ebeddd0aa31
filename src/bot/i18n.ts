import { readFileSync } from "node:fs";
import { I18n } from "@grammyjs/i18n";
import type { BotContext } from "./context.ts";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

const LOCALES_DIR = new URL("../../locales/", import.meta.url).pathname;

/** A linked employee's stored language wins; otherwise English for English Telegram clients, Indonesian for the rest. */
export function negotiateLocale(ctx: BotContext): Locale {
  if (ctx.employee) return asLocale(ctx.employee.language);
  return ctx.from?.language_code?.startsWith("en") ? "en" : DEFAULT_LOCALE;
}

export const asLocale = (value: string | undefined): Locale => (value === "en" ? "en" : DEFAULT_LOCALE);

export function createI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: DEFAULT_LOCALE,
    localeNegotiator: negotiateLocale,
    // Without this Fluent wraps every variable in invisible Unicode isolation marks.
    fluentBundleOptions: { useIsolating: false },
  });
  for (const locale of LOCALES) {
    i18n.loadLocaleSync(locale, { source: readFileSync(`${LOCALES_DIR}${locale}.ftl`, "utf8"), isDefault: locale === DEFAULT_LOCALE });
  }
  return i18n;
}
