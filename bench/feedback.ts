import { pathToFileURL } from "node:url";
import type { Update } from "grammy/types";
import { ikmFigures } from "../src/domain/survey/ikm.ts";
import { ELEMENT_STEPS } from "../src/domain/survey/steps.ts";
import { complaintChoiceData, scoreData, skipCommentData } from "../src/handlers/survey/callback-data.ts";
import { createTestDatabase } from "../test/support/db.ts";
import { lastButton, percentile, webhookHarness } from "./webhook-harness.ts";
import { databaseName } from "./database.ts";

/**
 * The citizen survey at city scale, on PostgreSQL when DATABASE_URL is set (else embedded):
 * 1. IKM of 500 counters over 100,000 responses (BENCH_IKM_RESPONSES), per counter and per unit,
 *    one set-based statement each. Target on PostgreSQL: under 1 s.
 * 2. BENCH_SURVEYS (default 10,000) citizens each answering the nine elements, skipping the comment
 *    and declining a complaint (12 updates each) through the webhook (the real bot behind the Hono
 *    app, the fake Bot API), 50 at a time: responses/s and each update's p50/p95.
 */
/** 100 units with 5 counters each (500), on a fresh database. */
const COUNTERS = `
  INSERT INTO "Unit" ("code", "name", "updatedAt") SELECT 'U' || g, 'Unit ' || g, now() FROM generate_series(1, 100) g;
  INSERT INTO "ServiceCounter" ("code", "publicCode", "unitId", "name", "updatedAt")
    SELECT 'L' || g, 'b' || translate(lpad(g::text, 9, '0'), '0123456789', 'abcdefghij'), ((g - 1) % 100) + 1, 'Loket ' || g, now()
    FROM generate_series(1, 500) g;`;

export async function benchFeedback(): Promise<void> {
  await benchIkm(Number(process.env.BENCH_IKM_RESPONSES ?? 100_000));
  await benchSurveys(Number(process.env.BENCH_SURVEYS ?? 10_000));
}

async function benchIkm(responses: number) {
  const database = await createTestDatabase();
  try {
    await database.sql.exec(`${COUNTERS}
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
        `IKM per ${by} of 500 counters over ${responses} responses on ${databaseName(database)}: ` +
          `${rows} rows, first ${times[0]!.toFixed(0)} ms, best of 3 ${Math.min(...times).toFixed(0)} ms (target under 1 s on PostgreSQL)`,
      );
    }
  } finally {
    await database.close();
  }
}

async function benchSurveys(citizens: number) {
  const { database, telegram, post, close } = await webhookHarness({ name: "feedback" });
  try {
    await database.sql.exec(COUNTERS);
    const codes = (
      await database.prisma.serviceCounter.findMany({ select: { publicCode: true }, orderBy: { id: "asc" } })
    ).map((c) => c.publicCode);
    const latencies: number[] = [];
    const send = async (update: Update) => {
      const t0 = performance.now();
      const response = await post(update);
      latencies.push(performance.now() - t0);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    };
    /** A citizen scans a poster, answers the nine elements, skips the comment and declines a complaint. */
    const oneCitizen = async (n: number) => {
      const user = telegram.user(100_000 + n);
      await send(user.command("start", `fb_${codes[n % codes.length]}`));
      // The response's id is in the first question's buttons, as the citizen's client sees it; a
      // citizen who got the apology instead (an error, logged with BENCH_LOG_LEVEL=error) is counted.
      let id: bigint;
      try {
        [id] = scoreData.parse(lastButton(telegram, user.id, (data) => scoreData.parse(data)))!;
      } catch {
        failed++;
        return;
      }
      for (const step of ELEMENT_STEPS) await send(user.press(scoreData.pack(id, step, 1 + (n % 4))));
      await send(user.press(skipCommentData.pack(id)));
      await send(user.press(complaintChoiceData.pack(id, "n")));
    };
    let failed = 0;
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
      `survey: ${done} of ${citizens} responses completed through the webhook (${latencies.length} updates, 50 citizens at a time) ` +
        `on ${databaseName(database)} in ${seconds.toFixed(1)} s: ` +
        `${(done / seconds).toFixed(1)} responses/s, ${(latencies.length / seconds).toFixed(0)} updates/s, ` +
        `per update p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms` +
        (failed ? `; ${failed} surveys could not start (the bot apologised)` : ""),
    );
  } finally {
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await benchFeedback();
