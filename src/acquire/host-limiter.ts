/**
 * Politeness per host: at most `concurrency` requests in flight to one host, and at least
 * `minIntervalMs` between the starts of two requests to it (raised by a robots.txt Crawl-delay).
 */

export interface HostLimiterOptions {
  /** Requests in flight per host (default 2). */
  readonly concurrency?: number;
  /** Least time between two request starts to one host, in ms (default 1000). */
  readonly minIntervalMs?: number;
}

interface HostState {
  active: number;
  lastStart: number;
  intervalMs: number;
  waiting: (() => void)[];
}

/** Largest Crawl-delay honoured, in ms: a site asking for more is still fetched at this pace. */
const MAX_CRAWL_DELAY_MS = 30_000;

/**
 * A per-host gate. `acquire(host)` resolves when a request may start; call the returned release when done.
 *
 * @example const release = await limiter.acquire("example.com"); try { ... } finally { release(); }
 */
export class HostLimiter {
  readonly #concurrency: number;
  readonly #minIntervalMs: number;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: HostLimiterOptions = {}) {
    this.#concurrency = Math.max(1, options.concurrency ?? 2);
    this.#minIntervalMs = Math.max(0, options.minIntervalMs ?? 1000);
  }

  #state(host: string): HostState {
    let s = this.#hosts.get(host);
    if (!s) {
      s = { active: 0, lastStart: 0, intervalMs: this.#minIntervalMs, waiting: [] };
      this.#hosts.set(host, s);
    }
    return s;
  }

  /** Raise the interval of one host (a robots.txt Crawl-delay in seconds). */
  setCrawlDelay(host: string, seconds: number): void {
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    const s = this.#state(host);
    s.intervalMs = Math.max(this.#minIntervalMs, Math.min(MAX_CRAWL_DELAY_MS, seconds * 1000));
  }

  /** Wait for a slot on a host; returns the function that gives it back. */
  async acquire(host: string): Promise<() => void> {
    const s = this.#state(host);
    while (s.active >= this.#concurrency) {
      await new Promise<void>((resolve) => s.waiting.push(resolve));
    }
    s.active++;
    const wait = s.lastStart + s.intervalMs - Date.now();
    s.lastStart = Math.max(Date.now(), s.lastStart + s.intervalMs);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.active--;
      s.waiting.shift()?.();
    };
  }
}
