/** Child process of the bench harness: measures one system of one task and prints a BenchMeasure as JSON. */
import { type BenchMeasure, loadBenchTask, quantile, SHARED_DATA } from "./harness.ts";

const [taskName, systemName, limitArg] = process.argv.slice(2);
const task = await loadBenchTask(taskName!);
const inputs = await task.inputs({ dataDir: SHARED_DATA, limit: limitArg ? Number(limitArg) : undefined });
const system = await task.system(systemName!);
const load = task.load ?? ((input) => input);
// Warm up on a few inputs so JIT compilation is not counted against the first items.
for (const input of inputs.slice(0, Math.min(5, inputs.length))) {
  try {
    await system.run(load(input)); // awaited: an async system's warm-up must not overlap the timed runs
  } catch {}
}
const startRssMb = process.memoryUsage.rss() / 1024 / 1024;
const times: number[] = [];
let failures = 0;
let totalMs = 0;
let cpuMicros = 0;
for (const held of inputs) {
  const input = load(held);
  const cpu0 = process.cpuUsage();
  const s = performance.now();
  try {
    await system.run(input);
  } catch {
    failures++;
  }
  const ms = performance.now() - s;
  const cpu = process.cpuUsage(cpu0);
  cpuMicros += cpu.user + cpu.system;
  totalMs += ms;
  times.push(ms);
}
times.sort((a, b) => a - b);
const measure: BenchMeasure = {
  system: systemName!,
  items: inputs.length,
  failures,
  totalMs,
  perSecond: inputs.length / (totalMs / 1000),
  medianMs: quantile(times, 0.5),
  p95Ms: quantile(times, 0.95),
  maxMs: times[times.length - 1] ?? 0,
  cpuMsPerItem: cpuMicros / 1000 / Math.max(1, inputs.length),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  startRssMb,
  ...(system.report ? { extra: system.report() } : {}),
};
process.stdout.write(`${JSON.stringify(measure)}\n`);
