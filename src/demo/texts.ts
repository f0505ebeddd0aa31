import { JOB_NAMES } from "../jobs/job-definitions.ts";
import type { Translate } from "../lib/i18n.ts";

/** Every text the page shows, from locales/ (`demo-*`), in the language the page asks for. */
export function pageTexts(t: Translate): Record<string, string> {
  const texts = Object.fromEntries(LOCALE_KEYS.map((key) => [key, t(`demo-${key}`)]));
  // Texts with variables keep {name} holes for the page to fill.
  for (const [key, names] of Object.entries(WITH_VARIABLES))
    texts[key] = t(`demo-${key}`, Object.fromEntries(names.map((n) => [n, `{${n}}`])));
  return texts;
}

const WITH_VARIABLES: Record<string, string[]> = {
  "job-ran": ["job", "count"],
  "sending-as": ["name"],
  failed: ["reason"],
};

const LOCALE_KEYS = [
  "title",
  "subtitle",
  "personas",
  ...["pegawai", "atasan", "kepala", "penilai", "admin", "masyarakat", "grup"].map((r) => `role-${r}`),
  "not-linked",
  "placeholder",
  "send",
  "attach",
  "as-document",
  "samples",
  "caption",
  "send-files",
  "cancel",
  "menu",
  "edited",
  "clock",
  "next-day",
  "jobs",
  "run",
  ...JOB_NAMES.map((j) => `job-${j}`),
  "tour",
  "tour-go",
  "tour-done",
  ...["invite", "report", "approve", "skp", "summary", "survey", "dashboard"].flatMap((s) => [
    `tour-${s}-title`,
    `tour-${s}-body`,
  ]),
  "language-switch",
  "invite-link",
  "alert-close",
];
