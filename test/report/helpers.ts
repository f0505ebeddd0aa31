import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../../src/db/client.ts";
import { createTestBot } from "../support/bot.ts";
import type { FakeTelegram } from "../support/fake-telegram.ts";
import { seedSmallUnit } from "../support/seed.ts";

export const STAFF_TG = 5001;
export const SUPERVISOR_TG = 5002;

/** A JPEG-looking file (right magic bytes), different each call. */
export function jpeg(): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...randomBytes(200)]);
}
export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The small unit, with the staff member and the supervisor linked and a 2026 SKP of three indicators. */
export async function seedReporting(db: Db, options: { timeZone?: string; supervisorLinked?: boolean } = {}) {
  const seeded = await seedSmallUnit(db, { timeZone: options.timeZone });
  await db.employee.update({
    where: { id: seeded.staff.id },
    data: { telegramId: BigInt(STAFF_TG), linkedAt: new Date() },
  });
  if (options.supervisorLinked !== false) {
    await db.employee.update({
      where: { id: seeded.supervisor.id },
      data: { telegramId: BigInt(SUPERVISOR_TG), linkedAt: new Date() },
    });
  }
  const plan = await db.skpPlan.create({ data: { employeeId: seeded.staff.id, year: 2026 } });
  const indicators = [];
  for (const [code, text, unit] of [
    ["1.1", "Jumlah laporan pengelolaan jaringan", "dokumen"],
    ["1.2", "Jumlah aplikasi yang dipelihara", "aplikasi"],
    ["2.1", "Persentase layanan helpdesk tepat waktu", "tiket"],
  ] as const) {
    indicators.push(
      await db.skpIndicator.create({
        data: { planId: plan.id, code, rhk: "Layanan TIK", indicator: text, target: 12, unitOfMeasure: unit },
      }),
    );
  }
  return { ...seeded, indicators };
}

const evidenceDirs: string[] = [];

/** Removes the DATA_DIRs the tests of this file created. */
export function removeEvidenceDirs(): void {
  for (const dir of evidenceDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const harnesses: Array<{ settle(): Promise<void> }> = [];

/**
 * Waits for the background work (evidence downloads) of every bot this file built. Called before a
 * test resets the database: a download still running from the test before would otherwise take
 * the next test's photo (ids start again at 1 after a reset) through the other test's fake API.
 */
export async function settleReportBots(): Promise<void> {
  for (const harness of harnesses.splice(0)) await harness.settle();
}

export function reportBot(db: Db, options: { now?: string; dataDir?: string; telegram?: FakeTelegram } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "lapkin-evidence-"));
  if (!options.dataDir) evidenceDirs.push(dataDir);
  const harness = createTestBot({
    db,
    now: options.now ?? "2026-11-24T03:00:00Z",
    config: { DATA_DIR: dataDir },
    telegram: options.telegram,
  });
  harnesses.push(harness);
  const andi = harness.telegram.user(STAFF_TG);
  return { ...harness, dataDir, andi };
}

/** The inline buttons of the last message the bot sent to a chat, as callback data. */
export function lastButtons(telegram: FakeTelegram, chatId: number): string[] {
  const call = telegram.calls
    .filter((c) => ["sendMessage", "editMessageReplyMarkup"].includes(c.method) && Number(c.payload.chat_id) === chatId)
    .at(-1);
  const markup = call?.payload.reply_markup as
    { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? "");
}
