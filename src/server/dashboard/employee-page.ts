import { html } from "hono/html";
import { formatNumber } from "../../lib/number.ts";
import { formatLocalDate, localDate } from "../../lib/time.ts";
import type { ReportStatus } from "../../generated/prisma/client.ts";
import { periodLabel } from "../../domain/skp/period-label.ts";
import { skpProgress, type SkpProgress } from "../../domain/skp/progress.ts";
import { roundTo } from "../../scoring/round.ts";
import {
  indicatorChoices,
  ratingsOf,
  reportsOf,
  REPORT_STATUSES,
  type ReportFilter,
} from "../../domain/dashboard/reports.ts";
import { CSV_MAX_ROWS, csvResponse } from "./csv.ts";
import { isoDate, positiveInt, type DashboardContext, type DashboardDependencies } from "./http.ts";
import { csvLink, forbidden, page, pager, wantsCsv } from "./layout.ts";

/**
 * One employee's record: reports (filter by date, status, indicator) with evidence thumbnails, SKP
 * progress per indicator, ratings and feedback per period. The caller has checked the viewer may
 * see this employee.
 */

const PAGE_SIZE = 20;
/** The page's further lists, for their CSV downloads (`daftar`). */
const SKP = "skp";
const RATINGS = "penilaian";

function filterOf(c: DashboardContext): ReportFilter {
  const status = c.req.query("status");
  return {
    from: isoDate(c.req.query("dari")),
    to: isoDate(c.req.query("sampai")),
    status: (REPORT_STATUSES as readonly string[]).includes(status ?? "") ? (status as ReportStatus) : undefined,
    indicatorId: positiveInt(c.req.query("indikator")),
  };
}

export async function employeePage(c: DashboardContext, deps: DashboardDependencies, employeeId: number) {
  const { t, locale } = c.var;
  const db = deps.db;
  const employee = await db.employee.findUnique({ where: { id: employeeId }, include: { unit: true } });
  // An admin may see everyone, so an id nobody has reaches here: refused like any id not theirs.
  if (!employee) return forbidden(c);
  const filter = filterOf(c);
  if (wantsCsv(c)) return reportsCsv(c, deps, employeeId, filter, employee.nip);
  const pageIndex = (positiveInt(c.req.query("hal")) ?? 1) - 1;
  const today = localDate(deps.clock.now(), employee.unit.timeZone);
  const skpOf = () => skpProgress(db, { employeeId, unitId: employee.unitId, today, periodKind: deps.periodKind });
  if (wantsCsv(c, SKP)) return skpCsv(c, await skpOf(), employee.nip);
  if (wantsCsv(c, RATINGS)) return ratingsCsv(c, await ratingsOf(db, employeeId), employee.nip);
  const [reports, indicators, progress, ratings] = await Promise.all([
    reportsOf(db, employeeId, filter, { index: pageIndex, size: PAGE_SIZE }),
    indicatorChoices(db, employeeId),
    skpOf(),
    ratingsOf(db, employeeId),
  ]);
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}" ${selected ? "selected" : ""}>${label}</option>`;
  const title = employeeId === c.var.viewer.employeeId ? t("dasbor-me-title") : employee.name;
  const body = html`<p>${employee.name} · ${employee.nip} · ${employee.position} · ${employee.unit.name}</p>
    <h2>${t("dasbor-reports")}</h2>
    <form method="get" class="filters">
      <label>${t("dasbor-filter-from")}<input type="date" name="dari" value="${filter.from ?? ""}" /></label>
      <label>${t("dasbor-filter-to")}<input type="date" name="sampai" value="${filter.to ?? ""}" /></label>
      <label
        >${t("dasbor-filter-status")}<select name="status">
          ${option("", t("dasbor-all"), !filter.status)}${REPORT_STATUSES.map((s) => option(s, t(`status-${s}`), filter.status === s))}
        </select></label
      >
      <label
        >${t("dasbor-filter-indicator")}<select name="indikator">
          ${option("", t("dasbor-all"), !filter.indicatorId)}${indicators.map((i) => option(String(i.id), `${i.plan.year} ${i.code} ${i.indicator}`.slice(0, 90), filter.indicatorId === i.id))}
        </select></label
      >
      <button type="submit">${t("dasbor-filter-apply")}</button>
    </form>
    ${
      reports.rows.length === 0
        ? html`<p>${t("dasbor-none")}</p>`
        : html`<table class="reports">
            <tr>
              <th>${t("dasbor-col-date")}</th>
              <th>${t("dasbor-col-number")}</th>
              <th>${t("dasbor-col-indicator")}</th>
              <th>${t("dasbor-col-description")}</th>
              <th>${t("dasbor-col-output")}</th>
              <th>${t("dasbor-col-status")}</th>
              <th>${t("dasbor-col-evidence")}</th>
            </tr>
            ${reports.rows.map(
              (r) =>
                html`<tr>
                  <td>${r.date ? formatLocalDate(r.date, locale) : "-"}</td>
                  <td>${r.number ?? "-"}</td>
                  <td>${r.indicator ?? t("lapor-additional-task")}</td>
                  <td>${r.description ?? ""}</td>
                  <td>${r.output}</td>
                  <td>
                    ${t(`status-${r.status}`)}${r.rating ? html`<br />${t(`rating-${r.rating}`)}` : ""}${r.reviewerComment ? html`<br /><em>${r.reviewerComment}</em>` : ""}
                  </td>
                  <td class="thumbs">
                    ${r.evidenceIds.map((id) => html`<a href="/dasbor/bukti/${id}"><img src="/dasbor/bukti/${id}/kecil" alt="${t("dasbor-col-evidence")} ${id}" /></a>`)}
                  </td>
                </tr>`,
            )}
          </table>`
    }
    ${pager(c, pageIndex, reports.total, PAGE_SIZE)} ${csvLink(c)}
    <h2>${t("dasbor-skp")}</h2>
    ${
      progress
        ? html`<p>${periodLabel(t, progress.period, locale)}</p>
            <table>
              <tr>
                <th>${t("dasbor-col-indicator")}</th>
                <th>${t("dasbor-col-target")}</th>
                <th>${t("dasbor-col-realisation")}</th>
                <th>%</th>
              </tr>
              ${progress.indicators.map(
                (i) =>
                  html`<tr>
                    <td>${i.code} ${i.indicator}</td>
                    <td>${formatNumber(i.dueTarget)} ${i.unitOfMeasure}</td>
                    <td>${formatNumber(i.realisation)}</td>
                    <td>
                      <progress max="100" value="${Math.min(100, Math.round(i.percent))}"></progress>
                      ${formatNumber(i.percent, 0)}%
                    </td>
                  </tr>`,
              )}
            </table>
            ${csvLink(c, SKP)}`
        : html`<p>${t("dasbor-no-skp")}</p>`
    }
    <h2>${t("dasbor-ratings")}</h2>
    ${
      ratings.length === 0
        ? html`<p>${t("dasbor-none")}</p>`
        : html`<table>
              <tr>
                <th>${t("dasbor-col-period")}</th>
                <th>${t("dasbor-col-results")}</th>
                <th>${t("dasbor-col-behaviour")}</th>
                <th>${t("dasbor-col-predicate")}</th>
                <th>${t("dasbor-col-feedback")}</th>
              </tr>
              ${ratings.map(
                (e) =>
                  html`<tr>
                    <td>
                      ${periodLabel(t, { code: e.period, year: e.year, from: e.periodFrom.toISOString().slice(0, 10) }, locale)}
                    </td>
                    <td>${e.resultsRating ? t(`rating-${e.resultsRating}`) : "-"}</td>
                    <td>${e.behaviourRating ? t(`rating-${e.behaviourRating}`) : "-"}</td>
                    <td>${e.predicate ? t(`predicate-${e.predicate}`) : (e.band ?? "-")}</td>
                    <td>${e.feedback ?? ""}</td>
                  </tr>`,
              )}
            </table>
            ${csvLink(c, RATINGS)}`
    }`;
  return page(c, title, body);
}

async function reportsCsv(
  c: DashboardContext,
  deps: DashboardDependencies,
  employeeId: number,
  filter: ReportFilter,
  nip: string,
) {
  const { rows } = await reportsOf(deps.db, employeeId, filter, { index: 0, size: CSV_MAX_ROWS });
  const t = c.var.t;
  return csvResponse(
    c,
    `laporan-${nip}`,
    ["tanggal", "nomor", "indikator", "uraian", "output", "menit", "status", "penilaian", "catatan"],
    rows.map((r) => [
      r.date,
      r.number,
      r.indicator,
      r.description,
      r.output,
      r.minutes,
      t(`status-${r.status}`),
      r.rating,
      r.reviewerComment,
    ]),
  );
}

function skpCsv(c: DashboardContext, progress: SkpProgress | undefined, nip: string) {
  return csvResponse(
    c,
    `skp-${nip}`,
    ["kode", "indikator", "periode_target", "target_jatuh_tempo", "realisasi", "persen", "satuan"],
    (progress?.indicators ?? []).map((i) => [
      i.code,
      i.indicator,
      i.period,
      i.dueTarget,
      i.realisation,
      roundTo(i.percent, 1),
      i.unitOfMeasure,
    ]),
  );
}

function ratingsCsv(c: DashboardContext, ratings: Awaited<ReturnType<typeof ratingsOf>>, nip: string) {
  const t = c.var.t;
  return csvResponse(
    c,
    `penilaian-${nip}`,
    ["tahun", "periode", "hasil_kerja", "perilaku_kerja", "predikat", "umpan_balik"],
    ratings.map((e) => [
      e.year,
      e.period,
      e.resultsRating ? t(`rating-${e.resultsRating}`) : "",
      e.behaviourRating ? t(`rating-${e.behaviourRating}`) : "",
      e.predicate ? t(`predicate-${e.predicate}`) : (e.band ?? ""),
      e.feedback,
    ]),
  );
}
