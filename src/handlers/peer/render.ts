import { InlineKeyboard } from "grammy";
import type { PeerView } from "../../domain/peer/summary.ts";
import type { Translate } from "../../lib/i18n.ts";
import { BERAKHLAK_VALUES, type BerakhlakValue } from "../../scoring/index.ts";
import { PEER_ANSWERS, peerData } from "./callback-data.ts";

/**
 * Peer feedback as a reader sees it: the counts per value, and the notes (without names) when the
 * reader may see them. Below the minimum there is no view, and `hiddenLine` says only that it is
 * not enough, never how many answered (docs/domain.md, "Peer feedback").
 */
export function peerLines(t: Translate, view: PeerView): string[] {
  const lines = [t("peer-summary-header", { respondents: view.summary.respondents })];
  for (const value of BERAKHLAK_VALUES) {
    const counts = view.summary.perValue[value];
    lines.push(
      t("peer-summary-value", {
        value: t(`berakhlak-${value}`),
        above: counts.ABOVE,
        meets: counts.MEETS,
        below: counts.BELOW,
      }),
    );
  }
  if (view.notes.length > 0)
    lines.push(t("peer-summary-notes"), ...view.notes.map((note) => t("peer-summary-note", { note })));
  return lines;
}

/** The line shown to a supervisor while too few colleagues answered. */
export const hiddenLine = (t: Translate, min: number) => t("peer-summary-hidden", { min });

/** The question for one value of a request, with the four answers. */
export function valueQuestion(t: Translate, requestId: number, name: string, value: BerakhlakValue) {
  const index = BERAKHLAK_VALUES.indexOf(value);
  const keyboard = new InlineKeyboard();
  for (const letter of PEER_ANSWERS)
    keyboard.text(t(`peer-answer-${letter}`), peerData.value.pack(requestId, index, letter)).row();
  const text = t("peer-ask-value", {
    name,
    value: t(`berakhlak-${value}`),
    n: index + 1,
    of: BERAKHLAK_VALUES.length,
  });
  return { text, keyboard };
}
