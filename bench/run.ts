// `npm run bench [name…]`: runs the benchmarks and prints their figures. Each also runs alone
// with `npx tsx bench/<name>.ts`. Timings are printed, never asserted: CI does not run this.
const BENCHES: Record<string, () => Promise<void>> = {
  startup: async () => (await import("./startup.ts")).benchStartup(),
  demo: async () => (await import("./demo.ts")).benchDemo(),
  import: async () => (await import("./import.ts")).benchImport({}),
  report: async () => (await import("./report.ts")).benchReport(),
  summary: async () => (await import("./summary.ts")).benchSummary(),
  export: async () => (await import("./export.ts")).benchExport(),
  dashboard: async () => (await import("./dashboard.ts")).benchDashboard(),
  feedback: async () => (await import("./feedback.ts")).benchFeedback(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Available: ${Object.keys(BENCHES).join(", ")}.`);
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n== ${name}`);
  await run();
}
