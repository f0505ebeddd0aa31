import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import type { Update } from "grammy/types";
import { METHODS } from "./methods.ts";
import { readParams } from "./multipart.ts";
import { BotApiError, type DemoTelegram } from "./state.ts";

/**
 * The demo's Bot API over HTTP, with Telegram's paths: `/bot<token>/<method>` (GET or POST; JSON,
 * urlencoded or multipart) and `/file/bot<token>/<file_path>`. Lapkin reaches it through
 * BOT_API_ROOT like a self-hosted Bot API server.
 */
export function botApiRoutes(api: DemoTelegram): Hono {
  const app = new Hono();
  app.get("/file/:bot/*", (c) => {
    if (c.req.param("bot") !== `bot${api.token}`) return c.text("Unauthorized", 401);
    const path = decodeURIComponent(c.req.path.slice(`/file/bot${api.token}/`.length));
    const file = api.fileAt(path);
    if (!file) return c.text("Not Found", 404);
    return c.body(Buffer.from(file.bytes), 200, { "content-type": file.mimeType });
  });
  app.all("/:bot/:method", async (c) => {
    if (c.req.param("bot") !== `bot${api.token}`)
      return c.json({ ok: false, error_code: 401, description: "Unauthorized" }, 401);
    const method = METHODS[c.req.param("method")];
    if (!method) return c.json({ ok: false, error_code: 404, description: "Not Found: method not found" }, 404);
    try {
      const params = await readParams(c.req.raw);
      return c.json({ ok: true, result: await method(api, params, c.req.raw.signal) });
    } catch (error) {
      if (!(error instanceof BotApiError)) throw error;
      return c.json({ ok: false, error_code: error.code, description: error.message }, error.code as 400);
    }
  });
  app.onError((error, c) => c.json({ ok: false, error_code: 400, description: `Bad Request: ${error.message}` }, 400));
  return app;
}

export interface BotApiServer {
  apiRoot: string;
  close(): Promise<void>;
}

/** Serves the Bot API on 127.0.0.1 (a free port), and delivers updates to a webhook when one is set. */
export async function listenBotApi(api: DemoTelegram, options: { port?: number } = {}): Promise<BotApiServer> {
  const app = botApiRoutes(api);
  api.deliver = webhookDelivery(api);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: options.port ?? 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        api.wakeAll();
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** Posts updates to the webhook one at a time, in order, trying a refused one again as Telegram does. */
function webhookDelivery(api: DemoTelegram): (update: Update) => void {
  let chain = Promise.resolve();
  const post = async (update: Update) => {
    for (let attempt = 0; attempt < 5 && api.webhook; attempt++) {
      const { url, secret } = api.webhook;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (secret) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(update) }).catch(
        () => undefined,
      );
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  };
  return (update) => {
    chain = chain.then(() => post(update));
  };
}
