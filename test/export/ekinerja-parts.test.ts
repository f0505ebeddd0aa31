import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import type { CliIo } from "../../src/cli/context.ts";
import { main } from "../../src/cli/main.ts";
import { answerDownloads } from "../../src/jobs/ekinerja-download.ts";
import { DEFAULT_POLICY } from "../../src/domain/policy/sections.ts";
import { issueEvidenceLinks, openEvidenceLink } from "../../src/domain/report/evidence-links.ts";
import { withdrawReport } from "../../src/domain/report/history.ts";
import { createServerApp } from "../../src/server/app.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { removeEvidenceDirs, reportBot, seedReporting, STAFF_TG } from "../report/helpers.ts";
import { addReport } from "../skp/helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => resetDatabase(database));

const outDir = mkdtempSync(join(tmpdir(), "lapkin-ekinerja-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
const logger = createLogger({ level: "silent" });
const clock = fixedClock("2026-11-24T03:00:00Z");

async function seeded() {
  const s = await seedReporting(database.prisma);
  const add = (date: string, status: "APPROVED" | "SUBMITTED") =>
    addReport(database.prisma, { employeeId: s.staff.id, indicatorId: s.indicators[0]!.id, date, status, output: 2 });
  return { ...s, approved: await add("2026-11-20", "APPROVED"), submitted: await add("2026-11-23", "SUBMITTED") };
}

function cliIo(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const text = { out: "", err: "" };
  const sink = (k: "out" | "err") => new Writable({ write: (c, _e, done) => ((text[k] += String(c)), done()) });
  return { env, stdout: sink("out"), stderr: sink("err"), clock, database, out: () => text.out, err: () => text.err };
}

describe("/unduh", () => {
  it.each([
    ["/unduh 2026-13", "Bulan tidak dikenali"],
    ["/unduh kemarin", "Bulan tidak dikenali"],
    ["/unduh 2027-01", "Bulan itu belum tiba"],
  ])("%s is answered without queuing anything", async (text, answer) => {
    await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.text(text));
    expect(h.telegram.lastText(STAFF_TG)).toContain(answer);
    expect(await database.prisma.keyValue.count({ where: { key: { startsWith: "unduh:" } } })).toBe(0);
  });

  it("queues one request per month: a second /unduh while it waits adds nothing; 11/2026 is the same month", async () => {
    const s = await seedReporting(database.prisma);
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.text("/unduh"));
    await h.deliver(h.andi.text("/download 11/2026"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("sudah sedang disiapkan");
    const requests = await database.prisma.keyValue.findMany({ where: { key: { startsWith: "unduh:" } } });
    expect(requests.map((r) => r.key)).toEqual([`unduh:${s.staff.id}:2026-11`]);
  });

  it("answers a month without approved reports with a message, and says why Bukti Dukung is empty without PUBLIC_URL", async () => {
    await seeded();
    const h = reportBot(database.prisma);
    await h.deliver(h.andi.text("/unduh 2026-10"), h.andi.text("/unduh 2026-11"));
    const job = { db: database.prisma, clock, logger, policy: DEFAULT_POLICY };
    expect(await answerDownloads(job)).toBe(2);
    const rows = await database.prisma.outbox.findMany({
      where: { kind: "ekinerja-download" },
      orderBy: { id: "asc" },
    });
    const params = rows.map((r) => (r.payload as { params: Record<string, unknown> }).params);
    expect(params[0]!.text).toContain("Tidak ada laporan yang disetujui pada 2026-10");
    expect(params[1]!.caption).toContain("(1 kegiatan)"); // the submitted one is left out by default
    expect(params[1]!.caption).toContain("PUBLIC_URL");
    expect(params[1]!.document).toEqual({ attachment: "199005202015031003-2026-11.xlsx" });
    expect(await database.prisma.keyValue.count({ where: { key: { startsWith: "unduh:" } } })).toBe(0);
  });
});

describe("lapkin export --ekinerja", () => {
  it("writes <NIP>-<YYYY-MM>.xlsx per employee, with submitted reports when the policy says so", async () => {
    await seeded();
    await database.prisma.keyValue.create({
      data: { key: "policy:report", value: { ekinerjaIncludeSubmitted: true } },
    });
    const io = cliIo({ PUBLIC_URL: "https://lapkin.example.go.id" });
    const dir = join(outDir, "nov");
    expect(await main(["export", "--ekinerja", "--unit", "DISKOMINFO", "--month", "2026-11", "--out", dir], io)).toBe(
      0,
    );
    expect(io.err()).toBe("");
    expect(readdirSync(dir)).toEqual(["199005202015031003-2026-11.xlsx"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "199005202015031003-2026-11.xlsx"));
    const sheet = workbook.getWorksheet("Progress Harian")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(8).value).toMatch(/^https:\/\/lapkin\.example\.go\.id\/bukti\//);
  });

  it("says on stderr why Bukti Dukung is empty without PUBLIC_URL, and refuses --ekinerja without --unit", async () => {
    await seeded();
    const io = cliIo();
    expect(
      await main(["export", "--ekinerja", "--unit", "DISKOMINFO", "--month", "2026-11", "--out", outDir], io),
    ).toBe(0);
    expect(io.err()).toContain("PUBLIC_URL is not set");
    await expect(main(["export", "--ekinerja", "--month", "2026-11"], cliIo())).resolves.toBe(2);
  });
});

describe("evidence links", () => {
  it("are the same on every export, unknown tokens open nothing, and they expire by policy after the report's date", async () => {
    const s = await seeded();
    const first = await issueEvidenceLinks(database.prisma, [s.approved.id]);
    const again = await issueEvidenceLinks(database.prisma, [s.approved.id]);
    expect(again.get(s.approved.id)).toBe(first.get(s.approved.id));
    const token = first.get(s.approved.id)!;
    const at = (iso: string, days: number) => ({ now: new Date(iso), days });
    expect(await openEvidenceLink(database.prisma, token, at("2026-11-24T03:00:00Z", 0))).toMatchObject({
      reportId: s.approved.id,
    });
    expect(await openEvidenceLink(database.prisma, "x".repeat(32), at("2026-11-24T03:00:00Z", 0))).toBeUndefined();
    // Dated 20 November, 5 days: the 25th (local) still opens, the 26th does not.
    expect(await openEvidenceLink(database.prisma, token, at("2026-11-25T03:00:00Z", 5))).toBeDefined();
    expect(await openEvidenceLink(database.prisma, token, at("2026-11-26T03:00:00Z", 5))).toBeUndefined();
  });

  it("stop opening once the employee withdraws the report (a submitted report exported with the policy's includeSubmitted)", async () => {
    const s = await seeded();
    const token = (await issueEvidenceLinks(database.prisma, [s.submitted.id])).get(s.submitted.id)!;
    const at = { now: new Date("2026-11-24T03:00:00Z"), days: 0 };
    expect(await openEvidenceLink(database.prisma, token, at)).toBeDefined();
    expect(await withdrawReport(database.prisma, s.staff.id, s.submitted.id, at.now)).toBe("withdrawn");
    expect(await openEvidenceLink(database.prisma, token, at)).toBeUndefined();
    // A later export issues nothing for it either.
    expect((await issueEvidenceLinks(database.prisma, [s.submitted.id])).has(s.submitted.id)).toBe(false);
  });

  it("answer with a Content-Security-Policy that runs no script and frames nothing, page and photo alike", async () => {
    const s = await seeded();
    const token = (await issueEvidenceLinks(database.prisma, [s.approved.id])).get(s.approved.id)!;
    const { storage } = reportBot(database.prisma);
    await database.prisma.evidence.create({
      data: {
        reportId: s.approved.id,
        fileId: "f1",
        fileUniqueId: "u1",
        position: 1,
        status: "STORED",
        path: "evidence/2026/11/x.jpg",
        mimeType: "image/jpeg",
        nextAttemptAt: new Date(),
      },
    });
    await storage.put("evidence/2026/11/x.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg");
    const app = createServerApp({ database, logger, evidence: { db: database.prisma, storage, clock, logger } });
    for (const path of [`/bukti/${token}`, `/bukti/${token}/1`, `/bukti/${"x".repeat(32)}`]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(path.includes("xxx") ? 404 : 200);
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("script-src");
      expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
    }
  });
});
