/**
 * A long-lived ingester for servers and pollers: documents go through a worker pool (hard time
 * limit each) and into the store; new and updated articles are announced to a listener.
 */
import { fileURLToPath } from "node:url";
import { type Document, type ExtractOptions, LedeError, LIMITS } from "../core/index.ts";
import { WorkerPool } from "../jobs/pool.ts";
import type { PutArticleResult, Store } from "../store/index.ts";
import type { ProcessInput, ProcessOutput } from "./process.ts";
import type { StoryKeeper } from "./stories.ts";

export type IngestOneResult =
  | ({ readonly ok: true } & PutArticleResult)
  | {
      readonly ok: false;
      readonly error: { readonly stage: string; readonly code: string; readonly message: string };
    };

export interface IngesterOptions {
  readonly store: Store;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** Wake the story keeper when an article is added (it links it into a story). */
  readonly stories?: StoryKeeper;
  /** Called after an article was added or updated. */
  readonly onStored?: (result: PutArticleResult, doc: Document) => void;
}

const PROCESS_MODULE = fileURLToPath(new URL("./process.ts", import.meta.url));

export class Ingester {
  private readonly pool: WorkerPool<ProcessInput, ProcessOutput>;
  private readonly options: IngesterOptions;

  constructor(options: IngesterOptions) {
    this.options = options;
    this.pool = new WorkerPool({
      module: PROCESS_MODULE,
      fn: "processDocument",
      size: options.concurrency ?? 1,
      timeoutMs: options.timeoutMs ?? LIMITS.documentTimeoutMs,
    });
  }

  /** Extract, analyse and store one document; failures are stored and returned as values. */
  async ingest(doc: Document, extract: ExtractOptions = {}): Promise<IngestOneResult> {
    const { store } = this.options;
    const outcome = await this.pool.run({ doc, options: extract, analyse: true });
    let error: { stage: string; code: string; message: string } | null = null;
    if (!outcome.ok) {
      error = new LedeError(
        "extract",
        outcome.reason === "timeout" ? "timeout" : "internal",
        `${outcome.message} [${doc.input}]`,
      ).toJSON();
    } else if (!outcome.value.ok) {
      error = outcome.value.error;
    }
    if (error || !outcome.ok || !outcome.value.ok) {
      const e = error ?? { stage: "extract", code: "internal", message: "unknown failure" };
      // A listing page in a crawled sitemap is left out on purpose, not a failure of its source.
      if (e.code === "listing") return { ok: false, error: e };
      await store.recordFailure({
        input: doc.input,
        stage: e.stage as LedeError["stage"],
        code: e.code as LedeError["code"],
        message: e.message,
        ...(doc.sourceId !== undefined ? { sourceId: doc.sourceId } : {}),
      });
      return { ok: false, error: e };
    }
    const stored = await store.putArticle({
      article: outcome.value.article,
      analysis: outcome.value.analysis,
      source: doc.url ?? doc.input,
      ...(doc.sourceId !== undefined ? { sourceId: doc.sourceId } : {}),
      fetchedAt: doc.fetchedAt,
    });
    if (stored.status === "added") this.options.stories?.wake();
    if (stored.status !== "unchanged") this.options.onStored?.(stored, doc);
    return { ok: true, ...stored };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
