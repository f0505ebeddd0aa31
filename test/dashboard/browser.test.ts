import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createCanvas } from "@napi-rs/canvas";
import ExcelJS from "exceljs";
import { Api } from "grammy";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../../src/server/app.ts";
import { createOutboxSender } from "../../src/jobs/outbox.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { localFileStore } from "../../src/storage/local.ts";
import { reviewRenderer } from "../../src/handlers/review/index.ts";
import { createTestDatabase } from "../support/db.ts";
import { createTestBot } from "../support/bot.ts";
import { launchBrowser, screenshotPath, skipBrowserTests } from "../support/browser.ts";
import { finalised } from "../oversight/helpers.ts";
import { seedTwoUnits, submittedReport } from "./support.ts";

/** The dashboard in a real headless Chromium, signed in through links the fake Bot API received. */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
let server: ServerType;
let browser: Browser;
let people: Awaited<ReturnType<typeof seedTwoUnits>>;
let report: Awaited<ReturnType<typeof submittedReport>>;
let harness: ReturnType<typeof createTestBot>;
const consoleErrors: string[] = [];

function photo(): Uint8Array {
  const canvas = createCanvas(640, 480);
  const context = canvas.getContext("2d");
  context.fillStyle = "#c0392b";
  context.fillRect(0, 0, 640, 480);
  return new Uint8Array(canvas.toBuffer("image/png"));
}

async function start() {
  let handle: (request: Request) => Response | Promise<Response> = () => new Response("starting", { status: 503 });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: (request) => handle(request), hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  harness = createTestBot({ db: database.prisma, config: { PUBLIC_URL: publicUrl, DATA_DIR: database.dataDir } });
  const logger = createLogger({ level: "silent" });
  const app = createServerApp({
    database,
    logger,
    dashboard: {
      db: database.prisma,
      clock: harness.clock,
      logger,
      storage: localFileStore(database.dataDir),
      publicUrl,
      adminTelegramIds: [],
      reviewRenderer: reviewRenderer(),
      dataDir: database.dataDir,
      botUsername: "lapkin_test_bot",
    },
  });
  handle = app.fetch;
}

/** Asks the bot for a link as this person, opens it in a fresh browser context. */
async function signIn(telegramId: number): Promise<Page> {
  await harness.deliver(harness.telegram.user(telegramId).command("dasbor"));
  const link = /https?:\/\/\S+\/masuk\/\S+/.exec(harness.telegram.lastText(telegramId) ?? "")![0];
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(link);
  return page;
}

const rating = (employeeId: number) => ({
  employeeId,
  evaluatorId: people.supervisor.id,
  results: "ABOVE" as const,
  behaviour: "ABOVE" as const,
});

describe.skipIf(skipBrowserTests)("the dashboard in a browser", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    people = await seedTwoUnits(database.prisma);
    report = await submittedReport(database.prisma, people.staff.id);
    // The last closed period's evaluations, so the unit page's award and coaching lists have people.
    await finalised(database.prisma, { ...rating(people.staff.id), predicate: "SANGAT_BAIK", percent: 95 });
    await finalised(database.prisma, { ...rating(people.colleague.id), predicate: "KURANG", percent: 40 });
    await localFileStore(database.dataDir).put(report.evidence[0]!.path!, photo(), "image/png");
    await start();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  it("signs each role in from the bot's link and lands on its page", async () => {
    const landings: Array<[string, number, string]> = [
      ["pegawai", 5002, "/dasbor/saya"],
      ["atasan", 5001, "/dasbor/tim"],
      ["kepala", 5000, "/dasbor/unit"],
      ["penilai", 5008, "/dasbor/unit"],
      ["admin", 5007, "/dasbor/admin"],
    ];
    for (const [name, telegramId, path] of landings) {
      const page = await signIn(telegramId);
      expect(new URL(page.url()).pathname).toBe(path);
      await expect(page.locator("h1").textContent()).resolves.toBeTruthy();
      await page.screenshot({ path: screenshotPath(`dashboard-${name}`), fullPage: true });
      await page.context().close();
    }
    expect(consoleErrors).toEqual([]); // no CSP violation, chart.js loaded and drew
  }, 120_000);

  it("shows the head the unit's award and coaching lists, and saves every other main page", async () => {
    const head = await signIn(5000);
    const origin = new URL(head.url()).origin;
    await expect(head.locator("section.recap h2").textContent()).resolves.toContain("Triwulan 3 2026");
    await expect(head.locator("ol.awards li").allTextContents()).resolves.toEqual([
      expect.stringContaining("Andi Wijaya (Dinas DISKOMINFO) — realisasi indikator utama 95%"),
    ]);
    // Nobody reported in Q3 in this seed, so everyone is also there for low reporting.
    await expect(head.locator("ul.coaching li").allTextContents()).resolves.toContainEqual(
      expect.stringContaining("Dewi Lestari (Dinas DISKOMINFO): predikat Kurang; melapor hanya pada 0 dari 64"),
    );
    // The lines carry their own rank and bullet: the list adds none of its own.
    const listStyle = (list: unknown) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { listStyleType: string } }).getComputedStyle(list)
        .listStyleType;
    await expect(head.locator("ol.awards").evaluate(listStyle)).resolves.toBe("none");
    await head.locator("section.recap").screenshot({ path: screenshotPath("dashboard-kepala-lists") });
    await head.goto(`${origin}/dasbor/pegawai/${people.staff.id}`);
    await expect(head.locator("h1").textContent()).resolves.toContain("Andi Wijaya");
    await head.screenshot({ path: screenshotPath("dashboard-subordinate"), fullPage: true });
    await head.context().close();

    const admin = await signIn(5007);
    for (const [name, path, shown] of [
      ["city", "/dasbor/unit?unit=semua", "table.people"],
      ["import", "/dasbor/admin/impor", "input[name=berkas]"],
      ["audit", "/dasbor/admin/audit", "table"],
    ] as const) {
      const response = await admin.goto(`${origin}${path}`);
      expect(response!.status()).toBe(200);
      await expect(admin.locator(shown).first().isVisible()).resolves.toBe(true);
      await admin.screenshot({ path: screenshotPath(`dashboard-admin-${name}`), fullPage: true });
    }
    await admin.context().close();
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it("shows the evidence photo to the supervisor and refuses it (403) to another unit's employee", async () => {
    const boss = await signIn(5001);
    const thumbnail = boss.locator(`img[src="/dasbor/bukti/${report.evidence[0]!.id}/kecil"]`);
    await expect(
      thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).resolves.toBeGreaterThan(0);
    const full = await boss.goto(`${new URL(boss.url()).origin}/dasbor/bukti/${report.evidence[0]!.id}`);
    expect(full!.status()).toBe(200);
    expect(full!.headers()["content-type"]).toBe("image/png");
    await boss.context().close();

    const stranger = await signIn(5006);
    const refused = await stranger.goto(`${new URL(stranger.url()).origin}/dasbor/bukti/${report.evidence[0]!.id}`);
    expect(refused!.status()).toBe(403);
    await stranger.context().close();
  }, 60_000);

  it("an approval from the browser reaches the employee's chat", async () => {
    const boss = await signIn(5001);
    const card = boss.locator(`section.pending[data-report="${report.id}"]`);
    await card.locator("select[name=nilai]").selectOption("ABOVE");
    await card.locator("button[value=setujui]").click();
    await boss.waitForURL(/hasil=APPROVED/);
    await boss.screenshot({ path: screenshotPath("dashboard-approved"), fullPage: true });
    const sender = createOutboxSender({
      db: database.prisma,
      api: new Api(harness.telegram.token, {
        apiRoot: harness.telegram.apiRoot,
        fetch: harness.telegram.fetch as never,
      }),
      clock: harness.clock,
      logger: createLogger({ level: "silent" }),
    });
    await sender.sendDue();
    expect(harness.telegram.sentTexts(5002).join("\n")).toContain(report.number!);
    expect((await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("APPROVED");
    await boss.context().close();
  }, 60_000);

  it("an import with a bad row shows the row's error and writes nothing", async () => {
    const admin = await signIn(5007);
    await admin.goto(`${new URL(admin.url()).origin}/dasbor/admin/impor`);
    const units = await database.prisma.unit.count();
    const csv =
      "kode,nama,induk,zona_waktu,hari_kerja,predikat_organisasi\nBAPPEDA,Bappeda,,WIB,1-5,\nDISDIK,Disdik,,Mars,1-5,\n";
    await admin
      .locator("input[name=berkas]")
      .setInputFiles({ name: "unit.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await admin.locator("form[enctype] button[type=submit]").click();
    await expect(admin.locator("ul.problems").textContent()).resolves.toContain(
      'unit.csv baris 3: zona waktu "Mars" tidak dikenal',
    );
    await admin.screenshot({ path: screenshotPath("dashboard-import-refused"), fullPage: true });
    expect(await database.prisma.unit.count()).toBe(units);
    await admin.context().close();
  }, 60_000);

  it("downloads an export that exceljs opens, then signs out", async () => {
    const admin = await signIn(5007);
    await admin.locator("input[name=periode]").fill("2026-11");
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.locator("form[action='/dasbor/admin/ekspor'] button").click(),
    ]);
    expect(download.suggestedFilename()).toBe("lapkin-export-2026-11.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((w) => w.name).length).toBeGreaterThanOrEqual(3);

    await admin.locator("form.logout button").click();
    await expect(admin.locator("p.notice").textContent()).resolves.toContain("sudah keluar");
    const after = await admin.goto(`${new URL(admin.url()).origin}/dasbor/saya`);
    expect(after!.status()).toBe(401);
    await admin.context().close();
  }, 60_000);
});
