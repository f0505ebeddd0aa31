import type { Transformer } from "grammy";

/** Telegram's limits for one message's text and one media caption, in characters (docs/domain.md, "Telegram limits"). */
export const MESSAGE_MAX = 4096;
export const CAPTION_MAX = 1024;

/**
 * `text` within `max` characters as Telegram counts them (UTF-16 code units): cut at the end with
 * "…" only when it has to be, never between the two halves of an emoji.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
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
