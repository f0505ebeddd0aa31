import { Writable } from "node:stream";
import { Api } from "grammy";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import type { CliIo } from "../../src/cli/context.ts";
import { main } from "../../src/cli/main.ts";
import { laporData } from "../../src/handlers/report/callback-data.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { answerDownloads } from "../../src/jobs/ekinerja-download.ts";
import { createOutboxSender } from "../../src/jobs/outbox.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { DEFAULT_POLICY } from "../../src/domain/policy/sections.ts";
import { createServerApp } from "../../src/server/app.ts";
import { jpeg, removeEvidenceDirs, reportBot, seedReporting, STAFF_TG, SUPERVISOR_TG } from "../report/helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => resetDatabase(database));

const PUBLIC_URL = "https://lapkin.example.go.id";
const logger = createLogger({ level: "silent" });

/** Andi reports 08.00–10.30 on a rencana aksi with 2,5 documents and two photos; his supervisor approves. */
async function reportedAndApproved() {
  const seeded = await seedReporting(database.prisma);
  await database.prisma.skpIndicator.update({
    where: { id: seeded.indicators[0]!.id },
    data: { actionPlans: ["Menyusun draf laporan jaringan", "Rapat koordinasi"] },
  });
  const h = reportBot(database.prisma);
  const photos = [jpeg(), jpeg()];
  const ids = photos.map((bytes) => h.telegram.addFile(bytes));
  await h.deliver(
    h.andi.command("lapor"),
    h.andi.press(laporData.today.pack()),
    h.andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)),
    h.andi.press(laporData.actionPlan.pack(0)),
    h.andi.text("Menyusun laporan bulanan pengelolaan jaringan"),
    h.andi.text("2,5 dokumen"),
    h.andi.text("08.00-10.30"),
  );
  await h.deliver(...h.andi.album(ids));
  await h.deliver(h.andi.press(laporData.photosDone.pack()));
  const report = await database.prisma.report.findFirstOrThrow();
  await h.deliver(h.andi.press(laporData.submit.pack(report.id)));
  await h.settle();
  const supervisor = h.telegram.user(SUPERVISOR_TG);
  await h.deliver(supervisor.press(reviewData.approve.pack(report.id, 1, "M")));
  expect(await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
    status: "APPROVED",
  });
  return { ...seeded, ...h, photos, report };
}

function cliIo(): CliIo & { out: () => string } {
  let out = "";
  const sink = new Writable({ write: (chunk, _e, done) => ((out += String(chunk)), done()) });
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  return {
    env: {},
    stdout: sink,
    stderr: quiet,
    clock: { now: () => new Date("2026-11-24T05:00:00Z") },
    database,
    out: () => out,
  };
}

describe("e-Kinerja end to end", () => {
  it("a range and a rencana aksi, approved, come back from /unduh as exactly the expected row; the evidence link serves the photos until revoked", async () => {
    const h = await reportedAndApproved();

    await h.deliver(h.andi.command("unduh"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("sedang disiapkan");
    const job = { db: database.prisma, clock: h.clock, logger, policy: DEFAULT_POLICY, publicUrl: PUBLIC_URL };
    expect(await answerDownloads(job)).toBe(1);
    expect(await answerDownloads(job)).toBe(0); // answered once
    // The file rides in its outbox row until sent (a sent row drops its bytes): read it from there.
    const queued = await database.prisma.outbox.findFirstOrThrow({ where: { kind: "ekinerja-download" } });
    expect(queued.attachment).not.toBeNull();

    const sender = createOutboxSender({
      db: database.prisma,
      api: new Api(h.telegram.token, { apiRoot: h.telegram.apiRoot, fetch: h.telegram.fetch as never }),
      clock: h.clock,
      logger,
      options: { perChatIntervalMs: 0 }, // the clock stands still here
    });
    await sender.sendDue();
    const sent = h.telegram.callsTo("sendDocument").at(-1)!;
    expect(Number(sent.payload.chat_id)).toBe(STAFF_TG);
    // grammY uploads the file as a multipart part that the field points at ("attach://<part>").
    const part = sent.payload[String(sent.payload.document).replace("attach://", "")];
    expect(part).toMatchObject({ upload: true, name: "199005202015031003-2026-11.xlsx" });
    const row = await database.prisma.outbox.findFirstOrThrow({ where: { kind: "ekinerja-download" } });
    expect(row.status).toBe("SENT");

    const workbook = new ExcelJS.Workbook();
    expect(row.attachment).toBeNull();
    await workbook.xlsx.load(queued.attachment! as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Progress Harian")!;
    expect(sheet.rowCount).toBe(2);
    const cells = (sheet.getRow(2).values as unknown[]).slice(1);
    const link = cells[7] as string;
    expect(cells).toEqual([
      "Menyusun draf laporan jaringan",
      "2026-11-24",
      "08:00",
      "10:30",
      "Menyusun laporan bulanan pengelolaan jaringan (2,5 dokumen)",
      3,
      "dokumen",
      link,
    ]);
    expect(link).toMatch(/^https:\/\/lapkin\.example\.go\.id\/bukti\/[A-Za-z0-9_-]{32}$/);

    const app = createServerApp({
      database,
      logger,
      evidence: { db: database.prisma, storage: h.storage, clock: h.clock, logger },
    });
    const path = new URL(link).pathname;
    const page = await app.request(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<img src="${path}/1"`);
    expect(html).toContain(`<img src="${path}/2"`);
    expect(html).not.toMatch(/https?:\/\/(?!lapkin)/); // no outside assets
    const photo = await app.request(`${path}/2`);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(Buffer.from(h.photos[1]!));
    expect((await app.request(`${path}/3`)).status).toBe(404);
    expect((await app.request("/bukti/aset/bukti.css")).status).toBe(200);

    const io = cliIo();
    expect(await main(["bukti", "--revoke", h.report.number ?? "LK-2026-000001"], io)).toBe(0);
    expect(io.out()).toContain("revoked");
    expect((await app.request(path)).status).toBe(404);
    expect((await app.request(`${path}/1`)).status).toBe(404);
    expect(await database.prisma.auditLog.count({ where: { action: "evidence-link-revoke" } })).toBe(1);
  });
});
