#!/usr/bin/env node
// Entry point of the `lapkin` command. The sources are TypeScript run through tsx, so there is
// no build step (and nothing to download) between `npm install` and `npm start`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
