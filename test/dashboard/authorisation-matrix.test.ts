import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { dashboardApp, seedTwoUnits, signIn, submittedReport, type Browser } from "./support.ts";

/**
 * Every role × every dashboard route, including another unit's ids and evidence URLs: each request
 * the matrix forbids is refused (401 or 403) and changes nothing in the database; each it allows
 * is answered. A penilai scoped to DINKES reads DINKES only; an unscoped one the whole instansi.
 */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());

const ROLES = [
  "anonymous",
  "staff",
  "colleague",
  "supervisor",
  "head",
  "otherHead",
  "otherStaff",
  "penilai",
  "scopedPenilai",
  "admin",
] as const;
type Role = (typeof ROLES)[number];

type Fixture = Awaited<ReturnType<typeof seed>>;
interface Route {
  name: string;
  /** The dashboard route it requests, as registered ("GET /dasbor/pegawai/:id"). */
  route: string;
  allowed: Role[];
  send(browser: Browser, f: Fixture): Promise<Response>;
}

const everyone: Role[] = [...ROLES];
const everyoneSignedIn: Role[] = ROLES.filter((r) => r !== "anonymous");
const get = (path: (f: Fixture) => string) => (browser: Browser, f: Fixture) => browser.get(path(f));
const decideOn = (report: "report" | "otherReport") => (browser: Browser, f: Fixture) =>
  browser.post("/dasbor/tim/keputusan", {
    _csrf: browser.csrf,
    laporan: String(f[report].id),
    versi: "1",
    aksi: "setujui",
    nilai: "MEETS",
  });

const EVIDENCE = "GET /dasbor/bukti/:id/:size?";
const DECIDE = "POST /dasbor/tim/keputusan";

const ROUTES: Route[] = [
  // Public by design: the login link is its own credential, the stylesheet and scripts are no secret.
  { name: "a login link that is not one", route: "GET /masuk/:token", allowed: everyone, send: get(() => "/masuk/x") },
  {
    name: "the stylesheet",
    route: "GET /dasbor/aset/:name",
    allowed: everyone,
    send: get(() => "/dasbor/aset/dashboard.css"),
  },
  { name: "landing", route: "GET /dasbor", allowed: everyoneSignedIn, send: get(() => "/dasbor") },
  { name: "own page", route: "GET /dasbor/saya", allowed: everyoneSignedIn, send: get(() => "/dasbor/saya") },
  {
    name: "team",
    route: "GET /dasbor/tim",
    allowed: ["supervisor", "head", "otherHead", "admin"],
    send: get(() => "/dasbor/tim"),
  },
  {
    name: "staff's page",
    route: "GET /dasbor/pegawai/:id",
    allowed: ["staff", "supervisor", "head", "penilai", "admin"],
    send: get((f) => `/dasbor/pegawai/${f.people.staff.id}`),
  },
  {
    name: "other unit's staff page",
    route: "GET /dasbor/pegawai/:id",
    allowed: ["otherStaff", "otherHead", "penilai", "scopedPenilai", "admin"],
    send: get((f) => `/dasbor/pegawai/${f.people.otherStaff.id}`),
  },
  {
    name: "staff's evidence",
    route: EVIDENCE,
    allowed: ["staff", "supervisor", "head", "penilai", "admin"],
    send: get((f) => `/dasbor/bukti/${f.report.evidence[0]!.id}`),
  },
  {
    name: "staff's thumbnail",
    route: EVIDENCE,
    allowed: ["staff", "supervisor", "head", "penilai", "admin"],
    send: get((f) => `/dasbor/bukti/${f.report.evidence[0]!.id}/kecil`),
  },
  {
    name: "other unit's evidence",
    route: EVIDENCE,
    allowed: ["otherStaff", "otherHead", "penilai", "scopedPenilai", "admin"],
    send: get((f) => `/dasbor/bukti/${f.otherReport.evidence[0]!.id}`),
  },
  { name: "evidence that does not exist", route: EVIDENCE, allowed: [], send: get(() => "/dasbor/bukti/999999") },
  {
    name: "unit page",
    route: "GET /dasbor/unit",
    allowed: ["head", "otherHead", "penilai", "scopedPenilai", "admin"],
    send: get(() => "/dasbor/unit"),
  },
  {
    name: "the staff's unit page",
    route: "GET /dasbor/unit",
    allowed: ["head", "penilai", "admin"],
    send: get((f) => `/dasbor/unit?unit=${f.people.unit.id}`),
  },
  {
    name: "other unit's page",
    route: "GET /dasbor/unit",
    allowed: ["otherHead", "penilai", "scopedPenilai", "admin"],
    send: get((f) => `/dasbor/unit?unit=${f.people.otherUnit.id}`),
  },
  {
    name: "city overview",
    route: "GET /dasbor/unit",
    allowed: ["penilai", "admin"],
    send: get(() => "/dasbor/unit?unit=semua"),
  },
  { name: "admin home", route: "GET /dasbor/admin", allowed: ["admin"], send: get(() => "/dasbor/admin") },
  {
    name: "audit log",
    route: "GET /dasbor/admin/audit",
    allowed: ["admin"],
    send: get(() => "/dasbor/admin/audit?unduh=csv"),
  },
  { name: "import form", route: "GET /dasbor/admin/impor", allowed: ["admin"], send: get(() => "/dasbor/admin/impor") },
  {
    name: "export",
    route: "GET /dasbor/admin/ekspor",
    allowed: ["admin"],
    send: get(() => "/dasbor/admin/ekspor?periode=2026-11"),
  },
  { name: "decide the staff's report", route: DECIDE, allowed: ["supervisor", "admin"], send: decideOn("report") },
  { name: "decide another unit's report", route: DECIDE, allowed: ["admin"], send: decideOn("otherReport") },
  {
    name: "issue invites",
    route: "POST /dasbor/admin/undangan",
    allowed: ["admin"],
    send: (browser) => browser.post("/dasbor/admin/undangan", { _csrf: browser.csrf, unit: "DINKES" }),
  },
  {
    name: "import upload",
    route: "POST /dasbor/admin/impor",
    allowed: ["admin"],
    send: (browser) => {
      const form = new FormData();
      form.set("_csrf", browser.csrf);
      form.set(
        "berkas",
        new File(["kode,nama,induk,zona_waktu,hari_kerja,predikat_organisasi\nX,Y,,WIB,1-5,\n"], "unit.csv"),
      );
      return fetchLike(browser, "/dasbor/admin/impor", form);
    },
  },
  {
    name: "run someone else's import",
    route: "POST /dasbor/admin/impor/jalankan",
    allowed: [],
    send: (browser) =>
      browser.post("/dasbor/admin/impor/jalankan", { _csrf: browser.csrf, unggahan: `99999-${"a".repeat(32)}` }),
  },
  {
    name: "sign out",
    route: "POST /dasbor/keluar",
    allowed: everyoneSignedIn,
    send: (browser) => browser.post("/dasbor/keluar", { _csrf: browser.csrf }),
  },
];

let app: ReturnType<typeof dashboardApp>["app"];
async function fetchLike(browser: Browser, path: string, body: FormData) {
  return app.request(path, { method: "POST", headers: { Cookie: browser.cookie }, body });
}

async function seed() {
  const people = await seedTwoUnits(database.prisma);
  await database.prisma.employee.update({ where: { id: people.otherStaff.id }, data: { telegramId: 6006n } });
  const report = await submittedReport(database.prisma, people.staff.id);
  const otherReport = await submittedReport(database.prisma, people.otherStaff.id);
  // On the assessment team for DINKES only (import column unit_penilai), though placed in DISKOMINFO.
  const scopedPenilai = await database.prisma.employee.create({
    data: {
      nip: "199010102015031007",
      name: "Penilai DINKES",
      position: "Analis SDM",
      unitId: people.unit.id,
      roles: ["PENILAI"],
      assessorUnits: ["DINKES"],
      telegramId: 6007n,
      linkedAt: new Date(),
    },
  });
  return { people, report, otherReport, scopedPenilai };
}

/** What a refused request must leave as it was. */
async function fingerprint() {
  const db = database.prisma;
  const [reports, reviews, outbox, invites, units, employees, audit, uploads] = await Promise.all([
    db.report.findMany({ select: { id: true, status: true, version: true }, orderBy: { id: "asc" } }),
    db.review.count(),
    db.outbox.count(),
    db.invite.count(),
    db.unit.count(),
    db.employee.findMany({ select: { id: true, active: true, roles: true, telegramId: true }, orderBy: { id: "asc" } }),
    db.auditLog.count(),
    db.dashboardSession.count({ where: { endedAt: { not: null } } }),
  ]);
  return JSON.stringify({ reports, reviews, outbox, invites, units, employees, audit, uploads }, (_k, v) =>
    typeof v === "bigint" ? v.toString() : v,
  );
}

describe("the dashboard's authorisation matrix", () => {
  it("has a row for every route the dashboard registers", () => {
    const registered = dashboardApp(database)
      .app.routes.filter((r) => r.method !== "ALL" && /^\/(dasbor|masuk)(\/|$)/.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(ROUTES.map((r) => r.route))].sort()).toEqual([...new Set(registered)].sort());
  });

  it.each(ROLES)(
    "%s: every forbidden request is refused and changes nothing; every allowed one is answered",
    async (role) => {
      await resetDatabase(database);
      const f = await seed();
      const env = dashboardApp(database);
      app = env.app;
      const employeeOf: Record<Exclude<Role, "anonymous">, number> = {
        staff: f.people.staff.id,
        colleague: f.people.colleague.id,
        supervisor: f.people.supervisor.id,
        head: f.people.head.id,
        otherHead: f.people.otherHead.id,
        otherStaff: f.people.otherStaff.id,
        penilai: f.people.penilai.id,
        scopedPenilai: f.scopedPenilai.id,
        admin: f.people.admin.id,
      };
      const outcomes: string[] = [];
      for (const route of ROUTES) {
        // A fresh sign-in per route, so that "sign out" or a decision never shapes the next row.
        const browser =
          role === "anonymous"
            ? {
                cookie: "",
                csrf: "",
                get: async (p: string) => app.request(p),
                post: async (p: string) => app.request(p, { method: "POST" }),
              }
            : await signIn(app, database.prisma, employeeOf[role], env.clock.now());
        const before = await fingerprint();
        const response = await route.send(browser as Browser, f);
        const refused = response.status === 401 || response.status === 403;
        const allowed = route.allowed.includes(role);
        if (allowed && refused) outcomes.push(`${route.name}: refused (${response.status}) but allowed`);
        if (!allowed && !refused) outcomes.push(`${route.name}: answered ${response.status} but forbidden`);
        // Out of a penilai's scope is "forbidden", never "sign in again".
        if (role === "scopedPenilai" && !allowed && response.status !== 403)
          outcomes.push(`${route.name}: answered ${response.status}, not 403`);
        if (!allowed && (await fingerprint()) !== before)
          outcomes.push(`${route.name}: refused but changed the database`);
      }
      expect(outcomes).toEqual([]);
    },
  );
});
