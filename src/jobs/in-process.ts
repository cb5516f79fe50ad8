/**
 * The in-process runner: the default, needing nothing but Node. Queues live in memory; jobs are
 * retried with exponential backoff and dead-lettered after the last attempt; `close()` waits for
 * running jobs. Work does not survive the process: a restart re-polls the feeds, and idempotent
 * handlers make that safe.
 */
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

/** Finished job ids remembered for de-duplication (oldest forgotten first). */
const REMEMBER_DONE = 100_000;
/** Dead letters kept. */
const MAX_DEAD = 1000;
/** Job states remembered for `status` (oldest forgotten first). */
const REMEMBER_STATUS = 10_000;

interface Pending {
  readonly job: NextJob;
  attempt: number;
}

interface QueueState {
  readonly waiting: Pending[];
  active: number;
  delayed: number;
  concurrency: number;
  handler: Handler<QueueName> | undefined;
}

/** Options of the in-process runner. */
export interface InProcessOptions {
  readonly retry?: RetryPolicy;
}

/**
 * Create an in-process runner.
 *
 * @example const runner = createInProcessRunner(); await runner.work(handlers); await runner.enqueue(job);
 */
export function createInProcessRunner(options: InProcessOptions = {}): JobRunner {
  return new InProcessRunner(options.retry ?? DEFAULT_RETRY);
}

class InProcessRunner implements JobRunner {
  readonly kind = "in-process" as const;
  private readonly retry: RetryPolicy;
  private readonly queues = new Map<QueueName, QueueState>();
  /** Ids waiting, running or delayed. */
  private readonly known = new Set<string>();
  /** Ids recently finished, in finishing order. */
  private readonly done = new Set<string>();
  private readonly dead: DeadLetter[] = [];
  /** State and progress per `queue/id`, newest last. */
  private readonly states = new Map<string, JobStatus>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private options: WorkOptions = {};
  private closed = false;

  constructor(retry: RetryPolicy) {
    this.retry = retry;
    for (const q of QUEUES)
      this.queues.set(q, { waiting: [], active: 0, delayed: 0, concurrency: 1, handler: undefined });
  }

  async enqueue(...jobs: readonly NextJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.closed || this.known.has(job.id) || this.done.has(job.id)) continue;
      this.known.add(job.id);
      this.setState(job.queue, job.id, { state: "waiting", percent: 0 });
      this.queues.get(job.queue)!.waiting.push({ job, attempt: 1 });
      this.pump(job.queue);
    }
  }

  async work(handlers: Handlers, options: WorkOptions = {}): Promise<void> {
    this.options = options;
    for (const q of QUEUES) {
      const state = this.queues.get(q)!;
      state.handler = handlers[q] as Handler<QueueName> | undefined;
      state.concurrency = Math.max(1, options.concurrency?.[q] ?? 1);
      this.pump(q);
    }
  }

  async schedulePolling(everyMs: number): Promise<void> {
    let slot = 0;
    const tick = () =>
      void this.enqueue({ queue: "fetch", id: `poll-${slot++}-${Date.now()}`, data: { kind: "poll" } });
    tick();
    const timer = setInterval(tick, everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  private pump(q: QueueName): void {
    const state = this.queues.get(q)!;
    while (!this.closed && state.handler && state.active < state.concurrency && state.waiting.length > 0) {
      const p = state.waiting.shift()!;
      state.active++;
      const run = this.run(state, p).finally(() => {
        state.active--;
        this.running.delete(run);
        this.pump(q);
      });
      this.running.add(run);
    }
  }

  private async run(state: QueueState, p: Pending): Promise<void> {
    const { job } = p;
    this.setState(job.queue, job.id, { state: "active", percent: 0 });
    const progress = async (percent: number) => {
      this.setState(job.queue, job.id, { state: "active", percent: clampPercent(percent) });
    };
    try {
      const next = await state.handler!(job.data, {
        id: job.id,
        queue: job.queue,
        attempt: p.attempt,
        progress,
      });
      this.finish(job.id);
      this.setState(job.queue, job.id, { state: "completed", percent: 100 });
      if (next && next.length > 0) await this.enqueue(...next);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (p.attempt >= this.retry.attempts || this.closed) {
        this.finish(job.id);
        this.setState(job.queue, job.id, { state: "failed", percent: 0, error: message });
        const letter: DeadLetter = {
          queue: job.queue,
          id: job.id,
          data: job.data,
          attempts: p.attempt,
          error: message,
          at: new Date().toISOString(),
        };
        this.dead.unshift(letter);
        this.dead.length = Math.min(this.dead.length, MAX_DEAD);
        await this.options.onDead?.(letter);
        return;
      }
      // Closed: no retry is scheduled (a job failing as the runner shuts down must not keep it alive).
      if (this.closed) return;
      state.delayed++;
      this.setState(job.queue, job.id, { state: "waiting", percent: 0, error: message });
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          state.delayed--;
          p.attempt++;
          state.waiting.push(p);
          this.pump(job.queue);
        },
        this.retry.backoffMs * 2 ** (p.attempt - 1),
      );
      this.timers.add(timer);
    }
  }

  private finish(id: string): void {
    this.known.delete(id);
    this.done.add(id);
    if (this.done.size > REMEMBER_DONE) this.done.delete(this.done.values().next().value!);
  }

  private setState(queue: QueueName, id: string, status: JobStatus): void {
    const key = `${queue}/${id}`;
    this.states.delete(key);
    this.states.set(key, status);
    if (this.states.size > REMEMBER_STATUS) this.states.delete(this.states.keys().next().value!);
  }

  async status(queue: QueueName, id: string): Promise<JobStatus | null> {
    return this.states.get(`${queue}/${id}`) ?? null;
  }

  async counts(): Promise<QueueCounts> {
    const out = { dead: this.dead.length } as QueueCounts;
    for (const [q, s] of this.queues)
      out[q] = { waiting: s.waiting.length, active: s.active, delayed: s.delayed };
    return out;
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    return this.dead.slice(0, limit);
  }

  async idle(options: { pollMs?: number; timeoutMs?: number } = {}): Promise<void> {
    const until = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
    for (;;) {
      const busy = [...this.queues.values()].some((s) => s.waiting.length + s.active + s.delayed > 0);
      if (!busy) return;
      if (Date.now() > until) throw new Error("jobs: not idle before the time-out");
      await new Promise((r) => setTimeout(r, options.pollMs ?? 20));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t);
      clearInterval(t);
    }
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}

/** A reported percentage as a whole number from 0 to 100 (anything else is 0). */
export function clampPercent(percent: number): number {
  return Number.isFinite(percent) ? Math.max(0, Math.min(100, Math.round(percent))) : 0;
}
