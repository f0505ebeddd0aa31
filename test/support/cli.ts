import { Writable } from "node:stream";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/context.ts";
import { fixedClock } from "../../src/lib/clock.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lapkin <args>` in-process with captured output, a fixed clock and an optional Bot API double. */
export async function runCli(
  args: string[],
  options: { env: CliIo["env"]; now?: string; fetch?: typeof fetch },
): Promise<CliRun> {
  const out = { stdout: "", stderr: "" };
  const sink = (key: "stdout" | "stderr") =>
    new Writable({
      write(chunk, _encoding, done) {
        out[key] += String(chunk);
        done();
      },
    });
  const io: CliIo = {
    env: options.env,
    stdout: sink("stdout"),
    stderr: sink("stderr"),
    clock: fixedClock(options.now ?? "2026-11-24T03:00:00Z"),
    fetch: options.fetch,
  };
  const code = await main(args, io);
  return { code, ...out };
}
