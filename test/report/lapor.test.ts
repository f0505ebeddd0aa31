import type { Update } from "grammy/types";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { draftData, laporData } from "../../src/handlers/report/callback-data.ts";
import {
  jpeg,
  lastButtons,
  removeEvidenceDirs,
  reportBot,
  seedReporting,
  sha256,
  STAFF_TG,
  SUPERVISOR_TG,
  settleReportBots,
} from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => (await database.close(), removeEvidenceDirs()));
beforeEach(async () => (await settleReportBots(), await resetDatabase(database)));

async function setup(options: Parameters<typeof reportBot>[1] = {}) {
  const seeded = await seedReporting(database.prisma);
  const harness = reportBot(database.prisma, options);
  return { ...seeded, ...harness };
}

type Harness = Awaited<ReturnType<typeof setup>>;

/** Answers the first five questions with valid answers. */
async function answerUpToPhotos(h: Harness) {
  const { deliver, andi, indicators } = h;
  await deliver(
    andi.command("lapor"),
    andi.press(laporData.today.pack()),
    andi.press(laporData.indicator.pack(indicators[0]!.id)),
  );
  await deliver(
    andi.text("Menyusun laporan bulanan pengelolaan jaringan"),
    andi.text("2,5 dokumen"),
    andi.text("1:30"),
  );
}

describe("/lapor, wrong answers", () => {
  it("tells what was wrong and asks the same question again, in one message, at every text step", async () => {
    const h = await setup();
    const { telegram, deliver, andi, indicators } = h;
    await deliver(andi.command("lapor"), andi.press(laporData.today.pack()));
    expect(telegram.lastText(STAFF_TG)).toContain("SKP 2026"); // a year, not "2.026"
    await deliver(andi.press(laporData.indicator.pack(indicators[0]!.id)));
    await deliver(andi.text("rapat"));
    expect(telegram.lastText(STAFF_TG)).toMatch(/Uraian terlalu singkat[\s\S]*Langkah 3\/6/);
    await deliver(andi.text("Menyusun laporan bulanan pengelolaan jaringan"));
    await deliver(andi.text("banyak"));
    expect(telegram.lastText(STAFF_TG)).toMatch(/Itu bukan angka[\s\S]*Langkah 4\/6/);
    await deliver(andi.text("2 dokumen"));
    await deliver(andi.text("sembilan puluh"));
    expect(telegram.lastText(STAFF_TG)).toMatch(/Waktu tidak dikenali[\s\S]*Langkah 5\/6/);
    await deliver(andi.text("90"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
  });
});

describe("/lapor, an earlier message edited", () => {
  it("is answered that an edit changes nothing, without a wrong-answer message, and the step goes on", async () => {
    const h = await setup();
    const { telegram, deliver, andi, indicators } = h;
    await deliver(andi.command("lapor"), andi.press(laporData.today.pack()));
    await deliver(andi.press(laporData.indicator.pack(indicators[0]!.id)));
    const description = andi.text("Menyusun laporan bulanan pengelolaan jaringn");
    await deliver(description);
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");
    // Andi fixes the typo in the description he already sent, while the output is asked.
    const edited = {
      ...description.message!,
      text: "Menyusun laporan bulanan pengelolaan jaringan",
      edit_date: description.message!.date + 5,
    };
    await deliver({ update_id: telegram.newUpdateId(), edited_message: edited } as Update);
    expect(telegram.lastText(STAFF_TG)).toContain("tidak mengubah laporan");
    expect(telegram.sentTexts(STAFF_TG).join("\n")).not.toContain("Itu bukan angka");
    await deliver(andi.text("2 dokumen"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
  });
});

describe("/lapor, the happy path", () => {
  it("records a report with an album of three photos, stores the files and queues the supervisor's notice", async () => {
    const h = await setup();
    const { telegram, deliver, andi, settle, dataDir } = h;
    await deliver(andi.command("lapor"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 1/6");
    await deliver(andi.press(laporData.today.pack()));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 2/6");
    expect(lastButtons(telegram, STAFF_TG)).toContain(laporData.indicator.pack(h.indicators[0]!.id));
    await deliver(andi.press(laporData.indicator.pack(h.indicators[0]!.id)));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 3/6");
    await deliver(andi.text("Menyusun laporan bulanan pengelolaan jaringan"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");
    await deliver(andi.text("2,5 dokumen"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
    await deliver(andi.text("1:30"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");

    const files = [jpeg(), jpeg(), jpeg()];
    const ids = files.map((bytes) => telegram.addFile(bytes));
    await deliver(...andi.album(ids));
    expect(telegram.lastText(STAFF_TG)).toContain("Album diterima");
    await deliver(andi.press(laporData.photosDone.pack()));
    const summary = telegram.lastText(STAFF_TG)!;
    expect(summary).toContain("Ringkasan laporan");
    expect(summary).toContain("24 November 2026");
    expect(summary).toContain("2,5 dokumen");
    expect(summary).toContain("1:30 (90 menit)");
    expect(summary).toContain("Foto: 3");

    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    await deliver(andi.press(laporData.submit.pack(reportId)));
    expect(telegram.lastText(STAFF_TG)).toContain("terkirim dengan nomor LK-2026-000001");
    expect(telegram.lastText(STAFF_TG)).toContain("Atasan langsung Anda sudah diberi tahu");
    await settle();

    const report = await database.prisma.report.findUniqueOrThrow({
      where: { id: reportId },
      include: { evidence: { orderBy: { position: "asc" } } },
    });
    expect(report).toMatchObject({
      status: "SUBMITTED",
      number: "LK-2026-000001",
      indicatorId: h.indicators[0]!.id,
      description: "Menyusun laporan bulanan pengelolaan jaringan",
      outputUnit: "dokumen",
      minutes: 90,
      version: 1,
      reusedEvidence: false,
      supervisorNotified: true,
    });
    expect(Number(report.outputQuantity)).toBe(2.5);
    expect(report.date!.toISOString().slice(0, 10)).toBe("2026-11-24");
    expect(report.evidence.map((e) => [e.fileId, e.status, e.sha256, e.width])).toEqual(
      ids.map((id, i) => [id, "STORED", sha256(files[i]!), 1280]),
    );
    for (const [i, e] of report.evidence.entries()) {
      expect(e.path).toBe(`evidence/2026/11/${sha256(files[i]!)}.jpg`);
      expect(readFileSync(join(dataDir, e.path!))).toEqual(Buffer.from(files[i]!));
    }
    // The album first, then the card with the decision buttons (test/review covers their content).
    const outbox = await database.prisma.outbox.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((o) => o.kind)).toEqual(["review-request-photos", "review-request"]);
    expect(outbox[1]).toMatchObject({
      dedupeKey: `report-submitted:${reportId}:1`,
      kind: "review-request",
      chatId: BigInt(SUPERVISOR_TG),
    });
    expect(JSON.stringify(outbox[1]!.payload)).toContain("Andi Wijaya");
    // Nothing is left of the conversation once it is done.
    expect(await database.prisma.keyValue.count({ where: { key: { startsWith: "conv:" } } })).toBe(0);
  });

  it("accepts an image sent as a file, and photos one by one", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    const { telegram, deliver, andi } = h;
    const doc = telegram.addFile(jpeg(), { path: "documents/bukti.jpg" });
    await deliver(andi.document(doc, { mimeType: "image/jpeg" }));
    expect(telegram.lastText(STAFF_TG)).toContain("Foto diterima (1/10)");
    await deliver(andi.photo(telegram.addFile(jpeg())));
    expect(telegram.lastText(STAFF_TG)).toContain("Foto diterima (2/10)");
    await deliver(andi.press(laporData.photosDone.pack()));
    expect(telegram.lastText(STAFF_TG)).toContain("Foto: 2");
  });

  it("records the report and says so when the supervisor has no linked account", async () => {
    const seeded = await seedReporting(database.prisma, { supervisorLinked: false });
    const h = { ...seeded, ...reportBot(database.prisma) };
    await answerUpToPhotos(h);
    await h.deliver(h.andi.photo(h.telegram.addFile(jpeg())), h.andi.press(laporData.photosDone.pack()));
    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    await h.deliver(h.andi.press(laporData.submit.pack(reportId)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("belum menghubungkan akun Telegram");
    expect(await database.prisma.report.findFirstOrThrow()).toMatchObject({
      status: "SUBMITTED",
      supervisorNotified: false,
    });
    expect(await database.prisma.outbox.count()).toBe(0);
  });
});

describe("/lapor, every invalid answer gets a specific message and the same step again", () => {
  it("date: a word, a future date, a date too far back, a sticker", async () => {
    const { telegram, deliver, andi } = await setup();
    await deliver(andi.command("lapor"), andi.text("besok pagi"));
    expect(telegram.lastText(STAFF_TG)).toContain("Tanggal tidak dikenali");
    await deliver(andi.text("25/11/2026"));
    expect(telegram.lastText(STAFF_TG)).toContain("belum tiba");
    await deliver(andi.text("10/11/2026"));
    expect(telegram.lastText(STAFF_TG)).toContain("terlalu lama");
    expect(telegram.lastText(STAFF_TG)).toContain("19 November 2026");
    await deliver(andi.sticker());
    expect(telegram.lastText(STAFF_TG)).toContain("Tanggal tidak dikenali");
    await deliver(andi.text("23/11/2026"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 2/6");
  });

  it("indicator: typed text instead of a button", async () => {
    const { telegram, deliver, andi, indicators } = await setup();
    await deliver(andi.command("lapor"), andi.press(laporData.today.pack()), andi.text("jaringan"));
    expect(telegram.lastText(STAFF_TG)).toContain("Pilih indikator dengan tombol");
    await deliver(andi.press(laporData.indicator.pack(indicators[1]!.id)));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 3/6");
  });

  it("description: too short, too long, a voice note", async () => {
    const { telegram, deliver, andi, indicators } = await setup();
    await deliver(
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(indicators[0]!.id)),
    );
    await deliver(andi.text("rapat"));
    expect(telegram.lastText(STAFF_TG)).toContain("terlalu singkat (5 karakter)");
    await deliver(andi.text("x".repeat(1001)));
    expect(telegram.lastText(STAFF_TG)).toContain("terlalu panjang (1.001 karakter)");
    await deliver(andi.voice());
    expect(telegram.lastText(STAFF_TG)).toContain("sebagai teks");
    await deliver(andi.text("Rapat koordinasi jaringan"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");
  });

  it("output: a word, zero, a negative number", async () => {
    const { telegram, deliver, andi, indicators } = await setup();
    await deliver(
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(indicators[0]!.id)),
      andi.text("Rapat koordinasi jaringan"),
    );
    await deliver(andi.text("banyak"));
    expect(telegram.lastText(STAFF_TG)).toContain("Itu bukan angka");
    await deliver(andi.text("0"));
    expect(telegram.lastText(STAFF_TG)).toContain("lebih dari nol");
    await deliver(andi.text("-2"));
    expect(telegram.lastText(STAFF_TG)).toContain("lebih dari nol");
    await deliver(andi.text("3"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
    const draft = await database.prisma.report.findFirstOrThrow();
    expect(draft.outputUnit).toBe("dokumen"); // the indicator's unit by default
  });

  it("minutes: a word, zero, over 720", async () => {
    const { telegram, deliver, andi, indicators } = await setup();
    await deliver(
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(indicators[0]!.id)),
      andi.text("Rapat koordinasi jaringan"),
      andi.text("1"),
    );
    await deliver(andi.text("lama sekali"));
    expect(telegram.lastText(STAFF_TG)).toContain("Waktu tidak dikenali");
    await deliver(andi.text("0"));
    expect(telegram.lastText(STAFF_TG)).toContain("antara 1 dan 720 menit");
    await deliver(andi.text("13:00"));
    expect(telegram.lastText(STAFF_TG)).toContain("antara 1 dan 720 menit");
    await deliver(andi.text("45"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
  });

  it("minutes: more than 12 hours on one day asks for confirmation", async () => {
    const h = await setup();
    const { telegram, deliver, andi, indicators, staff } = h;
    await database.prisma.report.create({
      data: {
        employeeId: staff.id,
        date: new Date("2026-11-24T00:00:00Z"),
        status: "SUBMITTED",
        minutes: 600,
        number: "LK-2026-000900",
        description: "x",
        outputQuantity: 1,
        outputUnit: "x",
        isAdditional: true,
      },
    });
    await deliver(
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(indicators[0]!.id)),
      andi.text("Rapat koordinasi jaringan"),
      andi.text("1"),
    );
    await deliver(andi.text("3:00"));
    expect(telegram.lastText(STAFF_TG)).toContain("780 menit");
    await deliver(andi.press(laporData.longDay.pack("no")));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
    await deliver(andi.text("3:00"), andi.press(laporData.longDay.pack("yes")));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
  });

  it("photos: a sticker, a voice note, a PDF, Done with none", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    const { telegram, deliver, andi } = h;
    for (const update of [
      andi.sticker(),
      andi.voice(),
      andi.document(telegram.addFile(new Uint8Array([37, 80, 68, 70])), {
        mimeType: "application/pdf",
        fileName: "a.pdf",
      }),
      andi.text("ini fotonya"),
    ]) {
      await deliver(update);
      expect(telegram.lastText(STAFF_TG)).toContain("hanya foto atau file gambar");
    }
    await deliver(andi.press(laporData.photosDone.pack()));
    expect(telegram.lastText(STAFF_TG)).toContain("paling sedikit 1 foto");
    await deliver(andi.photo(telegram.addFile(jpeg())), andi.press(laporData.photosDone.pack()));
    expect(telegram.lastText(STAFF_TG)).toContain("Ringkasan laporan");
  });

  it("photos: at most ten are kept", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    const { telegram, deliver, andi } = h;
    await deliver(...andi.album(Array.from({ length: 10 }, () => telegram.addFile(jpeg()))));
    await deliver(andi.photo(telegram.addFile(jpeg())));
    expect(telegram.lastText(STAFF_TG)).toContain("Paling banyak 10 foto");
    expect(await database.prisma.evidence.count()).toBe(10);
  });
});

describe("/batal and Cancel", () => {
  /** The answers in order; the step named is reached by giving the ones before it. */
  const answers: Array<(h: Harness) => Update> = [
    (h) => h.andi.press(laporData.today.pack()),
    (h) => h.andi.press(laporData.indicator.pack(h.indicators[0]!.id)),
    (h) => h.andi.text("Rapat koordinasi jaringan"),
    (h) => h.andi.text("2"),
    (h) => h.andi.text("30"),
  ];
  const steps: Array<[string, (h: Harness) => Promise<void>]> = (
    ["date", "indicator", "description", "output", "minutes", "photos"] as const
  ).map((step, i) => [step, (h) => h.deliver(...answers.slice(0, i).map((answer) => answer(h)))]);
  it.each(steps)("/batal at the %s step leaves, says so and deletes the draft", async (_step, reach) => {
    const h = await setup();
    await h.deliver(h.andi.command("lapor"));
    await reach(h);
    await h.deliver(h.andi.command("batal"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Laporan dibatalkan");
    expect(await database.prisma.report.count()).toBe(0);
    expect(await database.prisma.keyValue.count({ where: { key: { startsWith: "conv:" } } })).toBe(0);
    // The conversation is gone: a number now is not taken as an answer.
    h.telegram.clearCalls();
    await h.deliver(h.andi.text("30"));
    expect(h.telegram.sentTexts(STAFF_TG).join("\n")).not.toContain("Langkah");
  });

  it("/cancel works in English too, and Cancel on the summary discards the draft", async () => {
    const h = await setup();
    await h.deliver(h.andi.command("lapor"), h.andi.command("cancel"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Laporan dibatalkan");
    await answerUpToPhotos(h);
    await h.deliver(
      h.andi.photo(h.telegram.addFile(jpeg())),
      h.andi.press(laporData.photosDone.pack()),
      h.andi.press(laporData.cancel.pack()),
    );
    expect(h.telegram.lastText(STAFF_TG)).toContain("Laporan dibatalkan");
    expect(await database.prisma.report.count()).toBe(0);
    expect(await database.prisma.evidence.count()).toBe(0);
  });

  it("/batal with nothing in progress says so", async () => {
    const h = await setup();
    await h.deliver(h.andi.command("batal"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Tidak ada langkah");
  });
});

describe("idle expiry, resume and restart", () => {
  it("ends after 30 idle minutes with a message, keeps the answers, and the next /lapor resumes them", async () => {
    const h = await setup();
    const { telegram, deliver, andi, clock, indicators } = h;
    await deliver(
      andi.command("lapor"),
      andi.press(laporData.today.pack()),
      andi.press(laporData.indicator.pack(indicators[0]!.id)),
    );
    clock.advance(29 * 60_000);
    await deliver(andi.text("Rapat koordinasi jaringan"));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");
    clock.advance(31 * 60_000);
    await deliver(andi.text("2"));
    expect(telegram.lastText(STAFF_TG)).toContain("berakhir karena tidak ada jawaban selama 30 menit");
    const draft = await database.prisma.report.findFirstOrThrow();
    expect(draft).toMatchObject({ status: "DRAFT", description: "Rapat koordinasi jaringan", outputQuantity: null });

    await deliver(andi.command("lapor"));
    expect(telegram.lastText(STAFF_TG)).toContain("masih punya draf laporan");
    expect(telegram.lastText(STAFF_TG)).toContain("3 dari 6");
    await deliver(andi.press(draftData.pack("resume", draft.id)));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");
    await deliver(
      andi.text("2"),
      andi.text("30"),
      andi.photo(telegram.addFile(jpeg())),
      andi.press(laporData.photosDone.pack()),
      andi.press(laporData.submit.pack(draft.id)),
    );
    expect(telegram.lastText(STAFF_TG)).toContain("terkirim dengan nomor");
    expect(await database.prisma.report.count()).toBe(1);
  });

  it("/lapor during an expired session offers the draft at once; Start over deletes it", async () => {
    const h = await setup();
    const { telegram, deliver, andi, clock } = h;
    await deliver(andi.command("lapor"), andi.press(laporData.today.pack()));
    clock.advance(31 * 60_000);
    await deliver(andi.command("lapor"));
    const texts = telegram.sentTexts(STAFF_TG);
    expect(texts.at(-2)).toContain("berakhir");
    expect(texts.at(-1)).toContain("masih punya draf");
    const draft = await database.prisma.report.findFirstOrThrow();
    await deliver(andi.press(draftData.pack("new", draft.id)));
    expect(telegram.lastText(STAFF_TG)).toContain("Langkah 1/6");
    expect(await database.prisma.report.count({ where: { id: draft.id } })).toBe(0);
  });

  it("continues on a new bot instance (a restart) at the same step with the answers kept", async () => {
    const h = await setup();
    await h.deliver(
      h.andi.command("lapor"),
      h.andi.press(laporData.today.pack()),
      h.andi.press(laporData.indicator.pack(h.indicators[2]!.id)),
      h.andi.text("Melayani tiket helpdesk"),
    );
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");

    const again = reportBot(database.prisma, { dataDir: h.dataDir });
    await again.deliver(again.andi.text("4"));
    expect(again.telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
    await again.deliver(
      again.andi.text("2:15"),
      again.andi.photo(again.telegram.addFile(jpeg())),
      again.andi.press(laporData.photosDone.pack()),
    );
    const summary = again.telegram.lastText(STAFF_TG)!;
    expect(summary).toContain("Melayani tiket helpdesk");
    expect(summary).toContain("4 tiket");
    expect(summary).toContain("2:15 (135 menit)");
    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    await again.deliver(again.andi.press(laporData.submit.pack(reportId)));
    expect(await database.prisma.report.findFirstOrThrow()).toMatchObject({
      status: "SUBMITTED",
      minutes: 135,
      indicatorId: h.indicators[2]!.id,
    });
  });
});

describe("duplicates", () => {
  it("the same Submit update delivered twice, and Submit pressed twice, make one report and one outbox row", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    const photo = h.andi.photo(h.telegram.addFile(jpeg()));
    await h.deliver(photo, photo); // a re-delivered photo is one photo
    await h.deliver(h.andi.press(laporData.photosDone.pack()));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Foto: 1");
    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    const submit = h.andi.press(laporData.submit.pack(reportId));
    await h.deliver(submit);
    await h.settle(); // the evidence download after Submit calls getFile in the background
    const answers = h.telegram.calls.length;
    // The same update again (a redelivery) is acknowledged without effect and without an answer.
    await h.deliver(submit);
    await h.settle();
    expect(h.telegram.calls.length).toBe(answers);
    expect(h.telegram.lastText(STAFF_TG)).toContain("Laporan terkirim dengan nomor LK-2026-000001");
    await h.deliver(h.andi.press(laporData.submit.pack(reportId)));
    expect(h.telegram.lastText(STAFF_TG)).toContain("sudah terkirim");
    expect(await database.prisma.report.count()).toBe(1);
    expect(await database.prisma.outbox.count({ where: { kind: "review-request" } })).toBe(1);
    expect(await database.prisma.evidence.count()).toBe(1);
  });

  it("two submits racing (two instances) still make one report and one outbox row", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    await h.deliver(h.andi.photo(h.telegram.addFile(jpeg())), h.andi.press(laporData.photosDone.pack()));
    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    const other = reportBot(database.prisma, { dataDir: h.dataDir });
    await Promise.all([
      h.deliver(h.andi.press(laporData.submit.pack(reportId))),
      other.deliver(other.andi.press(laporData.submit.pack(reportId))),
    ]);
    expect(await database.prisma.report.count({ where: { status: "SUBMITTED" } })).toBe(1);
    expect(await database.prisma.outbox.count({ where: { kind: "review-request" } })).toBe(1);
    expect(await database.prisma.outbox.count({ where: { kind: "review-request-photos" } })).toBe(1);
  });
});

describe("evidence kept by us", () => {
  it("retries a failed getFile and a failed download in the background, and never loses the report", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    const bytes = jpeg();
    await h.deliver(h.andi.photo(h.telegram.addFile(bytes)), h.andi.press(laporData.photosDone.pack()));
    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    h.telegram.failNext(1, { status: 500 }, "getFile");
    await h.deliver(h.andi.press(laporData.submit.pack(reportId)));
    await h.settle();
    expect(await database.prisma.report.findFirstOrThrow()).toMatchObject({ status: "SUBMITTED" });
    expect(await database.prisma.evidence.findFirstOrThrow()).toMatchObject({ status: "PENDING", attempts: 1 });

    const { retryPendingEvidence } = await import("../../src/jobs/evidence.ts");
    const deps = {
      db: database.prisma,
      api: h.bot.api,
      config: h.config,
      storage: h.storage,
      clock: h.clock,
      fetch: h.telegram.fetch,
    };
    h.telegram.failDownloads(1);
    expect(await retryPendingEvidence(deps)).toEqual({ stored: 0, failed: 0, rejected: 0 }); // not due yet (backoff)
    h.clock.advance(31_000);
    expect(await retryPendingEvidence(deps)).toEqual({ stored: 0, failed: 1, rejected: 0 });
    h.clock.advance(61_000);
    expect(await retryPendingEvidence(deps)).toEqual({ stored: 1, failed: 0, rejected: 0 });
    const evidence = await database.prisma.evidence.findFirstOrThrow();
    expect(evidence).toMatchObject({ status: "STORED", attempts: 3, sha256: sha256(bytes) });
    expect(existsSync(join(h.dataDir, evidence.path!))).toBe(true);
  });

  it("refuses a file that is not an image by its content, keeping the report", async () => {
    const h = await setup();
    await answerUpToPhotos(h);
    await h.deliver(
      h.andi.photo(h.telegram.addFile(new TextEncoder().encode("not really a photo"))),
      h.andi.press(laporData.photosDone.pack()),
    );
    const reportId = (await database.prisma.report.findFirstOrThrow()).id;
    await h.deliver(h.andi.press(laporData.submit.pack(reportId)));
    await h.settle();
    expect(await database.prisma.evidence.findFirstOrThrow()).toMatchObject({ status: "REJECTED", path: null });
    expect(await database.prisma.report.findFirstOrThrow()).toMatchObject({ status: "SUBMITTED" });
  });

  it("flags a photo already used on another report, by file_unique_id and by content, without blocking", async () => {
    const h = await setup();
    const bytes = jpeg();
    const original = h.telegram.addFile(bytes, { fileId: "orig", uniqueId: "U-orig" });
    await answerUpToPhotos(h);
    await h.deliver(h.andi.photo(original), h.andi.press(laporData.photosDone.pack()));
    const first = (await database.prisma.report.findFirstOrThrow()).id;
    await h.deliver(h.andi.press(laporData.submit.pack(first)));
    await h.settle();

    // A colleague sends the very same Telegram photo: flagged at submit.
    await database.prisma.employee.update({ where: { id: h.colleague.id }, data: { telegramId: 5003n } });
    const dewi = h.telegram.user(5003);
    await h.deliver(
      dewi.command("lapor"),
      dewi.press(laporData.today.pack()),
      dewi.press(laporData.additionalTask.pack()),
      dewi.text("Membantu rapat koordinasi"),
      dewi.text("1"),
      dewi.text("60"),
    );
    await h.deliver(dewi.photo(original), dewi.press(laporData.photosDone.pack()));
    const second = (await database.prisma.report.findFirstOrThrow({ where: { employeeId: h.colleague.id } })).id;
    await h.deliver(dewi.press(laporData.submit.pack(second)));
    expect(h.telegram.lastText(5003)).toContain("already used on another report");
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      status: "SUBMITTED",
      reusedEvidence: true,
      isAdditional: true,
      outputUnit: "activity",
    });

    // The same bytes under another file id (forwarded, re-uploaded): flagged once downloaded.
    const copy = h.telegram.addFile(bytes, { fileId: "copy", uniqueId: "U-copy" });
    await h.deliver(
      h.andi.command("lapor"),
      h.andi.press(laporData.today.pack()),
      h.andi.press(laporData.indicator.pack(h.indicators[1]!.id)),
      h.andi.text("Memelihara aplikasi kepegawaian"),
      h.andi.text("1"),
      h.andi.text("60"),
    );
    await h.deliver(h.andi.photo(copy), h.andi.press(laporData.photosDone.pack()));
    const third = (await database.prisma.report.findFirstOrThrow({ where: { status: "DRAFT" } })).id;
    await h.deliver(h.andi.press(laporData.submit.pack(third)));
    await h.settle();
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: third } })).toMatchObject({
      reusedEvidence: true,
    });
    expect(await database.prisma.report.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
      reusedEvidence: false,
    });
    // Stored once: both rows point at the same file.
    const paths = new Set((await database.prisma.evidence.findMany()).map((e) => e.path));
    expect(paths.size).toBe(1);
  });
});

describe("the idle sweep (a scheduled job)", () => {
  it("ends a /lapor left for 30 minutes with a queued message, keeping the draft, and not a minute early", async () => {
    const { expireIdleReportConversations } = await import("../../src/jobs/report-idle.ts");
    const { translate } = await import("../../src/lib/i18n.ts");
    const h = await setup();
    await h.deliver(h.andi.command("lapor"), h.andi.press(laporData.today.pack()));
    const render = (locale: string, minutes: number) => translate(locale, "lapor-idle", { minutes });

    h.clock.advance(29 * 60_000);
    expect(await expireIdleReportConversations({ db: database.prisma, clock: h.clock, render })).toBe(0);
    h.clock.advance(2 * 60_000);
    expect(await expireIdleReportConversations({ db: database.prisma, clock: h.clock, render })).toBe(1);
    const queued = await database.prisma.outbox.findFirstOrThrow();
    expect(queued).toMatchObject({ kind: "report-idle", chatId: BigInt(STAFF_TG) });
    expect(JSON.stringify(queued.payload)).toContain("berakhir karena tidak ada jawaban selama 30 menit");
    expect(await database.prisma.report.findFirstOrThrow()).toMatchObject({ status: "DRAFT" });

    // The next message is not taken as an answer; /lapor offers the draft.
    h.telegram.clearCalls();
    await h.deliver(h.andi.command("lapor"));
    expect(h.telegram.lastText(STAFF_TG)).toContain("masih punya draf");
  });
});
