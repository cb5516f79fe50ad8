/**
 * The batch runner: documents go extract → analyse (in worker threads, each with a hard time limit)
 * → store. Each document is isolated: a failure, a throw or a time-out is recorded with its stage and
 * code and the batch goes on. Outcomes are reported in input order.
 */
import { fileURLToPath } from "node:url";
import { type Document, type ExtractOptions, LedeError, LIMITS, type Result } from "../core/index.ts";
import { WorkerPool } from "../jobs/pool.ts";
import type { PutStatus, Store } from "../store/index.ts";
import type { ProcessInput, ProcessOutput } from "./process.ts";
import type { StoryKeeper } from "./stories.ts";

/** One input as the user named it, with the document read from it (or why it could not be read). */
export interface InputItem {
  readonly input: string;
  readonly result: Result<Document>;
}

/** What happened to one input. */
export type ItemOutcome =
  | {
      readonly input: string;
      readonly ok: true;
      readonly output: Extract<ProcessOutput, { ok: true }>;
      /** Set when a store was given. */
      readonly stored?: { readonly status: PutStatus; readonly id: number; readonly version: number };
    }
  | {
      readonly input: string;
      readonly ok: false;
      readonly error: { stage: string; code: string; message: string };
    };

export interface IngestSummary {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Processed without a store (extract/analyse only). */
  processed: number;
  failed: number;
  /** Pages left out on purpose: listing pages in a crawl (`extract/listing`), not failures. */
  skipped: number;
  /** Failures counted by `stage/code`. */
  failedBy: Record<string, number>;
}

export interface IngestOptions {
  readonly extract: ExtractOptions;
  readonly analyse: boolean;
  /** Store the results here (else only report them). */
  readonly store?: Store;
  /** Wake the story keeper when an article is added (it links it into a story). */
  readonly stories?: StoryKeeper;
  readonly timeoutMs?: number;
  /** Worker threads (default 1). */
  readonly concurrency?: number;
  /** Called for each input, in input order. */
  readonly onItem?: (outcome: ItemOutcome, summary: Readonly<IngestSummary>) => void | Promise<void>;
}

const PROCESS_MODULE = fileURLToPath(new URL("./process.ts", import.meta.url));

/** An empty summary. */
export function emptySummary(): IngestSummary {
  return { total: 0, added: 0, updated: 0, unchanged: 0, processed: 0, failed: 0, skipped: 0, failedBy: {} };
}

/**
 * Run a batch.
 *
 * @param inputs documents (or failures to acquire them), in order
 * @param options what to run and where to store
 * @returns counts of added, updated, unchanged and failed (by stage/code)
 */
export async function ingest(
  inputs: AsyncIterable<InputItem> | Iterable<InputItem>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const size = Math.max(1, options.concurrency ?? 1);
  const pool = new WorkerPool<ProcessInput, ProcessOutput>({
    module: PROCESS_MODULE,
    fn: "processDocument",
    size,
    timeoutMs: options.timeoutMs ?? LIMITS.documentTimeoutMs,
  });
  const summary = emptySummary();
  const pending: Array<Promise<ItemOutcome>> = [];

  const finish = async (outcome: ItemOutcome) => {
    summary.total++;
    if (outcome.ok) {
      if (outcome.stored) summary[outcome.stored.status]++;
      else summary.processed++;
    } else if (outcome.error.code === "listing") {
      summary.skipped++;
    } else {
      summary.failed++;
      const key = `${outcome.error.stage}/${outcome.error.code}`;
      summary.failedBy[key] = (summary.failedBy[key] ?? 0) + 1;
      await options.store?.recordFailure({
        input: outcome.input,
        stage: outcome.error.stage as LedeError["stage"],
        code: outcome.error.code as LedeError["code"],
        message: outcome.error.message,
      });
    }
    await options.onItem?.(outcome, summary);
  };

  const start = (r: Result<Document>, name: string): Promise<ItemOutcome> => {
    if (!r.ok) return Promise.resolve({ input: name, ok: false, error: r.error.toJSON() });
    const doc = { ...r.value, input: name };
    return pool
      .run({ doc, options: options.extract, analyse: options.analyse })
      .then(async (o): Promise<ItemOutcome> => {
        if (!o.ok) {
          const code = o.reason === "timeout" ? "timeout" : "internal";
          return {
            input: doc.input,
            ok: false,
            error: new LedeError("extract", code, `${o.message} [${doc.input}]`).toJSON(),
          };
        }
        if (!o.value.ok) return { input: doc.input, ok: false, error: o.value.error };
        if (!options.store) return { input: doc.input, ok: true, output: o.value };
        try {
          const stored = await options.store.putArticle({
            article: o.value.article,
            analysis: o.value.analysis,
            source: doc.url ?? doc.input,
            ...(doc.sourceId !== undefined ? { sourceId: doc.sourceId } : {}),
            fetchedAt: doc.fetchedAt,
          });
          if (stored.status === "added") options.stories?.wake();
          return { input: doc.input, ok: true, output: o.value, stored };
        } catch (e) {
          return {
            input: doc.input,
            ok: false,
            error: new LedeError("store", "internal", (e as Error).message).toJSON(),
          };
        }
      });
  };

  try {
    for await (const item of inputs) {
      pending.push(start(item.result, item.input));
      if (pending.length >= size * 2) await finish(await pending.shift()!);
    }
    while (pending.length > 0) await finish(await pending.shift()!);
  } finally {
    await pool.close();
  }
  return summary;
}
