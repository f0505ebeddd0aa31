// Builds the demo's example city once at install time (`lapkin demo --prepare`), so the first
// `npm run demo` copies it instead of creating a database and importing (seconds of CPU). Best
// effort: a failure here never fails the install; the demo then builds it on its first start.
// Skipped where no demo is wanted: LAPKIN_SKIP_DEMO_PREPARE=1, or NODE_ENV=production.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

if (process.env.LAPKIN_SKIP_DEMO_PREPARE === "1" || process.env.NODE_ENV === "production") process.exit(0);
const result = spawnSync(process.execPath, ["bin/lapkin.js", "demo", "--prepare"], {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  stdio: "inherit",
});
if (result.status !== 0)
  console.warn("lapkin: the demo was not prepared now; `npm run demo` will prepare it on its first start.");
