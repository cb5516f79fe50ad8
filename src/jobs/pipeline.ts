/**
 * The pipeline as jobs: poll → fetch feed → fetch page → process (extract + analyse) → store → link,
 * narrate. The stages themselves are passed in (`PipelineDeps`), so this folder depends only on core
 * and store; `lede worker` wires the real fetcher, parser and worker-thread pool.
 *
 * Expected failures (404, a bad feed, an unparseable page) are values: recorded in the store with
 * their stage and code, and the job completes. Only transient trouble (network, time-out, the
 * database) is thrown to be retried with backoff.
 */
import {
  type Analysis,
  type Article,
  contentHash,
  type Document,
  type DocumentHints,
  type LedeError,
  type Result,
  textHash,
} from "../core/index.ts";
import type { SourceRecord, Store } from "../store/index.ts";
import { articleKey } from "../store/index.ts";
import { jobIds } from "./ids.ts";
import { type Handlers, type NarrateJob, type NextJob, RetryableError, type WireDocument } from "./types.ts";

/** A fetched document and what HTTP said. */
export type FetchedDocument = Document & { readonly status: number; readonly notModified: boolean };

/** What the pipeline asks the fetcher for: a feed (with its validators) or a page. */
export interface FetchRequest {
  readonly url: string;
  readonly kind: "feed" | "page";
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

/** A feed entry as far as the pipeline needs it. */
export interface FeedEntry {
  readonly url: string | null;
  readonly title: string | null;
  readonly published: string | null;
  readonly updated: string | null;
  readonly authors: readonly string[];
}

/** Extract + analyse of one document: the article and analysis, or a failure as a value. */
export type ProcessResult =
  | { readonly ok: true; readonly article: Article; readonly analysis: Analysis | null }
  | {
      readonly ok: false;
      readonly error: { readonly stage: string; readonly code: string; readonly message: string };
    };

/** The stages the job handlers run, passed in so this folder imports only core and store. */
export interface PipelineDeps {
  readonly store: Store;
  /** Fetch one URL (with the SSRF guard, limits and robots.txt). */
  readonly fetch: (request: FetchRequest) => Promise<Result<FetchedDocument, LedeError>>;
  /** Extract and analyse one document, with a hard time limit. Never throws. */
  readonly process: (doc: Document, analyse: boolean) => Promise<ProcessResult>;
  /** Read a feed's entries. Without it, feed sources are skipped. */
  readonly parseFeed?: (doc: Document) => Result<readonly FeedEntry[], LedeError>;
  /** Connect a stored article version into stories. Without it, no link jobs are made. */
  readonly link?: (articleId: number, version: number) => Promise<void>;
  /** Make audio for an article version, reporting progress (0-100). Without it, no narrate jobs are made. */
  readonly narrate?: (job: NarrateJob, progress: (percent: number) => Promise<void>) => Promise<void>;
  /** Run the analysis (default true). */
  readonly analyse?: boolean;
  /** Time between two polls of one feed, in ms (default 15 min). */
  readonly pollIntervalMs?: number;
  /** Attempts of a page fetch that fails with a network error or time-out before it is recorded. */
  readonly fetchAttempts?: number;
  readonly now?: () => number;
}

/** Default time between two polls of one feed. */
export const DEFAULT_POLL_MS = 15 * 60_000;
/** Longest wait before re-polling a failing feed. */
const MAX_FEED_BACKOFF_MS = 24 * 3600_000;
const TRANSIENT = new Set(["network", "timeout"]);

/** A Document as queue data (bytes as base64). */
export function toWire(doc: Document): WireDocument {
  const { body, ...rest } = doc;
  return { ...rest, bodyBase64: Buffer.from(body).toString("base64") };
}

/** A Document back from queue data. */
export function fromWire(wire: WireDocument): Document {
  const { bodyBase64, ...rest } = wire;
  return { ...rest, body: new Uint8Array(Buffer.from(bodyBase64, "base64")) };
}

/** The job for a page URL (optionally from a feed). */
export function pageJob(
  url: string,
  options: { sourceId?: number; hints?: DocumentHints; version?: string | null } = {},
): NextJob {
  return {
    queue: "fetch",
    id: jobIds.page(url, options.version),
    data: {
      kind: "page",
      url,
      ...(options.sourceId !== undefined ? { sourceId: options.sourceId } : {}),
      ...(options.hints ? { hints: options.hints } : {}),
    },
  };
}

/** The job that processes a document. */
export function processJob(doc: Document, analyse = true): NextJob {
  return {
    queue: "process",
    id: jobIds.process(doc.url ?? doc.input, contentHash(doc.body)),
    data: { doc: toWire(doc), analyse },
  };
}

function due(s: SourceRecord, now: number): boolean {
  return s.kind === "feed" && (s.nextPollAt === null || Date.parse(s.nextPollAt) <= now);
}

/**
 * The handlers of every queue.
 *
 * @param deps the stages and the store
 * @example await runner.work(pipelineHandlers({ store, fetch, process, parseFeed }), { concurrency: { process: 2 } });
 */
export function pipelineHandlers(deps: PipelineDeps): Handlers {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const pollMs = deps.pollIntervalMs ?? DEFAULT_POLL_MS;
  const analyse = deps.analyse ?? true;
  const fetchAttempts = deps.fetchAttempts ?? 3;
  const iso = (t: number) => new Date(t).toISOString();

  const feedFailed = async (source: SourceRecord, error: LedeError) => {
    const failures = source.consecutiveFailures + 1;
    await store.updateSource(source.id, {
      lastErrorAt: iso(now()),
      lastErrorCode: error.code,
      lastErrorMessage: error.message,
      consecutiveFailures: failures,
      nextPollAt: iso(now() + Math.min(MAX_FEED_BACKOFF_MS, pollMs * 2 ** Math.min(failures, 10))),
    });
    await store.recordFailure({
      input: source.url,
      stage: error.stage,
      code: error.code,
      message: error.message,
      sourceId: source.id,
    });
  };

  return {
    async fetch(job, info) {
      if (job.kind === "poll") {
        if (!deps.parseFeed) return [];
        const t = now();
        const slot = Math.floor(t / pollMs);
        return (await store.listSources())
          .filter((s) => due(s, t))
          .map(
            (s): NextJob => ({
              queue: "fetch",
              id: jobIds.feed(s.id, slot),
              data: { kind: "feed", sourceId: s.id, url: s.url },
            }),
          );
      }
      if (job.kind === "feed") {
        const source = (await store.listSources()).find((s) => s.id === job.sourceId);
        if (!source || !deps.parseFeed) return [];
        const r = await deps.fetch({
          url: source.url,
          kind: "feed",
          etag: source.etag,
          lastModified: source.lastModified,
        });
        if (!r.ok) {
          await feedFailed(source, r.error);
          return [];
        }
        const ok = { lastSuccessAt: iso(now()), consecutiveFailures: 0, nextPollAt: iso(now() + pollMs) };
        if (r.value.notModified) {
          await store.updateSource(source.id, ok);
          return [];
        }
        const entries = deps.parseFeed(r.value);
        if (!entries.ok) {
          await feedFailed(source, entries.error);
          return [];
        }
        await store.updateSource(source.id, {
          ...ok,
          etag: r.value.headers.etag ?? null,
          lastModified: r.value.headers["last-modified"] ?? null,
        });
        return entries.value
          .filter((e): e is FeedEntry & { url: string } => e.url !== null && /^https?:\/\//i.test(e.url))
          .map((e) =>
            pageJob(e.url, {
              sourceId: source.id,
              version: e.updated ?? e.published,
              hints: {
                ...(e.title ? { title: e.title } : {}),
                ...(e.published ? { published: e.published } : {}),
                ...(e.authors.length > 0 ? { authors: e.authors } : {}),
              },
            }),
          );
      }
      const r = await deps.fetch({ url: job.url, kind: "page" });
      if (!r.ok) {
        if (TRANSIENT.has(r.error.code) && info.attempt < fetchAttempts)
          throw new RetryableError(r.error.message);
        await store.recordFailure({
          input: job.url,
          stage: r.error.stage,
          code: r.error.code,
          message: r.error.message,
          ...(job.sourceId !== undefined ? { sourceId: job.sourceId } : {}),
        });
        return [];
      }
      const doc: Document = {
        ...r.value,
        ...(job.sourceId !== undefined ? { sourceId: job.sourceId } : {}),
        ...(job.hints ? { hints: job.hints } : {}),
      };
      return [processJob(doc, analyse)];
    },

    async process(job) {
      const doc = fromWire(job.doc);
      const r = await deps.process(doc, job.analyse);
      // A listing page in a crawled sitemap is left out on purpose, not a failure of its source.
      if (!r.ok && r.error.code === "listing") return [];
      if (!r.ok) {
        await store.recordFailure({
          input: doc.input,
          stage: r.error.stage as LedeError["stage"],
          code: r.error.code as LedeError["code"],
          message: r.error.message,
          ...(doc.sourceId !== undefined ? { sourceId: doc.sourceId } : {}),
        });
        return [];
      }
      const key = articleKey(r.article);
      return [
        {
          queue: "store",
          id: jobIds.store(key, textHash(`${r.article.title ?? ""}\n${r.article.text}`)),
          data: {
            input: doc.input,
            article: r.article,
            analysis: r.analysis,
            source: doc.url ?? doc.input,
            ...(doc.sourceId !== undefined ? { sourceId: doc.sourceId } : {}),
            fetchedAt: doc.fetchedAt,
          },
        },
      ];
    },

    async store(job) {
      const stored = await store.putArticle({
        article: job.article,
        analysis: job.analysis,
        source: job.source,
        ...(job.sourceId !== undefined ? { sourceId: job.sourceId } : {}),
        fetchedAt: job.fetchedAt,
      });
      if (stored.status === "unchanged") return [];
      const next: NextJob[] = [];
      const data = { articleId: stored.id, version: stored.version };
      if (deps.link) next.push({ queue: "link", id: jobIds.link(stored.id, stored.version), data });
      if (deps.narrate) next.push({ queue: "narrate", id: jobIds.narrate(stored.id, stored.version), data });
      return next;
    },

    async link(job) {
      await deps.link?.(job.articleId, job.version);
      return [];
    },

    async narrate(job, info) {
      await deps.narrate?.(job, info.progress ?? (async () => {}));
      return [];
    },
  };
}
