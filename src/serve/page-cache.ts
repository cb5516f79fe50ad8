/**
 * A small in-memory cache of rendered pages, so a busy desk does not re-render the same HTML for every
 * reader. Entries expire after their time to live and the whole cache is emptied whenever an article is
 * added or updated (the event bus), so nothing stale outlives a change by more than the TTL on another
 * server process. Bounded: the oldest entry goes first when it is full.
 */

export class PageCache {
  private readonly entries = new Map<string, { readonly value: string; readonly until: number }>();
  private readonly max: number;
  private readonly clock: () => number;

  /**
   * @param max most entries kept
   * @param clock milliseconds now (tests pass their own)
   */
  constructor(max = 1000, clock: () => number = Date.now) {
    this.max = max;
    this.clock = clock;
  }

  /**
   * The cached value of `key`, or the value `render` makes (then cached for `ttlMs`; null is not cached).
   *
   * @example const page = await cache.get("home", 1000, () => renderHome());
   */
  async get(key: string, ttlMs: number, render: () => Promise<string | null>): Promise<string | null> {
    const hit = this.entries.get(key);
    const now = this.clock();
    if (hit && hit.until > now) return hit.value;
    const value = await render();
    if (ttlMs > 0 && value !== null) {
      this.entries.delete(key);
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, until: now + ttlMs });
    }
    return value;
  }

  /** Forget everything (an article was added or updated). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
