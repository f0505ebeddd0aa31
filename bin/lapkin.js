#!/usr/bin/env node
// Entry point of the `lapkin` command. The sources are TypeScript run through tsx, so there is
// no build step (and nothing to download) between `npm install` and `npm start`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
// Everything is closed by now; a socket still hanging (a Bot API call during an outage) must not
// keep the process alive, so it goes shortly even then. The timer itself holds nothing open.
setTimeout(() => process.exit(), 2_000).unref();
