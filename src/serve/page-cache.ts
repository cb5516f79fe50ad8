/**
 * A small in-memory cache of rendered pages, so a busy desk does not re-render the same HTML for every
 * reader. Entries expire after their time to live and the whole cache is emptied whenever an article is
 * added or updated (the event bus), so nothing stale outlives a change by more than the TTL on another
 * server process. Bounded: the oldest entry goes first when it is full.
 */
import { gzipSync } from "node:zlib";
import type { Context } from "hono";

export class PageCache<T = string> {
  private readonly entries = new Map<string, { readonly value: T; readonly until: number }>();
  /** Renders under way, shared by every request that misses meanwhile (one render per key at a time). */
  private readonly pending = new Map<string, Promise<T | null>>();
  private generation = 0;
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
   * An expired value is still returned while one render replaces it in the background (stale while
   * revalidate), so a busy page never stalls all its readers at once; after `clear()` nothing stale is left.
   *
   * @example const page = await cache.get("home", 1000, () => renderHome());
   */
  async get(key: string, ttlMs: number, render: () => Promise<T | null>): Promise<T | null> {
    const hit = this.entries.get(key);
    if (hit && hit.until > this.clock()) return hit.value;
    const refresh = this.refresh(key, ttlMs, render);
    return hit ? hit.value : refresh;
  }

  private refresh(key: string, ttlMs: number, render: () => Promise<T | null>): Promise<T | null> {
    const running = this.pending.get(key);
    if (running) return running;
    const generation = this.generation;
    const job = render()
      .then((value) => {
        // A clear() while rendering means the value may already be stale: do not keep it.
        if (ttlMs > 0 && value !== null && generation === this.generation) {
          this.entries.delete(key);
          if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
          this.entries.set(key, { value, until: this.clock() + ttlMs });
        }
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, job);
    return job;
  }

  /**
   * Forget everything (an article was added or updated), or everything but the entries `keep` names.
   * Renders under way are never kept (they may have read the old state).
   */
  clear(keep?: (key: string) => boolean): void {
    if (keep) {
      for (const key of [...this.entries.keys()]) if (!keep(key)) this.entries.delete(key);
    } else this.entries.clear();
    this.pending.clear();
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A page ready to send: its UTF-8 bytes and, for clients that accept it, the same gzipped. */
export interface EncodedPage {
  readonly html: Uint8Array<ArrayBuffer>;
  readonly gzip: Uint8Array<ArrayBuffer>;
}

/**
 * Encode a rendered page once, so cached pages are sent without re-encoding (and gzipped for clients
 * that ask, without compressing per request).
 */
export function encodePage(html: string): EncodedPage {
  const bytes = new TextEncoder().encode(html);
  return { html: bytes, gzip: new Uint8Array(gzipSync(bytes, { level: GZIP_LEVEL })) };
}

/**
 * Send an encoded page: gzipped when the client accepts it, else plain.
 *
 * @param c the request's context
 * @param page the encoded page
 * @param type its media type
 */
export function sendEncoded(c: Context, page: EncodedPage, type = "text/html; charset=UTF-8"): Response {
  const gzip = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
  c.header("Vary", "Accept-Encoding");
  if (gzip) c.header("Content-Encoding", "gzip");
  return c.body(gzip ? page.gzip : page.html, 200, { "Content-Type": type });
}

/** zlib's default balance of size and speed. */
const GZIP_LEVEL = 6;
