import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnLapkin } from "../support/process.ts";

describe("lapkin demo stopped with Ctrl+C", () => {
  it("stops at once while a demo page is open (its event stream), and leaves the demo folder unlocked", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lapkin-demo-stop-"));
    const demo = spawnLapkin(["demo"], { DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info" });
    try {
      const ready = await demo.waitForLog("lapkin ready", 150_000);
      const events = await fetch(`http://127.0.0.1:${ready.port}/demo/events`);
      const reader = events.body!.getReader();
      await reader.read(); // the stream is open, as a page keeps it
      const started = Date.now();
      demo.child.kill("SIGINT");
      expect(await demo.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(demo.output()).not.toContain("stopping took too long");
      expect(existsSync(join(dataDir, "demo", "demo.lock"))).toBe(false);
    } finally {
      demo.child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
