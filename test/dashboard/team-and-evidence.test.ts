import { createHash } from "node:crypto";
import { deflateSync, crc32 } from "node:zlib";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { dashboardApp, seedTwoUnits, signIn, submittedReport } from "./support.ts";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
beforeAll(async () => void (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

function png(width = 800, height = 600): Uint8Array {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#2f7fc1";
  context.fillRect(0, 0, width, height);
  return new Uint8Array(canvas.toBuffer("image/png"));
}

/**
 * A grey PNG that says it is `side` pixels square: a few kilobytes on disk, `side`² bytes and more
 * once decoded (a decompression bomb).
 */
function hugePng(side: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // 1 bit per pixel, greyscale
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(rows, { level: 9 })),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

async function setup() {
  const people = await seedTwoUnits(database.prisma);
  const env = dashboardApp(database);
  const report = await submittedReport(database.prisma, people.staff.id);
  await env.storage.put(report.evidence[0]!.path!, png(), "image/png");
  return { people, report, ...env };
}

describe("the employee's own page", () => {
  it("lists their reports with evidence thumbnails and filters by status", async () => {
    const { people, app, clock } = await setup();
    const me = await signIn(app, database.prisma, people.staff.id, clock.now());
    const page = await (await me.get("/dasbor/saya")).text();
    expect(page).toContain("LK-2026-");
    expect(page).toContain("Menyusun laporan bulanan");
    expect(page).toMatch(/<img src="\/dasbor\/bukti\/\d+\/kecil"/);
    const approvedOnly = await (await me.get("/dasbor/saya?status=APPROVED")).text();
    expect(approvedOnly).not.toContain("Menyusun laporan bulanan");
    const csv = await me.get("/dasbor/saya?unduh=csv");
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(await csv.text()).toContain("Menyusun laporan bulanan");
  });
});

describe("evidence photos", () => {
  it("are served to the supervisor with the stored type and Cache-Control private", async () => {
    const { people, report, app, clock } = await setup();
    const boss = await signIn(app, database.prisma, people.supervisor.id, clock.now());
    const response = await boss.get(`/dasbor/bukti/${report.evidence[0]!.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Cache-Control")).toContain("private");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png());
  });

  it("make a thumbnail once and keep it in the file store", async () => {
    const { people, report, app, clock, storage } = await setup();
    const boss = await signIn(app, database.prisma, people.head.id, clock.now());
    const first = await boss.get(`/dasbor/bukti/${report.evidence[0]!.id}/kecil`);
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("image/jpeg");
    const key = `thumbs/${report.evidence[0]!.sha256}.jpg`;
    const stored = await storage.get(key);
    expect(stored).toBeDefined();
    expect(stored!.length).toBeLessThan(png().length);
    await storage.put(key, new Uint8Array([1, 2, 3]), "image/jpeg"); // a second request reads the cached copy
    const second = await boss.get(`/dasbor/bukti/${report.evidence[0]!.id}/kecil`);
    expect(new Uint8Array(await second.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("get no thumbnail when the photo claims more pixels than a thumbnail may decode, and the page still opens", async () => {
    const { people, report, app, clock, storage } = await setup();
    const bomb = hugePng(12_000); // 144 megapixels in about 20 kB
    expect(bomb.length).toBeLessThan(100_000);
    const sha256 = createHash("sha256").update(bomb).digest("hex"); // no thumbnail of another test's photo
    await database.prisma.evidence.update({ where: { id: report.evidence[0]!.id }, data: { sha256 } });
    await storage.put(report.evidence[0]!.path!, bomb, "image/png");
    const boss = await signIn(app, database.prisma, people.supervisor.id, clock.now());
    const thumbnail = await boss.get(`/dasbor/bukti/${report.evidence[0]!.id}/kecil`);
    expect(thumbnail.status).toBe(404);
    expect(await storage.get(`thumbs/${sha256}.jpg`)).toBeUndefined();
    expect((await boss.get(`/dasbor/bukti/${report.evidence[0]!.id}`)).status).toBe(200);
    expect((await boss.get("/dasbor/tim")).status).toBe(200);
  });

  it("are refused (403) to a colleague, to another unit's staff and to another unit's head", async () => {
    const { people, report, app, clock } = await setup();
    for (const id of [people.colleague.id, people.otherStaff.id, people.otherHead.id, people.otherSupervisor.id]) {
      const other = await signIn(app, database.prisma, id, clock.now());
      expect((await other.get(`/dasbor/bukti/${report.evidence[0]!.id}`)).status).toBe(403);
      expect((await other.get(`/dasbor/bukti/${report.evidence[0]!.id}/kecil`)).status).toBe(403);
    }
  });

  it("are shown to an active delegate of the supervisor, not after the delegation ends", async () => {
    const { people, report, app, clock } = await setup();
    await database.prisma.delegation.create({
      data: {
        supervisorId: people.supervisor.id,
        delegateId: people.colleague.id,
        from: new Date("2026-11-24T00:00:00Z"),
        to: new Date("2026-11-25T00:00:00Z"),
        createdBy: "cli",
      },
    });
    const delegate = await signIn(app, database.prisma, people.colleague.id, clock.now());
    expect((await delegate.get(`/dasbor/bukti/${report.evidence[0]!.id}`)).status).toBe(200);
    clock.advance(3 * 24 * 3_600_000);
    const later = await signIn(app, database.prisma, people.colleague.id, clock.now());
    expect((await later.get(`/dasbor/bukti/${report.evidence[0]!.id}`)).status).toBe(403);
  });
});

describe("the supervisor's approvals", () => {
  it("an approval from the browser decides through the review domain: report, review, audit and the employee's notice", async () => {
    const { people, report, app, clock } = await setup();
    const boss = await signIn(app, database.prisma, people.supervisor.id, clock.now());
    const team = await (await boss.get("/dasbor/tim")).text();
    expect(team).toContain("Andi Wijaya");
    expect(team).toContain(report.number!);
    const form = { _csrf: boss.csrf, laporan: String(report.id), versi: "1", aksi: "setujui", nilai: "ABOVE" };
    const response = await boss.post("/dasbor/tim/keputusan", form);
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/dasbor/tim?hasil=APPROVED");

    const decided = await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } });
    expect(decided.status).toBe("APPROVED");
    expect(decided.rating).toBe("ABOVE");
    const review = await database.prisma.review.findFirstOrThrow({ where: { reportId: report.id } });
    expect(review.actingAs).toBe("SUPERVISOR");
    const notice = await database.prisma.outbox.findUniqueOrThrow({
      where: { dedupeKey: `review-decided:${review.id}` },
    });
    expect(notice.chatId).toBe(5002n); // Andi's Telegram id in seedTwoUnits
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: "report.approved" } });
    expect(audit.actor).toBe("telegram:5001");

    const again = await boss.post("/dasbor/tim/keputusan", form);
    expect(again.headers.get("Location")).toBe("/dasbor/tim?hasil=stale");
    expect(await database.prisma.review.count()).toBe(1);
  });

  it("a revision needs a note of at least 5 characters and changes nothing without one", async () => {
    const { people, report, app, clock } = await setup();
    const boss = await signIn(app, database.prisma, people.supervisor.id, clock.now());
    const form = { _csrf: boss.csrf, laporan: String(report.id), versi: "1", aksi: "revisi", catatan: "ok" };
    expect((await boss.post("/dasbor/tim/keputusan", form)).headers.get("Location")).toBe("/dasbor/tim?hasil=comment");
    expect((await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
    const done = await boss.post("/dasbor/tim/keputusan", { ...form, catatan: "Lengkapi foto kegiatan" });
    expect(done.headers.get("Location")).toBe("/dasbor/tim?hasil=REVISION_REQUESTED");
  });

  it("another unit's supervisor cannot decide (403) and nothing changes", async () => {
    const { people, report, app, clock } = await setup();
    const stranger = await signIn(app, database.prisma, people.otherSupervisor.id, clock.now());
    const form = { _csrf: stranger.csrf, laporan: String(report.id), versi: "1", aksi: "setujui", nilai: "MEETS" };
    expect((await stranger.post("/dasbor/tim/keputusan", form)).status).toBe(403);
    expect((await database.prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("SUBMITTED");
    expect(await database.prisma.outbox.count()).toBe(0);
  });

  it("a subordinate's page opens for the supervisor and the head, not for a colleague", async () => {
    const { people, app, clock } = await setup();
    for (const [id, status] of [
      [people.supervisor.id, 200],
      [people.head.id, 200],
      [people.colleague.id, 403],
      [people.otherHead.id, 403],
    ] as const) {
      const viewer = await signIn(app, database.prisma, id, clock.now());
      expect((await viewer.get(`/dasbor/pegawai/${people.staff.id}`)).status).toBe(status);
    }
  });
});
