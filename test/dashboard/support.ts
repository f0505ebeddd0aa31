import type { Hono } from "hono";
import { createServerApp } from "../../src/server/app.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { localFileStore } from "../../src/storage/local.ts";
import { reviewRenderer } from "../../src/handlers/review/index.ts";
import { issueLoginToken } from "../../src/domain/dashboard/login.ts";
import type { Database, Db } from "../../src/db/client.ts";
import { memoryLogger } from "../support/bot.ts";
import { seedSmallUnit } from "../support/seed.ts";

export const PUBLIC_URL = "https://lapkin.example.go.id";

/** The HTTP app with the dashboard on, over a test database, with a clock the test can move. */
export function dashboardApp(
  database: Database & { dataDir: string },
  options: { now?: string; admins?: bigint[] } = {},
) {
  const clock = fixedClock(options.now ?? "2026-11-24T03:00:00Z");
  const { logger } = memoryLogger();
  const storage = localFileStore(database.dataDir);
  const app = createServerApp({
    database,
    logger,
    dashboard: {
      db: database.prisma,
      clock,
      logger,
      storage,
      publicUrl: PUBLIC_URL,
      adminTelegramIds: options.admins ?? [],
      reviewRenderer: reviewRenderer(),
      dataDir: database.dataDir,
      botUsername: "lapkin_test_bot",
    },
  });
  return { app, storage, clock };
}

/** A signed-in browser: the session cookie and the CSRF token of its forms. */
export interface Browser {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

export function browserOf(app: Hono, cookie: string, csrf = ""): Browser {
  return {
    cookie,
    csrf,
    get: async (path) => app.request(path, { headers: { Cookie: cookie } }),
    post: async (path, form, headers = {}) =>
      app.request(path, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(form).toString(),
      }),
  };
}

/** Signs an employee in through a fresh login link, as the browser would. */
export async function signIn(app: Hono, db: Db, employeeId: number, now: Date): Promise<Browser> {
  const token = await issueLoginToken(db, employeeId, now);
  const response = await app.request(`/masuk/${token}`);
  if (response.status !== 303) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
  const page = await browserOf(app, cookie).get("/dasbor/saya");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  return browserOf(app, cookie, csrf);
}

/**
 * Two units: DISKOMINFO (head, supervisor, two staff — seedSmallUnit) and DINKES (its own head,
 * supervisor and staff), everyone linked, plus an admin and a penilai in DISKOMINFO.
 */
export async function seedTwoUnits(db: Db) {
  const a = await seedSmallUnit(db);
  const otherUnit = await db.unit.create({ data: { code: "DINKES", name: "Dinas Kesehatan" } });
  const mk = (nip: string, name: string, unitId: number, extra: object = {}) =>
    db.employee.create({ data: { nip, name, position: "Staf", unitId, ...extra } });
  const otherHead = await mk("197602022001121001", "Hadi Prasetyo", otherUnit.id, { roles: ["HEAD"] });
  const otherSupervisor = await mk("198104042005011002", "Rina Marlina", otherUnit.id, { supervisorId: otherHead.id });
  const otherStaff = await mk("199306062019032003", "Yusuf Hakim", otherUnit.id, { supervisorId: otherSupervisor.id });
  const admin = await mk("198807072012121004", "Admin BKPSDM", a.unit.id, { roles: ["ADMIN"] });
  const penilai = await mk("198909092014022005", "Tim Penilai", a.unit.id, { roles: ["PENILAI"] });
  const people = { ...a, otherUnit, otherHead, otherSupervisor, otherStaff, admin, penilai };
  let telegramId = 5000n;
  for (const person of [
    a.head,
    a.supervisor,
    a.staff,
    a.colleague,
    otherHead,
    otherSupervisor,
    otherStaff,
    admin,
    penilai,
  ])
    await db.employee.update({ where: { id: person.id }, data: { telegramId: telegramId++, linkedAt: new Date() } });
  return people;
}

/** A submitted report of the employee, dated on a working day, with one stored evidence photo. */
export async function submittedReport(db: Db, employeeId: number, options: { number?: string; path?: string } = {}) {
  return db.report.create({
    data: {
      employeeId,
      date: new Date("2026-11-23T00:00:00Z"),
      isAdditional: true,
      description: "Menyusun laporan bulanan",
      outputQuantity: 1,
      outputUnit: "dokumen",
      minutes: 60,
      status: "SUBMITTED",
      number: options.number ?? `LK-2026-${String(employeeId).padStart(6, "0")}`,
      submittedAt: new Date("2026-11-23T05:00:00Z"),
      evidence: {
        create: {
          position: 0,
          fileId: `file-${employeeId}`,
          fileUniqueId: `uniq-${employeeId}-${options.number ?? ""}`,
          mimeType: "image/png",
          status: "STORED",
          path: options.path ?? `evidence/2026/11/${employeeId}.png`,
          sha256: `${employeeId}`.padStart(64, "0"),
        },
      },
    },
    include: { evidence: true },
  });
}
