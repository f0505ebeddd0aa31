import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { translatorFor } from "../lib/i18n.ts";
import { demoApi, type DemoDeps } from "./api.ts";
import { pageTexts } from "./texts.ts";

/** The page's own files (HTML, script, style, sample photos), all served from here: no CDN. */
const ASSETS = fileURLToPath(new URL("../../assets/demo/", import.meta.url));

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  html: "text/html; charset=utf-8",
  jpg: "image/jpeg",
  svg: "image/svg+xml",
};

/** Scripts and styles from this server only, never inline; pictures also from blobs (uploads being picked). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** `/demo`: the page, its assets and sample photos, its API and the event stream that keeps it current. */
export function demoRoutes(deps: DemoDeps): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });
  const files = assetFiles();
  app.get("/", (c) => c.html(readFileSync(join(ASSETS, "index.html"), "utf8")));
  app.get("/assets/*", (c) => {
    const name = c.req.path.replace(/^.*\/assets\//, "");
    const path = files.get(name);
    if (!path) return c.text("not found", 404);
    const type = TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream";
    return c.body(readFileSync(path), 200, { "content-type": type, "cache-control": "no-cache" });
  });
  app.get("/samples", (c) => c.json([...files.keys()].filter((n) => n.startsWith("samples/"))));
  app.get("/texts/:lang", (c) => c.json(pageTexts(translatorFor(c.req.param("lang") === "en" ? "en" : "id"))));
  app.get("/events", (c) =>
    streamSSE(c, async (stream) => {
      let open = true;
      const unsubscribe = deps.telegram.subscribe((event) => {
        if (event.kind === "closing") {
          // An open page would otherwise hold the server's close (Ctrl+C) until its timeout.
          open = false;
          unsubscribe();
          void stream.close();
          return;
        }
        const chatId = "chatId" in event ? event.chatId : undefined;
        const data = JSON.stringify({ kind: event.kind, chatId, ...("text" in event ? event : {}) });
        void stream.writeSSE({ data, event: "update" });
      });
      stream.onAbort(() => {
        open = false;
        unsubscribe();
      });
      // A comment now and then keeps proxies from closing a quiet stream.
      while (open) {
        await stream.writeSSE({ data: "", event: "ping" });
        await stream.sleep(15_000);
      }
    }),
  );
  app.route("/api", demoApi(deps));
  return app;
}

/** The files under assets/demo by their path there; a name not listed is never read from disk. */
function assetFiles(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else found.set(`${prefix}${entry.name}`, join(dir, entry.name));
    }
  };
  walk(ASSETS, "");
  return found;
}
