import type { Db } from "../db/client.ts";
import type { Logger } from "../lib/logger.ts";
import { systemClock } from "../lib/clock.ts";
import { addDays, loadUnitCalendar } from "../domain/calendar.ts";
import { localDate } from "../lib/time.ts";
import { DemoTelegram } from "./bot-api/state.ts";
import { demoClock, workingDayThisWeek, type DemoClock } from "./clock.ts";
import { loadPersonas, personaChat } from "./personas.ts";
import { demoRoutes } from "./routes.ts";
import { EXAMPLES_DIR, prepareWorld } from "./world.ts";

/** The demo bot's token and identity on the demo's own Bot API server (never Telegram's). */
export const DEMO_TOKEN = "7000000001:lapkin-demo";
export const DEMO_BOT = { id: 7000000001, username: "lapkin_demo_bot", first_name: "Lapkin" };

export interface DemoSettings {
  dataDir: string;
  defaultTimeZone: string;
  logger: Logger;
}

/**
 * Fills the demo database (src/demo/world.ts), opens every persona's chat on the demo Bot API
 * server, and sets the demo clock to a working day of this week. What `lapkin demo` then hands to
 * startLapkin: the clock, the admins' fake ids and the page's routes.
 */
export async function setUpDemo(db: Db, telegram: DemoTelegram, clock: DemoClock, settings: DemoSettings) {
  const world = await prepareWorld(db, {
    examplesDir: EXAMPLES_DIR,
    clock: systemClock,
    defaultTimeZone: settings.defaultTimeZone,
  });
  const today = localDate(systemClock.now(), settings.defaultTimeZone);
  const calendar = await loadUnitCalendar(db, {
    unitId: world.unitId,
    from: addDays(today, -14),
    to: addDays(today, 60),
  });
  clock.set(workingDayThisWeek(systemClock.now(), calendar));

  const personas = await loadPersonas(db, world);
  for (const p of personas) telegram.openChat(personaChat(p));
  const adminTelegramIds = personas.filter((p) => p.roles.includes("admin") && p.linked).map((p) => BigInt(p.id));
  const jobs = {
    db,
    clock,
    logger: settings.logger,
    dataDir: settings.dataDir,
    adminTelegramIds,
    adminTimeZone: settings.defaultTimeZone,
  };
  const routes = demoRoutes({ telegram, db, clock, world, calendar, jobs });
  return { routes, adminTelegramIds, world };
}

/** A fresh demo Bot API server and clock, before the database is filled. */
export function demoTelegram() {
  const clock = demoClock(new Date());
  return { clock, telegram: new DemoTelegram(DEMO_TOKEN, DEMO_BOT, () => clock.now()) };
}
