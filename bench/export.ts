import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createTestDatabase } from "../test/support/db.ts";
import { exportWorkbook } from "../src/domain/export/workbook.ts";
import { monthPeriod } from "../src/domain/skp/periods.ts";

/**
 * `lapkin export` at city scale, on PostgreSQL when DATABASE_URL is set (else the embedded
 * database): 500 units (a third in WITA), 20,000 employees with a 2026 SKP of three indicators,
 * and BENCH_REPORTS (default 100,000) reports in October 2026, exported for --month 2026-10.
 * Target: under 30 s for 100,000 reports.
 */
export async function benchExport(options: { reports?: number } = {}): Promise<void> {
  const reports = options.reports ?? Number(process.env.BENCH_REPORTS ?? 100_000);
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), "lapkin-bench-export-"));
  try {
    const seedStart = performance.now();
    await database.sql.exec(`
      INSERT INTO "Unit" ("code", "name", "timeZone", "updatedAt")
        SELECT 'U' || g, 'Unit ' || g, CASE WHEN g % 3 = 0 THEN 'Asia/Makassar' ELSE 'Asia/Jakarta' END, now() FROM generate_series(1, 500) g;
      INSERT INTO "Employee" ("nip", "name", "position", "unitId", "updatedAt")
        SELECT '19900101' || lpad(g::text, 10, '0'), 'Pegawai ' || g, 'Staf', ((g - 1) % 500) + 1, now() FROM generate_series(1, 20000) g;
      INSERT INTO "SkpPlan" ("employeeId", "year", "updatedAt") SELECT "id", 2026, now() FROM "Employee";
      INSERT INTO "SkpIndicator" ("planId", "code", "rhk", "indicator", "target", "unitOfMeasure", "updatedAt")
        SELECT p."id", '1.' || k, 'Rencana hasil kerja ' || k, 'Jumlah dokumen ' || k, 24, 'dokumen', now()
        FROM "SkpPlan" p CROSS JOIN generate_series(1, 3) k;
      INSERT INTO "Report" ("employeeId", "date", "indicatorId", "status", "description", "outputQuantity", "outputUnit", "minutes",
                            "number", "submittedAt", "decidedAt", "updatedAt")
        SELECT e, DATE '2026-10-01' + ((g - 1) / 20000)::int % 31, (e - 1) * 3 + 1 + g % 3,
               (ARRAY['APPROVED', 'SUBMITTED', 'REVISION_REQUESTED', 'REJECTED', 'APPROVED']::"ReportStatus"[])[1 + ((g / 7) % 5)],
               'Menyusun dan memeriksa dokumen kegiatan nomor ' || g, 1 + g % 4, 'dokumen', 30 + g % 240,
               'LK-2026-' || lpad(g::text, 6, '0'),
               TIMESTAMP '2026-10-01 01:00' + ((g - 1) / 20000)::int % 31 * INTERVAL '1 day',
               CASE WHEN (g / 7) % 5 = 1 THEN NULL ELSE TIMESTAMP '2026-10-01 03:00' + ((g - 1) / 20000)::int % 31 * INTERVAL '1 day' END,
               now()
        FROM generate_series(1, ${reports}) g, LATERAL (SELECT ((g - 1) % 20000) + 1 AS e) x;
      ANALYZE;
    `);
    console.log(
      `seeded 500 units, 20,000 employees, 60,000 indicators, ${reports.toLocaleString("en")} reports in ${(performance.now() - seedStart).toFixed(0)} ms`,
    );

    const path = join(dir, "lapkin-export-2026-10.xlsx");
    const start = performance.now();
    const result = await exportWorkbook(database.prisma, { period: monthPeriod(2026, 10) }, { path });
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `export --month 2026-10: ${result.reports.toLocaleString("en")} report rows + ${result.indicators.toLocaleString("en")} realisation rows in ${seconds.toFixed(1)} s ` +
        `(target < 30 s), ${(statSync(path).size / 1e6).toFixed(1)} MB, peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchExport();
