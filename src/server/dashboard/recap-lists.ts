import { html } from "hono/html";
import { lastClosedRecap } from "../../domain/oversight/recap.ts";
import { awardLine, coachingLine, coachingReasons } from "../../domain/oversight/recap-words.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import { roundTo } from "../../scoring/round.ts";
import { localDate } from "../../lib/time.ts";
import { csvResponse } from "./csv.ts";
import { positiveInt, type DashboardContext, type DashboardDependencies } from "./http.ts";
import { csvLink, pager } from "./layout.ts";

/** A city's coaching list can run to thousands: shown a page at a time (the award list is short by policy). */
const COACHING_PAGE_SIZE = 50;
const COACHING_PAGE = "hal_pembinaan";
/** The lists' CSV, as the page's `daftar` names it. */
export const RECAP_LIST = "rekap";

/**
 * The award candidates and the coaching list of the last closed period within the units shown, with
 * their reasons — the same lists as /rekap (docs/domain.md, "Awards and coaching"). The caller shows
 * it only on the unit page, which only heads, the assessment team and admins reach, each within
 * their own scope.
 */
export async function recapLists(c: DashboardContext, deps: DashboardDependencies, unitIds: number[]) {
  const { t, locale } = c.var;
  const { period, awardCount, awards, coaching } = await recapOf(c, deps, unitIds);
  const pageIndex = (positiveInt(c.req.query(COACHING_PAGE)) ?? 1) - 1;
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
      ${coaching.length === 0 ? none : ""}
      ${coaching
        .slice(pageIndex * COACHING_PAGE_SIZE, (pageIndex + 1) * COACHING_PAGE_SIZE)
        .map((p) => html`<li>${coachingLine(t, p)}</li>`)}
    </ul>
    ${coaching.length > COACHING_PAGE_SIZE ? pager(c, pageIndex, coaching.length, COACHING_PAGE_SIZE, COACHING_PAGE) : ""}
    ${csvLink(c, RECAP_LIST)}
  </section>`;
}

/** The same lists as one CSV: the award candidates by rank, then the coaching list. */
export async function recapCsv(c: DashboardContext, deps: DashboardDependencies, unitIds: number[]) {
  const { period, awards, coaching } = await recapOf(c, deps, unitIds);
  return csvResponse(
    c,
    `rekap-${period.year}-${period.code}`,
    // Like the export's Rekomendasi sheet, without the peer score: peer feedback never leaves per person.
    [
      "daftar",
      "peringkat",
      "nama",
      "unit",
      "realisasi_indikator_utama",
      "laporan_disetujui",
      "nilai_ikm_loket",
      "alasan",
    ],
    [
      ...awards.map((a, i) => [
        "penghargaan",
        i + 1,
        a.name,
        a.unitName,
        a.criteria.mainRealisation === null ? "" : roundTo(a.criteria.mainRealisation, 1),
        a.criteria.approvedWork ?? 0,
        a.criteria.citizenScore ?? "",
        "",
      ]),
      ...coaching.map((p) => ["pembinaan", "", p.name, p.unitName, "", "", "", coachingReasons(c.var.t, p)]),
    ],
  );
}

function recapOf(c: DashboardContext, deps: DashboardDependencies, unitIds: number[]) {
  return lastClosedRecap(deps.db, unitIds, localDate(deps.clock.now(), c.var.viewer.timeZone));
}
