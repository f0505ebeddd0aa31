import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { escapeHtml, html, Html, visibleText } from "./html.ts";

/** The languages Lapkin speaks; Indonesian is the default (docs/architecture.md, "Words"). */
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

/**
 * A message's variables. A string is text (escaped into the message's HTML, whatever it holds); an
 * `Html` (from `html()`) is a fragment already rendered, inserted as it is.
 */
export type TranslationVariables = Record<string, string | number | Html>;
/** A translator bound to one language: `t("lapor-submitted", { number })`; the result is Telegram HTML. */
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

/** Every string variable escaped, every `Html` one unwrapped: the message's HTML stays well formed. */
function escaped(vars: TranslationVariables | undefined): Record<string, FluentVariable> | undefined {
  if (!vars) return undefined;
  const out: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(vars))
    out[name] = value instanceof Html ? value.value : typeof value === "string" ? escapeHtml(value) : value;
  return out;
}

/**
 * The text of `key` in `locale` (any other value means the default locale), as Telegram HTML with
 * its variables escaped. A key missing in English falls back to Indonesian; a key missing
 * everywhere comes back as itself, so a typo is visible instead of an empty message.
 */
export function translate(locale: string, key: string, vars?: TranslationVariables): string {
  for (const l of new Set([asLocale(locale), DEFAULT_LOCALE])) {
    const bundle = bundleFor(l);
    const message = bundle.getMessage(key);
    if (message?.value) return bundle.formatPattern(message.value, escaped(vars), []);
  }
  return key;
}

/** `translate` bound to one language. */
export const translatorFor =
  (locale: string): Translate =>
  (key, vars) =>
    translate(locale, key, vars);

/**
 * A message worded later, in the reader's language: its key and variables. A variable may itself
 * be such a message (a reason inside a sentence). A number is for a count that chooses a plural
 * form (it is shown grouped, 1,234); a year or a row number is passed as text, so it is not.
 */
export interface Message {
  key: string;
  args?: MessageArgs;
}
export type MessageArgs = { [name: string]: string | number | Message };

/** `message` in the language of `t`, its inner messages first; the result is what `t` gives (HTML). */
export function renderMessage(t: Translate, message: Message): string {
  if (!message.args) return t(message.key);
  const vars: TranslationVariables = {};
  for (const [name, value] of Object.entries(message.args))
    vars[name] = typeof value === "object" ? html(String(renderMessage(t, value))) : value;
  return t(message.key, vars);
}

/** `message` in `locale` as plain text, for a terminal or a log (no tags, entities decoded). */
export const plainText = (locale: string, message: Message): string =>
  visibleText(renderMessage(translatorFor(locale), message));
