import type { Db } from "../../src/db/client.ts";
import { ELEMENT_STEPS } from "../../src/domain/survey/steps.ts";
import { complaintChoiceData, scoreData, skipCommentData } from "../../src/handlers/survey/callback-data.ts";
import { reviewBot } from "../review/helpers.ts";
import { seedSmallUnit } from "../support/seed.ts";

export const HEAD_TG = 5001;
export const SUPERVISOR_TG = 5002;
export const PUBLIC_CODE = "ktpabcdefg";

/** A unit with a counter served by the staff member; the head and the staff's supervisor are linked. */
export async function seedCounter(db: Db) {
  const people = await seedSmallUnit(db);
  await db.employee.update({ where: { id: people.head.id }, data: { telegramId: BigInt(HEAD_TG) } });
  await db.employee.update({ where: { id: people.supervisor.id }, data: { telegramId: BigInt(SUPERVISOR_TG) } });
  const counter = await db.serviceCounter.create({
    data: {
      code: "KTP",
      publicCode: PUBLIC_CODE,
      unitId: people.unit.id,
      name: "Loket KTP",
      staff: { create: [{ employeeId: people.staff.id }] },
    },
  });
  return { ...people, counter };
}

/** The bot and an outbox sender on one fake Bot API (the review tests' harness). */
export const feedbackBot = (db: Db, now = "2026-11-24T03:00:00Z") => reviewBot(db, { now });

/**
 * A citizen at the counter answers all nine elements "2", skips the comment and marks it a
 * complaint; the outbox is flushed. Returns the complaint.
 */
export async function citizenComplains(db: Db, bot: ReturnType<typeof feedbackBot>, citizenTg: number) {
  const citizen = bot.user(citizenTg);
  await bot.deliver(citizen.command("start", `fb_${PUBLIC_CODE}`));
  const { id } = await db.surveyResponse.findFirstOrThrow();
  for (const step of ELEMENT_STEPS) await bot.deliver(citizen.press(scoreData.pack(id, step, 2)));
  await bot.deliver(citizen.press(skipCommentData.pack(id)));
  await bot.deliver(citizen.press(complaintChoiceData.pack(id, "y")));
  await bot.flush();
  return db.complaint.findFirstOrThrow();
}
