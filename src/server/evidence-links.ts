import { Hono, type Context } from "hono";
import type { Db } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { FileStore } from "../storage/file-store.ts";
import { loadReportPolicy } from "../domain/policy/load.ts";
import { openEvidenceLink, type OpenedEvidence } from "../domain/report/evidence-links.ts";
import { formatLocalDate } from "../lib/time.ts";

export interface EvidenceLinkDeps {
  db: Db;
  storage: FileStore;
  clock: Clock;
  logger: Logger;
}

/** The page's own stylesheet: no CDN, no external font. */
const CSS = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
main{max-width:960px;margin:0 auto;padding:1.5rem}h1{font-size:1.25rem;margin:0 0 .25rem}
p{margin:0 0 1rem;color:#4a5263}figure{margin:0 0 1.5rem;background:#fff;padding:.5rem;border-radius:6px}
img{display:block;max-width:100%;height:auto;margin:0 auto}`;

/** Every answer: not indexed, the token (in the address) never sent on as a referrer, no script. */
const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  // The links are served on the dashboard's origin: nothing here runs a script or is framed.
  "Content-Security-Policy":
    "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * `GET /bukti/<token>`: one report's evidence photos for an e-Kinerja verifier, without login;
 * `GET /bukti/<token>/<n>` the n-th photo; `GET /bukti/aset/bukti.css` the page's style. An
 * unknown, revoked or expired token is a plain 404. Every opening is a log line (not an audit row:
 * the reader is anonymous and a verifier may reload a page many times; the audit log records what
 * people decide, such as the revocation).
 */
export function evidenceLinks(deps: EvidenceLinkDeps): Hono {
  const app = new Hono();
  app.get("/bukti/aset/bukti.css", (c) => c.body(CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));

  app.get("/bukti/:token", async (c) => {
    const opened = await open(deps, c.req.param("token"));
    log(deps, c, opened, "page");
    if (!opened) return notFound(c);
    return c.html(page(c.req.param("token"), opened), 200, PRIVATE_HEADERS);
  });

  app.get("/bukti/:token/:n{[0-9]{1,2}}", async (c) => {
    const opened = await open(deps, c.req.param("token"));
    const photo = opened?.photos[Number(c.req.param("n")) - 1];
    const bytes = photo ? await deps.storage.get(photo.key) : undefined;
    log(deps, c, bytes ? opened : undefined, `photo ${c.req.param("n")}`);
    if (!photo || !bytes) return notFound(c);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...PRIVATE_HEADERS, "Content-Type": photo.mimeType });
  });
  return app;
}

async function open(deps: EvidenceLinkDeps, token: string): Promise<OpenedEvidence | undefined> {
  const policy = await loadReportPolicy(deps.db, deps.logger);
  return openEvidenceLink(deps.db, token, { now: deps.clock.now(), days: policy.evidenceLinkDays });
}

/** Which report was opened, and from where; never the token itself. */
function log(deps: EvidenceLinkDeps, c: Context, opened: OpenedEvidence | undefined, what: string) {
  const from = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim();
  deps.logger.info(
    {
      reportId: opened?.reportId ?? null,
      what,
      status: opened ? 200 : 404,
      from,
      userAgent: c.req.header("User-Agent"),
    },
    "evidence link opened",
  );
}

const notFound = (c: Context) =>
  c.html(
    shell("Bukti tidak ditemukan", "<p>Tautan bukti ini tidak dikenal, sudah dicabut, atau sudah kedaluwarsa.</p>"),
    404,
    PRIVATE_HEADERS,
  );

function page(token: string, opened: OpenedEvidence): string {
  const title = `Bukti dukung ${escape(opened.number ?? "")}`;
  const photos = opened.photos.length
    ? opened.photos
        .map((_p, i) => `<figure><img src="/bukti/${token}/${i + 1}" alt="Foto ${i + 1}" loading="lazy"></figure>`)
        .join("")
    : "<p>Belum ada foto yang tersimpan untuk laporan ini.</p>";
  return shell(title, `<p>Laporan kegiatan tanggal ${escape(formatLocalDate(opened.date, "id"))}</p>${photos}`);
}

const shell = (title: string, body: string) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><link rel="stylesheet" href="/bukti/aset/bukti.css"></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
