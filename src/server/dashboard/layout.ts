import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { translate, type Translate, type TranslationVariables } from "../../lib/i18n.ts";
import { html as htmlFragment } from "../../lib/html.ts";
import type { Viewer } from "../../domain/dashboard/viewer.ts";
import { hasUnitPages } from "../../domain/dashboard/viewer.ts";
import type { DashboardContext } from "./http.ts";

/** Page frame and small shared pieces. Every value goes through hono/html, which escapes it. */

type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

function frame(locale: string, title: string, nav: Markup | string, body: Markup) {
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Lapkin</title>
        <link rel="stylesheet" href="/dasbor/aset/dashboard.css" />
        <script src="/dasbor/aset/chart.umd.js" defer></script>
        <script src="/dasbor/aset/dashboard.js" defer></script>
      </head>
      <body>
        <header><strong>Lapkin</strong>${nav}</header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`;
}

/** The menu: only the areas this viewer's roles open (checked again by every route). */
export function navOf(c: DashboardContext) {
  const { viewer, t } = c.var;
  const links: Array<[string, string]> = [["/dasbor/saya", t("dasbor-nav-me")]];
  if (viewer.isSupervisor) links.push(["/dasbor/tim", t("dasbor-nav-team")]);
  if (hasUnitPages(viewer)) links.push(["/dasbor/unit", t("dasbor-nav-unit")]);
  if (viewer.isAdmin) links.push(["/dasbor/admin", t("dasbor-nav-admin")]);
  return html`<nav>${links.map(([href, label]) => html`<a href="${href}">${label}</a>`)}</nav>
    <form method="post" action="/dasbor/keluar" class="logout">
      ${csrfField(c)}<span>${viewer.name}</span> <button type="submit">${t("dasbor-logout")}</button>
    </form>`;
}

export function page(c: DashboardContext, title: string, body: Markup) {
  return c.html(frame(c.var.locale, title, navOf(c), body));
}

/**
 * The dashboard's words: `translate` already gives HTML with every variable escaped once (the
 * messages are Telegram HTML, a subset of the web's), so hono/html must take it as it is. A
 * variable that is itself such a text (a predicate's name) goes in as HTML, not as an object
 * Fluent cannot print.
 */
export const pageTranslator =
  (locale: string): Translate =>
  (key, vars) =>
    raw(translate(locale, key, vars && pageVariables(vars)));

/** A variable that is itself a page text (a translated label) is HTML already: not escaped again. */
function pageVariables(vars: TranslationVariables): TranslationVariables {
  const out: TranslationVariables = {};
  for (const [name, value] of Object.entries(vars))
    out[name] =
      value instanceof String && (value as { isEscaped?: boolean }).isEscaped ? htmlFragment(String(value)) : value;
  return out;
}

/** A page with one sentence and no session (login refused, signed out). */
export function messagePage(locale: string, key: string) {
  const t = pageTranslator(locale);
  return frame(locale, t("dasbor-title"), "", html`<p class="notice">${t(key)}</p>`);
}

export const csrfField = (c: DashboardContext) =>
  html`<input type="hidden" name="_csrf" value="${c.var.session.csrfToken}" />`;

/**
 * Links to the previous and next page of a list, keeping the other query values; a page's second
 * paginated list names its own page parameter.
 */
export function pager(c: DashboardContext, pageIndex: number, total: number, size: number, param = "hal") {
  const pages = Math.max(1, Math.ceil(total / size));
  const link = (index: number) => {
    const url = new URL(c.req.url);
    url.searchParams.set(param, String(index + 1));
    return `${url.pathname}${url.search}`;
  };
  const { t } = c.var;
  return html`<p class="pager">
    ${pageIndex > 0 ? html`<a href="${link(pageIndex - 1)}" rel="prev">‹ ${t("dasbor-prev")}</a>` : ""}
    <span>${t("dasbor-page", { page: String(pageIndex + 1), pages: String(pages), total })}</span>
    ${pageIndex + 1 < pages ? html`<a href="${link(pageIndex + 1)}" rel="next">${t("dasbor-next")} ›</a>` : ""}
  </p>`;
}

/**
 * The current list as CSV (all pages): the same URL with `unduh=csv`; a page's further lists are
 * named by `daftar`.
 */
export function csvLink(c: DashboardContext, list?: string) {
  const url = new URL(c.req.url);
  for (const key of [...url.searchParams.keys()]) if (key.startsWith("hal")) url.searchParams.delete(key);
  url.searchParams.set("unduh", "csv");
  if (list) url.searchParams.set("daftar", list);
  else url.searchParams.delete("daftar");
  return html`<a class="csv" href="${url.pathname}${url.search}">${c.var.t("dasbor-csv")}</a>`;
}

export const wantsCsv = (c: DashboardContext, list?: string) =>
  c.req.query("unduh") === "csv" && c.req.query("daftar") === list;

export const forbidden = (c: DashboardContext) =>
  c.html(
    frame(
      c.var.locale,
      c.var.t("dasbor-forbidden-title"),
      navOf(c),
      html`<p class="notice">${c.var.t("dasbor-forbidden")}</p>`,
    ),
    403,
  );

export type { Viewer };
