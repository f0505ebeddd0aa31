import { Hono } from "hono";
import { html } from "hono/html";
import { formatDateTime, formatLocalDate } from "../../lib/time.ts";
import { decide, NOTE_CHARS } from "../../domain/review/decide.ts";
import { pendingFor } from "../../domain/review/pending.ts";
import { teamToday } from "../../domain/review/team.ts";
import type { DayOff } from "../../domain/calendar.ts";
import { mayViewEmployee } from "../../domain/dashboard/access.ts";
import type { Viewer } from "../../domain/dashboard/viewer.ts";
import { employeePage } from "./employee-page.ts";
import { csvResponse } from "./csv.ts";
import { positiveInt, type DashboardContext, type DashboardDependencies, type DashboardEnv } from "./http.ts";
import { csrfField, csvLink, forbidden, page, pager, wantsCsv } from "./layout.ts";

/**
 * The supervisor's area: the team today (as /tim), the reports waiting for a decision with approve,
 * revise and reject (the same domain function, checks and notifications as the chat's buttons),
 * and each subordinate's page.
 */

const PAGE_SIZE = 20;
const OUTCOMES = ["APPROVED", "REVISION_REQUESTED", "REJECTED", "stale", "denied", "unknown", "comment"] as const;

const reviewerOf = (viewer: Viewer) => ({
  employeeId: viewer.employeeId,
  telegramId: viewer.telegramId,
  isAdmin: viewer.isAdmin,
});

export function teamRoutes(deps: DashboardDependencies): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get("/dasbor/tim", async (c) => {
    if (!c.var.viewer.isSupervisor && !c.var.viewer.isAdmin) return forbidden(c);
    return teamPage(c, deps);
  });

  app.post("/dasbor/tim/keputusan", async (c) => {
    if (!c.var.viewer.isSupervisor && !c.var.viewer.isAdmin) return forbidden(c);
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
    const reportId = positiveInt(field("laporan"));
    const version = positiveInt(field("versi"));
    const action = field("aksi");
    const rating = field("nilai");
    const comment = field("catatan")?.trim() ?? "";
    if (!reportId || !version) return forbidden(c);
    const decision =
      action === "setujui"
        ? "APPROVED"
        : action === "revisi"
          ? "REVISION_REQUESTED"
          : action === "tolak"
            ? "REJECTED"
            : undefined;
    if (!decision) return forbidden(c);
    if (decision === "APPROVED" && rating !== "ABOVE" && rating !== "MEETS" && rating !== "BELOW")
      return back(c, "comment");
    if (decision !== "APPROVED" && (comment.length < NOTE_CHARS.min || comment.length > NOTE_CHARS.max))
      return back(c, "comment");
    const outcome = await decide(deps.db, {
      reviewer: reviewerOf(c.var.viewer),
      reportId,
      version,
      decision,
      rating: decision === "APPROVED" ? (rating as "ABOVE" | "MEETS" | "BELOW") : undefined,
      comment: decision === "APPROVED" ? undefined : comment,
      now: deps.clock.now(),
      render: deps.reviewRenderer,
    });
    if (outcome.kind === "denied" || outcome.kind === "unknown") return forbidden(c);
    return back(c, outcome.kind === "decided" ? decision : outcome.kind);
  });

  app.get("/dasbor/pegawai/:id", async (c) => {
    const id = positiveInt(c.req.param("id"));
    if (!id || !(await mayViewEmployee(deps.db, c.var.viewer, id, deps.clock.now()))) return forbidden(c);
    return employeePage(c, deps, id);
  });

  return app;
}

/** The team-today list's CSV download (`daftar`); the page's main list is the waiting reports. */
const TODAY = "hari-ini";

/** A day off in the CSV: its kind, a holiday's name, the kind of leave. */
const offLabel = (off: DayOff | undefined) =>
  !off ? "" : off.kind === "holiday" ? off.name : off.kind === "leave" ? off.leave : off.kind;

const back = (c: DashboardContext, outcome: (typeof OUTCOMES)[number]) =>
  c.redirect(`/dasbor/tim?hasil=${outcome}`, 303);

async function teamPage(c: DashboardContext, deps: DashboardDependencies) {
  const { viewer, t, locale } = c.var;
  const now = deps.clock.now();
  const pageIndex = (positiveInt(c.req.query("hal")) ?? 1) - 1;
  const reviewer = { ...reviewerOf(viewer), timeZone: viewer.timeZone };
  const [team, pending] = await Promise.all([
    teamToday(deps.db, { employeeId: viewer.employeeId, timeZone: viewer.timeZone }, now),
    pendingFor(deps.db, reviewer, now, wantsCsv(c) ? 0 : pageIndex, wantsCsv(c) ? 10_000 : PAGE_SIZE),
  ]);
  if (wantsCsv(c, TODAY))
    return csvResponse(
      c,
      "tim-hari-ini",
      ["nama", "unit", "tanggal", "laporan", "libur"],
      team.members.map((m) => [m.name, m.unitName, m.date, m.reports, offLabel(m.off)]),
    );
  if (wantsCsv(c))
    return csvResponse(
      c,
      "persetujuan",
      ["nomor", "pegawai", "tanggal", "uraian", "dikirim"],
      pending.rows.map((r) => [
        r.number,
        r.employee.name,
        r.date?.toISOString().slice(0, 10),
        r.description,
        r.submittedAt?.toISOString(),
      ]),
    );
  const outcome = c.req.query("hasil");
  const notice = (OUTCOMES as readonly string[]).includes(outcome ?? "") ? t(`dasbor-decision-${outcome}`) : undefined;
  const body = html`${notice ? html`<p class="notice">${notice}</p>` : ""}
    <h2>${t("dasbor-team-today")}</h2>
    ${
      team.members.length === 0
        ? html`<p>${t("dasbor-none")}</p>`
        : html`<table>
            <tr>
              <th>${t("dasbor-col-name")}</th>
              <th>${t("dasbor-col-unit")}</th>
              <th>${t("dasbor-col-today")}</th>
            </tr>
            ${team.members.map(
              (m) =>
                html`<tr>
                  <td><a href="/dasbor/pegawai/${m.employeeId}">${m.name}</a></td>
                  <td>${m.unitName}</td>
                  <td>
                    ${m.off ? t("dasbor-day-off") : m.reports > 0 ? t("dasbor-reported", { count: m.reports }) : html`<span class="warn">${t("dasbor-not-reported")}</span>`}
                  </td>
                </tr>`,
            )}
          </table>`
    }
    ${csvLink(c, TODAY)}
    <h2>${t("dasbor-pending", { count: pending.total })}</h2>
    ${pending.rows.map(
      (r) =>
        html`<section class="pending" data-report="${r.id}">
          <p>
            <strong>${r.employee.name}</strong> · ${r.number ?? "-"} ·
            ${r.date ? formatLocalDate(r.date.toISOString().slice(0, 10), locale) : "-"} ·
            ${r.indicator?.indicator ?? t("lapor-additional-task")}
          </p>
          <p>
            ${r.description ?? ""} — ${r.outputQuantity?.toString() ?? "-"}
            ${r.outputUnit ?? ""}${r.submittedAt ? html` · ${formatDateTime(r.submittedAt, viewer.timeZone, locale)}` : ""}
          </p>
          <p class="thumbs">
            ${r.evidence.filter((e) => e.status === "STORED").map((e) => html`<a href="/dasbor/bukti/${e.id}"><img src="/dasbor/bukti/${e.id}/kecil" alt="${t("dasbor-col-evidence")}" /></a>`)}
          </p>
          <form method="post" action="/dasbor/tim/keputusan" class="inline">
            ${csrfField(c)} <input type="hidden" name="laporan" value="${r.id}" /><input
              type="hidden"
              name="versi"
              value="${r.version}"
            />
            <label
              >${t("dasbor-rating")}<select name="nilai">
                <option value="MEETS">${t("rating-MEETS")}</option>
                <option value="ABOVE">${t("rating-ABOVE")}</option>
                <option value="BELOW">${t("rating-BELOW")}</option>
              </select></label
            >
            <button type="submit" name="aksi" value="setujui">${t("review-button-approve")}</button>
            <label>${t("dasbor-note")}<input type="text" name="catatan" maxlength="${NOTE_CHARS.max}" /></label>
            <button type="submit" name="aksi" value="revisi">${t("review-button-revise")}</button>
            <button type="submit" name="aksi" value="tolak">${t("review-button-reject")}</button>
          </form>
        </section>`,
    )}
    ${pager(c, pageIndex, pending.total, PAGE_SIZE)} ${csvLink(c)}`;
  return page(c, t("dasbor-team-title"), body);
}
