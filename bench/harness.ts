/**
 * The benchmark harness: `npm run bench -- <task>` runs Lede and the named peer libraries on the
 * same inputs in one run, each system in its own child process (so peak RSS is its own), and
 * reports throughput, per-item median/p95/max and peak RSS, with ratios against Lede.
 *
 * A task is a file `bench/tasks/<name>.ts` whose default export is a `BenchTask`.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchInput {
  readonly id: string;
  /** Whatever the systems of this task take (an HTML string, a text, ...). */
  readonly data: unknown;
}

export interface BenchSystem {
  readonly name: string;
  /** Process one input; the result is discarded (returned so it is not optimised away). */
  run(input: BenchInput): unknown;
  /** Extra figures after the run (e.g. real-time factor), shown as columns. */
  report?(): Record<string, number>;
}

export interface BenchContext {
  readonly dataDir: string;
  readonly limit: number | undefined;
}

export interface BenchTask {
  readonly name: string;
  readonly description: string;
  /** System names, Lede's first as "lede". */
  readonly systems: readonly string[];
  /** Load the inputs (not timed). */
  inputs(ctx: BenchContext): Promise<BenchInput[]>;
  /**
   * Turn one held input into what the systems take, just before its timed run (its time and CPU are
   * not counted). A task whose inputs are large holds them compact (compressed) and expands one at a
   * time here, so that peak RSS measures the system, not the whole input set held at once, as when a
   * directory of pages is processed one file after another.
   */
  load?(input: BenchInput): BenchInput;
  /** Create one system (not timed); called in the child process that measures it. */
  system(name: string): Promise<BenchSystem>;
}

/** What a child process measured for one system. */
export interface BenchMeasure {
  readonly system: string;
  readonly items: number;
  readonly failures: number;
  readonly totalMs: number;
  readonly perSecond: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /**
   * CPU time of the measuring process (all its threads, not child processes) per item: steadier than
   * the wall-clock columns on a shared, noisy machine.
   */
  readonly cpuMsPerItem: number;
  readonly peakRssMb: number;
  /** RSS after loading the inputs and the system, before the first item: what the system adds is the rest. */
  readonly startRssMb: number;
  readonly extra?: Record<string, number>;
}

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SHARED_DATA = process.env.LEDE_SHARED_DATA ?? resolve(ROOT, "../shared/data");
export const TASKS_DIR = join(ROOT, "bench/tasks");

export async function loadBenchTask(name: string): Promise<BenchTask> {
  const file = join(TASKS_DIR, `${name}.ts`);
  if (!existsSync(file)) throw new Error(`bench: no task named ${name} (looked for ${file})`);
  return ((await import(file)) as { default: BenchTask }).default;
}

/** The q-quantile (0..1) of sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}
