import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { runCli } from "../support/cli.ts";
import { reviewBot, seedReview, STAFF_TG, submitted, SUPERVISOR_TG } from "../review/helpers.ts";
import { lastButtons } from "../evaluation/helpers.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";

const outDir = mkdtempSync(join(tmpdir(), "lapkin-e2e-evaluation-"));
let env: Awaited<ReturnType<typeof createDatabaseEnv>>;
let database: Database;
beforeAll(async () => {
  env = await createDatabaseEnv();
  database = await env.open();
});
afterAll(async () => {
  await database?.close();
  await env.cleanup();
  rmSync(outDir, { recursive: true, force: true });
});

describe("from approved reports to a finalised quarterly evaluation and the HR export", () => {
  it("Andi reports in Q3, Siti approves in chat, rates Q3 with /evaluasi, and the XLSX holds the evaluation", async () => {
    const db = database.prisma;
    const seeded = await seedReview(db);

    // Q3: five reports of 2 on each of the three indicators (12 a year, 9 due by September): 10/9 = 111%.
    const reportIds: number[] = [];
    for (const [n, indicator] of seeded.indicators.entries()) {
      for (let day = 1; day <= 5; day++) {
        const date = `2026-09-${String(day + 5 * n).padStart(2, "0")}`;
        reportIds.push(
          await submitted(db, {
            employeeId: seeded.staff.id,
            indicatorId: indicator.id,
            date,
            now: `${date}T03:00:00Z`,
          }),
        );
      }
    }
    const september = reviewBot(db, { now: "2026-09-25T04:00:00Z" });
    await september.flush();
    const siti = september.user(SUPERVISOR_TG);
    for (const reportId of reportIds) await september.deliver(siti.press(reviewData.approve.pack(reportId, 1, "M")));
    expect(await db.report.count({ where: { employeeId: seeded.staff.id, status: "APPROVED" } })).toBe(15);

    // 2 October: Q3 has ended. Siti rates Andi from /evaluasi.
    const october = reviewBot(db, { now: "2026-10-02T02:00:00Z" });
    const sitiLater = october.user(SUPERVISOR_TG);
    await october.deliver(sitiLater.command("evaluasi"));
    await october.deliver(sitiLater.press(evaluationData.open.pack(seeded.staff.id, "2026-Q3")));
    const facts = october.telegram.sentTexts(SUPERVISOR_TG).at(-2)!;
    expect(facts).toContain("1.1 Jumlah laporan pengelolaan jaringan [utama]: 10/9 dokumen (111,1%)");
    expect(facts).toContain("15 disetujui, 0 diminta revisi, 0 ditolak");
    expect(facts).toContain("Saran dari realisasi: hasil kerja di atas ekspektasi");
    const press = async (prefix: string, letter: string) =>
      october.deliver(
        sitiLater.press(
          lastButtons(october.telegram, SUPERVISOR_TG).find((b) => b.startsWith(prefix) && b.endsWith(`:${letter}`))!,
        ),
      );
    await press(`${evaluationData.results.prefix}:`, "A");
    await press(`${evaluationData.behaviour.prefix}:`, "A");
    await october.deliver(sitiLater.text("Target triwulan terlampaui dengan dokumentasi rapi."));
    expect(october.telegram.lastText(SUPERVISOR_TG)).toContain("Predikat kinerja: Sangat Baik");
    const finalise = lastButtons(october.telegram, SUPERVISOR_TG).find(
      (b) => evaluationData.finalise.parse(b) !== undefined,
    )!;
    await october.deliver(sitiLater.press(finalise));
    await october.flush();
    expect(october.telegram.sentTexts(STAFF_TG).at(-1)).toContain(
      "Evaluasi kinerja Triwulan 3 2026 Anda sudah difinalisasi oleh Siti Rahma: Sangat Baik.",
    );

    // HR exports the quarter; the embedded database admits one opener, so the bot's connection closes first.
    await database.close();
    const path = join(outDir, "q3.xlsx");
    const run = await runCli(["export", "--quarter", "2026-Q3", "--out", path], {
      env: env.env,
      now: "2026-10-06T01:00:00Z",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Wrote 15 reports, 3 indicator rows, 1 evaluations and 15 e-Kinerja progress rows for 2026-Q3/,
    );
    database = await env.open();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const penilaian = workbook.getWorksheet("Penilaian")!;
    expect(penilaian.rowCount).toBe(2);
    const row = (penilaian.getRow(2).values as unknown[]).slice(1);
    expect(row).toEqual([
      "199005202015031003",
      "Andi Wijaya",
      "Dinas DISKOMINFO",
      "Triwulan 3 2026",
      "2022",
      "Di atas ekspektasi",
      "Di atas ekspektasi",
      "Sangat Baik",
      undefined,
      undefined,
      undefined,
      undefined,
      "Target triwulan terlampaui dengan dokumentasi rapi.",
      "198203152006042002",
      "Siti Rahma",
      new Date("2026-10-02T09:00:00Z"),
      "WIB",
    ]);
    const realisasi = workbook.getWorksheet("Realisasi")!;
    expect((realisasi.getRow(2).values as unknown[]).slice(8, 12)).toEqual([
      "Jumlah laporan pengelolaan jaringan",
      12,
      10,
      111.11,
    ]);
    expect(workbook.getWorksheet("Laporan")!.rowCount).toBe(16);
  });
});
