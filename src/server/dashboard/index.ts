import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { hasUnitPages } from "../../domain/dashboard/viewer.ts";
import { assetRoutes } from "./assets.ts";
import { authRoutes, checkCsrf, logoutRoute, refuseNul, requireViewer } from "./auth.ts";
import { employeePage } from "./employee-page.ts";
import { evidenceRoutes } from "./evidence.ts";
import type { DashboardDependencies, DashboardEnv } from "./http.ts";
import { securityHeaders } from "./security.ts";
import { teamRoutes } from "./team.ts";
import { adminRoutes } from "./admin.ts";
import { unitRoutes } from "./unit.ts";

export type { DashboardDependencies } from "./http.ts";

/**
 * The web dashboard (README, "Dashboard"): signed in only through a one-time link the bot sends;
 * every page checks the viewer's roles in the database on every request.
 */
export function dashboardRoutes(deps: DashboardDependencies): Hono {
  const app = new Hono();
  app.use("/masuk/*", securityHeaders);
  app.use("/dasbor/*", securityHeaders);
  app.use("/dasbor", securityHeaders);
  app.route("/", assetRoutes());
  app.route("/", authRoutes(deps));

  const signedIn = new Hono<DashboardEnv>();
  // Only the dashboard's own paths: this app is mounted beside /healthz and the webhook.
  for (const path of ["/dasbor", "/dasbor/*"]) {
    // The largest form is an import upload (20 MB); nothing bigger is read into memory.
    signedIn.use(path, bodyLimit({ maxSize: 21 * 1024 * 1024, onError: (c) => c.text("too large", 413) }));
    signedIn.use(path, requireViewer(deps));
    signedIn.use(path, checkCsrf(deps));
    signedIn.use(path, refuseNul);
  }
  signedIn.get("/dasbor", (c) => {
    const v = c.var.viewer;
    if (v.isAdmin) return c.redirect("/dasbor/admin", 303);
    if (hasUnitPages(v)) return c.redirect("/dasbor/unit", 303);
    if (v.isSupervisor) return c.redirect("/dasbor/tim", 303);
    return c.redirect("/dasbor/saya", 303);
  });
  signedIn.get("/dasbor/saya", (c) => employeePage(c, deps, c.var.viewer.employeeId));
  signedIn.post("/dasbor/keluar", logoutRoute(deps));
  signedIn.route("/", evidenceRoutes(deps));
  signedIn.route("/", teamRoutes(deps));
  signedIn.route("/", adminRoutes(deps));
  signedIn.route("/", unitRoutes(deps));
  app.route("/", signedIn);
  return app;
}
