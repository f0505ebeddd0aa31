import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import type { Database } from "../src/db/client.ts";
import { createTestDatabase } from "../test/support/db.ts";
import { dashboardApp, signIn } from "../test/dashboard/support.ts";
import { databaseName } from "./database.ts";

/**
 * Dashboard pages at city scale, server time (the whole request through the Hono app, database
 * included), on PostgreSQL when DATABASE_URL is set (else the embedded database):
 * - a head's unit page for a unit of 500 employees with a quarter of reports (~30,000), over the
 *   quarter's 92 days (target < 200 ms);
 * - the city overview: 40 units, 20,000 employees, 100,000 reports, over 30 days (target < 1 s).
 */
export async function benchDashboard(): Promise<void> {
  const database = await createTestDatabase();
  console.log(`database: ${databaseName(database)}`);
  try {
    const seedStart = performance.now();
    await seedCity(database);
    const reports = await database.prisma.report.count();
    console.log(`seeded 40 units, 20,000 employees, ${reports} reports in ${ms(seedStart)}`);

    const { app, clock } = dashboardApp(database);
    const head = await signIn(app, database.prisma, 1, clock.now());
    const admin = await signIn(app, database.prisma, 2, clock.now());
    console.log(`load average before: ${loadAverage()}`);
    const unitPage = await timed(() => head.get("/dasbor/unit?unit=1&dari=2026-08-25&sampai=2026-11-24"));
    console.log(`unit page, 500 employees, 30,000 reports over 92 days: ${unitPage} (target < 200)`);
    const cityPage = await timed(() => admin.get("/dasbor/unit?unit=semua&dari=2026-10-26&sampai=2026-11-24"));
    console.log(`city overview, 20,000 employees, 100,000 reports: ${cityPage} (target < 1000)`);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await database.close();
  }
}

/**
 * The city: 40 units of 500 (unit 1's head is employee 1, the admin employee 2), one SKP indicator
 * each, 30,000 reports of unit 1 over the quarter and 70,000 of the rest of the city, evaluations of
 * Q4 (the spread) and of Q3 (the award and coaching lists).
 */
export async function seedCity(database: Database): Promise<void> {
  await database.sql.exec(`
    INSERT INTO "Unit" ("code", "name", "timeZone", "updatedAt")
      SELECT 'U' || g, 'Unit ' || g, 'Asia/Jakarta', now() FROM generate_series(1, 40) g;
    INSERT INTO "Employee" ("nip", "name", "position", "unitId", "supervisorId", "telegramId", "updatedAt")
      SELECT lpad(g::text, 18, '0'), 'Pegawai ' || g, 'Staf', ((g - 1) / 500) + 1,
             CASE WHEN g % 500 = 1 THEN NULL ELSE ((g - 1) / 500) * 500 + 1 END, 100000 + g, now()
        FROM generate_series(1, 20000) g;
    UPDATE "Employee" SET "roles" = ARRAY['HEAD']::"Role"[] WHERE "id" = 1;
    UPDATE "Employee" SET "roles" = ARRAY['ADMIN']::"Role"[] WHERE "id" = 2;
    -- In id order, so that plan, indicator and employee ids are equal (the reports' indicatorId).
    INSERT INTO "SkpPlan" ("employeeId", "year", "updatedAt") SELECT "id", 2026, now() FROM "Employee" ORDER BY "id";
    INSERT INTO "SkpIndicator" ("planId", "code", "rhk", "indicator", "target", "unitOfMeasure", "updatedAt")
      SELECT "id", '1', 'RHK', 'Dokumen', 100, 'dokumen', now() FROM "SkpPlan" ORDER BY "id";
    -- Unit 1: 60 reports for each of its 500 people over the quarter; the rest of the city: 70,000.
    INSERT INTO "Report" ("employeeId", "date", "indicatorId", "status", "outputQuantity", "submittedAt", "decidedAt", "updatedAt")
      SELECT e, DATE '2026-08-25' + ((g * 3 + e) % 92), e,
             (ARRAY['APPROVED', 'SUBMITTED', 'APPROVED', 'REJECTED', 'APPROVED']::"ReportStatus"[])[1 + ((g + e) % 5)], 1,
             TIMESTAMP '2026-08-25 02:00' + ((g * 3 + e) % 92) * INTERVAL '1 day',
             CASE WHEN (g + e) % 5 = 1 THEN NULL ELSE TIMESTAMP '2026-08-25 02:00' + ((g * 3 + e) % 92) * INTERVAL '1 day' + (g % 30) * INTERVAL '1 hour' END,
             now()
        FROM generate_series(1, 500) e, generate_series(1, 60) g;
    INSERT INTO "Report" ("employeeId", "date", "indicatorId", "status", "outputQuantity", "submittedAt", "decidedAt", "updatedAt")
      SELECT 501 + (g % 19500), DATE '2026-08-25' + (g % 92), 501 + (g % 19500), 'APPROVED', 1,
             TIMESTAMP '2026-08-25 02:00' + (g % 92) * INTERVAL '1 day', TIMESTAMP '2026-08-25 06:00' + (g % 92) * INTERVAL '1 day', now()
        FROM generate_series(1, 70000) g;
    INSERT INTO "Evaluation" ("employeeId", "year", "period", "periodFrom", "periodTo", "status", "predicate", "updatedAt")
      SELECT "id", 2026, 'Q4', DATE '2026-10-01', DATE '2026-12-31', 'FINALISED',
             (ARRAY['BAIK', 'SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN']::"Predicate"[])[1 + "id" % 4], now()
        FROM "Employee" WHERE "id" % 3 = 0;
    -- The last closed period (Q3), for the award and coaching lists: every other employee.
    INSERT INTO "Evaluation" ("employeeId", "year", "period", "periodFrom", "periodTo", "status", "predicate", "resultsRating", "realisation", "updatedAt")
      SELECT "id", 2026, 'Q3', DATE '2026-07-01', DATE '2026-09-30', 'FINALISED',
             (ARRAY['SANGAT_BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'BAIK']::"Predicate"[])[1 + "id" % 5],
             (ARRAY['ABOVE', 'MEETS', 'MEETS', 'BELOW', 'MEETS']::"ReviewRating"[])[1 + "id" % 5],
             jsonb_build_array(jsonb_build_object('rhkKind', 'MAIN', 'percent', 80 + "id" % 40)), now()
        FROM "Employee" WHERE "id" % 2 = 0;
    ANALYZE;
  `);
}

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

/**
 * Median and p95 of RUNS requests (BENCH_RUNS, default 20) after two warm-ups; a page that is not
 * 200 stops the bench. The machine's load is printed beside: a shared machine's figures are noisy.
 */
async function timed(request: () => Promise<Response>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const start = performance.now();
    const response = await request();
    await response.text();
    if (response.status !== 200) throw new Error(`page answered ${response.status}`);
    if (i > 1) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(0);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms over ${RUNS} runs`;
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const ms = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchDashboard();
