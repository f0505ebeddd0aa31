import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase } from "../support/db.ts";
import type { Database } from "../../src/db/client.ts";
import { reviewData } from "../../src/handlers/review/callback-data.ts";
import { historyData } from "../../src/handlers/report/callback-data.ts";
import { CAPTION_MAX, MESSAGE_MAX, fitToTelegramLimits, shorten, splitMessage } from "../../src/lib/telegram-limits.ts";
import { htmlProblem, visible } from "../support/telegram-html.ts";
import { notificationMessageId, reviewBot, seedReview, STAFF_TG, submitted, SUPERVISOR_TG } from "./helpers.ts";

let database: Database;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

/** What people type at its longest, with characters that mean something to HTML and Markdown. */
const typed = (length: number) => "<b>&amp; _*[ Laporan jaringan </script> ".repeat(60).slice(0, length);

describe("messages within Telegram's limits, whatever users type", () => {
  it("asks again for a note over 1,000 characters; the longest note reaches the employee whole, and every message fits", async () => {
    const seeded = await seedReview(database.prisma);
    const h = reviewBot(database.prisma);
    const reportId = await submitted(database.prisma, {
      employeeId: seeded.staff.id,
      indicatorId: seeded.indicators[0]!.id,
      description: typed(2500), // the policy's longest description
    });
    await h.flush();
    const siti = h.user(SUPERVISOR_TG);
    const messageId = await notificationMessageId(database.prisma, reportId);
    await h.deliver(siti.press(reviewData.revise.pack(reportId, 1), messageId));

    await h.deliver(siti.text(typed(1001)));
    expect(h.telegram.lastText(SUPERVISOR_TG)).toContain("Catatan terlalu panjang (1.001 karakter)");
    expect((await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("SUBMITTED");

    const note = typed(1000).trim(); // as it is stored: the supervisor's text, trimmed
    await h.deliver(siti.text(typed(1000)));
    await h.flush();
    expect((await database.prisma.report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe(
      "REVISION_REQUESTED",
    );
    expect(h.telegram.sentTexts(STAFF_TG).some((text) => text.includes(note))).toBe(true);
    const andi = h.user(STAFF_TG);
    await h.deliver(andi.press(historyData.open.pack(reportId)));
    const detail = h.telegram.sentTexts(STAFF_TG).find((text) => text.includes(note) && text.includes("LK-"));
    expect(detail).toBeDefined();

    const texts = h.telegram.calls.flatMap((c) => (typeof c.payload.text === "string" ? [c.payload.text] : []));
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(visible(text).length).toBeLessThanOrEqual(MESSAGE_MAX); // as Telegram counts
    const edit = h.telegram.callsTo("editMessageText").map((c) => visible(String(c.payload.text)));
    expect(edit.some((text) => text.includes(note))).toBe(true); // the card shows the outcome with the note
  });

  it("cuts a text or caption still over the limit at the last moment instead of losing the message", async () => {
    const sent: Array<Record<string, unknown>> = [];
    const prev = (async (_method: string, payload: Record<string, unknown>) => (
      sent.push(payload),
      { ok: true }
    )) as never;
    await fitToTelegramLimits(prev, "sendMessage" as never, { chat_id: 1, text: "a".repeat(5000) } as never);
    await fitToTelegramLimits(
      prev,
      "sendPhoto" as never,
      { chat_id: 1, photo: "x", caption: "é".repeat(2000) } as never,
    );
    await fitToTelegramLimits(prev, "sendMessage" as never, { chat_id: 1, text: "short" } as never);
    expect((sent[0]!.text as string).length).toBe(MESSAGE_MAX);
    expect((sent[0]!.text as string).endsWith("…")).toBe(true);
    expect((sent[1]!.caption as string).length).toBe(CAPTION_MAX);
    expect(sent[2]!.text).toBe("short");
    expect(shorten("😀".repeat(5), 4)).toBe("😀…"); // UTF-16 units, as Telegram counts; never half an emoji
  });

  it("measures HTML as Telegram does (after tags and entities) and cuts it never inside a tag or an entity, closing what is open", async () => {
    const title = "<b>Laporan</b> ";
    const within = `${title}${"&amp;".repeat(MESSAGE_MAX - 8)}`; // 8 + 4,088 visible characters: fits
    expect(shorten(within, MESSAGE_MAX)).toBe(within);

    for (let max = 3; max < 38; max++) {
      // 38: the whole text
      const cut = shorten(`${title}<i>a &lt;b&gt; &amp; 😀 <code>LK-2026-000001</code></i> tail`, max);
      expect(htmlProblem(cut), cut).toBeUndefined();
      expect(visible(cut).length).toBeLessThanOrEqual(max);
      expect(cut.endsWith("…")).toBe(true);
    }
    expect(shorten("<b>Judul</b> &amp;&amp;&amp;", 8)).toBe("<b>Judul</b> &amp;…");
    expect(shorten("<b>Judul panjang</b>", 6)).toBe("<b>Judul</b>…");
  });

  it("splits blocks into as few messages as fit, counting as Telegram does, never opening or ending one with a blank line", () => {
    expect(splitMessage(["<b>a</b>", "", "bb", "cc"], 9)).toEqual(["<b>a</b>\n\nbb\ncc"]);
    expect(splitMessage(["<b>aaaa</b>", "", "&amp;&amp;&amp;", "cccc"], 8)).toEqual([
      "<b>aaaa</b>",
      "&amp;&amp;&amp;\ncccc",
    ]);
    expect(splitMessage(["x".repeat(12)], 8)).toEqual([`${"x".repeat(7)}…`]);
    expect(splitMessage([])).toEqual([]);
  });
});
