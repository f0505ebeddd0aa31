import cron, { type ScheduledTask } from "node-cron";
import { tick, type SchedulerDeps, type TickResult } from "./tick.ts";

export interface IntervalTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /**
   * Catches up at once, then ticks every minute. Interval tasks run at once too (what a restart
   * left behind: evidence still to fetch, conversations idle since before it), then every `everyMs`.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
  tick(at?: Date): Promise<TickResult>;
}

export function createScheduler(deps: SchedulerDeps & { intervals?: IntervalTask[] }): Scheduler {
  let task: ScheduledTask | undefined;
  let ticking: Promise<unknown> | undefined;
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;

  /** One run of an interval task, unless the previous one is still going. */
  const runInterval = (interval: IntervalTask) => {
    if (stopped || running.has(interval.name)) return;
    const run = interval
      .run()
      .catch((error) => deps.logger.error({ err: error, task: interval.name }, "scheduler: interval task failed"))
      .finally(() => running.delete(interval.name));
    running.set(interval.name, run);
  };

  const guardedTick = async (at?: Date) => {
    const current = tick(deps, at);
    ticking = current.catch(() => {});
    return current;
  };

  return {
    tick: guardedTick,
    async start() {
      stopped = false;
      // The catch-up runs in the background: start-up does not wait for a week of missed runs.
      void guardedTick().catch((error) => deps.logger.error({ err: error }, "scheduler: catch-up failed"));
      task = cron.schedule(
        "* * * * *",
        async () => {
          if (stopped) return;
          await guardedTick().catch((error) => deps.logger.error({ err: error }, "scheduler: tick failed"));
        },
        { noOverlap: true, name: "lapkin-scheduler" },
      );
      for (const interval of deps.intervals ?? []) {
        runInterval(interval);
        timers.push(setInterval(() => runInterval(interval), interval.everyMs));
      }
    },
    async stop() {
      stopped = true;
      await task?.stop();
      await task?.destroy();
      for (const timer of timers) clearInterval(timer);
      await Promise.all([ticking, ...running.values()]);
    },
  };
}
