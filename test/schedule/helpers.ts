import { createLogger } from "../../src/lib/logger.ts";
import { fixedClock } from "../../src/lib/clock.ts";
import type { Db } from "../../src/db/client.ts";
import type { SchedulerDeps } from "../../src/jobs/tick.ts";
import { seedSmallUnit } from "../support/seed.ts";

export const silent = createLogger({ level: "silent" });

/**
 * The scheduler's dependencies. `dataDir` is the instance's DATA_DIR, which no job writes to any
 * more (charts travel in the outbox row); it stays in the signature so each test names its instance.
 */
export function schedulerDeps(
  db: Db,
  dataDir: string,
  now = "2026-11-23T07:00:00Z",
): SchedulerDeps & { clock: ReturnType<typeof fixedClock> } {
  return { db, clock: fixedClock(now), logger: silent };
}

/** The small unit of test/support/seed.ts, every employee linked to a Telegram account (id 9000 + employee id). */
export async function seedLinkedUnit(db: Db, options: { code?: string; timeZone?: string } = {}) {
  const seeded = await seedSmallUnit(db, options);
  for (const e of [seeded.head, seeded.supervisor, seeded.staff, seeded.colleague]) {
    await db.employee.update({ where: { id: e.id }, data: { telegramId: BigInt(9000 + e.id) } });
  }
  return { ...seeded, chatOf: (e: { id: number }) => BigInt(9000 + e.id) };
}

/** Outbox rows of a kind, by chat. */
export async function queued(db: Db, kind: string) {
  return db.outbox.findMany({ where: { kind }, orderBy: { id: "asc" } });
}
