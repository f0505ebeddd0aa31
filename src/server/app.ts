import { timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Database } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import type { BotContext } from "../bot/context.ts";
import { dashboardRoutes, type DashboardDependencies } from "./dashboard/index.ts";
import { evidenceLinks, type EvidenceLinkDeps } from "./evidence-links.ts";

export interface ServerDependencies {
  database: Pick<Database, "sql" | "kind">;
  logger: Logger;
  /** Present in webhook mode: updates posted to /telegram/webhook go to this bot. */
  webhook?: { bot: Bot<BotContext>; secret: string; timeoutMs?: number };
  /** Present when PUBLIC_URL is set: the web dashboard (src/server/dashboard/). */
  dashboard?: DashboardDependencies;
  /** Present when the file store is: /bukti/<token> evidence links (evidence-links.ts). */
  evidence?: EvidenceLinkDeps;
  /** `lapkin demo` only: the demo page and its API (src/demo), under /demo. */
  demo?: Hono;
}

/** Telegram gives up on a webhook after about a minute; answer well before, the work goes on. */
const DEFAULT_WEBHOOK_TIMEOUT_MS = 25_000;

export function createServerApp(deps: ServerDependencies): Hono {
  const app = new Hono();

  app.get("/healthz", async (c) => {
    const database = await probe(deps.database);
    return c.json(
      { status: database.ok ? "ok" : "degraded", database: { kind: deps.database.kind, ...database } },
      database.ok ? 200 : 503,
    );
  });

  if (deps.webhook) {
    const { bot, secret, timeoutMs = DEFAULT_WEBHOOK_TIMEOUT_MS } = deps.webhook;
    app.post("/telegram/webhook", async (c) => {
      if (!sameSecret(c.req.header("X-Telegram-Bot-Api-Secret-Token"), secret)) return c.json({ ok: false }, 401);
      const update = await c.req.json<Update>().catch(() => undefined);
      if (!update || typeof update.update_id !== "number") return c.json({ ok: false, error: "not an update" }, 400);
      const handled = bot.handleUpdate(update).then(
        () => "done" as const,
        (error) => (
          deps.logger.error({ err: error, updateId: update.update_id }, "webhook update failed"),
          "failed" as const
        ),
      );
      const outcome = await Promise.race([handled, delay(timeoutMs).then(() => "slow" as const)]);
      // Handler errors end at the bot's error boundary, which apologises and acknowledges
      // (src/bot/error-boundary.ts); only an error of the boundary itself gets here. It is answered
      // 500 so Telegram delivers the update again; a repeat of what was applied changes nothing.
      if (outcome === "failed") return c.json({ ok: false }, 500);
      return c.json({ ok: true });
    });
  }

  if (deps.dashboard) app.route("/", dashboardRoutes(deps.dashboard));
  if (deps.evidence) app.route("/", evidenceLinks(deps.evidence));
  if (deps.demo) app.route("/demo", deps.demo);

  app.notFound((c) => c.json({ ok: false, error: "not found" }, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, "http request failed");
    return c.json({ ok: false, error: "internal error" }, 500);
  });
  return app;
}

async function probe(
  database: ServerDependencies["database"],
): Promise<{ ok: boolean; latencyMs?: number; error?: string }> {
  const started = performance.now();
  try {
    await Promise.race([
      database.sql.query("SELECT 1"),
      delay(3_000).then(() => Promise.reject(new Error("timed out"))),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
