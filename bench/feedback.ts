import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Update } from "grammy/types";
import { createBot } from "../src/bot/create-bot.ts";
import { loadConfig } from "../src/config.ts";
import { fixedClock } from "../src/lib/clock.ts";
import { createLogger } from "../src/lib/logger.ts";
import { createServerApp } from "../src/server/app.ts";
import { localFileStore } from "../src/storage/local.ts";
import { ikmFigures } from "../src/domain/survey/ikm.ts";
import { ELEMENT_STEPS } from "../src/domain/survey/steps.ts";
import { complaintChoiceData, scoreData, skipCommentData } from "../src/handlers/survey/callback-data.ts";
import { createTestDatabase } from "../test/support/db.ts";
import { FakeTelegram, FAKE_BOT } from "../test/support/fake-telegram.ts";

/**
 * The citizen survey at city scale, on PostgreSQL when DATABASE_URL is set (else embedded):
 * 1. IKM of 500 counters over 100,000 responses (BENCH_IKM_RESPONSES), per counter and per unit,
 *    one set-based statement each. Target on PostgreSQL: under 1 s.
 * 2. BENCH_SURVEYS (default 10,000) citizens each answering the nine elements, skipping the comment
 *    and declining a complaint (13 updates each) through the webhook, 50 at a time.
 */
export async function benchFeedback(): Promise<void> {
  await benchIkm(Number(process.env.BENCH_IKM_RESPONSES ?? 100_000));
  await benchSurveys(Number(process.env.BENCH_SURVEYS ?? 10_000));
}

async function benchIkm(responses: number) {
  const database = await createTestDatabase();
  try {
    await database.sql.exec(`
      INSERT INTO "Unit" ("code", "name", "updatedAt") SELECT 'U' || g, 'Unit ' || g, now() FROM generate_series(1, 100) g;
      INSERT INTO "ServiceCounter" ("code", "publicCode", "unitId", "name", "updatedAt")
        SELECT 'L' || g, 'b' || translate(lpad(g::text, 9, '0'), '0123456789', 'abcdefghij'), ((g - 1) % 100) + 1, 'Loket ' || g, now() FROM generate_series(1, 500) g;
      INSERT INTO "SurveyResponse" ("counterId", "respondentHash", "day", "step", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "updatedAt")
        SELECT ((g - 1) % 500) + 1, 'h' || g, DATE '2026-10-01' + (g % 31), 'done',
               1 + g % 4, 1 + (g / 2) % 4, 1 + (g / 3) % 4, 1 + (g / 5) % 4, 1 + (g / 7) % 4,
               1 + (g / 11) % 4, 1 + (g / 13) % 4, 1 + (g / 17) % 4, 1 + (g / 19) % 4, now()
        FROM generate_series(1, ${responses}) g;
      ANALYZE;`);
    const range = { from: "2026-10-01", to: "2026-12-31", minRespondents: 30 };
    for (const by of ["counter", "unit"] as const) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        rows = (await ikmFigures(database.prisma, { ...range, by })).length;
        times.push(performance.now() - start);
      }
      console.log(
        `IKM per ${by} over ${responses} responses: ${rows} rows, best of 3 ${Math.min(...times).toFixed(0)} ms`,
      );
    }
  } finally {
    await database.close();
  }
}

async function benchSurveys(citizens: number) {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "lapkin-bench-feedback-"));
  const telegram = new FakeTelegram();
  const secret = "bench-secret";
  const config = loadConfig({
    BOT_TOKEN: telegram.token,
    BOT_API_ROOT: telegram.apiRoot,
    DATA_DIR: dataDir,
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://example.invalid/hook",
    WEBHOOK_SECRET: secret,
  });
  const logger = createLogger({ level: "silent" });
  try {
    await database.sql.exec(`
      INSERT INTO "Unit" ("code", "name", "updatedAt") SELECT 'U' || g, 'Unit ' || g, now() FROM generate_series(1, 100) g;
      INSERT INTO "ServiceCounter" ("code", "publicCode", "unitId", "name", "updatedAt")
        SELECT 'L' || g, 'b' || translate(lpad(g::text, 9, '0'), '0123456789', 'abcdefghij'), ((g - 1) % 100) + 1, 'Loket ' || g, now() FROM generate_series(1, 500) g;`);
    const codes = (
      await database.prisma.serviceCounter.findMany({ select: { publicCode: true }, orderBy: { id: "asc" } })
    ).map((c) => c.publicCode);
    const bot = createBot({
      config,
      db: database.prisma,
      storage: localFileStore(dataDir),
      clock: fixedClock("2026-11-24T03:00:00Z"),
      logger,
      fetch: telegram.fetch,
      botInfo: FAKE_BOT,
    });
    const app = createServerApp({ database, logger, webhook: { bot, secret } });
    const post = async (update: Update) => {
      const response = await app.request("/telegram/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
        body: JSON.stringify(update),
      });
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    };
    const oneCitizen = async (n: number) => {
      const user = telegram.user(100_000 + n);
      await post(user.command("start", `fb_${codes[n % codes.length]}`));
      const row = await database.prisma.surveyResponse.findFirstOrThrow({
        where: { counterId: (n % codes.length) + 1 },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      for (const step of ELEMENT_STEPS) await post(user.press(scoreData.pack(row.id, step, 1 + (n % 4))));
      await post(user.press(skipCommentData.pack(row.id)));
      await post(user.press(complaintChoiceData.pack(row.id, "n")));
    };
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < citizens) await oneCitizen(next++);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const done = await database.prisma.surveyResponse.count({ where: { step: "done" } });
    console.log(
      `${done} of ${citizens} surveys completed through the webhook in ${seconds.toFixed(1)} s: ` +
        `${(done / seconds).toFixed(0)} surveys/s, ${((done * 12) / seconds).toFixed(0)} updates/s`,
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await benchFeedback();
