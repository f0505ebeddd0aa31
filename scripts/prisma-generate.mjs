// Generates the Prisma client without the network. Prisma's CLI wants a native schema engine
// (downloaded on first use), but `generate` never runs it: pointing PRISMA_SCHEMA_ENGINE_BINARY
// at any existing file stops the download. See README, "Offline Prisma".
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
