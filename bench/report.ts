import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Session } from "node:inspector/promises";
import { Bot } from "grammy";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { Update } from "grammy/types";
import type { BotContext } from "../src/bot/context.ts";
import type { createTestDatabase } from "../test/support/db.ts";
import { FakeTelegram, FAKE_BOT } from "../test/support/fake-telegram.ts";
import { laporData } from "../src/handlers/report/callback-data.ts";
import { lastButton, WORKING_DAY, webhookHarness } from "./webhook-harness.ts";
import { databaseName } from "./database.ts";

/**
 * N simulated employees complete /lapor at the same time through the webhook endpoint (the Hono
 * app, the real bot, PostgreSQL when DATABASE_URL is set, else the embedded database), each
 * sending its nine updates one after another as a person would. The same update stream then goes
 * through a bare grammY bot that only acknowledges: the framework's ceiling on this machine.
 * Target (2-core machine, PostgreSQL): ≥ 300 updates/s, p99 < 150 ms.
 *
 * Besides rate and latency it prints what each update cost, which does not depend on what else
 * the machine is doing: SQL statements, CPU of this process and (PostgreSQL on this machine) CPU
 * of the server processes serving it. BENCH_EMPLOYEES and BENCH_PACED ("100,200,300") change the run.
 */

export async function benchReport(options: { employees?: number; pacedRates?: number[] } = {}): Promise<void> {
  const employees = options.employees ?? Number(process.env.BENCH_EMPLOYEES ?? 200);
  const pacedRates =
    options.pacedRates ?? (process.env.BENCH_PACED ?? "100,200,300").split(",").filter(Boolean).map(Number);
  const background: Promise<unknown>[] = [];
  const harness = await webhookHarness({ name: "report", background });
  const { database, telegram, post } = harness;
  const usage = usageProbe(database);
  try {
    const people = await seed(database.prisma, employees);
    const stream: Update[] = [];
    /** The nine updates of one person's /lapor, made one at a time (Submit needs the draft's id from the bot's last message). */
    const flowOf = (p: (typeof people)[number]) => {
      const user = telegram.user(p.telegramId);
      const photo = telegram.addFile(
        new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from(`photo of ${p.telegramId} ${Math.random()}`)]),
      );
      const steps: Array<() => Update> = [
        () => user.command("lapor"),
        () => user.press(laporData.today.pack()),
        () => user.press(laporData.indicator.pack(p.indicatorId)),
        () => user.text("Memelihara jaringan dan melayani tiket helpdesk"),
        () => user.text("2,5"),
        () => user.text("1:30"),
        () => user.photo(photo),
        () => user.press(laporData.photosDone.pack()),
        () => user.press(submitButton(telegram, p.telegramId)),
      ];
      return steps;
    };
    /** Telegram delivers an update again when the webhook fails; so does the bench, and counts it. */
    let redelivered = 0;
    const send = async (update: Update) => {
      stream.push(update);
      for (let attempt = 1; ; attempt++) {
        const response = await post(update);
        if (response.status === 200) return;
        if (attempt === 5) throw new Error(`webhook answered ${response.status} five times`);
        redelivered++;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    };

    // 1. Saturation: everybody at once, each answering the moment the bot has replied.
    // BENCH_CPU_PROFILE=<file> writes a CPU profile of this phase (open it in Chrome DevTools).
    const profiler = process.env.BENCH_CPU_PROFILE ? await startProfiler() : undefined;
    const lapkin = await measure(usage, async (timed) => {
      await Promise.all(
        people.map(async (p) => {
          for (const step of flowOf(p)) await timed(() => send(step()));
        }),
      );
    });
    if (profiler) writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(await profiler()));
    await Promise.all(background);
    const submitted = await database.prisma.report.count({ where: { status: "SUBMITTED" } });
    const outbox = await database.prisma.outbox.count();

    // 2. Paced: the same people report again, updates offered at a fixed rate (open loop), as
    // real people with a few seconds between answers would; latency is then the bot's, not a queue's.
    const paced: Array<{ rate: number; result: Awaited<ReturnType<typeof measure>> }> = [];
    for (const rate of pacedRates) {
      const result = await measure(usage, async (timed) => {
        const flows = people.map((p) => ({ steps: flowOf(p), at: 0 }));
        const ready = [...flows];
        const inFlight = new Set<Promise<void>>();
        const interval = 1000 / rate;
        let due = performance.now();
        let remaining = flows.length * 9;
        while (remaining > 0) {
          while (ready.length === 0) await Promise.race(inFlight);
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          due += interval;
          // A random person who is not waiting for the bot: people do not answer in lockstep.
          const flow = ready.splice(Math.floor(Math.random() * ready.length), 1)[0]!;
          const update = flow.steps[flow.at++]!();
          remaining--;
          const task: Promise<void> = timed(() => send(update)).then(() => {
            inFlight.delete(task);
            if (flow.at < flow.steps.length) ready.push(flow);
          });
          inFlight.add(task);
        }
        await Promise.all(inFlight);
      });
      await Promise.all(background);
      paced.push({ rate, result });
    }

    const bare = new Bot<BotContext>(telegram.token, { botInfo: FAKE_BOT, client: { fetch: telegram.fetch as never } });
    bare.use(() => {});
    const barePost = harness.poster(bare);
    const byChat = new Map<number, Update[]>();
    for (const u of stream.slice(0, employees * 9)) {
      const chat = (u.message?.chat.id ?? u.callback_query?.from.id)!;
      byChat.set(chat, [...(byChat.get(chat) ?? []), u]);
    }
    const ceiling = await measure(usage, async (timed) => {
      await Promise.all(
        [...byChat.values()].map(async (updates) => {
          for (const u of updates) await timed(async () => barePost(u));
        }),
      );
    });

    console.log(
      `report flow: ${employees} employees × 9 updates on ${databaseName(database)}; ${submitted} reports submitted, ${outbox} outbox rows`,
    );
    console.log(`  lapkin, all at once (closed loop): ${figures(lapkin)}`);
    console.log(`  bare grammY bot, same stream      : ${figures(ceiling)}`);
    for (const { rate, result } of paced)
      console.log(`  paced at ${rate} updates/s offered: ${figures(result, "done")}`);
    console.log(`  per update (closed loop): ${costs(lapkin)}`);
    if (redelivered) console.log(`  ${redelivered} updates failed (webhook answered 500) and were delivered again`);
    console.log(
      `  ratio  : lapkin reaches ${((lapkin.rate / ceiling.rate) * 100).toFixed(1)}% of the bare bot's rate — target ≥ 300 updates/s, p99 < 150 ms`,
    );
  } finally {
    await harness.close();
  }
}

/** The draft id is in the Submit button of the summary the bot last sent to this chat. */
function submitButton(telegram: FakeTelegram, chatId: number): string {
  return lastButton(telegram, chatId, (data) => laporData.submit.parse(data));
}

async function seed(db: Awaited<ReturnType<typeof createTestDatabase>>["prisma"], count: number) {
  const unit = await db.unit.create({ data: { code: "BENCH", name: "Dinas Bench" } });
  const boss = await db.employee.create({
    data: {
      nip: "197501012000031001",
      name: "Kepala",
      position: "Kepala Dinas",
      unitId: unit.id,
      telegramId: 9_000_000_001n,
    },
  });
  const people: Array<{ id: number; telegramId: number; indicatorId: number }> = [];
  for (let i = 0; i < count; i++) {
    const telegramId = 8_000_000_000 + i;
    const e = await db.employee.create({
      data: {
        nip: `19900101201501${String(1000 + i).padStart(4, "0")}`,
        name: `Pegawai ${i}`,
        position: "Staf",
        unitId: unit.id,
        supervisorId: boss.id,
        telegramId: BigInt(telegramId),
      },
    });
    const plan = await db.skpPlan.create({
      data: {
        employeeId: e.id,
        year: new Date(WORKING_DAY).getUTCFullYear(),
        indicators: {
          create: [{ code: "1.1", rhk: "Layanan", indicator: "Jumlah tiket", target: 100, unitOfMeasure: "tiket" }],
        },
      },
      include: { indicators: true },
    });
    people.push({ id: e.id, telegramId, indicatorId: plan.indicators[0]!.id });
  }
  return people;
}

async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    return profile;
  };
}

type Figures = Awaited<ReturnType<typeof measure>>;

const figures = (r: Figures, done = "") =>
  `${r.rate.toFixed(0)} updates/s${done && ` ${done}`}, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, peak RSS ${r.rssMb} MB`;

const costs = (r: Figures) =>
  [
    `${r.statements.toFixed(1)} SQL statements`,
    `${r.nodeCpuMs.toFixed(2)} ms CPU in Node (${r.nodeSystemMs.toFixed(2)} of it in the kernel)`,
    ...(r.serverCpuMs === undefined ? [] : [`${r.serverCpuMs.toFixed(2)} ms CPU in PostgreSQL`]),
  ].join(", ");

/**
 * Counts SQL statements (at the driver, so ORM, raw SQL, BEGIN and COMMIT alike; on the embedded
 * database a statement inside a transaction is not seen) and, for a PostgreSQL server on this
 * machine, the CPU time of the server processes of this database.
 */
function usageProbe(database: Awaited<ReturnType<typeof createTestDatabase>>) {
  let statements = 0;
  const count = (proto: { query: (...args: never[]) => unknown }) => {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: never[]) {
      statements++;
      return original.apply(this, args);
    };
  };
  count((database.kind === "postgres" ? pg.Client.prototype : PGlite.prototype) as never);
  const cpuOf = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
    } catch {
      return undefined;
    }
  };
  return {
    /** Starts counting; the returned function stops and gives the totals. */
    start() {
      const first = statements;
      const cpu0 = process.cpuUsage();
      const backends = new Map<number, { from: number; to: number }>();
      let sampling = false;
      const sample = async () => {
        if (database.kind !== "postgres" || sampling) return;
        sampling = true;
        try {
          const rows = await database.sql.query(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
          );
          statements--; // the probe's own
          for (const { pid } of rows as Array<{ pid: number }>) {
            const at = cpuOf(pid);
            if (at === undefined) continue;
            const seen = backends.get(pid);
            if (seen) seen.to = at;
            else backends.set(pid, { from: at, to: at });
          }
        } finally {
          sampling = false;
        }
      };
      void sample();
      const timer = setInterval(() => void sample(), 200);
      return async () => {
        clearInterval(timer);
        await sample();
        const ownStatements = statements - first;
        const cpu = process.cpuUsage(cpu0);
        const serverMs = [...backends.values()].reduce((sum, b) => sum + b.to - b.from, 0);
        return {
          statements: ownStatements,
          nodeCpuMs: (cpu.user + cpu.system) / 1000,
          nodeSystemMs: cpu.system / 1000,
          serverCpuMs: database.kind === "postgres" && backends.size ? serverMs : undefined,
        };
      };
    },
  };
}

async function measure(
  usage: ReturnType<typeof usageProbe>,
  run: (timed: <T>(fn: () => Promise<T>) => Promise<T>) => Promise<void>,
) {
  const latencies: number[] = [];
  let rss = process.memoryUsage.rss();
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage.rss())), 25);
  const stop = usage.start();
  const started = performance.now();
  await run(async (fn) => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      latencies.push(performance.now() - t0);
    }
  });
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  const used = await stop();
  const n = latencies.length;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return {
    rate: n / (elapsed / 1000),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    rssMb: Math.round(rss / 1024 / 1024),
    statements: used.statements / n,
    nodeCpuMs: used.nodeCpuMs / n,
    nodeSystemMs: used.nodeSystemMs / n,
    serverCpuMs: used.serverCpuMs === undefined ? undefined : used.serverCpuMs / n,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchReport();
