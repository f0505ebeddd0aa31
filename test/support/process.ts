import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/lapkin.js", import.meta.url));

export interface LapkinProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first log line whose msg matches. */
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** Runs `lapkin <args>` as a separate process, as an operator would. */
export function spawnLapkin(args: string[], env: Record<string, string>): LapkinProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    waitForLog: (msg, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const line = output
            .split("\n")
            .filter((l) => l.startsWith("{"))
            .map((l) => JSON.parse(l) as Record<string, unknown>)
            .find((l) => l.msg === msg);
          if (line) return resolve(line);
          if (child.exitCode !== null)
            return reject(new Error(`lapkin exited (${child.exitCode}) before "${msg}":\n${output}`));
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`no "${msg}" within ${timeoutMs} ms:\n${output}`));
          setTimeout(check, 50);
        };
        check();
      }),
  };
}

/** Runs a lapkin command to completion. */
export async function runLapkin(args: string[], env: Record<string, string>) {
  const process = spawnLapkin(args, env);
  const code = await process.exited;
  return { code, output: process.output() };
}
