/**
 * The evaluation harness: `npm run eval -- <task>` scores a stage on a dev set in ../shared/data,
 * prints a table, and fails when a score of Lede's falls below the floor pinned in `baseline.json`.
 * Floors only rise: `--update` raises a floor to the new score, never lowers one.
 *
 * A task is a file `test/eval/tasks/<name>.ts` whose default export is an `EvalTask`.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Scores of one system on one task: metric name → value (higher is better unless named `*_ms`). */
export interface SystemScores {
  readonly system: string;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface EvalReport {
  /** Lede's row must be named "lede"; peers are scored in the same run on the same items. */
  readonly rows: readonly SystemScores[];
  /** How many items were scored, per data set or in all. */
  readonly items: Readonly<Record<string, number>>;
  readonly notes?: readonly string[];
}

export interface EvalContext {
  /** The root of the shared data (`../shared/data` from the project root). */
  readonly dataDir: string;
  /** At most this many items per data set (for a quick run), or undefined for all. */
  readonly limit: number | undefined;
  /** Print progress. */
  readonly progress: (message: string) => void;
}

export interface EvalTask {
  readonly name: string;
  readonly description: string;
  run(ctx: EvalContext): Promise<EvalReport>;
}

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** ../shared/data, or $LEDE_SHARED_DATA. */
export const SHARED_DATA = process.env.LEDE_SHARED_DATA ?? resolve(ROOT, "../shared/data");
export const TASKS_DIR = join(ROOT, "test/eval/tasks");
export const BASELINE = join(ROOT, "test/eval/baseline.json");

/** Load a task by name. */
export async function loadTask(name: string): Promise<EvalTask> {
  const file = join(TASKS_DIR, `${name}.ts`);
  if (!existsSync(file)) throw new Error(`eval: no task named ${name} (looked for ${file})`);
  const mod = (await import(file)) as { default: EvalTask };
  return mod.default;
}
