import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { issueLoginToken, LOGIN_MAX_FAILURES } from "../../src/domain/dashboard/login.ts";
import { hashToken } from "../../src/domain/dashboard/tokens.ts";
import { resetLink } from "../../src/domain/registration/reset-link.ts";
import { importFiles } from "../../src/domain/import/index.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dashboardApp, seedTwoUnits, signIn } from "./support.ts";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const MINUTE = 60_000;

describe("the login link", () => {
  it("stores only the token's hash, and opening it once sets an HttpOnly, Lax, Secure cookie and redirects", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const token = await issueLoginToken(database.prisma, people.staff.id, clock.now());
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const stored = await database.prisma.dashboardLogin.findFirstOrThrow();
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const response = await app.request(`/masuk/${token}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/dasbor");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const landing = await app.request("/dasbor", { headers: { Cookie: cookie.split(";")[0]! } });
    expect(landing.headers.get("Location")).toBe("/dasbor/saya");
  });

  it("works once only", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const token = await issueLoginToken(database.prisma, people.staff.id, clock.now());
    expect((await app.request(`/masuk/${token}`)).status).toBe(303);
    const again = await app.request(`/masuk/${token}`);
    expect(again.status).toBe(400);
    expect(again.headers.get("Set-Cookie")).toBeNull();
  });

  it("expires after 10 minutes", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const token = await issueLoginToken(database.prisma, people.staff.id, clock.now());
    clock.advance(10 * MINUTE + 1000);
    expect((await app.request(`/masuk/${token}`)).status).toBe(400);
  });

  it("throttles an address after repeated bad tokens, even for a then-valid token", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect((await app.request(`/masuk/${"x".repeat(43)}`)).status).toBe(400);
    const token = await issueLoginToken(database.prisma, people.staff.id, clock.now());
    expect((await app.request(`/masuk/${token}`)).status).toBe(429);
    clock.advance(16 * MINUTE);
    const fresh = await issueLoginToken(database.prisma, people.staff.id, clock.now());
    expect((await app.request(`/masuk/${fresh}`)).status).toBe(303);
  });

  it("throttles per address: another address, or another client behind the local proxy, still signs in", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    // What @hono/node-server hands a request: the socket it came on.
    const from = (remoteAddress: string, forwardedFor?: string) => async (token: string) =>
      (
        await app.request(
          `/masuk/${token}`,
          { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} },
          { incoming: { socket: { remoteAddress } } },
        )
      ).status;
    const token = () => issueLoginToken(database.prisma, people.staff.id, clock.now());
    const attacker = from("127.0.0.1", "203.0.113.5");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(await attacker("x".repeat(43))).toBe(400);
    expect(await attacker(await token())).toBe(429);
    expect(await from("127.0.0.1", "203.0.113.6")(await token())).toBe(303);
    expect(await from("198.51.100.7")(await token())).toBe(303);
    // A header from a client that is not the local proxy is not believed: it is throttled by its own address.
    const direct = from("198.51.100.8", "203.0.113.6");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(await direct("x".repeat(43))).toBe(400);
    expect(await from("198.51.100.8")(await token())).toBe(429);
    expect(await from("127.0.0.1", "203.0.113.6")(await token())).toBe(303);
  });
});

describe("the session", () => {
  it("refuses a request without a session", async () => {
    const { app } = dashboardApp(database);
    expect((await app.request("/dasbor/saya")).status).toBe(401);
  });

  it("ends after 8 idle hours but not while in use", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    clock.advance(7 * 60 * MINUTE);
    expect((await browser.get("/dasbor/saya")).status).toBe(200);
    clock.advance(7 * 60 * MINUTE);
    expect((await browser.get("/dasbor/saya")).status).toBe(200);
    clock.advance(8 * 60 * MINUTE + MINUTE);
    expect((await browser.get("/dasbor/saya")).status).toBe(401);
  });

  it("renews the cookie's lifetime on every page, so the browser keeps it while the session lasts", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    clock.advance(7 * 60 * MINUTE);
    const renewed = (await browser.get("/dasbor/saya")).headers.get("Set-Cookie") ?? "";
    expect(renewed.split(";")[0]).toBe(browser.cookie);
    expect(renewed).toMatch(/Max-Age=28800/);
    expect(renewed).toMatch(/HttpOnly/);
    expect(renewed).toMatch(/SameSite=Lax/);
    expect(renewed).toMatch(/Secure/);
    // Signed out, nothing is renewed.
    clock.advance(8 * 60 * MINUTE + MINUTE);
    expect((await browser.get("/dasbor/saya")).headers.get("Set-Cookie")).toBeNull();
  });

  it("is stored in the database, so another app on the same database keeps it", async () => {
    const people = await seedTwoUnits(database.prisma);
    const first = dashboardApp(database);
    const browser = await signIn(first.app, database.prisma, people.staff.id, first.clock.now());
    const second = dashboardApp(database);
    const response = await second.app.request("/dasbor/saya", { headers: { Cookie: browser.cookie } });
    expect(response.status).toBe(200);
  });

  it("Keluar ends it", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    const out = await browser.post("/dasbor/keluar", { _csrf: browser.csrf });
    expect(out.status).toBe(200);
    // The browser drops the cookie: the last word on it is the deletion, not the renewal.
    expect(out.headers.getSetCookie().at(-1)).toMatch(/^lapkin_sesi=;.*Max-Age=0/);
    expect((await browser.get("/dasbor/saya")).status).toBe(401);
  });

  it("a link reset (lapkin invites --reset) ends every session of that employee", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    await resetLink(database.prisma, { nip: people.staff.nip, now: clock.now(), actor: "cli" });
    expect((await browser.get("/dasbor/saya")).status).toBe(401);
    const row = await database.prisma.dashboardSession.findFirstOrThrow();
    expect(row.endedAt).not.toBeNull();
  });

  it("a link reset also voids a sign-in link sent to the old chat, even once a new account is linked", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    // Asked for from the lost phone just before HR resets the link; the employee links a new account at once.
    const token = await issueLoginToken(database.prisma, people.staff.id, clock.now());
    clock.advance(MINUTE);
    await resetLink(database.prisma, { nip: people.staff.nip, now: clock.now(), actor: "cli" });
    clock.advance(MINUTE);
    await database.prisma.employee.update({
      where: { id: people.staff.id },
      data: { telegramId: 9999n, linkedAt: clock.now() },
    });
    const response = await app.request(`/masuk/${token}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await database.prisma.dashboardSession.count()).toBe(0);
  });

  it("an import that deactivates an employee ends their sessions", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    const everyoneElse = await database.prisma.employee.findMany({
      where: { id: { not: people.staff.id } },
      include: { unit: true, supervisor: true },
    });
    const rows = everyoneElse.map((e) =>
      [e.nip, e.name, e.position, "PNS", e.unit.code, e.supervisor?.nip ?? "", "", e.language].join(","),
    );
    const dir = mkdtempSync(join(tmpdir(), "lapkin-dasbor-import-"));
    try {
      writeFileSync(
        join(dir, "pegawai.csv"),
        ["nip,nama,jabatan,jenis,unit,nip_atasan,peran,bahasa", ...rows].join("\n"),
      );
      await importFiles(database, [dir], { deactivateMissing: true, clock });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const session = await database.prisma.dashboardSession.findFirstOrThrow({ where: { employeeId: people.staff.id } });
    expect(session.endedAt).not.toBeNull();
    expect((await browser.get("/dasbor/saya")).status).toBe(401);
  });

  it("a deactivated employee's session stops working at once", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    await database.prisma.employee.update({ where: { id: people.staff.id }, data: { active: false } });
    expect((await browser.get("/dasbor/saya")).status).toBe(401);
  });

  it("reads roles from the database on every request: a HEAD role taken away closes the unit pages", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.supervisor.id, clock.now());
    expect((await browser.get("/dasbor/tim")).status).toBe(200);
    await database.prisma.employee.updateMany({
      where: { supervisorId: people.supervisor.id },
      data: { supervisorId: null },
    });
    expect((await browser.get("/dasbor/tim")).status).toBe(403);
  });
});

describe("forms and headers", () => {
  it("refuses a POST without the session's CSRF token, or from another site", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    expect((await browser.post("/dasbor/keluar", {})).status).toBe(403);
    expect((await browser.post("/dasbor/keluar", { _csrf: "wrong" })).status).toBe(403);
    const foreign = await browser.post("/dasbor/keluar", { _csrf: browser.csrf }, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await browser.get("/dasbor/saya")).status).toBe(200);
  });

  it("sends a CSP without inline scripts, no framing and nosniff on every dashboard page", async () => {
    const people = await seedTwoUnits(database.prisma);
    const { app, clock } = dashboardApp(database);
    const browser = await signIn(app, database.prisma, people.staff.id, clock.now());
    for (const response of [await browser.get("/dasbor/saya"), await app.request(`/masuk/${"y".repeat(43)}`)]) {
      const csp = response.headers.get("Content-Security-Policy")!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get("X-Frame-Options")).toBe("DENY");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
    // Nothing a CSP without 'unsafe-inline' would block, on any page: inline scripts, handlers, styles.
    const admin = await signIn(app, database.prisma, people.admin.id, clock.now());
    const paths = ["/dasbor/saya", "/dasbor/tim", "/dasbor/unit", `/dasbor/pegawai/${people.staff.id}`];
    for (const path of [
      ...paths,
      "/dasbor/unit?unit=semua",
      "/dasbor/admin",
      "/dasbor/admin/impor",
      "/dasbor/admin/audit",
    ]) {
      const html = await (await admin.get(path)).text();
      expect(html, path).toContain("<h1>");
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<[^>]+\s(on[a-z]+|style)=/i);
    }
  });

  it("serves chart.js and its own files itself", async () => {
    const { app } = dashboardApp(database);
    const chart = await app.request("/dasbor/aset/chart.umd.js");
    expect(chart.status).toBe(200);
    expect(await chart.text()).toContain("Chart");
    expect((await app.request("/dasbor/aset/dashboard.css")).status).toBe(200);
    expect((await app.request("/dasbor/aset/..%2F..%2Fpackage.json")).status).toBe(404);
    // Names every object has are no assets either.
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"])
      expect((await app.request(`/dasbor/aset/${name}`)).status, name).toBe(404);
  });
});
