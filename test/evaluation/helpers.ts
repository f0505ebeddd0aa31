import type { Db } from "../../src/db/client.ts";
import type { FakeTelegram } from "../support/fake-telegram.ts";
import { seedReview } from "../review/helpers.ts";
import { addReport } from "../skp/helpers.ts";

/** 6 October 2026, 09:00 WIB: Q3 has ended and its evaluation closes on 5 October — a late one is still taken. */
export const AFTER_Q3 = "2026-10-06T02:00:00Z";

/**
 * The review seed (Siti supervises Andi and Dewi) with approved Q3 work: Andi's three indicators
 * (12 a year each, so 9 due by the end of Q3) realised 9, 9 and 10 — every main indicator met, on average under 110%.
 */
export async function seedEvaluation(db: Db) {
  const seeded = await seedReview(db);
  const [a, b, c] = seeded.indicators.map((i) => i.id) as [number, number, number];
  for (const [indicatorId, output, date] of [
    [a, 5, "2026-07-14"],
    [a, 4, "2026-09-02"],
    [b, 9, "2026-08-20"],
    [c, 10, "2026-09-25"],
  ] as const) {
    await decided(
      db,
      await addReport(db, { employeeId: seeded.staff.id, indicatorId, date, status: "APPROVED", output }),
      seeded.supervisor.id,
    );
  }
  await decided(
    db,
    await addReport(db, {
      employeeId: seeded.staff.id,
      indicatorId: a,
      date: "2026-09-29",
      status: "REVISION_REQUESTED",
      output: 1,
    }),
    seeded.supervisor.id,
  );
  return seeded;
}

/** The inline buttons (callback data) of the last message the bot sent to a chat. */
export function lastButtons(telegram: FakeTelegram, chatId: number): string[] {
  const call = telegram.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId).at(-1);
  const markup = call?.payload.reply_markup as
    { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
}

/** The one button whose data starts with `prefix` on the last message to the chat. */
export function button(telegram: FakeTelegram, chatId: number, prefix: string): string {
  const found = lastButtons(telegram, chatId).filter((b) => b.startsWith(prefix));
  if (found.length !== 1)
    throw new Error(`expected one button ${prefix}…, found ${JSON.stringify(lastButtons(telegram, chatId))}`);
  return found[0]!;
}

/** The Review row the supervisor's decision would have written (addReport writes only the report). */
async function decided(db: Db, report: { id: number; status: string; decidedAt: Date | null }, reviewerId: number) {
  const decision = report.status as "APPROVED" | "REVISION_REQUESTED";
  await db.review.create({
    data: {
      reportId: report.id,
      version: 1,
      reviewerId,
      actingAs: "SUPERVISOR",
      decision,
      rating: decision === "APPROVED" ? "MEETS" : null,
      comment: decision === "APPROVED" ? null : "Lengkapi foto.",
      decidedAt: report.decidedAt!,
    },
  });
}
