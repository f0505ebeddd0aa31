import { Writable } from "node:stream";
import type { Db } from "../../src/db/client.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { submitReport } from "../../src/domain/report/submit.ts";
import { reviewRenderer } from "../../src/handlers/review/index.ts";
import { reviewRequestKey } from "../../src/domain/review/card.ts";
import { createOutboxSender } from "../../src/jobs/outbox.ts";
import { createTestBot } from "../support/bot.ts";
import { FakeTelegram } from "../support/fake-telegram.ts";
import { seedReporting, STAFF_TG, SUPERVISOR_TG } from "../report/helpers.ts";

export { STAFF_TG, SUPERVISOR_TG };
export const PEER_TG = 5003;
export const OTHER_UNIT_SUPERVISOR_TG = 5004;
export const FORMER_SUPERVISOR_TG = 5005;
export const DELEGATE_TG = 5006;
export const HEAD_TG = 5007;
export const ADMIN_TG = 9001;

/**
 * The small unit of test/report (Siti supervises Andi and Dewi; Budi heads it), everyone linked,
 * plus another unit with its own supervisor, a former supervisor of Andi and a would-be delegate.
 */
export async function seedReview(db: Db, options: { timeZone?: string } = {}) {
  const seeded = await seedReporting(db, { timeZone: options.timeZone });
  await db.employee.update({
    where: { id: seeded.colleague.id },
    data: { telegramId: BigInt(PEER_TG), language: "id" },
  });
  await db.employee.update({ where: { id: seeded.head.id }, data: { telegramId: BigInt(HEAD_TG) } });
  const otherUnit = await db.unit.create({
    data: { code: "DINKES", name: "Dinas Kesehatan", timeZone: "Asia/Makassar" },
  });
  const otherSupervisor = await db.employee.create({
    data: {
      nip: "198001012005011005",
      name: "Rudi Hartono",
      position: "Kepala Bidang",
      unitId: otherUnit.id,
      telegramId: BigInt(OTHER_UNIT_SUPERVISOR_TG),
    },
  });
  await db.employee.create({
    data: {
      nip: "199101012019011006",
      name: "Lina Marlina",
      position: "Staf",
      unitId: otherUnit.id,
      supervisorId: otherSupervisor.id,
    },
  });
  const former = await db.employee.create({
    data: {
      nip: "197801012003011007",
      name: "Joko Susilo",
      position: "Kepala Seksi",
      unitId: seeded.unit.id,
      supervisorId: seeded.head.id,
      telegramId: BigInt(FORMER_SUPERVISOR_TG),
    },
  });
  const delegate = await db.employee.create({
    data: {
      nip: "198505052010011008",
      name: "Wati Kusuma",
      position: "Kepala Seksi",
      unitId: seeded.unit.id,
      supervisorId: seeded.head.id,
      telegramId: BigInt(DELEGATE_TG),
    },
  });
  // HR staff: an admin by role, in the agency's own unit.
  const bkd = await db.unit.create({ data: { code: "BKPSDM", name: "BKPSDM" } });
  const admin = await db.employee.create({
    data: {
      nip: "198707072012012009",
      name: "Ratna Dewi",
      position: "Analis SDM",
      unitId: bkd.id,
      roles: ["ADMIN"],
      telegramId: BigInt(ADMIN_TG),
    },
  });
  return { ...seeded, otherUnit, otherSupervisor, former, delegate, admin };
}

let fileCounter = 0;

/**
 * A complete report by `employeeId`, submitted through the same domain call as /lapor's Submit
 * (so the supervisor's notification is queued exactly as in production).
 */
export async function submitted(
  db: Db,
  options: {
    employeeId: number;
    indicatorId?: number;
    date?: string;
    photos?: number;
    now?: string;
    description?: string;
  },
) {
  const report = await db.report.create({
    data: {
      employeeId: options.employeeId,
      date: new Date(`${options.date ?? "2026-11-24"}T00:00:00Z`),
      indicatorId: options.indicatorId ?? null,
      isAdditional: options.indicatorId === undefined,
      description: options.description ?? "Rapat koordinasi jaringan kota",
      outputQuantity: 2,
      outputUnit: "dokumen",
      minutes: 90,
    },
  });
  for (let i = 0; i < (options.photos ?? 2); i++) {
    fileCounter++;
    await db.evidence.create({
      data: {
        reportId: report.id,
        position: i + 1,
        fileId: `photo-${fileCounter}`,
        fileUniqueId: `uniq-${fileCounter}`,
        width: 1280,
        height: 960,
      },
    });
  }
  const outcome = await submitReport(db, {
    reportId: report.id,
    employeeId: options.employeeId,
    now: new Date(options.now ?? "2026-11-24T03:00:00Z"),
    render: reviewRenderer(),
  });
  if (outcome.kind !== "submitted") throw new Error(`not submitted: ${outcome.kind}`);
  return report.id;
}

/** The bot, with an admin configured and an outbox sender over the same fake Bot API. */
export function reviewBot(db: Db, options: { now?: string; telegram?: FakeTelegram } = {}) {
  const harness = createTestBot({
    db,
    now: options.now ?? "2026-11-24T05:00:00Z",
    config: { ADMIN_TELEGRAM_IDS: String(ADMIN_TG) },
    telegram: options.telegram,
  });
  const sender = createOutboxSender({
    db,
    api: harness.bot.api,
    clock: harness.clock,
    logger: silentLogger,
    options: { ratePerSecond: 10_000, perChatIntervalMs: 0, perGroupIntervalMs: 0 },
  });
  /** Sends everything queued, as the production worker would. */
  const flush = async () => {
    for (let i = 0; i < 10; i++) if ((await sender.sendDue()).sent === 0) return;
  };
  const user = (id: number) => harness.telegram.user(id);
  return { ...harness, sender, flush, user };
}

/** The message id Telegram gave the supervisor's notification card (from the outbox row's result). */
export async function notificationMessageId(db: Db, reportId: number, version = 1): Promise<number> {
  const row = await db.outbox.findUniqueOrThrow({ where: { dedupeKey: reviewRequestKey(reportId, version) } });
  return (row.result as { message_id: number }).message_id;
}

const silentLogger = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) });
