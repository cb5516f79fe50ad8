/**
 * The BullMQ runner: queues in Redis shared by any number of `lede worker` processes on any number of
 * machines. One BullMQ queue per pipeline step (`lede:fetch`, `lede:process`, ...), retries with
 * exponential backoff, a dead-letter queue (`lede:dead`), one feed-polling schedule (a BullMQ job
 * scheduler with a fixed id, so every process that asks for it shares it), and graceful shutdown.
 *
 * A worker that dies (SIGKILL, power loss) stops renewing its job locks; after `lockMs` another
 * worker's stalled-job check puts those jobs back in the queue, so nothing is lost. Handlers are
 * idempotent, so a job that had in fact finished before the crash changes nothing the second time.
 */
import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { clampPercent } from "./in-process.ts";
import {
  DEFAULT_RETRY,
  type DeadLetter,
  type Handler,
  type Handlers,
  type JobRunner,
  type JobStatus,
  type NextJob,
  QUEUES,
  type QueueCounts,
  type QueueName,
  type RetryPolicy,
  type WorkOptions,
} from "./types.ts";

/** Key prefix of every queue in Redis. */
export const REDIS_PREFIX = "lede";
/** The dead-letter queue's name. */
export const DEAD_QUEUE = "dead";
/** The id of the single feed-polling schedule. */
export const POLL_SCHEDULER_ID = "lede-poll";
/** Default lock time of a running job: a dead worker's jobs come back after at most about this long. */
export const DEFAULT_LOCK_MS = 30_000;
/** How many times a job may be recovered from a dead worker before it fails. */
const MAX_STALLED = 5;
/**
 * Finished jobs kept, for de-duplication by id and for looking at. Fetch and link jobs are small (a URL,
 * two ids): a day, at most 100k. Process and store jobs carry a page or an article (~10-150 KB): an
 * hour, at most 1000, so Redis memory stays bounded; the store's idempotence covers the rest.
 */
const KEEP_COMPLETED: Record<QueueName, { age: number; count: number }> = {
  fetch: { age: 24 * 3600, count: 100_000 },
  process: { age: 3600, count: 1000 },
  store: { age: 3600, count: 1000 },
  link: { age: 24 * 3600, count: 100_000 },
  narrate: { age: 3600, count: 1000 }, // may carry the article text
};
/** Failed jobs kept: a week. */
const KEEP_FAILED = { age: 7 * 24 * 3600 };

/** Options of the BullMQ runner. */
export interface BullmqOptions {
  /** `redis://host:port/db` */
  readonly url: string;
  readonly retry?: RetryPolicy;
  /** Job lock time in ms (default 30 s); also the stalled-job check interval. */
  readonly lockMs?: number;
  /** Key prefix (default "lede"); tests use their own. */
  readonly prefix?: string;
}

/**
 * Create a BullMQ runner (connects lazily).
 *
 * @example const runner = createBullmqRunner({ url: "redis://127.0.0.1:6379" });
 */
export function createBullmqRunner(options: BullmqOptions): JobRunner {
  return new BullmqRunner(options);
}

type AnyQueue = Queue<unknown, unknown, string>;

class BullmqRunner implements JobRunner {
  readonly kind = "bullmq" as const;
  private readonly options: BullmqOptions;
  private readonly retry: RetryPolicy;
  private readonly connections: Redis[] = [];
  private readonly queues = new Map<QueueName, AnyQueue>();
  private readonly dead: AnyQueue;
  private readonly workers: Worker[] = [];
  private closing: Promise<void> | null = null;

  constructor(options: BullmqOptions) {
    this.options = options;
    this.retry = options.retry ?? DEFAULT_RETRY;
    const prefix = options.prefix ?? REDIS_PREFIX;
    for (const q of QUEUES) {
      this.queues.set(
        q,
        new Queue(q, {
          connection: this.connect(),
          prefix,
          defaultJobOptions: {
            attempts: this.retry.attempts,
            backoff: { type: "exponential", delay: this.retry.backoffMs },
            removeOnComplete: KEEP_COMPLETED[q],
            removeOnFail: KEEP_FAILED,
          },
        }),
      );
    }
    this.dead = new Queue(DEAD_QUEUE, { connection: this.connect(), prefix });
  }

  /** A new Redis connection (BullMQ needs `maxRetriesPerRequest: null` for blocking commands). */
  private connect(): Redis {
    const c = new Redis(this.options.url, { maxRetriesPerRequest: null, lazyConnect: false });
    c.on("error", () => {}); // reconnects by itself; errors surface on the commands that fail
    this.connections.push(c);
    return c;
  }

  async enqueue(...jobs: readonly NextJob[]): Promise<void> {
    const byQueue = new Map<QueueName, NextJob[]>();
    for (const j of jobs) byQueue.set(j.queue, [...(byQueue.get(j.queue) ?? []), j]);
    for (const [q, list] of byQueue) {
      await this.queues.get(q)!.addBulk(list.map((j) => ({ name: q, data: j.data, opts: { jobId: j.id } })));
    }
  }

  async work(handlers: Handlers, options: WorkOptions = {}): Promise<void> {
    const lockMs = this.options.lockMs ?? DEFAULT_LOCK_MS;
    for (const q of QUEUES) {
      const handler = handlers[q] as Handler<QueueName> | undefined;
      if (!handler) continue;
      const worker = new Worker(
        q,
        async (job: Job) => {
          const next = await handler(job.data as never, {
            id: job.id ?? "",
            queue: q,
            attempt: job.attemptsMade + 1,
            progress: (percent) => job.updateProgress(clampPercent(percent)),
          });
          if (next && next.length > 0) await this.enqueue(...next);
          return null;
        },
        {
          connection: this.connect(),
          prefix: this.options.prefix ?? REDIS_PREFIX,
          concurrency: Math.max(1, options.concurrency?.[q] ?? 1),
          lockDuration: lockMs,
          stalledInterval: lockMs,
          maxStalledCount: MAX_STALLED,
        },
      );
      worker.on("error", () => {}); // connection trouble: BullMQ retries
      worker.on("failed", (job, error) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === "UnrecoverableError";
        if (!final) return;
        const letter: DeadLetter = {
          queue: q,
          id: job.id ?? "",
          data: job.data,
          attempts: job.attemptsMade,
          error: error.message,
          at: new Date().toISOString(),
        };
        void this.dead
          .add(DEAD_QUEUE, letter, { jobId: `${q}-${job.id}` })
          .then(() => options.onDead?.(letter))
          .catch(() => {});
      });
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
  }

  async schedulePolling(everyMs: number): Promise<void> {
    await this.queues
      .get("fetch")!
      .upsertJobScheduler(POLL_SCHEDULER_ID, { every: everyMs }, { name: "poll", data: { kind: "poll" } });
  }

  async status(queue: QueueName, id: string): Promise<JobStatus | null> {
    const job = await this.queues.get(queue)!.getJob(id);
    if (!job) return null;
    const state = await job.getState();
    const percent = typeof job.progress === "number" ? clampPercent(job.progress) : 0;
    if (state === "completed") return { state, percent: 100 };
    if (state === "failed") return { state, percent, error: job.failedReason };
    if (state === "active") return { state, percent };
    if (state === "unknown") return null;
    return { state: "waiting", percent, ...(job.failedReason ? { error: job.failedReason } : {}) };
  }

  async counts(): Promise<QueueCounts> {
    const out = { dead: (await this.dead.getJobCounts("wait")).wait ?? 0 } as QueueCounts;
    for (const [q, queue] of this.queues) {
      const c = await queue.getJobCounts("wait", "active", "delayed", "prioritized");
      const schedulers = q === "fetch" ? await queue.getJobSchedulersCount() : 0;
      out[q] = {
        waiting: (c.wait ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        // The polling schedule keeps its next tick delayed; that is not pending work.
        delayed: Math.max(0, (c.delayed ?? 0) - schedulers),
      };
    }
    return out;
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const jobs = await this.dead.getJobs(["wait"], 0, Math.max(0, limit - 1));
    return jobs.map((j) => j.data as DeadLetter);
  }

  async idle(options: { pollMs?: number; timeoutMs?: number } = {}): Promise<void> {
    const until = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
    for (;;) {
      const c = await this.counts();
      if (QUEUES.every((q) => c[q].waiting + c[q].active + c[q].delayed === 0)) return;
      if (Date.now() > until) throw new Error(`jobs: not idle before the time-out: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled(this.workers.map((w) => w.close()));
      await Promise.allSettled([...this.queues.values(), this.dead].map((q) => q.close()));
      await Promise.allSettled(this.connections.map((c) => c.quit()));
      for (const c of this.connections) c.disconnect();
    })();
    return this.closing;
  }
}
