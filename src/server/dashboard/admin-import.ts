import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { html } from "hono/html";
import {
  ImportError,
  ImportRefused,
  importFiles,
  problemLine,
  type ImportSummary,
  type Problem,
} from "../../domain/import/index.ts";
import { renderMessage, type Message } from "../../lib/i18n.ts";
import type { DashboardContext, DashboardDependencies, DashboardEnv } from "./http.ts";
import { csrfField, forbidden, page } from "./layout.ts";

/**
 * `lapkin import` from the browser, in two steps: the upload is checked as a dry run (every bad row
 * listed with its row number, nothing written), then "Impor" runs the same import for real. The
 * file waits under DATA_DIR/uploads/, named by an id that starts with the session's, so only the
 * admin who uploaded it can run it.
 */

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const folderOf = (deps: DashboardDependencies, uploadId: string) => join(deps.dataDir, "uploads", uploadId);

export function importRoutes(deps: DashboardDependencies): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get("/dasbor/admin/impor", (c) => page(c, c.var.t("dasbor-import-title"), uploadForm(c)));

  app.post("/dasbor/admin/impor", async (c) => {
    const { t } = c.var;
    const file = (await c.req.parseBody()).berkas;
    if (!(file instanceof File) || !/\.(csv|xlsx)$/i.test(file.name) || file.size > MAX_UPLOAD_BYTES)
      return page(
        c,
        t("dasbor-import-title"),
        html`<p class="error">${t("dasbor-import-bad-file")}</p>
          ${uploadForm(c)}`,
      );
    const uploadId = `${c.var.session.id}-${randomBytes(16).toString("hex")}`;
    const folder = folderOf(deps, uploadId);
    mkdirSync(folder, { recursive: true });
    // The original name keeps plain characters only (it is shown in the row errors) and always its
    // extension, which says how the file is read: a file called just ".csv" becomes "import.csv".
    const extension = /\.(csv|xlsx)$/i.exec(file.name)![0].toLowerCase();
    const stem = file.name
      .slice(0, -extension.length)
      .replace(/[^A-Za-z0-9._-]/g, "_")
      .replace(/^\.+/, "");
    const name = `${stem || "import"}${extension}`;
    writeFileSync(join(folder, name), new Uint8Array(await file.arrayBuffer()));
    const outcome = await run(deps, c, folder, true);
    if (outcome.kind !== "ok") rmSync(folder, { recursive: true, force: true });
    if (outcome.kind === "refused")
      return page(
        c,
        t("dasbor-import-title"),
        html`<p class="error">${t("dasbor-import-refused", { count: outcome.problems.length })}</p>
          <ul class="problems">
            ${outcome.problems.map((p) => html`<li>${renderMessage(t, problemLine(p))}</li>`)}
          </ul>
          ${uploadForm(c)}`,
      );
    if (outcome.kind === "error")
      return page(
        c,
        t("dasbor-import-title"),
        html`<p class="error">${renderMessage(t, outcome.reason)}</p>
          ${uploadForm(c)}`,
      );
    return page(
      c,
      t("dasbor-import-title"),
      html`<p class="ok">${t("dasbor-import-checked")}</p>
        ${summary(c, outcome.summary)}
        <form method="post" action="/dasbor/admin/impor/jalankan">
          ${csrfField(c)}<input type="hidden" name="unggahan" value="${uploadId}" />
          <button type="submit">${t("dasbor-import-run")}</button>
        </form>`,
    );
  });

  app.post("/dasbor/admin/impor/jalankan", async (c) => {
    const { t } = c.var;
    const uploadId = String((await c.req.parseBody()).unggahan ?? "");
    // Another session's upload (or anything else) is not this admin's to run.
    if (!new RegExp(`^${c.var.session.id}-[0-9a-f]{32}$`).test(uploadId)) return forbidden(c);
    const folder = folderOf(deps, uploadId);
    let files: string[];
    try {
      files = readdirSync(folder);
    } catch {
      return page(
        c,
        t("dasbor-import-title"),
        html`<p class="error">${t("dasbor-import-gone")}</p>
          ${uploadForm(c)}`,
      );
    }
    const outcome = await run(deps, c, folder, false, files);
    rmSync(folder, { recursive: true, force: true });
    if (outcome.kind !== "ok")
      return page(
        c,
        t("dasbor-import-title"),
        html`<p class="error">${t("dasbor-import-failed")}</p>
          ${uploadForm(c)}`,
      );
    return page(
      c,
      t("dasbor-import-title"),
      html`<p class="ok">${t("dasbor-import-done")}</p>
        ${summary(c, outcome.summary)}`,
    );
  });

  return app;
}

type Outcome =
  | { kind: "ok"; summary: ImportSummary }
  | { kind: "refused"; problems: Problem[] }
  | { kind: "error"; reason: Message };

async function run(
  deps: DashboardDependencies,
  c: DashboardContext,
  folder: string,
  dryRun: boolean,
  files?: string[],
): Promise<Outcome> {
  try {
    const paths = files ? files.map((f) => join(folder, f)) : [folder];
    const summary = await importFiles({ prisma: deps.db }, paths, {
      dryRun,
      defaultTimeZone: deps.defaultTimeZone,
      clock: deps.clock,
      actor: `telegram:${c.var.viewer.telegramId}`,
    });
    return { kind: "ok", summary };
  } catch (error) {
    if (error instanceof ImportRefused) return { kind: "refused", problems: error.problems };
    if (error instanceof ImportError) return { kind: "error", reason: error.reason };
    throw error;
  }
}

const uploadForm = (c: DashboardContext) =>
  html`<form method="post" action="/dasbor/admin/impor" enctype="multipart/form-data" class="inline">
    ${csrfField(c)}
    <label>${c.var.t("dasbor-import-file")}<input type="file" name="berkas" accept=".csv,.xlsx" required /></label>
    <button type="submit">${c.var.t("dasbor-import-check")}</button>
  </form>`;

function summary(c: DashboardContext, s: ImportSummary) {
  const t = c.var.t;
  const line = (label: string, k: { created: number; updated?: number; unchanged?: number }) =>
    html`<tr>
      <td>${label}</td>
      <td>${k.created}</td>
      <td>${k.updated ?? "-"}</td>
      <td>${k.unchanged ?? "-"}</td>
    </tr>`;
  return html`<table class="summary">
    <tr>
      <th></th>
      <th>${t("dasbor-import-created")}</th>
      <th>${t("dasbor-import-updated")}</th>
      <th>${t("dasbor-import-unchanged")}</th>
    </tr>
    ${line(t("dasbor-import-units"), s.units)}${line(t("dasbor-import-employees"), s.employees)}${line(t("dasbor-import-indicators"), s.indicators)}${line(t("dasbor-import-leave"), s.leave)}
  </table>`;
}
