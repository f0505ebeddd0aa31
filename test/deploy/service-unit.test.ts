import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** deploy/lapkin.service as systemd reads it: section → key → values (a key may repeat). */
function unitFile(): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of readFileSync(new URL("../../deploy/lapkin.service", import.meta.url), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) sections.set(section[1]!, (current = new Map()));
    else {
      const [key, ...value] = line.split("=");
      current!.set(key!, [...(current!.get(key!) ?? []), value.join("=")]);
    }
  }
  return sections;
}

describe("the systemd unit", () => {
  const service = unitFile().get("Service")!;
  const one = (key: string) => service.get(key)?.[0];

  it("runs node on bin/lapkin.js directly, so SIGTERM reaches Lapkin (npm would not pass it on)", () => {
    expect(one("ExecStart")).toMatch(/^\/usr\/bin\/node \S+\/bin\/lapkin\.js start$/);
    expect(one("KillSignal")).toBe("SIGTERM");
  });

  it("restarts on failure and gives a stop more time than Lapkin's own 10 s bound", () => {
    expect(one("Restart")).toBe("on-failure");
    expect(Number(one("TimeoutStopSec"))).toBeGreaterThan(10);
  });

  it("runs as an unprivileged user with its data under /var/lib/lapkin", () => {
    expect(one("User")).toMatch(/^(?!root$)\w+$/);
    expect(service.get("Environment")).toContain("DATA_DIR=/var/lib/lapkin");
    expect(one("StateDirectory")).toBe("lapkin");
  });
});
