/**
 * Feed polling: when to poll next (pure), and one poll of one feed with conditional GET, returning the
 * new items, the new validators and the feed's health. The store keeps `FeedHealth` for `lede sources`.
 */
import type { LedeError, Result } from "../core/index.ts";
import { discoverFeeds } from "./discover.ts";
import { decodeFeedText, type Feed, type FeedItem, parseFeed } from "./feed.ts";
import { type FetchOptions, fetchUrl, parseRetryAfter } from "./fetch.ts";

/** Polling intervals, in ms. */
export const POLL_DEFAULTS = {
  /** Never poll one feed more often than this. */
  minDelayMs: 5 * 60_000,
  /** Interval when the feed says nothing (no TTL, no max-age). */
  defaultDelayMs: 30 * 60_000,
  /** Never wait longer than this, however often it failed. */
  maxDelayMs: 24 * 60 * 60_000,
} as const;

/** How a feed has been doing. */
export interface FeedHealth {
  readonly lastSuccessAt: string | null;
  readonly lastErrorAt: string | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly consecutiveFailures: number;
  /** HTTP status of the last poll (0 when there was no response). */
  readonly lastStatus: number | null;
}

/** Health of a feed never polled. */
export const NEW_HEALTH: FeedHealth = {
  lastSuccessAt: null,
  lastErrorAt: null,
  lastError: null,
  consecutiveFailures: 0,
  lastStatus: null,
};

function maxAge(cacheControl: string | undefined): number | null {
  const m = /(?:^|,)\s*(?:s-)?max-age\s*=\s*(\d+)/i.exec(cacheControl ?? "");
  return m ? Number(m[1]) * 1000 : null;
}

/**
 * How long to wait before polling a feed again.
 *
 * @param health the feed's health after the last poll
 * @param headers the last response's headers (lower-case names), `{}` if none
 * @param ttl the feed's TTL in minutes, or null
 * @param now the current time, for Retry-After dates
 * @returns milliseconds: the TTL or Cache-Control max-age (else 30 min), doubled per consecutive failure,
 *   at least any Retry-After, clamped to [5 min, 24 h]
 * @example nextPollDelay({ ...NEW_HEALTH, consecutiveFailures: 2 }, {}, null) // 2 hours
 */
export function nextPollDelay(
  health: FeedHealth,
  headers: Readonly<Record<string, string>>,
  ttl: number | null,
  now = Date.now(),
): number {
  const { minDelayMs, defaultDelayMs, maxDelayMs } = POLL_DEFAULTS;
  const fromFeed = Math.max(ttl && ttl > 0 ? ttl * 60_000 : 0, maxAge(headers["cache-control"]) ?? 0);
  let delay = fromFeed > 0 ? fromFeed : defaultDelayMs;
  if (health.consecutiveFailures > 0) delay *= 2 ** Math.min(health.consecutiveFailures, 10);
  const status = health.lastStatus ?? 0;
  const retryAfter = parseRetryAfter(headers["retry-after"], now);
  if (
    retryAfter !== null &&
    (status === 429 || status === 503 || status === 301 || health.consecutiveFailures > 0)
  ) {
    delay = Math.max(delay, retryAfter);
  } else if (status === 429 || status === 503) {
    delay = Math.max(delay, 2 * defaultDelayMs);
  }
  return Math.min(maxDelayMs, Math.max(minDelayMs, Math.round(delay)));
}

/** A feed to poll, with what the last poll remembered. */
export interface PollSource {
  readonly url: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly health?: FeedHealth;
  /** Ids (or URLs) of items already taken in; items not in it are new. */
  readonly seen?: ReadonlySet<string>;
}

export interface PollResult {
  /** `updated`: a feed was read; `not-modified`: 304; `failed`: see `error`. */
  readonly status: "updated" | "not-modified" | "failed";
  readonly feed: Feed | null;
  /** Items not in `source.seen`, in feed order. */
  readonly items: readonly FeedItem[];
  /** Validators to send next time. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly health: FeedHealth;
  /** Milliseconds until the next poll. */
  readonly nextPollMs: number;
  readonly error: LedeError | null;
  /** When the URL gave an HTML page instead of a feed: the feeds the page links to (a site redesign). */
  readonly discovered: readonly string[];
  /** The URL after redirects. */
  readonly finalUrl: string;
  /** The feed moved for good (only 301/308 redirects): store this URL instead. */
  readonly movedTo: string | null;
}

/** The key that says whether an item was seen: its id, else its URL, else its title. */
export function itemKey(item: FeedItem): string | null {
  return item.id ?? item.url ?? item.title;
}

/**
 * Poll one feed.
 *
 * @param source the feed URL, validators, health and seen item ids
 * @param options fetch options (allow list, limits, shared context)
 * @returns always ok: a poll that failed is `status: "failed"` with `error`, and its health and next delay updated
 * @example const r = await pollFeed({ url, etag, lastModified, seen }, {}); if (r.ok) store(r.value.items);
 */
export async function pollFeed(source: PollSource, options: FetchOptions = {}): Promise<Result<PollResult>> {
  const health = source.health ?? NEW_HEALTH;
  const now = new Date().toISOString();
  const fetched = await fetchUrl(source.url, {
    ...options,
    etag: source.etag ?? null,
    lastModified: source.lastModified ?? null,
    sourceKind: "feed",
    accept:
      "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5",
  });
  const fail = (
    error: LedeError,
    status: number,
    headers: Readonly<Record<string, string>>,
    discovered: string[] = [],
  ) => {
    const h: FeedHealth = {
      ...health,
      lastErrorAt: now,
      lastError: { code: error.code, message: error.message },
      consecutiveFailures: health.consecutiveFailures + 1,
      lastStatus: status,
    };
    const retryAfter = (error as { retryAfterMs?: number | null }).retryAfterMs;
    const hdrs = retryAfter ? { ...headers, "retry-after": String(Math.ceil(retryAfter / 1000)) } : headers;
    return {
      ok: true as const,
      value: {
        status: "failed" as const,
        feed: null,
        items: [],
        etag: source.etag ?? null,
        lastModified: source.lastModified ?? null,
        health: h,
        nextPollMs: nextPollDelay(h, hdrs, null),
        error,
        discovered,
        finalUrl: source.url,
        movedTo: null,
      },
    };
  };
  if (!fetched.ok) return fail(fetched.error, (fetched.error as { status?: number }).status ?? 0, {});
  const doc = fetched.value;
  const ok = (status: number): FeedHealth => ({
    ...health,
    lastSuccessAt: now,
    consecutiveFailures: 0,
    lastStatus: status,
  });
  if (doc.notModified) {
    const h = ok(304);
    return {
      ok: true,
      value: {
        status: "not-modified",
        feed: null,
        items: [],
        etag: doc.headers.etag ?? source.etag ?? null,
        lastModified: doc.headers["last-modified"] ?? source.lastModified ?? null,
        health: h,
        nextPollMs: nextPollDelay(h, doc.headers, null),
        error: null,
        discovered: [],
        finalUrl: doc.url ?? source.url,
        movedTo: doc.movedTo,
      },
    };
  }
  const parsed = parseFeed(doc.body, {
    url: doc.url ?? source.url,
    ...(doc.contentType ? { contentType: doc.contentType } : {}),
  });
  if (!parsed.ok) {
    const discovered = discoverFeeds(decodeFeedText(doc.body, doc.contentType), doc.url ?? source.url);
    return fail(parsed.error, doc.status, doc.headers, discovered);
  }
  const feed = parsed.value;
  const seen = source.seen ?? new Set<string>();
  const items = feed.items.filter((i) => {
    const k = itemKey(i);
    return k === null || !seen.has(k);
  });
  const h = ok(doc.status);
  return {
    ok: true,
    value: {
      status: "updated",
      feed,
      items,
      etag: doc.headers.etag ?? null,
      lastModified: doc.headers["last-modified"] ?? null,
      health: h,
      nextPollMs: nextPollDelay(h, doc.headers, feed.ttl),
      error: null,
      discovered: [],
      finalUrl: doc.url ?? source.url,
      movedTo: doc.movedTo,
    },
  };
}
