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
    i18n.loadLocaleSync(locale, {
      source: readFileSync(`${LOCALES_DIR}${locale}.ftl`, "utf8"),
      isDefault: locale === DEFAULT_LOCALE,
    });
  }
  rememberBundleChoice(i18n);
  return i18n;
}

/**
 * Fluent negotiates which bundles serve a locale (BCP 47 matching) on every message it formats;
 * a /lapor update formats dozens, as its conversation replays from the top. The bundles are all
 * loaded above and never change, so the choice for a locale is made once and kept.
 */
function rememberBundleChoice(i18n: I18n<BotContext>): void {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => unknown };
  const match = fluent.matchBundles;
  if (typeof match !== "function") return; // another version of the plugin: it negotiates itself
  const chosen = new Map<string, unknown>();
  fluent.matchBundles = (locales: string[]) => {
    const key = locales.join("\n");
    let bundles = chosen.get(key);
    if (bundles !== undefined) return bundles;
    bundles = match.call(fluent, locales);
    if (chosen.size < 64) chosen.set(key, bundles); // a handful of locales in practice; bounded anyway
    return bundles;
  };
}
