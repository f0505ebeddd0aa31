import { Hono } from "hono";
import { viewableEvidence } from "../../domain/dashboard/access.ts";
import { thumbnailOf } from "../../domain/dashboard/thumbnails.ts";
import { positiveInt, type DashboardDependencies, type DashboardEnv } from "./http.ts";
import { forbidden } from "./layout.ts";

/**
 * Evidence photos by id: `/dasbor/bukti/<id>` and its thumbnail `/dasbor/bukti/<id>/kecil`, only
 * to those who may see the report (src/domain/dashboard/access.ts). The file is found through the
 * stored key, never through the request path; anyone else gets 403.
 */
export function evidenceRoutes(deps: DashboardDependencies): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();

  app.get("/dasbor/bukti/:id/:size?", async (c) => {
    const id = positiveInt(c.req.param("id"));
    const size = c.req.param("size");
    if (!id || (size !== undefined && size !== "kecil")) return forbidden(c);
    const evidence = await viewableEvidence(deps.db, c.var.viewer, id, deps.clock.now());
    if (!evidence?.path) return forbidden(c);
    const path = evidence.path;
    const bytes =
      size === "kecil"
        ? await thumbnailOf(deps.storage, { path, sha256: evidence.sha256 })
        : await deps.storage.get(path);
    if (!bytes) return c.html(c.var.t("dasbor-evidence-missing"), 404);
    c.header("Content-Type", size === "kecil" ? "image/jpeg" : (evidence.mimeType ?? "application/octet-stream"));
    c.header("Cache-Control", "private, max-age=600");
    return c.body(new Uint8Array(bytes));
  });

  return app;
}
