import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { laporData } from "../../src/handlers/report/callback-data.ts";
import { historyData } from "../../src/handlers/report/callback-data.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { evaluationData } from "../../src/handlers/evaluation/callback-data.ts";
import { enqueueAdminDigest } from "../../src/jobs/admin-digest.ts";
import { DEFAULT_POLICY } from "../../src/domain/policy/sections.ts";
import { CAPTION_MAX, MESSAGE_MAX, sendAsHtml } from "../../src/lib/telegram-limits.ts";
import { escapeHtml, html } from "../../src/lib/html.ts";
import { translate } from "../../src/lib/i18n.ts";
import type { FakeTelegram } from "../support/fake-telegram.ts";
import { htmlProblem, visible } from "../support/telegram-html.ts";
import { jpeg } from "../report/helpers.ts";
import { ADMIN_TG, notificationMessageId, reviewBot, seedReview, STAFF_TG, SUPERVISOR_TG } from "../review/helpers.ts";
import { AFTER_Q3, button, lastButtons, seedEvaluation } from "../evaluation/helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));
const db = () => database.prisma;

/** What people type that means something to HTML or Markdown. */
const HOSTILE = "<b> & <script>alert(1)</script> _*[";
/** The same, as long as a field allows. */
const hostile = (length: number) =>
  `${HOSTILE} `
    .repeat(Math.ceil(length / HOSTILE.length))
    .slice(0, length)
    .trim();

/**
 * Every text and caption sent was Telegram HTML (parse_mode set, well formed, within the limits), and
 * nothing was escaped twice: an escaped entity never reaches the reader as "&amp;" or "&lt;".
 */
function expectAllWellFormed(telegram: FakeTelegram) {
  const sent = telegram.calls.flatMap((c) =>
    (["text", "caption"] as const)
      .filter((field) => typeof c.payload[field] === "string" && c.method !== "answerCallbackQuery")
      .map((field) => ({ field, value: String(c.payload[field]), mode: c.payload.parse_mode })),
  );
  expect(sent.length).toBeGreaterThan(0);
  for (const { field, value, mode } of sent) {
    expect(mode, value).toBe("HTML");
    expect(htmlProblem(value), value).toBeUndefined();
    expect(visible(value).length).toBeLessThanOrEqual(field === "text" ? MESSAGE_MAX : CAPTION_MAX);
    expect(visible(value)).not.toMatch(/&(amp|lt|gt|quot);/);
  }
}

describe("one escaping rule: what users type is shown as typed, in valid Telegram HTML", () => {
  it("escapes a variable and inserts a rendered fragment marked html() as it is", () => {
    expect(escapeHtml(HOSTILE)).toBe("&lt;b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; _*[");
    expect(translate("id", "lapor-submitted", { number: "<i>" })).toBe(
      "Laporan terkirim dengan nomor <b>&lt;i&gt;</b>.",
    );
    const fragment = translate("id", "lapor-submitted", { number: "LK-1" });
    expect(translate("id", "evaluation-summary-feedback", { feedback: html(fragment) })).toBe(
      `Umpan balik: ${fragment}`,
    );
  });

  it("sets parse_mode HTML on texts, captions and album captions, unless a call chose its own; a callback alert gets the visible text", async () => {
    const sent: Array<Record<string, unknown>> = [];
    const prev = (async (_method: string, payload: Record<string, unknown>) => (sent.push(payload), true)) as never;
    const call = (method: string, payload: Record<string, unknown>) =>
      sendAsHtml(prev, method as never, payload as never);
    await call("sendMessage", { chat_id: 1, text: "<b>a</b>" });
    await call("sendPhoto", { chat_id: 1, photo: "x", caption: "<b>a</b>" });
    await call("sendMediaGroup", { chat_id: 1, media: [{ type: "photo", media: "x", caption: "<i>b</i>" }] });
    await call("sendMessage", { chat_id: 1, text: "*a*", parse_mode: "MarkdownV2" });
    await call("answerCallbackQuery", { callback_query_id: "q", text: "Andi &lt;b&gt; &amp; <b>Budi</b>" });
    expect(sent.map((p) => p.parse_mode)).toEqual(["HTML", "HTML", undefined, "MarkdownV2", undefined]);
    expect((sent[2]!.media as Array<{ parse_mode?: string }>)[0]!.parse_mode).toBe("HTML");
    expect(sent[4]!.text).toBe("Andi <b> & Budi");
  });

  it("/lapor description and output unit, the employee's name and position, and the revision note", async () => {
    const seeded = await seedReview(db());
    await db().employee.update({
      where: { id: seeded.staff.id },
      data: { name: `Andi ${HOSTILE}`, position: `Pranata ${HOSTILE}` }, // as an import stores them
    });
    const h = reviewBot(db());
    const andi = h.user(STAFF_TG);
    const description = hostile(DEFAULT_POLICY.descriptionMaxChars);
    await h.deliver(andi.command("lapor"), andi.press(laporData.today.pack()));
    await h.deliver(andi.press(laporData.indicator.pack(seeded.indicators[0]!.id)));
    await h.deliver(andi.text(description), andi.text("2 <script>&_*["), andi.text("90"));
    await h.deliver(andi.photo(h.telegram.addFile(jpeg())), andi.press(laporData.photosDone.pack()));
    const summary = h.telegram.lastText(STAFF_TG)!;
    expect(summary).toContain(description);
    expect(summary).toContain("2 <script>&_*[");
    expect(h.telegram.lastHtml(STAFF_TG)).toMatch(/^<b>Ringkasan laporan:<\/b>/);

    const reportId = (await db().report.findFirstOrThrow()).id;
    await h.deliver(andi.press(laporData.submit.pack(reportId)));
    expect(h.telegram.lastHtml(STAFF_TG)).toContain("nomor <b>LK-2026-000001</b>");
    await h.settle();
    await h.flush();
    const card = h.telegram.lastText(SUPERVISOR_TG)!;
    expect(card).toContain(`Pegawai: Andi ${HOSTILE}`);
    expect(card).toContain(description);
    expect(h.telegram.lastHtml(SUPERVISOR_TG)).toMatch(/^<b>📝 Laporan LK-2026-000001 \(versi 1\)<\/b>/);

    const siti = h.user(SUPERVISOR_TG);
    const note = hostile(1000);
    await h.deliver(siti.press(reviewData.revise.pack(reportId, 1), await notificationMessageId(db(), reportId)));
    await h.deliver(siti.text(note));
    await h.flush();
    expect(h.telegram.sentTexts(STAFF_TG).some((t) => t.includes(note))).toBe(true);
    expect(h.telegram.sentTexts(SUPERVISOR_TG).some((t) => t.includes(note) && t.includes(description))).toBe(true);
    await h.deliver(andi.press(historyData.open.pack(reportId)));
    expect(h.telegram.lastText(STAFF_TG)).toContain(note);

    expectAllWellFormed(h.telegram);
  });

  it("evaluation feedback, and the names and positions of the facts", async () => {
    const seeded = await seedEvaluation(db());
    await db().employee.update({
      where: { id: seeded.staff.id },
      data: { name: `Andi ${HOSTILE}`, position: `Pranata ${HOSTILE}` },
    });
    const h = reviewBot(db(), { now: AFTER_Q3 });
    const siti = h.user(SUPERVISOR_TG);
    await h.deliver(siti.command("evaluasi"));
    await h.deliver(
      siti.press(button(h.telegram, SUPERVISOR_TG, evaluationData.open.pack(seeded.staff.id, "2026-Q3"))),
    );
    expect(h.telegram.sentTexts(SUPERVISOR_TG).some((t) => t.includes(`Pranata ${HOSTILE}`))).toBe(true);
    const press = async (codec: typeof evaluationData.results, letter: string) =>
      h.deliver(siti.press(lastButtons(h.telegram, SUPERVISOR_TG).find((b) => codec.parse(b)?.[2] === letter)!));
    await press(evaluationData.results, "A");
    await press(evaluationData.behaviour, "M");
    const feedback = hostile(500);
    await h.deliver(siti.text(feedback));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain(`Umpan balik: ${feedback}`);
    const draft = (await db().evaluation.findFirstOrThrow({ where: { employeeId: seeded.staff.id } })).id;
    await h.deliver(siti.press(evaluationData.finalise.pack(draft, 1)));
    await h.flush();
    expect(h.telegram.lastText(STAFF_TG)).toContain(`Umpan balik: ${feedback}`);
    expect(h.telegram.sentTexts(SUPERVISOR_TG)).toContain(
      `✅ Evaluasi Andi ${HOSTILE} difinalisasi: Baik. Pegawai diberi tahu.`,
    );

    expectAllWellFormed(h.telegram);
  });

  it("a group's title (from /daftargrup) and Telegram's error in the admins' digest", async () => {
    const seeded = await seedReview(db());
    await db().group.create({
      data: { chatId: -100500n, unitId: seeded.unit.id, title: `Grup ${HOSTILE}`, linkedByTelegramId: 1n },
    });
    const at = new Date("2026-11-24T05:00:00Z");
    await db().outbox.create({
      data: {
        dedupeKey: "summary:x",
        kind: "weekly-summary",
        chatId: -100500n,
        payload: {},
        status: "FAILED",
        lastError: `Forbidden: ${HOSTILE}`,
        nextAttemptAt: at,
      },
    });
    const h = reviewBot(db());
    await enqueueAdminDigest(db(), { at, adminTelegramIds: [BigInt(ADMIN_TG)], timeZone: "Asia/Jakarta" });
    await h.flush();
    const digest = h.telegram.lastText(ADMIN_TG)!;
    expect(digest).toContain(`Grup ${HOSTILE}`);
    expect(digest).toContain(`Forbidden: ${HOSTILE}`);
    expect(h.telegram.lastHtml(ADMIN_TG)).toMatch(/^<b>⚠️ 1 pesan gagal terkirim/);

    expectAllWellFormed(h.telegram);
  });
});
