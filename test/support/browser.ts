import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, found at run time (never downloaded: this machine and air-gapped servers
 * cannot). `.ci/run` installs chromium-headless-shell when it is missing.
 */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium-headless-shell",
  "/usr/lib/chromium/headless_shell",
  "/usr/bin/chromium",
].filter((path): path is string => Boolean(path));

export const chromiumPath = CANDIDATES.find((path) => existsSync(path));

/**
 * Browser tests skip only where no Chromium exists and CI is unset; in CI a missing browser is a
 * failure, so a green CI always means the browser tests ran.
 */
export const skipBrowserTests = !chromiumPath && !process.env.CI;
if (skipBrowserTests)
  console.warn("Browser tests skipped: no Chromium found (apt-get install chromium-headless-shell).");

/** Starts headless Chromium with no network of its own beyond what a page asks for. */
export function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`No Chromium found (looked at ${CANDIDATES.join(", ")}).`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Where a browser test saves its screenshots for review (not committed: test-output/ is ignored). */
export function screenshotPath(name: string): string {
  const dir = join(process.cwd(), "test-output", "screenshots");
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
