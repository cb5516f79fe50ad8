/**
 * Alerts: every saved search with a webhook is looked at now and then (and soon after articles arrive);
 * articles stored since its last look that match are POSTed to its webhook as JSON, signed with the
 * alert's secret (`X-Lede-Signature: sha256=<hex HMAC of the body>`). A failed call is tried again on
 * the next look with the same articles; after `maxFailures` failures in a row the alert pauses until
 * it is saved again. A new alert starts from the articles stored after it was made.
 */
import { createHmac } from "node:crypto";
import { postJson } from "../acquire/index.ts";
import type { AlertRecord, ArticleQuery, Store } from "../store/index.ts";

/** Matches sent per call, newest first. */
const MAX_MATCHES = 20;

export interface AlertRunnerOptions {
  /** Turns a saved query into store filters (the search page's language). */
  readonly parse: (query: string) => ArticleQuery;
  /** Address of the reader, for article links in the payload (e.g. `http://127.0.0.1:8080`). */
  readonly baseUrl: string;
  /** Private hosts webhooks may reach (default: `LEDE_FETCH_ALLOW`). */
  readonly allow?: readonly string[];
  /** How often alerts are looked at without a wake-up, in ms (default 60 s). */
  readonly pollMs?: number;
  /** Failed calls in a row before an alert pauses (default 10). */
  readonly maxFailures?: number;
}

/** What a webhook receives. */
export interface AlertPayload {
  readonly alert: { readonly id: number; readonly query: string };
  readonly articles: ReadonlyArray<{
    readonly id: number;
    readonly title: string | null;
    readonly url: string | null;
    readonly siteName: string | null;
    readonly published: string | null;
    readonly link: string;
    readonly snippet: string;
  }>;
}

/** The signature header value of a body. */
export function signAlert(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export class AlertRunner {
  private timer: NodeJS.Timeout | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: AlertRunnerOptions,
  ) {}

  /** Look at every alert every `pollMs` until `close()`. */
  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.wake(0), this.options.pollMs ?? 60_000);
    this.timer.unref();
  }

  /** Look soon (articles arrived); calls close together make one look. */
  wake(delayMs = 500): void {
    if (this.wakeTimer || this.closed) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.running = this.running
        .then(() => this.runOnce())
        .catch((e: Error) => {
          console.error(`alerts: ${e.message}`);
        });
    }, delayMs);
    this.wakeTimer.unref();
  }

  /** Look at every alert once; resolves when the calls are made. */
  async runOnce(): Promise<void> {
    const alerts = await this.store.alerts.list();
    for (const alert of alerts) {
      if (this.closed) return;
      if (alert.failures >= (this.options.maxFailures ?? 10)) continue;
      await this.check(alert);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    await this.running;
  }

  private async check(alert: AlertRecord): Promise<void> {
    if (alert.lastArticleId === null) {
      await this.store.alerts.update(alert.id, { lastArticleId: await this.store.alerts.lastArticleId() });
      return;
    }
    const hits = await this.store.searchArticles(this.options.parse(alert.query), {
      afterId: alert.lastArticleId,
      limit: MAX_MATCHES,
    });
    if (hits.length === 0) return;
    const base = this.options.baseUrl.replace(/\/+$/, "");
    const payload: AlertPayload = {
      alert: { id: alert.id, query: alert.query },
      articles: [...hits]
        .sort((a, b) => b.id - a.id)
        .map((h) => ({
          id: h.id,
          title: h.title,
          url: h.url,
          siteName: h.siteName,
          published: h.published,
          link: `${base}/articles/${h.id}`,
          snippet: h.snippet,
        })),
    };
    const body = JSON.stringify(payload);
    const sent = await postJson(alert.webhook, payload, {
      ...(this.options.allow ? { allow: this.options.allow } : {}),
      headers: { "x-lede-signature": signAlert(alert.secret, body), "x-lede-alert": String(alert.id) },
    });
    const newest = Math.max(...hits.map((h) => h.id));
    if (sent.ok && sent.value >= 200 && sent.value < 300) {
      await this.store.alerts.update(alert.id, {
        lastArticleId: newest,
        lastSentAt: new Date().toISOString(),
        lastError: null,
        failures: 0,
      });
    } else {
      const why = sent.ok ? `HTTP ${sent.value}` : `${sent.error.code}: ${sent.error.message}`;
      await this.store.alerts.update(alert.id, { lastError: why, failures: alert.failures + 1 });
    }
  }
}
