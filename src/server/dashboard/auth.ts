import { timingSafeEqual } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import { redeemLoginToken } from "../../domain/dashboard/login.ts";
import { endSession, sessionOf, SESSION_IDLE_HOURS } from "../../domain/dashboard/session.ts";
import { viewerOf } from "../../domain/dashboard/viewer.ts";
import { clientAddress, SESSION_COOKIE, type DashboardDependencies, type DashboardEnv } from "./http.ts";
import { messagePage, pageTranslator } from "./layout.ts";

/** The login link (`/masuk/<token>`) and "Keluar". */
export function authRoutes(deps: DashboardDependencies): Hono {
  const app = new Hono();

  app.get("/masuk/:token", async (c) => {
    const ip = clientAddress(remoteOf(c), c.req.header("X-Forwarded-For"));
    const outcome = await redeemLoginToken(deps.db, c.req.param("token"), ip, deps.clock.now());
    if (outcome.kind === "throttled") return c.html(messagePage("id", "dasbor-login-throttled"), 429);
    if (outcome.kind === "invalid") return c.html(messagePage("id", "dasbor-login-invalid"), 400);
    setCookie(c, SESSION_COOKIE, outcome.session.token, cookieOptions(deps));
    return c.redirect("/dasbor", 303);
  });

  return app;
}

/** The session cookie: its lifetime is the idle limit, renewed by every page (`requireViewer`). */
const cookieOptions = (deps: DashboardDependencies) =>
  ({
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.publicUrl.startsWith("https://"),
    path: "/",
    maxAge: SESSION_IDLE_HOURS * 3600,
  }) as const;

/** "Keluar": ends the session in the database and drops the cookie. Behind `requireViewer` and `checkCsrf`. */
export function logoutRoute(deps: DashboardDependencies) {
  return async (c: import("hono").Context<DashboardEnv>) => {
    await endSession(deps.db, c.var.session.id, deps.clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.html(messagePage(c.var.locale, "dasbor-logged-out"));
  };
}

/** Every dashboard page: a live session, and the viewer's roles read from the database now. */
export function requireViewer(deps: DashboardDependencies): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const now = deps.clock.now();
    const token = getCookie(c, SESSION_COOKIE);
    const session = await sessionOf(deps.db, token, now);
    const viewer = session && (await viewerOf(deps.db, session.employeeId, deps.adminTelegramIds, now));
    if (!session || !viewer) return c.html(messagePage("id", "dasbor-signed-out"), 401);
    // The session ends after idle hours, not hours since sign-in: the browser keeps the cookie as
    // long. Set before the route, so that "Keluar" deleting it comes after.
    setCookie(c, SESSION_COOKIE, token!, cookieOptions(deps));
    c.set("session", session);
    c.set("viewer", viewer);
    c.set("locale", viewer.language);
    c.set("t", pageTranslator(viewer.language));
    await next();
  };
}

/**
 * Every form carries the session's CSRF token; a POST without it, or from another site's page, is
 * refused before anything is read or written.
 */
export function checkCsrf(deps: DashboardDependencies): MiddlewareHandler<DashboardEnv> {
  const origin = new URL(deps.publicUrl).origin;
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    const sentOrigin = c.req.header("Origin");
    if (sentOrigin && sentOrigin !== origin) return c.html(messagePage(c.var.locale, "dasbor-csrf"), 403);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = typeof body._csrf === "string" ? body._csrf : "";
    if (!same(given, c.var.session.csrfToken)) return c.html(messagePage(c.var.locale, "dasbor-csrf"), 403);
    await next();
  };
}

/**
 * A query or form value with a NUL character, which no form sends and PostgreSQL refuses in text,
 * gets a page before any route reads it. Behind `checkCsrf`, so it reads the same parsed form.
 */
export const refuseNul: MiddlewareHandler<DashboardEnv> = async (c, next) => {
  const values: unknown[] = Object.values(c.req.queries()).flat();
  if (c.req.method === "POST") values.push(...Object.values(await c.req.parseBody().catch(() => ({}))));
  if (values.some((v) => typeof v === "string" && v.includes("\0")))
    return c.html(messagePage(c.var.locale, "dasbor-bad-text"), 400);
  await next();
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function remoteOf(c: import("hono").Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}
