import type { Transformer } from "grammy";
import { decodeEntity, HTML_TOKEN, visibleText } from "./html.ts";

/** Telegram's limits for one message's text and one media caption, in characters (docs/domain.md, "Telegram limits"). */
export const MESSAGE_MAX = 4096;
export const CAPTION_MAX = 1024;

/** The characters Telegram counts in an HTML text: what is left after tags and entities are parsed (UTF-16 code units). */
export const visibleLength = (html: string): number => visibleText(html).length;

/**
 * The HTML text `html` within `max` visible characters as Telegram counts them (UTF-16 code units,
 * after entity parsing): cut at the end with "…" only when it has to be — never inside a tag or an
 * entity, never between the two halves of an emoji — and every tag left open is closed.
 */
export function shorten(html: string, max: number): string {
  if (visibleLength(html) <= max) return html;
  const open: string[] = [];
  let out = "";
  let room = max - 1; // for the "…"
  for (const [token] of html.matchAll(HTML_TOKEN)) {
    if (token.length > 1 && token.startsWith("<")) {
      out += token;
      const name = /^<(\/?)([a-z-]+)/i.exec(token);
      if (name?.[1]) open.pop();
      else if (name && !token.endsWith("/>")) open.push(name[2]!.toLowerCase());
      continue;
    }
    const decoded = token.length > 1 && token.startsWith("&") ? decodeEntity(token) : undefined;
    const size = decoded?.length ?? token.length;
    if (size <= room) {
      out += token;
      room -= size;
      continue;
    }
    if (decoded === undefined) {
      let part = token.slice(0, room);
      if (/[\uD800-\uDBFF]$/.test(part)) part = part.slice(0, -1);
      out += part;
    }
    break;
  }
  return `${out}${open
    .reverse()
    .map((name) => `</${name}>`)
    .join("")}…`;
}

/**
 * Blocks of HTML (each whole in itself: no tag open across two) joined by newlines into as few
 * messages as fit `max`: a long record is sent in several messages rather than cut. A block that
 * alone is over `max` is shortened.
 */
export function splitMessage(blocks: readonly string[], max = MESSAGE_MAX): string[] {
  const messages: string[] = [];
  let current: string[] = [];
  let length = 0;
  // No message opens or ends with a blank line.
  const flush = () => {
    while (current.at(-1)?.trim() === "") current.pop();
    if (current.length > 0) messages.push(current.join("\n"));
    current = [];
    length = 0;
  };
  for (const block of blocks) {
    if (current.length === 0 && block.trim() === "") continue;
    const fitted = shorten(block, max);
    const size = visibleLength(fitted);
    if (current.length > 0 && length + 1 + size > max) flush();
    length += (current.length > 0 ? 1 : 0) + size;
    current.push(fitted);
  }
  flush();
  return messages;
}

/**
 * The last line of defence: a message that would still be over a limit is cut rather than
 * refused by Telegram (which would lose all of it). What users type is bounded where they type it,
 * and the renderers fit their texts, so this cuts nothing in practice.
 */
export const fitToTelegramLimits: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  if (typeof p.text === "string" && p.text.length > MESSAGE_MAX) {
    payload = { ...p, text: shorten(p.text, MESSAGE_MAX) } as typeof payload;
  }
  if (typeof p.caption === "string" && p.caption.length > CAPTION_MAX) {
    payload = { ...(payload as object), caption: shorten(p.caption, CAPTION_MAX) } as typeof payload;
  }
  return prev(method, payload, signal);
};

/** The methods whose `text` is not HTML but shown as it is (a callback answer's alert). */
const PLAIN_TEXT_METHODS = new Set(["answerCallbackQuery"]);

/**
 * Every text and caption Lapkin sends is Telegram HTML (src/lib/html.ts): this sets
 * `parse_mode: "HTML"` once for all calls, unless a call chose its own. A callback answer cannot be
 * formatted, so its text is given as the reader would see it.
 */
export const sendAsHtml: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  if (PLAIN_TEXT_METHODS.has(method)) {
    if (typeof p.text === "string") payload = { ...p, text: visibleText(p.text) } as typeof payload;
    return prev(method, payload, signal);
  }
  if ((typeof p.text === "string" || typeof p.caption === "string") && p.parse_mode === undefined) {
    payload = { ...p, parse_mode: "HTML" } as typeof payload;
  }
  if (Array.isArray(p.media)) {
    const media = p.media.map((m: Record<string, unknown>) =>
      typeof m.caption === "string" && m.parse_mode === undefined ? { ...m, parse_mode: "HTML" } : m,
    );
    payload = { ...(payload as object), media } as unknown as typeof payload;
  }
  return prev(method, payload, signal);
};

/**
 * What every Api that sends Lapkin's messages carries: the bot's, the outbox sender's and each
 * conversation's (the conversations plugin makes an Api of its own for every update).
 */
export const MESSAGE_TRANSFORMERS: readonly Transformer[] = [sendAsHtml, fitToTelegramLimits];
