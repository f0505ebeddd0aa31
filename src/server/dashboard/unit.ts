import { Hono } from "hono";
import { html } from "hono/html";
import { formatNumber } from "../../lib/number.ts";
import { roundTo } from "../../scoring/round.ts";
import { formatLocalDate, localDate } from "../../lib/time.ts";
import { PREDICATE_ORDER } from "../../scoring/rating.ts";
import { addDays } from "../../domain/calendar.ts";
import { DEFAULT_REVIEW_POLICY } from "../../domain/policy/sections.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import { unitChoices } from "../../domain/dashboard/units.ts";
import { hasUnitPages, seesEverything, seesUnit } from "../../domain/dashboard/viewer.ts";
import { unitsBelow } from "../../domain/oversight/scope.ts";
import { skpSummary } from "../../domain/skp/progress-summary.ts";
import {
  approvalStats,
  evaluationSpread,
  headcount,
  reportingByDay,
  reportingByPerson,
  type UnitScope,
} from "../../domain/dashboard/unit-stats.ts";
import { csvResponse, CSV_MAX_ROWS } from "./csv.ts";
import { RECAP_LIST, recapCsv, recapLists } from "./recap-lists.ts";
import { isoDate, positiveInt, type DashboardContext, type DashboardDependencies, type DashboardEnv } from "./http.ts";
import { csvLink, forbidden, page, pager, wantsCsv } from "./layout.ts";

/**
 * The unit page (a unit and those below) for heads, the assessment team within its scope and admins
 * (src/domain/oversight/scope.ts), with the unit's award and coaching lists; "all units" (the city
 * overview) only for admins and a team whose scope is the whole instansi.
 */

const PAGE_SIZE = 50;
/** A range longer than a quarter is cut to its last 92 days. */
const MAX_RANGE_DAYS = 92;
const ALL = "semua";
/** The page's further lists, for their CSV downloads (`daftar`). */
const DAYS = "harian";

export function unitRoutes(deps: DashboardDependencies): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  app.get("/dasbor/unit", async (c) => {
    const scope = await scopeOf(c, deps);
    if (!scope) return forbidden(c);
    if (wantsCsv(c)) return peopleCsv(c, deps, scope);
    if (wantsCsv(c, DAYS)) return daysCsv(c, deps, scope);
    if (wantsCsv(c, RECAP_LIST)) return recapCsv(c, deps, scope.unitIds);
    return unitPage(c, deps, scope);
  });
  return app;
}

type Scope = UnitScope & { choice: string };

/** The unit asked for, if the viewer may see it; the range, bounded. */
async function scopeOf(c: DashboardContext, deps: DashboardDependencies): Promise<Scope | undefined> {
  const viewer = c.var.viewer;
  if (!hasUnitPages(viewer)) return undefined;
  const all = seesEverything(viewer);
  const asked = c.req.query("unit");
  let unitIds: number[];
  let calendarUnitId: number;
  if (asked === ALL) {
    if (!all) return undefined;
    unitIds = (await unitChoices(deps.db, "all")).map((u) => u.id);
    calendarUnitId = viewer.unitId;
  } else {
    const visible = viewer.unitScope;
    const id = asked
      ? positiveInt(asked)
      : visible === "all" || visible.includes(viewer.unitId)
        ? viewer.unitId
        : visible[0];
    if (!id || !seesUnit(viewer, id)) return undefined;
    unitIds = await unitsBelow(deps.db, [id]);
    if (unitIds.length === 0) return undefined;
    calendarUnitId = id;
  }
  const today = localDate(deps.clock.now(), viewer.timeZone);
  let to = isoDate(c.req.query("sampai")) ?? today;
  if (to > today) to = today;
  let from = isoDate(c.req.query("dari")) ?? addDays(to, -29);
  if (from > to) from = to;
  if (addDays(from, MAX_RANGE_DAYS - 1) < to) from = addDays(to, -(MAX_RANGE_DAYS - 1));
  return { unitIds, calendarUnitId, from, to, choice: asked === ALL ? ALL : String(calendarUnitId) };
}

async function unitPage(c: DashboardContext, deps: DashboardDependencies, scope: Scope) {
  const { t, viewer, locale } = c.var;
  const db = deps.db;
  const pageIndex = (positiveInt(c.req.query("hal")) ?? 1) - 1;
  const overdueDays = (deps.reviewPolicy ?? DEFAULT_REVIEW_POLICY).reviewReminderWorkingDays;
  const choices = await unitChoices(db, viewer.unitScope);
  const root = choices.find((u) => u.id === scope.calendarUnitId);
  const result = root?.organisationalResult ?? deps.defaultOrganisationalResult ?? "BAIK";
  // The figures are independent of one another: all asked at once.
  const [people, days, persons, approvals, skp, spread, lists] = await Promise.all([
    headcount(db, scope.unitIds),
    reportingByDay(db, scope),
    reportingByPerson(db, scope, { index: pageIndex, size: PAGE_SIZE }),
    approvalStats(db, scope, deps.clock.now(), overdueDays),
    skpSummary(db, scope.unitIds, scope.to, deps.periodKind),
    evaluationSpread(db, scope, result, deps.periodKind),
    recapLists(c, deps, scope.unitIds),
  ]);
  const rate = shareOf(people);
  const percent = (share: number) => `${formatNumber(share * 100, 0)}%`;
  const rateChart = {
    type: "line",
    data: {
      labels: days.map((d) => d.date),
      datasets: [{ label: t("dasbor-unit-rate"), data: days.map((d) => Math.round(rate(d.reporters) * 1000) / 10) }],
    },
    options: { animation: false, scales: { y: { min: 0, max: 100 } } },
  };
  const spreadChart = {
    type: "bar",
    data: {
      labels: PREDICATE_ORDER.map((p) => t(`predicate-${p}`)),
      datasets: [{ label: t("dasbor-unit-evaluations"), data: PREDICATE_ORDER.map((p) => spread.counts[p] ?? 0) }],
    },
    options: { animation: false },
  };
  const body = html`<form method="get" class="filters">
      <label
        >${t("dasbor-col-unit")}<select name="unit">
          ${seesEverything(viewer) ? html`<option value="${ALL}" ${scope.choice === ALL ? "selected" : ""}>${t("dasbor-unit-all")}</option>` : ""}
          ${choices.map((u) => html`<option value="${u.id}" ${scope.choice === String(u.id) ? "selected" : ""}>${u.name}</option>`)}
        </select></label
      >
      <label>${t("dasbor-filter-from")}<input type="date" name="dari" value="${scope.from}" /></label>
      <label>${t("dasbor-filter-to")}<input type="date" name="sampai" value="${scope.to}" /></label>
      <button type="submit">${t("dasbor-filter-apply")}</button>
    </form>
    <p>${t("dasbor-unit-headcount", { count: people })}</p>
    <h2>${t("dasbor-unit-rate")}</h2>
    <div class="chart">
      <canvas data-chart="${JSON.stringify(rateChart)}" aria-label="${t("dasbor-unit-rate")}"></canvas>
    </div>
    <table class="rate">
      <tr>
        <th>${t("dasbor-col-date")}</th>
        <th>${t("dasbor-unit-reporters")}</th>
        <th>%</th>
      </tr>
      ${days.map(
        (d) =>
          html`<tr>
            <td>${formatLocalDate(d.date, locale)}</td>
            <td>${d.reporters}</td>
            <td>${percent(rate(d.reporters))}</td>
          </tr>`,
      )}
    </table>
    ${csvLink(c, DAYS)}
    <h2>${t("dasbor-unit-approvals")}</h2>
    <p class="approvals">
      ${t("dasbor-unit-approval-stats", {
        pending: approvals.pending,
        overdue: approvals.overdue,
        days: overdueDays,
        decided: approvals.decided,
        hours: approvals.averageHours === null ? "-" : formatNumber(approvals.averageHours, 1),
      })}
    </p>
    <h2>${t("dasbor-skp")}</h2>
    <p>
      ${skp.averagePercent === null ? t("dasbor-none") : t("dasbor-unit-skp", { plans: skp.plans, percent: formatNumber(skp.averagePercent, 0), onTarget: skp.onTarget })}
    </p>
    <h2>${t("dasbor-unit-evaluations")} — ${periodLabel(t, spread.period, locale)}</h2>
    <div class="chart">
      <canvas data-chart="${JSON.stringify(spreadChart)}" aria-label="${t("dasbor-unit-evaluations")}"></canvas>
    </div>
    <p>
      ${t("dasbor-unit-spread", { total: spread.total, result: t(`dasbor-result-${spread.organisationalResult}`) })}
    </p>
    ${spread.warnings.map((w) => html`<p class="warn">${t(`dasbor-spread-${w.kind}`, { predicate: w.predicate === "BELOW_BAIK" ? t("dasbor-below-baik") : t(`predicate-${w.predicate}`), actual: percent(w.actualShare), limit: percent(w.limit) })}</p>`)}
    <h2>${t("dasbor-unit-people")}</h2>
    <table class="people">
      <tr>
        <th>${t("dasbor-col-name")}</th>
        <th>${t("dasbor-col-unit")}</th>
        <th>${t("dasbor-unit-days")}</th>
        <th>${t("dasbor-reports")}</th>
        <th>${t("status-APPROVED")}</th>
      </tr>
      ${persons.map(
        (p) =>
          html`<tr>
            <td><a href="/dasbor/pegawai/${p.employeeId}">${p.name}</a></td>
            <td>${p.unitName}</td>
            <td>${p.daysReported}/${days.length}</td>
            <td>${p.reports}</td>
            <td>${p.approved}</td>
          </tr>`,
      )}
    </table>
    ${pager(c, pageIndex, people, PAGE_SIZE)} ${csvLink(c)} ${lists}`;
  return page(c, t("dasbor-unit-title"), body);
}

async function peopleCsv(c: DashboardContext, deps: DashboardDependencies, scope: Scope) {
  const rows = await reportingByPerson(deps.db, scope, { index: 0, size: CSV_MAX_ROWS });
  return csvResponse(
    c,
    `unit-${scope.choice}-${scope.from}-${scope.to}`,
    ["nama", "unit", "hari_melapor", "laporan", "disetujui"],
    rows.map((p) => [p.name, p.unitName, p.daysReported, p.reports, p.approved]),
  );
}

/** Share of the active people who reported on a day. */
const shareOf = (people: number) => (reporters: number) => (people ? reporters / people : 0);

async function daysCsv(c: DashboardContext, deps: DashboardDependencies, scope: Scope) {
  const [people, days] = await Promise.all([headcount(deps.db, scope.unitIds), reportingByDay(deps.db, scope)]);
  const rate = shareOf(people);
  return csvResponse(
    c,
    `unit-${scope.choice}-harian-${scope.from}-${scope.to}`,
    ["tanggal", "pegawai_melapor", "pegawai_aktif", "persen"],
    days.map((d) => [d.date, d.reporters, people, roundTo(rate(d.reporters) * 100, 1)]),
  );
}
