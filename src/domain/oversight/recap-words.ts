import { html } from "../../lib/html.ts";
import type { Translate } from "../../lib/i18n.ts";
import { formatNumber } from "../../lib/number.ts";
import type { AwardCandidate, CoachingCandidate } from "./recap.ts";

/** One award candidate with every criterion shown, as /rekap and the dashboard print it. */
export const awardLine = (t: Translate, a: AwardCandidate, rank: number) =>
  t("recap-award-line", {
    rank,
    name: a.name,
    unit: a.unitName,
    realisation: a.criteria.mainRealisation === null ? "-" : formatNumber(a.criteria.mainRealisation, 1),
    approved: a.criteria.approvedWork ?? 0,
    citizen: a.criteria.citizenScore === null ? "-" : formatNumber(a.criteria.citizenScore, 2),
    peer: a.criteria.peerScore === null ? "-" : formatNumber(a.criteria.peerScore, 2),
  });

/** A coaching candidate with each reason, as /rekap and the dashboard print it. */
export const coachingLine = (t: Translate, c: CoachingCandidate) =>
  t("recap-coaching-line", { name: c.name, unit: c.unitName, reasons: html(coachingReasons(t, c)) });

/** A coaching candidate's reasons in words, joined by "; " (also the dashboard CSV's column). */
export const coachingReasons = (t: Translate, c: CoachingCandidate) =>
  c.reasons
    .map((r) => {
      if (r.reason === "predicate") return t("recap-reason-predicate", { predicate: t(`predicate-${r.predicate}`) });
      if (r.reason === "low-reporting")
        return t("recap-reason-low-reporting", { reported: r.expected - r.missed, expected: r.expected });
      return t("recap-reason-results-below-twice");
    })
    .join("; ");
