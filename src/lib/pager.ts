import type { InlineKeyboard } from "grammy";
import type { Translate } from "./i18n.ts";

/**
 * "◀ Sebelumnya" / "Berikutnya ▶" on a list shown a page at a time: only those that lead somewhere.
 * `page` counts from 0 of `pages`; `pack` builds a page's button data.
 */
export function addPageButtons(
  keyboard: InlineKeyboard,
  t: Translate,
  page: number,
  pages: number,
  pack: (page: number) => string,
): InlineKeyboard {
  if (page > 0) keyboard.text(t("button-previous"), pack(page - 1));
  if (page + 1 < pages) keyboard.text(t("button-next"), pack(page + 1));
  return keyboard;
}
