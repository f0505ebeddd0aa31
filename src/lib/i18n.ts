import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

/** The languages Lapkin speaks; Indonesian is the default (docs/architecture.md, "Words"). */
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

export type TranslationVariables = Record<string, string | number>;
/** A translator bound to one language: `t("lapor-submitted", { number })`. */
export type Translate = (key: string, vars?: TranslationVariables) => string;

export const asLocale = (value: string | undefined): Locale => (value === "en" ? "en" : DEFAULT_LOCALE);

const LOCALES_DIR = new URL("../../locales/", import.meta.url).pathname;

/**
 * The two Fluent bundles, built once for the process from locales/<locale>.ftl. Without
 * `useIsolating: false` Fluent wraps every variable in invisible Unicode isolation marks.
 */
let bundles: Map<Locale, FluentBundle> | undefined;

function bundleFor(locale: Locale): FluentBundle {
  bundles ??= new Map(
    LOCALES.map((l) => {
      const bundle = new FluentBundle(l, { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(readFileSync(`${LOCALES_DIR}${l}.ftl`, "utf8")));
      if (errors.length) throw new Error(`locales/${l}.ftl: ${errors.map((e) => e.message).join("; ")}`);
      return [l, bundle];
    }),
  );
  return bundles.get(locale)!;
}

/**
 * The text of `key` in `locale` (any other value means the default locale). A key missing in
 * English falls back to Indonesian; a key missing everywhere comes back as itself, so a typo is
 * visible instead of an empty message.
 */
export function translate(locale: string, key: string, vars?: TranslationVariables): string {
  for (const l of new Set([asLocale(locale), DEFAULT_LOCALE])) {
    const bundle = bundleFor(l);
    const message = bundle.getMessage(key);
    if (message?.value) return bundle.formatPattern(message.value, vars as Record<string, FluentVariable>, []);
  }
  return key;
}

/** `translate` bound to one language. */
export const translatorFor =
  (locale: string): Translate =>
  (key, vars) =>
    translate(locale, key, vars);
