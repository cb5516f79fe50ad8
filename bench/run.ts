/**
 * `npm run bench -- [task...] [--limit N]`: measure each system of each task in its own child
 * process, one after another in this run, and print a table with ratios against Lede.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type BenchMeasure, loadBenchTask, ROOT, TASKS_DIR } from "./harness.ts";

function table(rows: readonly BenchMeasure[]): string {
  const lede = rows.find((r) => r.system === "lede");
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const header = [
    "system",
    "items",
    "fail",
    "items/s",
    "median ms",
    "p95 ms",
    "max ms",
    "CPU ms/item",
    "peak RSS MB",
    "start RSS MB",
    "speed vs lede",
    ...extras,
  ];
  const cells = rows.map((r) => [
    r.system,
    String(r.items),
    String(r.failures),
    r.perSecond.toFixed(1),
    r.medianMs.toFixed(2),
    r.p95Ms.toFixed(2),
    r.maxMs.toFixed(1),
    r.cpuMsPerItem.toFixed(2),
    r.peakRssMb.toFixed(0),
    r.startRssMb === undefined ? "-" : r.startRssMb.toFixed(0),
    lede ? `${(lede.perSecond / r.perSecond).toFixed(2)}x` : "-",
    ...extras.map((k) => (r.extra?.[k] === undefined ? "-" : r.extra[k]!.toFixed(1))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: "string" }, help: { type: "boolean" } },
});
/** Benchmarks that drive a server rather than items one by one: their own scripts, run as they are. */
const SCRIPTS: Record<string, string> = { serve: "bench/serve.ts" };
const all = [
  ...readdirSync(TASKS_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.slice(0, -3)),
  ...Object.keys(SCRIPTS),
].sort();
if (values.help) {
  console.log(`usage: npm run bench -- [task...] [--limit N]\ntasks: ${all.join(", ")}`);
  process.exit(0);
}
for (const name of positionals.length > 0 ? positionals : all) {
  const script = SCRIPTS[name];
  if (script) {
    execFileSync(process.execPath, ["--import", "tsx", join(ROOT, script)], { cwd: ROOT, stdio: "inherit" });
    continue;
  }
  const task = await loadBenchTask(name);
  console.log(`\n## ${task.name}: ${task.description}`);
  const rows: BenchMeasure[] = [];
  for (const system of task.systems) {
    process.stderr.write(`  running ${system}...\n`);
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "bench/worker.ts"),
        name,
        system,
        ...(values.limit ? [values.limit] : []),
      ],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
    );
    rows.push(JSON.parse(out.trim().split("\n").pop()!) as BenchMeasure);
  }
  console.log(table(rows));
  console.log("(speed vs lede > 1 means Lede is faster by that factor)");
}
