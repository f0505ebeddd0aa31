import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FakeTelegram } from "../test/support/fake-telegram.ts";
import { spawnLapkin } from "../test/support/process.ts";

/**
 * Time from `lapkin start` (a new process) to "lapkin ready" on the embedded database: the first
 * start creates and migrates the database, later starts open it. Target: under 3 s.
 */
export async function benchStartup(options: { runs?: number } = {}): Promise<void> {
  const runs = options.runs ?? 3;
  const telegram = new FakeTelegram();
  const api = await telegram.listen();
  const dataDir = mkdtempSync(join(tmpdir(), "lapkin-bench-start-"));
  const env = { BOT_TOKEN: telegram.token, BOT_API_ROOT: api.apiRoot, DATA_DIR: dataDir, HOST: "127.0.0.1", PORT: "0" };
  try {
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const lapkin = spawnLapkin(["start"], env);
      const ready = await lapkin.waitForLog("lapkin ready", 60_000);
      times.push(performance.now() - started);
      if (run === 0)
        console.log(
          `startup, first start (creates the embedded database): ${ms(times[0]!)} (in-process ${ready.startupMs} ms)`,
        );
      lapkin.child.kill("SIGTERM");
      await lapkin.exited;
    }
    const later = times.slice(1);
    console.log(
      `startup, next starts (embedded, ${later.length} runs): median ${ms(median(later))}, max ${ms(Math.max(...later))} — target < 3 s`,
    );
  } finally {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchStartup();
