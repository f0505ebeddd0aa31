import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const BIN = fileURLToPath(new URL("../bin/lapkin.js", import.meta.url));

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const TICKS_PER_SECOND = 100;

/**
 * `lapkin demo` from a new process to "Lapkin demo ready": the very first run on an empty DATA_DIR
 * (creates the embedded database and the example city), a fresh start later (copies the prepared
 * database; `npm install` prepares that template, so a newcomer's first `npm run demo` is this case),
`--keep` (reuses the last session) and `--reset` (starts over). Target: under 5 s.
 * The machine may be shared, so the process's CPU time (user+sys, all threads) is printed beside
 * the wall time: it is far less noisy.
 */
export async function benchDemo(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "lapkin-bench-demo-"));
  try {
    for (const [label, args] of [
      ["first run, empty DATA_DIR", []],
      ["fresh start, prepared template", []],
      ["--keep", ["--keep"]],
      ["--reset", ["--reset"]],
    ] as const) {
      const load = loadavg()[0]!.toFixed(2);
      const { wallMs, cpuMs } = await startToReady([...args], dataDir);
      console.log(
        `demo ${label.padEnd(31)} ${s(wallMs)} wall, ${s(cpuMs)} CPU (user+sys) — load ${load} — target < 5 s`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startToReady(args: string[], dataDir: string): Promise<{ wallMs: number; cpuMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "demo", ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: dataDir, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    const wallMs = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk;
        if (output.includes("Lapkin demo ready")) resolve(performance.now() - started);
      });
      child.on("exit", (code) => reject(new Error(`lapkin demo exited (${code}) before ready:\n${output}`)));
    });
    return { wallMs, cpuMs: cpuTimeMs(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** utime + stime of a running process, from /proc (fields 14 and 15, after the command's parenthesis). */
function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await benchDemo();
