import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { html } from "hono/html";
import { formatDateTime } from "../../lib/time.ts";
import { describePolicies } from "../../domain/policy/describe.ts";
import { readStoredPolicy } from "../../domain/policy/stored.ts";
import { exportWorkbook } from "../../domain/export/workbook.ts";
import { unitSubtree } from "../../domain/export/scope.ts";
import { monthPeriod, quarterPeriod } from "../../domain/skp/periods.ts";
import { issueInvites } from "../../domain/registration/issue-invites.ts";
import { InviteLookupError, inviteLink } from "../../domain/registration/invite-common.ts";
import { auditPage as auditQuery, type AuditFilter } from "../../domain/dashboard/audit-log.ts";
import { csvResponse, CSV_MAX_ROWS } from "./csv.ts";
import { isoDate, positiveInt, type DashboardContext, type DashboardDependencies, type DashboardEnv } from "./http.ts";
import { csrfField, csvLink, forbidden, page, pager, wantsCsv } from "./layout.ts";
import { importRoutes } from "./admin-import.ts";

/**
 * HR's area (admins only): imports, exports, invites, the policy in force and the audit log. Each
 * calls the same domain function as its `lapkin` command.
 */

const AUDIT_PAGE_SIZE = 50;

/** The policy table's CSV download (`daftar`) on the admin page. */
const POLICY = "kebijakan";

export function adminRoutes(deps: DashboardDependencies): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  for (const path of ["/dasbor/admin", "/dasbor/admin/*"])
    app.use(path, async (c, next) => (c.var.viewer.isAdmin ? next() : forbidden(c)));

  app.get("/dasbor/admin", async (c) => {
    const { t } = c.var;
    const stored = await readStoredPolicy(deps.db);
    const policies = describePolicies(stored.overrides);
    if (wantsCsv(c, POLICY))
      return csvResponse(
        c,
        "kebijakan",
        ["kunci", "nilai", "sumber", "bawaan"],
        policies.map((e) => [e.key, e.value, e.source === "import" ? "impor" : "bawaan", e.defaultValue]),
      );
    const units = await deps.db.unit.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } });
    const unitOptions = units.map((u) => html`<option value="${u.code}">${u.code} — ${u.name}</option>`);
    return page(
      c,
      t("dasbor-admin-title"),
      html`<p>
          <a href="/dasbor/admin/impor">${t("dasbor-import-title")}</a> ·
          <a href="/dasbor/admin/audit">${t("dasbor-audit-title")}</a>
        </p>
        <h2>${t("dasbor-export-title")}</h2>
        <form method="get" action="/dasbor/admin/ekspor" class="inline">
          <label
            >${t("dasbor-export-period")}<input
              type="text"
              name="periode"
              placeholder="2026-10 / 2026-Q3"
              required
              pattern="\\d{4}-(0[1-9]|1[0-2]|Q[1-4])"
          /></label>
          <label
            >${t("dasbor-col-unit")}<select name="unit">
              <option value="">${t("dasbor-all")}</option>
              ${unitOptions}
            </select></label
          >
          <button type="submit">${t("dasbor-download")}</button>
        </form>
        <h2>${t("dasbor-invites-title")}</h2>
        <form method="post" action="/dasbor/admin/undangan" class="inline">
          ${csrfField(c)}
          <label
            >${t("dasbor-col-unit")}<select name="unit">
              ${unitOptions}
            </select></label
          >
          <button type="submit">${t("dasbor-invites-issue")}</button>
        </form>
        <h2>${t("dasbor-policy-title")}</h2>
        <table>
          <tr>
            <th>${t("dasbor-policy-key")}</th>
            <th>${t("dasbor-policy-value")}</th>
            <th>${t("dasbor-policy-source")}</th>
          </tr>
          ${policies.map(
            (e) =>
              html`<tr>
                <td>${e.key}</td>
                <td>${e.value}</td>
                <td>
                  ${e.source === "import" ? t("dasbor-policy-import", { value: e.defaultValue }) : t("dasbor-policy-default")}
                </td>
              </tr>`,
          )}
        </table>
        ${csvLink(c, POLICY)}`,
    );
  });

  app.get("/dasbor/admin/ekspor", (c) => exportDownload(c, deps));
  app.post("/dasbor/admin/undangan", (c) => invitesDownload(c, deps));
  app.get("/dasbor/admin/audit", (c) => auditLog(c, deps));
  app.route("/", importRoutes(deps));
  return app;
}

/** `lapkin export` for a month or quarter and optionally a unit (with the units below it), as a download. */
async function exportDownload(c: DashboardContext, deps: DashboardDependencies) {
  const periodText = c.req.query("periode") ?? "";
  // Years 1900–2999, as the date filters (http.ts): year 0 is no date PostgreSQL stores.
  const month = /^((?:19|2\d)\d{2})-(0[1-9]|1[0-2])$/.exec(periodText);
  const quarter = /^((?:19|2\d)\d{2})-Q([1-4])$/.exec(periodText);
  if (!month && !quarter) return c.html(c.var.t("dasbor-export-bad-period"), 400);
  const period = month
    ? monthPeriod(Number(month[1]), Number(month[2]))
    : quarterPeriod(Number(quarter![1]), Number(quarter![2]));
  const unitCode = c.req.query("unit") || undefined;
  const unitIds = unitCode ? await unitSubtree(deps.db, unitCode) : undefined;
  if (unitCode && !unitIds) return c.html(c.var.t("dasbor-export-bad-unit"), 400);
  const folder = mkdtempSync(join(tmpdir(), "lapkin-export-"));
  try {
    const path = join(folder, "export.xlsx");
    await exportWorkbook(deps.db, { period, unitIds }, { path });
    const name = `lapkin-export-${periodText}${unitCode ? `-${unitCode.replace(/[^A-Za-z0-9_-]/g, "")}` : ""}.xlsx`;
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    c.header("Content-Disposition", `attachment; filename="${name}"`);
    c.header("Cache-Control", "private, no-store");
    return c.body(new Uint8Array(readFileSync(path)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `lapkin invites --unit CODE`: new links for the unit's unlinked employees, as the CSV HR hands out. */
async function invitesDownload(c: DashboardContext, deps: DashboardDependencies) {
  const form = await c.req.parseBody();
  const unitCode = typeof form.unit === "string" ? form.unit : "";
  const botUsername = deps.botUsername;
  if (!botUsername) return c.html(c.var.t("dasbor-invites-no-bot"), 503);
  try {
    const invites = await issueInvites(deps.db, {
      unitCode,
      now: deps.clock.now(),
      actor: `telegram:${c.var.viewer.telegramId}`,
    });
    return csvResponse(
      c,
      `undangan-${unitCode.replace(/[^A-Za-z0-9_-]/g, "")}`,
      ["nip", "name", "unit", "link"],
      invites.map((i) => [i.nip, i.name, i.unitName, inviteLink(botUsername, i.code)]),
    );
  } catch (error) {
    if (error instanceof InviteLookupError) return c.html(c.var.t("dasbor-export-bad-unit"), 400);
    throw error;
  }
}

async function auditLog(c: DashboardContext, deps: DashboardDependencies) {
  const { t, viewer, locale } = c.var;
  const filter: AuditFilter = {
    actor: c.req.query("aktor")?.slice(0, 100) || undefined,
    entity: c.req.query("entitas")?.slice(0, 100) || undefined,
    from: isoDate(c.req.query("dari")),
    to: isoDate(c.req.query("sampai")),
  };
  const csv = wantsCsv(c);
  const pageIndex = (positiveInt(c.req.query("hal")) ?? 1) - 1;
  const { total, rows } = await auditQuery(deps.db, filter, viewer.timeZone, {
    index: csv ? 0 : pageIndex,
    size: csv ? CSV_MAX_ROWS : AUDIT_PAGE_SIZE,
  });
  const json = (value: unknown) => (value === null ? "" : JSON.stringify(value));
  if (csv)
    return csvResponse(
      c,
      "audit",
      ["waktu", "aktor", "aksi", "entitas", "id", "sebelum", "sesudah", "rincian"],
      rows.map((r) => [
        r.at.toISOString(),
        r.actor,
        r.action,
        r.entity,
        r.entityId,
        json(r.before),
        json(r.after),
        json(r.details),
      ]),
    );
  return page(
    c,
    t("dasbor-audit-title"),
    html`<form method="get" class="filters">
        <label>${t("dasbor-audit-actor")}<input name="aktor" value="${filter.actor ?? ""}" /></label>
        <label>${t("dasbor-audit-entity")}<input name="entitas" value="${filter.entity ?? ""}" /></label>
        <label>${t("dasbor-filter-from")}<input type="date" name="dari" value="${filter.from ?? ""}" /></label>
        <label>${t("dasbor-filter-to")}<input type="date" name="sampai" value="${filter.to ?? ""}" /></label>
        <button type="submit">${t("dasbor-filter-apply")}</button>
      </form>
      <table>
        <tr>
          <th>${t("dasbor-audit-at")}</th>
          <th>${t("dasbor-audit-actor")}</th>
          <th>${t("dasbor-audit-action")}</th>
          <th>${t("dasbor-audit-entity")}</th>
          <th>${t("dasbor-audit-change")}</th>
        </tr>
        ${rows.map(
          (r) =>
            html`<tr>
              <td>${formatDateTime(r.at, viewer.timeZone, locale)}</td>
              <td>${r.actor}</td>
              <td>${r.action}</td>
              <td>${r.entity} ${r.entityId ?? ""}</td>
              <td><code>${json(r.after ?? r.details).slice(0, 300)}</code></td>
            </tr>`,
        )}
      </table>
      ${pager(c, pageIndex, total, AUDIT_PAGE_SIZE)} ${csvLink(c)}`,
  );
}
