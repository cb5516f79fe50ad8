/**
 * `npm run eval -- [task...] [--limit N] [--update]`: run evaluation tasks, print their tables and
 * compare Lede's scores with the floors in baseline.json. Exit 1 when a score is below its floor.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BASELINE, type EvalReport, loadTask, SHARED_DATA, TASKS_DIR } from "./harness.ts";

type Baseline = Record<string, Record<string, number>>;

/** Format a report as an aligned table: one row per system, one column per metric. */
export function formatTable(report: EvalReport): string {
  const metrics = [...new Set(report.rows.flatMap((r) => Object.keys(r.metrics)))];
  const header = ["system", ...metrics];
  const rows = report.rows.map((r) => [
    r.system,
    ...metrics.map((m) => (r.metrics[m] === undefined ? "-" : fmt(r.metrics[m]!))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(4);
}

/** Compare Lede's metrics with the floors; return the failures as messages. */
export function checkFloors(task: string, report: EvalReport, baseline: Baseline): string[] {
  const floors = baseline[task] ?? {};
  const lede = report.rows.find((r) => r.system === "lede");
  const failures: string[] = [];
  for (const [metric, floor] of Object.entries(floors)) {
    const score = lede?.metrics[metric];
    if (score === undefined) failures.push(`${task}: metric ${metric} missing (floor ${floor})`);
    else if (score < floor - 1e-9)
      failures.push(`${task}: ${metric} ${fmt(score)} is below its floor ${fmt(floor)}`);
  }
  return failures;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: "string" },
      update: { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  const all = readdirSync(TASKS_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => f.slice(0, -3))
    .sort();
  if (values.help) {
    console.log(`usage: npm run eval -- [task...] [--limit N] [--update]\ntasks: ${all.join(", ")}`);
    return 0;
  }
  const names = positionals.length > 0 ? positionals : all;
  const limit = values.limit ? Number(values.limit) : undefined;
  const baseline = JSON.parse(readFileSync(BASELINE, "utf8")) as Baseline;
  const failures: string[] = [];
  for (const name of names) {
    const task = await loadTask(name);
    const t0 = performance.now();
    console.log(`\n## ${task.name}: ${task.description}`);
    const report = await task.run({
      dataDir: SHARED_DATA,
      limit,
      progress: (m) => process.stderr.write(`  ${m}\n`),
    });
    console.log(
      `items: ${Object.entries(report.items)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    console.log(formatTable(report));
    for (const n of report.notes ?? []) console.log(`note: ${n}`);
    console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    if (limit === undefined) {
      failures.push(...checkFloors(name, report, baseline));
      if (values.update) {
        const lede = report.rows.find((r) => r.system === "lede");
        const floors = (baseline[name] ??= {});
        for (const [m, v] of Object.entries(lede?.metrics ?? {})) {
          if (m.endsWith("_ms")) continue;
          floors[m] = Math.max(floors[m] ?? 0, Math.floor(v * 1000) / 1000);
        }
      }
    }
  }
  if (values.update) writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  if (limit !== undefined) console.log("\n(--limit given: floors not checked)");
  for (const f of failures) console.error(`FAIL ${f}`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
