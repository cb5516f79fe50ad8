/** Child process of the bench harness: measures one system of one task and prints a BenchMeasure as JSON. */
import { type BenchMeasure, loadBenchTask, quantile, SHARED_DATA } from "./harness.ts";

const [taskName, systemName, limitArg] = process.argv.slice(2);
const task = await loadBenchTask(taskName!);
const inputs = await task.inputs({ dataDir: SHARED_DATA, limit: limitArg ? Number(limitArg) : undefined });
const system = await task.system(systemName!);
// Warm up on a few inputs so JIT compilation is not counted against the first items.
for (const input of inputs.slice(0, Math.min(5, inputs.length))) {
  try {
    await system.run(input); // awaited: an async system's warm-up must not overlap the timed runs
  } catch {}
}
const times: number[] = [];
let failures = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const input of inputs) {
  const s = performance.now();
  try {
    await system.run(input);
  } catch {
    failures++;
  }
  times.push(performance.now() - s);
}
const totalMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
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
  cpuMsPerItem: (cpu.user + cpu.system) / 1000 / Math.max(1, inputs.length),
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  ...(system.report ? { extra: system.report() } : {}),
};
process.stdout.write(`${JSON.stringify(measure)}\n`);
