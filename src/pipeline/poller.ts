/**
 * The in-process feed poller of `lede start`: polls each subscribed source when it is due (conditional
 * GET, TTL, backoff and Retry-After from the acquire stage), records its health in the store, and
 * takes in each new item's page through the Ingester. One feed's failure never stops the others.
 * (At scale the same work runs as BullMQ repeatable jobs; see src/jobs.)
 */
import {
  type FeedHealth,
  type FeedItem,
  type FetchOptions,
  fetchUrl,
  itemKey,
  NEW_HEALTH,
  pollFeed,
  withFurtherPages,
} from "../acquire/index.ts";
import type { Document } from "../core/index.ts";
import type { SourceRecord, Store } from "../store/index.ts";
import type { Ingester } from "./ingester.ts";

export interface PollerOptions {
  readonly store: Store;
  readonly ingester: Ingester;
  readonly fetch?: FetchOptions;
  /** How often to look for due sources, in ms (default 5 s). */
  readonly tickMs?: number;
  /** Feeds polled at once (default 4). */
  readonly concurrency?: number;
  /** Most new items taken from one poll (default 50). */
  readonly maxItemsPerPoll?: number;
  readonly log?: (line: string) => void;
}

/** What one poll of one source did. */
export interface PollReport {
  readonly source: string;
  readonly status: "updated" | "not-modified" | "failed";
  readonly newItems: number;
  readonly stored: number;
  readonly failed: number;
  readonly error: string | null;
}

function healthOf(s: SourceRecord): FeedHealth {
  return {
    ...NEW_HEALTH,
    lastSuccessAt: s.lastSuccessAt,
    lastErrorAt: s.lastErrorAt,
    lastError: s.lastErrorCode ? { code: s.lastErrorCode, message: s.lastErrorMessage ?? "" } : null,
    consecutiveFailures: s.consecutiveFailures,
  };
}

export class Poller {
  private readonly options: PollerOptions;
  /** Item keys taken in per source (in memory: after a restart items are seen again, and stored ones come back `unchanged`). */
  private readonly seen = new Map<number, Set<string>>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(options: PollerOptions) {
    this.options = options;
  }

  /** Start polling in the background. */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.pollDue().then(
        () => undefined,
        (e) => this.options.log?.(`poller: ${(e as Error).message}`),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.options.tickMs ?? 5000);
    };
    void tick();
  }

  /** Stop and wait for the current round to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Poll every source that is due now; returns what each poll did. */
  async pollDue(now = new Date()): Promise<PollReport[]> {
    const due = (await this.options.store.listSources()).filter(
      (s) => s.kind === "feed" && (s.nextPollAt === null || s.nextPollAt <= now.toISOString()),
    );
    const reports: PollReport[] = [];
    const width = Math.max(1, this.options.concurrency ?? 4);
    for (let i = 0; i < due.length && !this.stopped; i += width) {
      reports.push(...(await Promise.all(due.slice(i, i + width).map((s) => this.pollSource(s)))));
    }
    return reports;
  }

  /** Poll one source now, record its health and take in its new items. */
  async pollSource(source: SourceRecord): Promise<PollReport> {
    const { store } = this.options;
    const seen = this.seen.get(source.id) ?? new Set<string>();
    this.seen.set(source.id, seen);
    const r = await pollFeed(
      {
        url: source.url,
        etag: source.etag,
        lastModified: source.lastModified,
        health: healthOf(source),
        seen,
      },
      this.options.fetch ?? {},
    );
    if (!r.ok) throw new Error(`poll of ${source.url} failed unexpectedly: ${r.error.message}`);
    const p = r.value;
    const nextPollAt = new Date(Date.now() + p.nextPollMs).toISOString();
    await store.updateSource(source.id, {
      etag: p.etag,
      lastModified: p.lastModified,
      lastSuccessAt: p.health.lastSuccessAt,
      lastErrorAt: p.health.lastErrorAt,
      lastErrorCode: p.health.lastError?.code ?? null,
      lastErrorMessage: p.health.lastError?.message ?? null,
      consecutiveFailures: p.health.consecutiveFailures,
      nextPollAt,
      ...(p.feed?.title && !source.title ? { title: p.feed.title } : {}),
    });
    if (p.status === "failed") {
      const why = `${p.error?.code ?? "error"}: ${p.error?.message ?? ""}${p.discovered.length > 0 ? ` (the page links to feeds: ${p.discovered.join(", ")})` : ""}`;
      this.options.log?.(`poll ${source.url}: ${why}`);
      return { source: source.url, status: "failed", newItems: 0, stored: 0, failed: 0, error: why };
    }
    let stored = 0;
    let failed = 0;
    const items = p.items.slice(0, this.options.maxItemsPerPoll ?? 50);
    for (const item of items) {
      if (this.stopped) break;
      const ok = await this.takeItem(item, source);
      const key = itemKey(item);
      if (key) seen.add(key);
      if (ok) stored++;
      else failed++;
    }
    return { source: source.url, status: p.status, newItems: items.length, stored, failed, error: null };
  }

  /** Fetch an item's page (or use the feed's full content when the page cannot be had) and ingest it. */
  private async takeItem(item: FeedItem, source: SourceRecord): Promise<boolean> {
    const hints: { title?: string; published?: string; authors?: readonly string[] } = {};
    if (item.title) hints.title = item.title;
    if (item.published) hints.published = item.published;
    if (item.authors.length > 0) hints.authors = item.authors;
    let doc: Document | null = null;
    if (item.url) {
      const fetchPage = (url: string) =>
        fetchUrl(url, { ...this.options.fetch, sourceKind: "feed", input: url });
      const fetched = await fetchPage(item.url);
      if (fetched.ok)
        doc = { ...(await withFurtherPages(fetched.value, fetchPage)), sourceId: source.id, hints };
    }
    if (!doc && item.contentHtml) {
      doc = {
        input: item.url ?? `${source.url}#${item.id ?? item.title ?? "item"}`,
        url: item.url,
        body: new TextEncoder().encode(item.contentHtml),
        contentType: "text/html; charset=utf-8",
        headers: {},
        fetchedAt: new Date().toISOString(),
        sourceKind: "feed",
        sourceId: source.id,
        hints,
      };
    }
    if (!doc) return false;
    const r = await this.options.ingester.ingest(doc);
    return r.ok;
  }
}
