import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshotPath, skipBrowserTests } from "../support/browser.ts";
import { createDatabaseEnv } from "../support/db.ts";
import { spawnLapkin, type LapkinProcess } from "../support/process.ts";

const SAMPLE = fileURLToPath(new URL("../../assets/demo/samples/loket-pelayanan.jpg", import.meta.url));

/**
 * The guided tour in headless Chromium against `lapkin demo` as a newcomer runs it: a separate
 * process, the real bot on the demo's Bot API server, the real database and jobs.
 */
describe.skipIf(skipBrowserTests)("lapkin demo in a browser", () => {
  let database: Awaited<ReturnType<typeof createDatabaseEnv>>;
  let demo: LapkinProcess;
  let browser: Browser;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    database = await createDatabaseEnv("lapkin-demo-");
    const args = database.env.DATABASE_URL ? ["demo", "--database", database.env.DATABASE_URL] : ["demo"];
    // BOT_TOKEN, BOT_API_ROOT and DATABASE_URL are set as on a production server: the demo must
    // ignore them (an unreachable database here would fail its start).
    demo = spawnLapkin(args, {
      DATABASE_URL: "postgres://production@127.0.0.1:9/lapkin",
      DATA_DIR: database.env.DATA_DIR!,
      PORT: "0",
      LOG_LEVEL: "info",
      BOT_TOKEN: "123:must-not-be-used",
      BOT_API_ROOT: "http://127.0.0.1:9",
    });
    const ready = await demo.waitForLog("lapkin ready", 150_000);
    url = `http://127.0.0.1:${ready.port}/demo`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    if (process.env.DEMO_DEBUG) {
      await page?.screenshot({ path: screenshotPath("demo-last") });
      console.log(demo?.output());
    }
    await browser?.close();
    demo?.child.kill("SIGTERM");
    await demo?.exited;
    await database?.cleanup();
  });

  const bubble = (text: string) => page.locator("#messages .msg", { hasText: text }).last();
  const waitFor = (text: string) => bubble(text).waitFor({ timeout: 20_000 });
  const button = (text: string) => page.locator("#messages .inline-btn", { hasText: text }).last();
  const say = async (text: string) => {
    await page.fill("#composer-input", text);
    await page.press("#composer-input", "Enter");
  };
  const become = (name: string) => page.locator(".persona", { hasText: name }).click();

  it("goes through the tour: invite, /lapor with a photo, approval with a rating, the decision, the group's chart, a citizen's survey, the dashboard", async () => {
    expect(demo.output()).toContain("ignores BOT_TOKEN and BOT_API_ROOT");
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");

    // The invite link, opened as Fajar, links his account.
    await page.click('[data-step="invite"] .go');
    await waitFor("Selamat datang, Fajar Nugroho");
    await page.screenshot({ path: screenshotPath("demo-1-invite") });

    // /lapor, step by step, with a photo uploaded from the computer.
    await say("/lapor");
    await button("Hari ini").click();
    await waitFor("Langkah 2/6");
    await page.locator("#messages .msg").last().locator(".inline-btn").first().click();
    await waitFor("Langkah 3/6");
    // Markup a person types is their text wherever it is shown again, never an element of the page.
    await say('Melayani perekaman KTP elektronik warga di loket 1 <img src="x" onerror="window.xss=1">');
    await waitFor("Langkah 4/6");
    await say("12");
    await waitFor("Langkah 5/6");
    await say("1:30");
    await waitFor("Langkah 6/6");
    await page.setInputFiles("#attach-input", SAMPLE);
    await page.click("#attach-send");
    await waitFor("Foto diterima");
    await button("Selesai").click();
    await button("Kirim").waitFor();
    await page.screenshot({ path: screenshotPath("demo-2-summary") });
    await button("Kirim").click();
    await waitFor("Laporan terkirim");

    // The supervisor approves it with a rating.
    await become("Rina Marlina");
    await button("Setujui").click();
    await button("Sesuai ekspektasi").click();
    await waitFor("disetujui");
    await bubble('<img src="x"').waitFor();
    expect(await page.locator('#messages img[src="x"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath("demo-3-approved") });

    // Fajar sees the decision.
    await become("Fajar Nugroho");
    await waitFor("disetujui oleh");
    await page.screenshot({ path: screenshotPath("demo-4-decision") });

    // The weekly summary, run now from the time panel, reaches the group with its chart.
    await page.click('[data-job="weekly-summary"]');
    await page.locator("#toast").waitFor();
    await become("Grup BKPSDM");
    const chart = page.locator("#messages .msg:not(.mine) img").last();
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 100)).toBe(true);
    await page.screenshot({ path: screenshotPath("demo-5-group-chart") });

    // A citizen follows a counter's poster link (its fb_ deep link) and rates the service.
    await page.locator('[data-step="survey"] .step-links a').first().click();
    await expect.poll(() => page.locator("#chat-title").textContent()).toBe("Warga");
    await waitFor("Survei Kepuasan Masyarakat");
    // Each answer edits the question in place: the next click waits for the next question.
    await button("Nilai keseluruhan saja").click();
    await waitFor("Secara keseluruhan");
    await button("4 Sangat baik").click();
    await waitFor("Ada saran atau komentar");
    await button("Lewati").click();
    await waitFor("Apakah ini sebuah pengaduan");
    await button("Tidak").click();
    await waitFor("Terima kasih atas penilaian Anda");
    await page.screenshot({ path: screenshotPath("demo-6-survey") });

    // The supervisor asks for the dashboard; its one-time link opens it in a new tab, signed in.
    await page.click('[data-step="dashboard"] .go');
    await waitFor("Tautan masuk dasbor");
    const [dashboard] = await Promise.all([
      page.waitForEvent("popup"),
      bubble("Tautan masuk dasbor").locator('a[href*="/masuk/"]').click(),
    ]);
    // Signed in by the one-time link, then sent on to the dashboard's own page.
    await dashboard.waitForURL((address) => address.pathname.startsWith("/dasbor"), { timeout: 20_000 });
    await dashboard.getByText("Rina Marlina").first().waitFor({ timeout: 20_000 });
    await dashboard.screenshot({ path: screenshotPath("demo-7-dashboard") });
    await dashboard.close();

    // The tour ticks each step from the database and the chats, a moment after the event.
    for (const step of ["invite", "report", "approve", "summary", "survey", "dashboard"])
      await page.locator(`#tour li.done[data-step="${step}"]`).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath("demo-8-tour-done") });
  }, 240_000);
});
