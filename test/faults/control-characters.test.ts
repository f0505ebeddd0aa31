import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { cleanText, cleanTextWithSpans } from "../../src/lib/clean-text.ts";
import { readTables } from "../../src/domain/import/read.ts";
import { laporData } from "../../src/handlers/report/callback-data.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { notificationMessageId, reviewBot, seedReview, STAFF_TG, submitted, SUPERVISOR_TG } from "../review/helpers.ts";
import { AFTER_Q3, button, lastButtons, seedEvaluation } from "../evaluation/helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** NUL (refused by PostgreSQL in text and jsonb), a bell, an escape and DEL. */
const JUNK = "\u0000\u0007\u001b\u007f";
const dirty = (text: string) => `${JUNK}${text.slice(0, 4)}\u0000${text.slice(4)}\u0000`;
// eslint-disable-next-line no-control-regex -- control characters are what this test looks for
const NOTHING_UNWANTED = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]*$/u; // lone surrogates only, with u

describe("cleaning what people type", () => {
  it("removes control characters but keeps tabs and newlines, and mends lone surrogates", () => {
    expect(cleanText("a\u0000b\u0007c\td\ne\r\nf\u007f")).toBe("abc\td\ne\r\nf");
    expect(cleanText("x\uD800y 😀")).toBe("x\uFFFDy 😀");
  });

  it("cleans every cell an import reads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lapkin-nul-"));
    try {
      const file = join(dir, "pegawai.csv");
      writeFileSync(file, `nip,na\u0000ma\n199005202015031003,${dirty("Andi Wijaya")}\n`);
      const { tables } = await readTables([file]);
      expect(tables[0]).toMatchObject({
        header: ["nip", "nama"],
        rows: [{ cells: ["199005202015031003", "Andi Wijaya"] }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("moves entities with the text so a command still matches", () => {
    const cleaned = cleanTextWithSpans("\u0000/lap\u0000or x", [{ type: "bot_command", offset: 1, length: 7 }]);
    expect(cleaned).toEqual({ text: "/lapor x", spans: [{ type: "bot_command", offset: 0, length: 6 }] });
  });
});

describe("control characters at every text step: nothing fails, nothing unwanted is stored", () => {
  it("/start payload, /lapor (date, description, output, minutes), button data and a review note", async () => {
    const seeded = await seedReview(database.prisma);
    const h = reviewBot(database.prisma);
    const andi = h.user(STAFF_TG);
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(h.user(7001).command("start", dirty("inv_abcdef")));
    expect(h.telegram.lastText(7001)).toBeDefined();

    await h.deliver(andi.command("lapor"), andi.text(dirty("24/11/2026")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 2/6");
    await h.deliver(andi.press(`${JUNK}${laporData.indicator.pack(seeded.indicators[0]!.id)}`));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 3/6");
    await h.deliver(andi.text(dirty("Menyusun laporan\tbulanan\njaringan kota")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 4/6");
    await h.deliver(andi.text(dirty("3 dokumen")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 5/6");
    await h.deliver(andi.text(dirty("90")));
    expect(h.telegram.lastText(STAFF_TG)).toContain("Langkah 6/6");
    const draft = await database.prisma.report.findFirstOrThrow({ where: { employeeId: seeded.staff.id } });
    expect(draft).toMatchObject({
      description: "Menyusun laporan\tbulanan\njaringan kota",
      outputUnit: "dokumen",
      minutes: 90,
    });
    const state = await database.prisma.keyValue.findUniqueOrThrow({ where: { key: `conv:${STAFF_TG}` } });
    expect(JSON.stringify(state.value)).not.toMatch(/\\u0000|\\u0007/);

    const reportId = await submitted(database.prisma, { employeeId: seeded.colleague.id });
    await h.flush();
    await h.deliver(
      siti.press(reviewData.revise.pack(reportId, 1), await notificationMessageId(database.prisma, reportId)),
    );
    await h.deliver(siti.text(dirty("Mohon lampirkan\ndaftar hadir")));
    const decided = await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(decided).toMatchObject({ status: "REVISION_REQUESTED", reviewerComment: "Mohon lampirkan\ndaftar hadir" });

    expect(h.logLines.filter((l) => l.msg === "update failed")).toEqual([]);
    const texts = h.telegram.calls.map((c) => String(c.payload.text ?? ""));
    expect(texts.filter((t) => !NOTHING_UNWANTED.test(t))).toEqual([]);
  });

  it("an evaluation's feedback", async () => {
    const seeded = await seedEvaluation(database.prisma);
    const h = reviewBot(database.prisma, { now: AFTER_Q3 });
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.command("evaluasi"));
    await h.deliver(
      siti.press(button(h.telegram, SUPERVISOR_TG, evaluationData.open.pack(seeded.staff.id, "2026-Q3"))),
    );
    const pick = (codec: typeof evaluationData.results, letter: string) =>
      lastButtons(h.telegram, SUPERVISOR_TG).find((b) => codec.parse(b)?.[2] === letter)!;
    await h.deliver(siti.press(pick(evaluationData.results, "A")));
    await h.deliver(siti.press(pick(evaluationData.behaviour, "M")));
    await h.deliver(siti.text(dirty("Kerja jaringan sangat rapi, pertahankan.")));
    const evaluation = await database.prisma.evaluation.findFirstOrThrow({ where: { employeeId: seeded.staff.id } });
    expect(evaluation.feedback).toBe("Kerja jaringan sangat rapi, pertahankan.");
    expect(h.logLines.filter((l) => l.msg === "update failed")).toEqual([]);
  });
});
