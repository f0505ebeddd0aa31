/**
 * Telegram HTML, the one format of every message Lapkin sends (docs/architecture.md, "Words").
 * Text anyone typed is escaped exactly once, by `translate`; a fragment already rendered as HTML
 * is passed on wrapped in `html()`, so it is not escaped a second time.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** `text` with the characters that mean something to HTML replaced by their entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** A string that already is Telegram HTML (a rendered fragment), to be inserted as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks a rendered fragment (the output of `translate`/`ctx.t`, or built from escaped parts) as HTML. */
export const html = (value: string): Html => new Html(value);

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** One entity (`&amp;`, `&#39;`, `&#x1F600;`) as the character it stands for, or undefined when unknown. */
export function decodeEntity(entity: string): string | undefined {
  const name = entity.slice(1, -1);
  if (name in NAMED) return NAMED[name];
  const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
  if (code === undefined) return undefined;
  const value = parseInt(code, name[1]?.toLowerCase() === "x" ? 16 : 10);
  return value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}

/** The pieces of an HTML text: tags, entities and plain runs, in order. */
export const HTML_TOKEN = /<[^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|[^<&]+|[<&]/gi;

/** What a reader sees of an HTML text: tags removed, entities decoded (for plain-text places and limits). */
export function visibleText(text: string): string {
  let out = "";
  for (const [token] of text.matchAll(HTML_TOKEN)) {
    if (token.startsWith("<") && token.length > 1) continue;
    out += token.startsWith("&") && token.length > 1 ? (decodeEntity(token) ?? token) : token;
  }
  return out;
}
