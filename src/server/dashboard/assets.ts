import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";

/**
 * The dashboard's own files and chart.js, served by Lapkin (air-gapped servers reach no CDN). A
 * fixed list of names: no part of a request path is ever used to find a file.
 */
const here = dirname(fileURLToPath(import.meta.url));
const chartJs = join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js");

const ASSETS: Record<string, { path: string; type: string }> = {
  "dashboard.css": { path: join(here, "public", "dashboard.css"), type: "text/css; charset=utf-8" },
  "dashboard.js": { path: join(here, "public", "dashboard.js"), type: "text/javascript; charset=utf-8" },
  "chart.umd.js": { path: chartJs, type: "text/javascript; charset=utf-8" },
};

export function assetRoutes(): Hono {
  const app = new Hono();
  const cache = new Map<string, Buffer>();
  app.get("/dasbor/aset/:name", (c) => {
    const name = c.req.param("name");
    // Own keys only: "constructor" or "__proto__" is in every object, and is no file.
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return c.text("not found", 404);
    let bytes = cache.get(asset.path);
    if (!bytes) cache.set(asset.path, (bytes = readFileSync(asset.path)));
    c.header("Content-Type", asset.type);
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(new Uint8Array(bytes));
  });
  return app;
}
