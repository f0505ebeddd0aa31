/**
 * What people type can hold characters PostgreSQL refuses (U+0000 in `text` and `jsonb`, a lone
 * UTF-16 surrogate in `jsonb`) and control characters that only garble a message. They are removed
 * where text comes in (the bot's first middleware, the import reader), so no feature meets them
 * and no update fails on them for ever (docs/operations.md, "Redelivery").
 */

/** C0 controls but tab, line feed and carriage return; DEL. NUL is among them. */
const UNWANTED = "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]";
const UNWANTED_ALL = new RegExp(UNWANTED, "g");
const UNWANTED_ONE = new RegExp(UNWANTED);
/** Half of a surrogate pair without its other half: not text, and refused by `jsonb`. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE, "g");

/** The text without unwanted control characters, lone surrogates replaced by U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(UNWANTED_ALL, "").replace(LONE_SURROGATES, "\uFFFD");
}

/** Whether `cleanText` would change the text (the common case, nothing to clean, costs one scan). */
export const needsCleaning = (text: string): boolean => UNWANTED_ONE.test(text) || LONE_SURROGATE.test(text);

/** An entity of a Telegram message: a span of its text in UTF-16 code units. */
export interface TextSpan {
  offset: number;
  length: number;
}

/**
 * Cleans the text and moves the spans (commands, mentions, formatting) so that they still cover
 * the same characters; a span left empty is dropped.
 */
export function cleanTextWithSpans<S extends TextSpan>(text: string, spans: S[] = []): { text: string; spans: S[] } {
  if (!needsCleaning(text)) return { text, spans };
  const removedBefore: number[] = [];
  let removed = 0;
  for (let i = 0; i <= text.length; i++) {
    removedBefore.push(removed);
    if (i < text.length && UNWANTED_ONE.test(text[i]!)) removed++;
  }
  const moved = spans
    .map((span) => {
      const start = span.offset - removedBefore[span.offset]!;
      const end = span.offset + span.length - removedBefore[Math.min(span.offset + span.length, text.length)]!;
      return { ...span, offset: start, length: end - start };
    })
    .filter((span) => span.length > 0);
  return { text: cleanText(text), spans: moved };
}
