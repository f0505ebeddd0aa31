import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import { visibleLength } from "../../src/lib/telegram-limits.ts";
import type { Database } from "../../src/db/client.ts";
import { evaluationData, parseEvaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import {
  ADMIN_TG,
  DELEGATE_TG,
  FORMER_SUPERVISOR_TG,
  PEER_TG,
  reviewBot,
  STAFF_TG,
  SUPERVISOR_TG,
} from "../review/helpers.ts";
import { addReport } from "../skp/helpers.ts";
import { AFTER_Q3, button, lastButtons, seedEvaluation } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const db = () => database.prisma;

async function setup(now = AFTER_Q3) {
  const seeded = await seedEvaluation(db());
  const h = reviewBot(db(), { now });
  const siti = h.user(SUPERVISOR_TG);
  return { ...seeded, ...h, siti };
}
type Harness = Awaited<ReturnType<typeof setup>>;

const evaluationOf = (employeeId: number, period = "Q3") =>
  db().evaluation.findUnique({ where: { employeeId_year_period: { employeeId, year: 2026, period } } });
const lastAlert = (h: Harness) => h.telegram.callbackAnswers().at(-1);

/** Siti opens Andi's Q3 evaluation from the /evaluasi list. */
async function openAndi(h: Harness) {
  await h.deliver(h.siti.command("evaluasi"));
  await h.deliver(h.siti.press(button(h.telegram, SUPERVISOR_TG, evaluationData.open.pack(h.staff.id, "2026-Q3"))));
  return (await evaluationOf(h.staff.id))!;
}

/** Results ABOVE, behaviour MEETS, the feedback text: up to the summary. */
async function answerAll(h: Harness, feedback = "Kerja jaringan sangat rapi, pertahankan.") {
  const press = async (codec: typeof evaluationData.results, letter: string) =>
    h.deliver(h.siti.press(lastButtons(h.telegram, SUPERVISOR_TG).find((b) => codec.parse(b)?.[2] === letter)!));
  await press(evaluationData.results, "A");
  await press(evaluationData.behaviour, "M");
  await h.deliver(h.siti.text(feedback));
}

describe("/evaluasi for the supervisor", () => {
  it("lists the subordinates for the period just ended, with its closing date", async () => {
    const h = await setup();
    await h.deliver(h.siti.command("evaluasi"));
    const text = h.telegram.lastText(SUPERVISOR_TG)!;
    expect(text).toContain("Evaluasi kinerja Triwulan 3 2026 (batas 5 Oktober 2026) — 0 dari 2 selesai");
    expect(text).toContain("⏳ Andi Wijaya");
    expect(text).toContain("⏳ Dewi Lestari");
    expect(lastButtons(h.telegram, SUPERVISOR_TG)).toEqual([
      evaluationData.open.pack(h.staff.id, "2026-Q3"),
      evaluationData.open.pack(h.colleague.id, "2026-Q3"),
    ]);
  });

  it("lists a team of 130 a page of buttons at a time, within Telegram's 100 buttons and 4,096 characters", async () => {
    const h = await setup();
    await db().employee.createMany({
      data: Array.from({ length: 128 }, (_, i) => ({
        nip: `199001012015011${String(i).padStart(3, "0")}`,
        name: `Pegawai Nomor ${String(i).padStart(3, "0")} dengan nama lengkap yang cukup panjang sekali`,
        position: "Staf",
        unitId: h.staff.unitId,
        supervisorId: h.supervisor.id,
      })),
    });
    await h.deliver(h.siti.command("evaluasi"));
    const opened = new Set<string>();
    for (let page = 0; page < 10; page++) {
      const text = h.telegram.lastText(SUPERVISOR_TG)!;
      expect(text).toContain("0 dari 130 selesai");
      expect(text.length).toBeLessThanOrEqual(4096);
      const buttons = lastButtons(h.telegram, SUPERVISOR_TG);
      expect(buttons.length).toBeLessThanOrEqual(100);
      for (const b of buttons) if (evaluationData.open.parse(b)) opened.add(b);
      const next = buttons.find((b) => {
        const parsed = evaluationData.listPage.parse(b);
        return parsed !== undefined && parsed[1] === page + 1;
      });
      if (!next) break;
      await h.deliver(h.siti.press(next));
    }
    expect(opened.size).toBe(130);
  });

  it("shows realisation, the approval record and the suggestion, then takes the ratings and feedback to a predicate", async () => {
    const h = await setup();
    const draft = await openAndi(h);
    expect(draft.status).toBe("DRAFT");
    expect(draft.suggestedResults).toBe("MEETS");
    const facts = h.telegram.sentTexts(SUPERVISOR_TG).at(-2)!;
    expect(facts).toContain("Andi Wijaya (199005202015031003)");
    expect(facts).toContain("1.1 Jumlah laporan pengelolaan jaringan [utama]: 9/9 dokumen (100%)");
    expect(facts).toContain("2.1 Persentase layanan helpdesk tepat waktu [utama]: 10/9 tiket (111,1%)");
    expect(facts).toContain("4 disetujui, 1 diminta revisi, 0 ditolak; rata-rata waktu persetujuan 1 jam");
    expect(facts).toContain("Saran dari realisasi: hasil kerja sesuai ekspektasi");
    expect(h.telegram.lastText(SUPERVISOR_TG)).toBe("Rating hasil kerja Andi Wijaya?");

    await answerAll(h);
    const summary = h.telegram.lastText(SUPERVISOR_TG)!;
    expect(summary).toContain("Hasil kerja: di atas ekspektasi");
    expect(summary).toContain("Perilaku kerja: sesuai ekspektasi");
    expect(summary).toContain("Predikat kinerja: Baik");
    expect(summary).toContain("Umpan balik: Kerja jaringan sangat rapi, pertahankan.");
    expect(summary).not.toContain("Sebaran");
    expect(lastButtons(h.telegram, SUPERVISOR_TG)).toEqual([
      evaluationData.finalise.pack(draft.id, 1),
      evaluationData.edit.pack(draft.id, 1),
    ]);
    expect((await evaluationOf(h.staff.id))!.status).toBe("DRAFT");
  });

  it("shows 30 indicators with 200-character names in full, with the suggestion, in messages within 4,096 characters", async () => {
    const h = await setup();
    const { planId } = await db().skpIndicator.findFirstOrThrow({ where: { plan: { employeeId: h.staff.id } } });
    await db().skpIndicator.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        planId,
        code: `9.${i + 1}`,
        rhk: "Rencana hasil kerja tambahan",
        rhkKind: "ADDITIONAL" as const,
        indicator: `Indikator ${i + 1} ${"jumlah dokumen tata kelola yang disusun ".repeat(6)}`.slice(0, 200),
        target: 4,
        unitOfMeasure: "dokumen",
      })),
    });
    await openAndi(h);
    const sent = h.telegram.sentTexts(SUPERVISOR_TG);
    for (const text of sent) expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    const all = sent.join("\n");
    for (let i = 1; i <= 27; i++)
      expect(all).toMatch(new RegExp(`9\\.${i} Indikator ${i} .*\\[tambahan\\]: 0/3 dokumen`));
    expect(all).toContain("4 disetujui, 1 diminta revisi, 0 ditolak");
    expect(all).toContain("Saran dari realisasi: hasil kerja sesuai ekspektasi");
    expect(h.telegram.lastText(SUPERVISOR_TG)).toBe("Rating hasil kerja Andi Wijaya?");
  });

  it("finalises in one step: predicate stored, audit row, the employee told, and the next subordinate opened", async () => {
    const h = await setup();
    const draft = await openAndi(h);
    await answerAll(h);
    await h.deliver(h.siti.press(evaluationData.finalise.pack(draft.id, 1)));

    const final = (await evaluationOf(h.staff.id))!;
    expect(final).toMatchObject({
      status: "FINALISED",
      resultsRating: "ABOVE",
      behaviourRating: "MEETS",
      predicate: "BAIK",
      evaluatorId: h.supervisor.id,
      actingAs: "SUPERVISOR",
    });
    expect(final.finalisedAt?.toISOString()).toBe(AFTER_Q3.replace("Z", ".000Z"));
    const audit = await db().auditLog.findMany({ where: { entity: "Evaluation", entityId: String(final.id) } });
    expect(audit.map((a) => a.action)).toEqual(["evaluation.finalise"]);
    expect(audit[0]!.after).toMatchObject({
      predicate: "BAIK",
      resultsRating: "ABOVE",
      feedback: "Kerja jaringan sangat rapi, pertahankan.",
    });

    await h.flush();
    const notice = h.telegram.lastText(STAFF_TG)!;
    expect(notice).toContain("Evaluasi kinerja Triwulan 3 2026 Anda sudah difinalisasi oleh Siti Rahma: Baik.");
    expect(notice).toContain("Umpan balik: Kerja jaringan sangat rapi, pertahankan.");

    const texts = h.telegram.sentTexts(SUPERVISOR_TG);
    expect(texts).toContain("✅ Evaluasi Andi Wijaya difinalisasi: Baik. Pegawai diberi tahu.");
    expect(texts.at(-1)).toBe("Rating hasil kerja Dewi Lestari?");
    expect((await evaluationOf(h.colleague.id))!.status).toBe("DRAFT");
  });

  it("rates behaviour per BerAKHLAK value and derives the overall rating from them", async () => {
    const h = await setup();
    const draft = await openAndi(h);
    await h.deliver(h.siti.press(evaluationData.results.pack(draft.id, 1, "M")));
    await h.deliver(h.siti.press(evaluationData.perValue.pack(draft.id, 1)));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toBe("Berorientasi Pelayanan (1/7)?");
    for (const letter of ["A", "A", "A", "A", "M", "M", "M"]) {
      const next = lastButtons(h.telegram, SUPERVISOR_TG).find((b) => evaluationData.value.parse(b)?.[3] === letter)!;
      await h.deliver(h.siti.press(next));
    }
    const row = (await evaluationOf(h.staff.id))!;
    // 4 × ABOVE + 3 × MEETS: mean 2.57 > 2.5 → ABOVE.
    expect(row.behaviourRating).toBe("ABOVE");
    expect(Object.keys(row.behaviourValues as object)).toHaveLength(7);
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Tulis umpan balik untuk Andi Wijaya");
    await h.deliver(h.siti.text("Pelayanan kepada OPD lain sangat baik."));
    const summary = h.telegram.lastText(SUPERVISOR_TG)!;
    expect(summary).toContain("• Akuntabel: di atas ekspektasi");
    expect(summary).toContain("• Kolaboratif: sesuai ekspektasi");
    expect(summary).toContain("Predikat kinerja: Baik");
  });

  it("asks again for feedback that is too short, and /batal stops while keeping the answers", async () => {
    const h = await setup();
    const draft = await openAndi(h);
    await h.deliver(h.siti.press(evaluationData.results.pack(draft.id, 1, "B")));
    await h.deliver(h.siti.press(evaluationData.behaviour.pack(draft.id, 1, "B")));
    await h.deliver(h.siti.text("ok"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toBe("Umpan balik terlalu pendek: tulis minimal 10 karakter.");
    expect((await evaluationOf(h.staff.id))!.feedback).toBeNull();
    await h.deliver(h.siti.command("batal"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Jawaban sejauh ini disimpan");
    expect(await evaluationOf(h.staff.id)).toMatchObject({
      status: "DRAFT",
      resultsRating: "BELOW",
      behaviourRating: "BELOW",
      feedback: null,
    });
  });

  it("resumes on a new bot instance at the first unanswered question", async () => {
    const h = await setup();
    const draft = await openAndi(h);
    await h.deliver(h.siti.press(evaluationData.results.pack(draft.id, 1, "A")));
    const restarted = reviewBot(db(), { now: AFTER_Q3 });
    const siti = restarted.user(SUPERVISOR_TG);
    await restarted.deliver(siti.command("evaluasi"));
    await restarted.deliver(siti.press(evaluationData.open.pack(h.staff.id, "2026-Q3")));
    expect(restarted.telegram.lastText(SUPERVISOR_TG)).toContain("Rating perilaku kerja (BerAKHLAK) Andi Wijaya?");
  });
});

describe("who may evaluate", () => {
  it("refuses a peer, a former supervisor and the employee, changing nothing", async () => {
    const h = await setup();
    const draft = await openAndi(h);
    for (const tg of [PEER_TG, FORMER_SUPERVISOR_TG, STAFF_TG]) {
      await h.deliver(h.user(tg).press(evaluationData.results.pack(draft.id, 1, "A")));
      expect(lastAlert(h)).toMatchObject({ show_alert: true });
      expect(lastAlert(h)?.text).toMatch(tg === STAFF_TG ? /diri sendiri/ : /tidak berwenang/);
    }
    expect((await evaluationOf(h.staff.id))!.resultsRating).toBeNull();
    await h.deliver(h.user(PEER_TG).command("evaluasi", h.staff.nip));
    expect(h.telegram.lastText(PEER_TG)).toContain("Anda tidak berwenang mengevaluasi pegawai ini");
  });

  it("lets a delegate act during the delegation and an admin at any time", async () => {
    const h = await setup();
    await db().delegation.create({
      data: {
        supervisorId: h.supervisor.id,
        delegateId: h.delegate.id,
        from: new Date("2026-10-01T00:00:00Z"),
        to: new Date("2026-10-10T00:00:00Z"),
        createdBy: "cli",
      },
    });
    const wati = h.user(DELEGATE_TG);
    await h.deliver(wati.command("evaluasi"));
    expect(h.telegram.lastText(DELEGATE_TG)).toContain("⏳ Andi Wijaya");
    const draft = await openAndi(h);
    await h.deliver(wati.press(evaluationData.results.pack(draft.id, 1, "M")));
    expect((await evaluationOf(h.staff.id))!.resultsRating).toBe("MEETS");

    const later = reviewBot(db(), { now: "2026-10-12T02:00:00Z" });
    await later.deliver(later.user(DELEGATE_TG).press(evaluationData.results.pack(draft.id, 1, "A")));
    expect(later.telegram.callbackAnswers().at(-1)?.text).toMatch(/tidak berwenang/);
    await later.deliver(later.user(ADMIN_TG).press(evaluationData.results.pack(draft.id, 1, "B")));
    expect((await evaluationOf(h.staff.id))!.resultsRating).toBe("BELOW");
  });

  it("refuses a forged button for a period not yet ended, creating no evaluation", async () => {
    const h = await setup();
    for (const data of [
      evaluationData.open.pack(h.staff.id, "2026-Q4"),
      evaluationData.open.pack(h.staff.id, "2030-Q1"),
      evaluationData.list.pack("2026-YEAR"),
    ]) {
      await h.deliver(h.siti.press(data));
      expect(lastAlert(h)).toMatchObject({ show_alert: true, text: expect.stringContaining("belum berakhir") });
    }
    expect(await db().evaluation.count()).toBe(0);
    expect(h.telegram.sentTexts(SUPERVISOR_TG)).toEqual([]);
  });

  it("answers tampered or unknown button data with an alert and a log line", async () => {
    const h = await setup();
    for (const data of [
      "ev:r:1:1:Z",
      "ev:zz:1",
      "ev:o:abc:2026-Q3",
      "ev:o:1:2026-Q9",
      "ev:r:99999:1:A",
      "ev:bv:1:1:3",
    ]) {
      await h.deliver(h.siti.press(data));
      expect(lastAlert(h)).toMatchObject({ text: "Evaluasi ini tidak dikenali.", show_alert: true });
    }
    expect(h.logLines.filter((l) => l.msg === "evaluation: unknown or tampered button data")).toHaveLength(5);
  });

  it("parses every button it makes, and nothing else", () => {
    expect(parseEvaluationData("ev:o:12:2026-Q3")).toMatchObject({
      kind: "o",
      employeeId: 12,
      period: { code: "Q3", year: 2026, to: "2026-09-30" },
    });
    expect(parseEvaluationData("ev:l:2025-YEAR")).toMatchObject({
      kind: "l",
      period: { code: "YEAR", from: "2025-01-01" },
    });
    expect(parseEvaluationData("ev:o:12:2026-M02")).toMatchObject({ period: { code: "M02", to: "2026-02-28" } });
    expect(parseEvaluationData("ev:bv:3:2:6:B")).toEqual({
      kind: "bv",
      evaluationId: 3,
      version: 2,
      value: 6,
      rating: "BELOW",
    });
    expect(parseEvaluationData("ev:bv:3:2:7:B")).toBeUndefined();
    expect(parseEvaluationData("ev:f:3:2:extra")).toBeUndefined();
    expect(parseEvaluationData("rv:f:3:2")).toBeUndefined();
  });

  it("packs the same data as the buttons already sent", () => {
    expect(evaluationData.open.pack(12, "2026-Q3")).toBe("ev:o:12:2026-Q3");
    expect(evaluationData.results.pack(3, 2, "A")).toBe("ev:r:3:2:A");
    expect(evaluationData.perValue.pack(3, 2)).toBe("ev:bv:3:2");
    expect(evaluationData.value.pack(3, 2, 6, "B")).toBe("ev:bv:3:2:6:B");
    expect(evaluationData.amend.pack(3, 2)).toBe("ev:x:3:2");
  });
});

describe("a finalised evaluation", () => {
  async function finalised(h: Harness) {
    const draft = await openAndi(h);
    await answerAll(h);
    await h.deliver(h.siti.press(evaluationData.finalise.pack(draft.id, 1)));
    return draft.id;
  }

  it("cannot be changed by the supervisor, nor finalised twice", async () => {
    const h = await setup();
    const id = await finalised(h);
    await h.deliver(h.siti.press(evaluationData.results.pack(id, 1, "B")));
    expect(lastAlert(h)?.text).toBe(
      "Evaluasi ini sudah difinalisasi oleh Siti Rahma. Hanya admin yang dapat mengubahnya.",
    );
    await h.deliver(h.siti.press(evaluationData.finalise.pack(id, 1)));
    expect(lastAlert(h)?.text).toContain("sudah difinalisasi");
    await h.deliver(h.siti.press(evaluationData.amend.pack(id, 1)));
    expect(lastAlert(h)?.text).toBe("Evaluasi yang sudah difinalisasi hanya dapat diubah oleh admin.");
    expect(await evaluationOf(h.staff.id)).toMatchObject({ resultsRating: "ABOVE", version: 1, status: "FINALISED" });
  });

  it("is amended by an admin, with the values before and after in the audit log and the employee told again", async () => {
    const h = await setup();
    const id = await finalised(h);
    const admin = h.user(ADMIN_TG);
    await h.deliver(admin.command("evaluasi", h.staff.nip));
    expect(h.telegram.lastText(ADMIN_TG)).toContain("sudah difinalisasi oleh Siti Rahma");
    await h.deliver(admin.press(button(h.telegram, ADMIN_TG, `${evaluationData.amend.prefix}:`)));
    expect(await evaluationOf(h.staff.id)).toMatchObject({ status: "DRAFT", version: 2 });
    await h.deliver(admin.press(evaluationData.edit.pack(id, 2)));
    await h.deliver(admin.press(evaluationData.results.pack(id, 2, "B")));
    await h.deliver(admin.press(evaluationData.behaviour.pack(id, 2, "M")));
    await h.deliver(admin.text("Setelah klarifikasi, target triwulan belum tercapai."));
    await h.deliver(admin.press(evaluationData.finalise.pack(id, 2)));

    expect(await evaluationOf(h.staff.id)).toMatchObject({
      status: "FINALISED",
      version: 2,
      predicate: "BUTUH_PERBAIKAN",
      actingAs: "ADMIN",
    });
    const audit = await db().auditLog.findMany({
      where: { entity: "Evaluation", entityId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["evaluation.finalise", "evaluation.reopen", "evaluation.amend"]);
    expect(audit[2]!.before).toMatchObject({ predicate: "BAIK", resultsRating: "ABOVE", version: 1 });
    expect(audit[2]!.after).toMatchObject({ predicate: "BUTUH_PERBAIKAN", resultsRating: "BELOW", version: 2 });
    await h.flush();
    expect(h.telegram.sentTexts(STAFF_TG).filter((t) => t.includes("Evaluasi kinerja Triwulan 3 2026"))).toHaveLength(
      2,
    );
  });
});

describe("the unit's distribution", () => {
  /** Four of the unit's five rated employees finalised for Q3: two SANGAT BAIK, two BAIK; Andi is the last. */
  async function rateAllButAndi(h: Awaited<ReturnType<typeof setup>>) {
    // Budi already rated Siti SANGAT BAIK; Siti rated Dewi SANGAT BAIK. Andi is the unit's last.
    for (const [employeeId, evaluatorId] of [
      [h.supervisor.id, h.head.id],
      [h.colleague.id, h.supervisor.id],
    ]) {
      await db().evaluation.create({
        data: {
          employeeId: employeeId!,
          evaluatorId,
          year: 2026,
          period: "Q3",
          periodFrom: new Date("2026-07-01"),
          periodTo: new Date("2026-09-30"),
          status: "FINALISED",
          resultsRating: "ABOVE",
          behaviourRating: "ABOVE",
          predicate: "SANGAT_BAIK",
          feedback: "Sangat baik sekali.",
          finalisedAt: new Date(),
        },
      });
    }
    // The former supervisor and the delegate of the review seed are in the unit too: rated BAIK.
    for (const employeeId of [h.former.id, h.delegate.id]) {
      await db().evaluation.create({
        data: {
          employeeId,
          year: 2026,
          period: "Q3",
          periodFrom: new Date("2026-07-01"),
          periodTo: new Date("2026-09-30"),
          status: "FINALISED",
          predicate: "BAIK",
          feedback: "Baik dan konsisten.",
          finalisedAt: new Date(),
        },
      });
    }
  }

  /** Siti rates Andi SANGAT BAIK and is shown the summary before finalising. */
  async function rateAndiAbove(h: Awaited<ReturnType<typeof setup>>) {
    const draft = await openAndi(h);
    await h.deliver(h.siti.press(evaluationData.results.pack(draft.id, 1, "A")));
    await h.deliver(h.siti.press(evaluationData.behaviour.pack(draft.id, 1, "A")));
    await h.deliver(h.siti.text("Inovasi jaringan kantor sangat membantu."));
    return { draft, summary: h.telegram.lastText(SUPERVISOR_TG)! };
  }

  it("is shown as a warning before the last evaluation of the unit, and does not block", async () => {
    const h = await setup();
    await rateAllButAndi(h);
    const { draft, summary } = await rateAndiAbove(h);
    // 3 of 5 SANGAT BAIK (60% > 20%) and none below BAIK (0% < 10%) in a "Baik" unit.
    expect(summary).toContain("Sebaran predikat unit ini (hasil kerja organisasi: Baik)");
    expect(summary).toContain("• Sangat Baik: 60% (paling banyak 20%)");
    expect(summary).toContain("• di bawah Baik: 0% (paling sedikit 10%)");
    await h.deliver(h.siti.press(evaluationData.finalise.pack(draft.id, 1)));
    expect((await evaluationOf(h.staff.id))!.predicate).toBe("SANGAT_BAIK");
  });

  it("measures against the unit's own organisational result when the import set one", async () => {
    const h = await setup();
    await db().unit.update({ where: { id: h.unit.id }, data: { organisationalResult: "ISTIMEWA" } });
    await rateAllButAndi(h);
    await db().evaluation.update({
      where: { employeeId_year_period: { employeeId: h.former.id, year: 2026, period: "Q3" } },
      data: { predicate: "SANGAT_BAIK" },
    });
    const { summary } = await rateAndiAbove(h);
    // An "Istimewa" unit may have up to 70% SANGAT BAIK (a "Baik" one 20%), and needs none below BAIK.
    expect(summary).toContain("Sebaran predikat unit ini (hasil kerja organisasi: Istimewa)");
    expect(summary).toContain("• Sangat Baik: 80% (paling banyak 70%)");
    expect(summary).not.toContain("di bawah Baik");
  });
});

describe("a legacy rating mode", () => {
  it("asks for a behaviour score and gives the 2011 final score and band", async () => {
    const h = await setup();
    await db().keyValue.create({ data: { key: "policy:rating", value: { mode: "2011" } } });
    const draft = await openAndi(h);
    // Beside the question, the colleagues' peer feedback: none here, so only that it is not enough to show.
    expect(h.telegram.lastText(SUPERVISOR_TG)).toBe(
      "👥 Masukan rekan: belum cukup untuk ditampilkan (paling sedikit 3 rekan), demi kerahasiaan.\n\n" +
        "Tulis nilai perilaku kerja Andi Wijaya (0–100).",
    );
    await h.deliver(h.siti.text("sembilan puluh"));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("harus angka 0 sampai 100");
    await h.deliver(h.siti.text("80"));
    await h.deliver(h.siti.text("Konsisten dan tepat waktu sepanjang triwulan."));
    // One main RHK "Layanan TIK": scores 100, 100 and 111.11 → SKP 103.70; 60% × 103.70 + 40% × 80 = 94.22.
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain(
      "Mode 2011: nilai SKP 103,7, perilaku 80 → nilai akhir 94,22 (Sangat Baik)",
    );
    await h.deliver(h.siti.press(evaluationData.finalise.pack(draft.id, 1)));
    const final = (await evaluationOf(h.staff.id))!;
    expect({
      mode: final.mode,
      band: final.band,
      finalScore: Number(final.finalScore),
      skpScore: Number(final.skpScore),
      predicate: final.predicate,
    }).toEqual({
      mode: "2011",
      band: "SANGAT_BAIK",
      finalScore: 94.22,
      skpScore: 103.7,
      predicate: null,
    });
  });

  it("caps an over-achieved SKP at the 2019 scale's 120, so the evaluation can still be confirmed and finalised", async () => {
    const h = await setup();
    await db().keyValue.create({ data: { key: "policy:rating", value: { mode: "2019" } } });
    const helpdesk = h.indicators[2]!;
    await addReport(db(), {
      employeeId: h.staff.id,
      indicatorId: helpdesk.id,
      date: "2026-09-28",
      status: "APPROVED",
      output: 30,
    });
    const draft = await openAndi(h);
    await h.deliver(h.siti.text("80"));
    await h.deliver(h.siti.text("Melampaui target layanan helpdesk jauh."));
    // Scores 100, 100 and 444.44 → 214.81, over the 2019 scale: 120; 70% × 120 + 30% × 80 = 108.
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain(
      "Mode 2019: nilai SKP 120, perilaku 80 → nilai akhir 108 (Baik)",
    );
    await h.deliver(h.siti.press(evaluationData.finalise.pack(draft.id, 1)));
    const final = (await evaluationOf(h.staff.id))!;
    expect([final.status, Number(final.skpScore), Number(final.finalScore), final.band]).toEqual([
      "FINALISED",
      120,
      108,
      "BAIK",
    ]);
  });
});
