import { html } from "hono/html";
import { lastClosedRecap } from "../../domain/oversight/recap.ts";
import { awardLine, coachingLine } from "../../domain/oversight/recap-words.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import { localDate } from "../../lib/time.ts";
import type { DashboardContext, DashboardDependencies } from "./http.ts";

/**
 * The award candidates and the coaching list of the last closed period within the units shown, with
 * their reasons — the same lists as /rekap (docs/domain.md, "Awards and coaching"). The caller shows
 * it only on the unit page, which only heads, the assessment team and admins reach, each within
 * their own scope.
 */
export async function recapLists(c: DashboardContext, deps: DashboardDependencies, unitIds: number[]) {
  const { t, viewer, locale } = c.var;
  const today = localDate(deps.clock.now(), viewer.timeZone);
  const { period, awardCount, awards, coaching } = await lastClosedRecap(deps.db, unitIds, today);
  const none = html`<li>${t("recap-none")}</li>`;
  return html`<section class="recap">
    <h2>${t("dasbor-recap-title", { period: periodLabel(t, period, locale) })}</h2>
    <p>${t("dasbor-recap-private")}</p>
    <h3>${t("recap-awards", { count: awardCount })}</h3>
    <ol class="awards">
      ${awards.length === 0 ? none : ""} ${awards.map((a, i) => html`<li>${awardLine(t, a, i + 1)}</li>`)}
    </ol>
    <h3>${t("recap-coaching")}</h3>
    <ul class="coaching">
      ${coaching.length === 0 ? none : ""} ${coaching.map((p) => html`<li>${coachingLine(t, p)}</li>`)}
    </ul>
  </section>`;
}
