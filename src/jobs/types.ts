/**
 * The job interface: named queues carrying plain-data jobs, handlers that may ask for follow-up jobs,
 * and a runner that delivers each job at least once. Two runners: in-process (default, needs nothing
 * but Node) and BullMQ on Redis (any number of `lede worker` processes on any number of machines).
 *
 * Delivery is at least once, so every handler is idempotent: a job run twice changes nothing twice
 * (the store's `putArticle` is idempotent by key and content hash, and follow-up jobs carry
 * deterministic ids, so a re-run enqueues nothing new while the first copies are still known).
 */
import type { Analysis, Article, DocumentHints, SourceKind } from "../core/index.ts";

/** The queues, one per pipeline step. */
export const QUEUES = ["fetch", "process", "store", "link", "narrate"] as const;
export type QueueName = (typeof QUEUES)[number];

/** A Document as it crosses a queue: the body base64-encoded (queues carry JSON). */
export interface WireDocument {
  readonly input: string;
  readonly url: string | null;
  readonly bodyBase64: string;
  readonly contentType: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetchedAt: string;
  readonly sourceKind: SourceKind;
  readonly sourceId?: number;
  readonly hints?: DocumentHints;
}

/** Fetch work: the polling tick (due feeds), one feed, or one page. */
export type FetchJob =
  | { readonly kind: "poll" }
  | { readonly kind: "feed"; readonly sourceId: number; readonly url: string }
  | {
      readonly kind: "page";
      readonly url: string;
      readonly sourceId?: number;
      readonly hints?: DocumentHints;
    };

/** Extract and analyse one document. */
export interface ProcessJob {
  readonly doc: WireDocument;
  readonly analyse: boolean;
}

/** Store one extracted (and analysed) article. */
export interface StoreJob {
  readonly input: string;
  readonly article: Article;
  readonly analysis: Analysis | null;
  readonly source: string | null;
  readonly sourceId?: number;
  readonly fetchedAt: string;
}

/** Link (or narrate) one stored article version. */
export interface ArticleVersionJob {
  readonly articleId: number;
  readonly version: number;
}

/**
 * Narrate one article version: by id and version (the text read from the store), or with the text
 * carried along (`article`); a text that is not stored (`lede narrate FILE`) has `articleId` 0 and a
 * `textKey`. Rate in words per minute; `names` seed the pronunciation lexicon.
 */
export interface NarrateJob extends ArticleVersionJob {
  readonly wordsPerMinute?: number;
  readonly textKey?: string;
  readonly article?: {
    readonly title: string | null;
    readonly text: string;
    readonly names?: readonly string[];
  };
}

/** The data each queue carries. */
export interface JobData {
  readonly fetch: FetchJob;
  readonly process: ProcessJob;
  readonly store: StoreJob;
  readonly link: ArticleVersionJob;
  readonly narrate: NarrateJob;
}

/** A job to add: its queue, data and a deterministic id (the same work always has the same id). */
export type NextJob = {
  [Q in QueueName]: { readonly queue: Q; readonly id: string; readonly data: JobData[Q] };
}[QueueName];

/** What a handler sees of the job it runs. */
export interface JobInfo {
  readonly id: string;
  readonly queue: QueueName;
  /** 1 on the first run, 2 on the first retry, ... */
  readonly attempt: number;
  /** Report how far the job is, 0 to 100 (seen through `JobRunner.status`). */
  readonly progress?: (percent: number) => Promise<void>;
}

/** Where one job is: waiting (or delayed for a retry), running, completed or failed, and how far. */
export interface JobStatus {
  readonly state: "waiting" | "active" | "completed" | "failed";
  /** 0 to 100, as last reported by the handler (100 when completed). */
  readonly percent: number;
  /** Why it failed (its last attempt). */
  readonly error?: string;
}

/**
 * Run one job. Return the follow-up jobs (the runner adds them). An expected failure is a value:
 * record it and return normally. Throw a `RetryableError` (or anything else) to have the job retried
 * with backoff; after the last attempt it goes to the dead-letter queue.
 */
export type Handler<Q extends QueueName> = (
  data: JobData[Q],
  job: JobInfo,
) => Promise<readonly NextJob[] | undefined>;

export type Handlers = { readonly [Q in QueueName]?: Handler<Q> };

/** A failure worth another attempt (a network error, a time-out, a busy database). */
export class RetryableError extends Error {
  override readonly name = "RetryableError";
}

/** A job that failed every attempt, kept for a person to look at (and re-queue). */
export interface DeadLetter {
  readonly queue: QueueName;
  readonly id: string;
  readonly data: unknown;
  readonly attempts: number;
  readonly error: string;
  readonly at: string;
}

export interface WorkOptions {
  /** Jobs run at once per queue in this process (default 1 each). */
  readonly concurrency?: Partial<Record<QueueName, number>>;
  /** Called when a job failed its last attempt and was dead-lettered. */
  readonly onDead?: (dead: DeadLetter) => void | Promise<void>;
}

/** Attempts per job and the base of the exponential backoff between them. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

/** Default retry policy: 5 attempts, 1 s, 2 s, 4 s, 8 s apart. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, backoffMs: 1000 };

/** Jobs waiting, running, delayed (retry backoff) and dead, per queue. */
export type QueueCounts = Record<QueueName, { waiting: number; active: number; delayed: number }> & {
  dead: number;
};

/**
 * A job runner.
 *
 * @example
 * const runner = createInProcessRunner();
 * runner.work(handlers, { concurrency: { process: 2 } });
 * await runner.enqueue({ queue: "fetch", id: fetchJobId(url), data: { kind: "page", url } });
 * await runner.idle(); await runner.close();
 */
export interface JobRunner {
  /** Which runner this is ("in-process" or "bullmq"). */
  readonly kind: "in-process" | "bullmq";
  /** Add jobs; a job whose id is waiting, running or recently finished is not added again. */
  enqueue(...jobs: readonly NextJob[]): Promise<void>;
  /** Start running jobs of the queues that have a handler. */
  work(handlers: Handlers, options?: WorkOptions): Promise<void>;
  /** Add a `poll` fetch job every `everyMs`: one schedule however many processes call this. */
  schedulePolling(everyMs: number): Promise<void>;
  /** Where a job is (by the id it was added with); null when the runner does not know it (any more). */
  status(queue: QueueName, id: string): Promise<JobStatus | null>;
  /** Counts per queue. */
  counts(): Promise<QueueCounts>;
  /** Dead letters, newest first. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Resolve when no job is waiting, running or delayed in any queue. */
  idle(options?: { readonly pollMs?: number; readonly timeoutMs?: number }): Promise<void>;
  /** Stop taking jobs, let running ones finish, then disconnect. */
  close(): Promise<void>;
}
