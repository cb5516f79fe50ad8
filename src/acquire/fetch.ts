/**
 * The fetcher: one URL to one Document, politely and safely. Redirects (each hop re-checked), time-outs,
 * a body cap and a decompression cap, robots.txt, per-host limits, retries with jitter, conditional GET,
 * and the SSRF guard: the host is resolved, every address checked, and the connection made to a checked
 * address (so a second DNS answer cannot rebind it).
 */

import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { Agent, request } from "undici";
import { type Document, err, LedeError, LIMITS, ok, type Result, type SourceKind } from "../core/index.ts";
import {
  type AllowList,
  allowFromEnv,
  blockedReason,
  hostAllowed,
  isIpLiteral,
  parseAllowList,
} from "./address.ts";
import { HostLimiter } from "./host-limiter.ts";
import { ROBOTS_MAX_BYTES, RobotsCache, type RobotsFetch } from "./robots.ts";

/** The User-Agent Lede sends: a product token robots.txt can name, and where to read about it. */
export const USER_AGENT = "Lede/0.1 (+https://github.com/lede-news/lede)";
/** The token matched against robots.txt `User-agent:` lines. */
export const ROBOTS_TOKEN = "Lede";

/** Default limits of the fetcher. */
export const FETCH_DEFAULTS = {
  maxRedirects: 10,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 20_000,
  bodyTimeoutMs: 20_000,
  totalTimeoutMs: 60_000,
  retries: 2,
  retryBaseMs: 500,
  maxRetryDelayMs: 30_000,
} as const;

/** State shared by many fetches: per-host limits and the robots cache. */
export interface FetchContext {
  readonly limiter: HostLimiter;
  readonly robots: RobotsCache;
}

/**
 * Create fetch state (one per process or per polling run).
 *
 * @example const ctx = createFetchContext({ concurrency: 2, minIntervalMs: 1000 });
 */
export function createFetchContext(
  options: { concurrency?: number; minIntervalMs?: number } = {},
): FetchContext {
  return { limiter: new HostLimiter(options), robots: new RobotsCache() };
}

let defaultContext: FetchContext | undefined;

export interface FetchOptions {
  /** Hosts or CIDR ranges that may be reached although private (default: `LEDE_FETCH_ALLOW`). */
  readonly allow?: readonly string[];
  readonly userAgent?: string;
  /** Accept header (default prefers HTML and feeds). */
  readonly accept?: string;
  /** Largest body as sent, in bytes (default 10 MB). */
  readonly maxBytes?: number;
  /** Largest body after decompression, in bytes (default 50 MB). */
  readonly maxDecompressedBytes?: number;
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  /** Longest silence while reading the body. */
  readonly bodyTimeoutMs?: number;
  /** Longest time for one attempt, redirects included. */
  readonly totalTimeoutMs?: number;
  readonly maxRedirects?: number;
  /** Extra attempts after a network error, a time-out, 429 or 5xx (default 2). */
  readonly retries?: number;
  /** Base of the exponential backoff, in ms (default 500). */
  readonly retryBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails with it (default 30 s). */
  readonly maxRetryDelayMs?: number;
  /** Validators of a previous response, for a conditional GET. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Obey robots.txt (default true). */
  readonly robots?: boolean;
  /** Shared limiter and robots cache (default: one per process). */
  readonly context?: FetchContext;
  /** Resolve a host name to addresses (default: the system resolver). For tests and custom DNS. */
  readonly resolve?: (hostname: string) => Promise<string[]>;
  /** `input` of the Document (default: the URL). */
  readonly input?: string;
  readonly sourceKind?: SourceKind;
  readonly signal?: AbortSignal;
}

/** A fetched Document with what HTTP said about it. */
export interface Fetched extends Document {
  /** The HTTP status (304 when not modified). */
  readonly status: number;
  /** True for 304 Not Modified: the body is empty and the caller's copy is current. */
  readonly notModified: boolean;
  /** Every URL visited, first to last. */
  readonly redirects: readonly string[];
  /** The final URL when every redirect was permanent (301/308): the address to keep using. Else null. */
  readonly movedTo: string | null;
}

/** A fetch failure with what HTTP said, when it said something. */
export class FetchError extends LedeError {
  /** HTTP status, or 0 when there was no response. */
  readonly status: number;
  /** The server's Retry-After, in ms, if it gave one. */
  readonly retryAfterMs: number | null;
  readonly url: string;

  constructor(
    code: LedeError["code"],
    message: string,
    url: string,
    extra: { status?: number; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super("acquire", code, `fetch: ${message} [GET ${url}]`, extra.cause);
    this.status = extra.status ?? 0;
    this.retryAfterMs = extra.retryAfterMs ?? null;
    this.url = url;
  }
}

/**
 * Parse a Retry-After header (seconds or an HTTP date) into ms from now.
 *
 * @example parseRetryAfter("120") // 120000
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** The guard as one object, shared by the connect lookup and the literal-address check. */
interface Guard {
  readonly allow: AllowList;
  readonly resolve: (hostname: string) => Promise<string[]>;
  /** Set by the lookup when it refused a host. */
  refused: FetchError | null;
}

async function systemResolve(hostname: string): Promise<string[]> {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => a.address);
}

function checkLiteral(url: URL, guard: Guard): FetchError | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!isIpLiteral(host) || hostAllowed(host, guard.allow)) return null;
  const why = blockedReason(host, guard.allow);
  return why ? new FetchError("blocked-address", `refused ${why} address ${host}`, url.href) : null;
}

function makeAgent(guard: Guard, o: FetchOptions): Agent {
  type Callback = (
    e: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void;
  const lookup = (hostname: string, opts: { all?: boolean }, cb: Callback): void => {
    guard
      .resolve(hostname)
      .then((addresses) => {
        const allowed = hostAllowed(hostname, guard.allow);
        const good = allowed ? addresses : addresses.filter((a) => blockedReason(a, guard.allow) === null);
        if (good.length === 0) {
          const why =
            addresses.map((a) => `${a} (${blockedReason(a, guard.allow)})`).join(", ") || "no address";
          guard.refused = new FetchError(
            "blocked-address",
            `refused ${hostname}: resolves to ${why}`,
            hostname,
          );
          const e: NodeJS.ErrnoException = new Error(guard.refused.message);
          e.code = "EACCES";
          cb(e, "");
          return;
        }
        const list = good.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
        if (opts.all) cb(null, list);
        else cb(null, list[0]!.address, list[0]!.family);
      })
      .catch((e: NodeJS.ErrnoException) => cb(e, ""));
  };
  return new Agent({
    connect: { lookup: lookup as never, timeout: o.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs },
    headersTimeout: o.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs,
    bodyTimeout: o.bodyTimeoutMs ?? FETCH_DEFAULTS.bodyTimeoutMs,
    connections: 4,
  });
}

/**
 * Undo Content-Encoding with a cap on the output.
 *
 * @returns the decoded bytes, or an error `too-large` (a decompression bomb) or `decode`
 */
export function decodeContentEncoding(
  body: Uint8Array,
  encoding: string | undefined,
  max: number,
): Result<Uint8Array> {
  const codings = (encoding ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "identity")
    .reverse();
  let out = body;
  for (const c of codings) {
    try {
      if (c === "gzip" || c === "x-gzip") out = gunzipSync(out, { maxOutputLength: max });
      else if (c === "br") out = brotliDecompressSync(out, { maxOutputLength: max });
      else if (c === "deflate") {
        try {
          out = inflateSync(out, { maxOutputLength: max });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw e;
          out = inflateRawSync(out, { maxOutputLength: max });
        }
      } else return err(new LedeError("acquire", "decode", `fetch: unknown content encoding ${c}`));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || /larger than/i.test(String(e))) {
        return err(new LedeError("acquire", "too-large", `fetch: decompresses to more than ${max} bytes`, e));
      }
      // Servers that say gzip and send plain bytes are common: keep the bytes when they are not compressed.
      if (!(out[0] === 0x1f && out[1] === 0x8b) && c !== "br") continue;
      return err(
        new LedeError("acquire", "decode", `fetch: cannot decode ${c} body: ${(e as Error).message}`, e),
      );
    }
  }
  return ok(out);
}

interface Attempt {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
  readonly url: string;
  readonly chain: string[];
  readonly permanent: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A FetchError's message without the `fetch:` prefix and `[GET url]` suffix. */
function stripped(e: LedeError): string {
  return e.message.replace(/^fetch: /, "").replace(/ \[GET [^\]]*\]$/, "");
}

function networkError(e: unknown, url: string, guard: Guard, signal: AbortSignal): FetchError {
  if (guard.refused) return new FetchError("blocked-address", stripped(guard.refused), url);
  const code = (e as { code?: string })?.code ?? "";
  const timedOut =
    signal.aborted ||
    /TIMEOUT/i.test(code) ||
    (e as Error)?.name === "TimeoutError" ||
    (e as Error)?.name === "AbortError";
  if (timedOut)
    return new FetchError("timeout", `timed out (${code || (e as Error)?.name})`, url, { cause: e });
  return new FetchError("network", `${(e as Error)?.message ?? String(e)}${code ? ` (${code})` : ""}`, url, {
    cause: e,
  });
}

/** One GET without redirects; reads the body with the cap. */
async function getOnce(
  url: URL,
  agent: Agent,
  guard: Guard,
  signal: AbortSignal,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<Result<{ status: number; headers: Record<string, string>; body: Uint8Array }, FetchError>> {
  const literal = checkLiteral(url, guard);
  if (literal) return err(literal);
  guard.refused = null;
  let res: Awaited<ReturnType<typeof request>>;
  try {
    // undici's request() does not follow redirects by itself: each hop is ours to check.
    res = await request(url, { method: "GET", dispatcher: agent, headers, signal });
  } catch (e) {
    return err(networkError(e, url.href, guard, signal));
  }
  const h = flatHeaders(res.headers as Record<string, string | string[] | undefined>);
  const declared = Number(h["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.body.destroy();
    return err(
      new FetchError("too-large", `body of ${declared} bytes is over the limit of ${maxBytes}`, url.href),
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        res.body.destroy();
        return err(new FetchError("too-large", `body is over the limit of ${maxBytes} bytes`, url.href));
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    return err(networkError(e, url.href, guard, signal));
  }
  return ok({ status: res.statusCode, headers: h, body: Buffer.concat(chunks) });
}

async function attempt(
  start: URL,
  agent: Agent,
  guard: Guard,
  o: FetchOptions,
  ctx: FetchContext,
): Promise<Result<Attempt, FetchError>> {
  const signals = [AbortSignal.timeout(o.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs)];
  if (o.signal) signals.push(o.signal);
  const signal = AbortSignal.any(signals);
  const maxRedirects = o.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const userAgent = o.userAgent ?? USER_AGENT;
  const chain: string[] = [];
  let permanent = true;
  let url = start;
  for (let hop = 0; ; hop++) {
    chain.push(url.href);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return err(new FetchError("bad-input", `refused scheme ${url.protocol}`, url.href));
    }
    const literal = checkLiteral(url, guard);
    if (literal) return err(literal);
    if (o.robots !== false) {
      let allowed: boolean;
      try {
        allowed = await robotsAllows(url, agent, guard, ctx, signal, userAgent);
      } catch (e) {
        if (e instanceof FetchError) return err(e);
        throw e;
      }
      if (!allowed)
        return err(new FetchError("robots", `disallowed by robots.txt for ${ROBOTS_TOKEN}`, url.href));
    }
    const headers: Record<string, string> = {
      "user-agent": userAgent,
      accept:
        o.accept ??
        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8",
      "accept-encoding": "gzip, deflate, br",
    };
    if (hop === 0 && o.etag) headers["if-none-match"] = o.etag;
    if (hop === 0 && o.lastModified) headers["if-modified-since"] = o.lastModified;
    const release = await ctx.limiter.acquire(url.host);
    let r: Awaited<ReturnType<typeof getOnce>>;
    try {
      r = await getOnce(url, agent, guard, signal, headers, o.maxBytes ?? LIMITS.maxInputBytes);
    } finally {
      release();
    }
    if (!r.ok) return r;
    const { status, headers: h, body } = r.value;
    if (REDIRECTS.has(status) && h.location) {
      if (hop >= maxRedirects) {
        return err(
          new FetchError("too-many-redirects", `more than ${maxRedirects} redirects`, start.href, { status }),
        );
      }
      let next: URL;
      try {
        next = new URL(h.location, url);
      } catch (e) {
        return err(
          new FetchError("bad-input", `bad redirect location ${h.location}`, url.href, { status, cause: e }),
        );
      }
      if (status !== 301 && status !== 308) permanent = false;
      url = next;
      continue;
    }
    return ok({ status, headers: h, body, url: url.href, chain, permanent });
  }
}

async function robotsAllows(
  url: URL,
  agent: Agent,
  guard: Guard,
  ctx: FetchContext,
  signal: AbortSignal,
  userAgent: string,
): Promise<boolean> {
  if (url.pathname === "/robots.txt") return true;
  const load = async (robotsUrl: string): Promise<RobotsFetch> => {
    const release = await ctx.limiter.acquire(url.host);
    try {
      let target = new URL(robotsUrl);
      // Follow up to 5 redirects for robots.txt (RFC 9309).
      for (let i = 0; i < 5; i++) {
        const r = await getOnce(
          target,
          agent,
          guard,
          signal,
          { "user-agent": userAgent, accept: "text/plain" },
          ROBOTS_MAX_BYTES,
        );
        if (!r.ok) {
          // The origin itself may not be reached: say so rather than blame robots.txt.
          if (r.error.code === "blocked-address")
            throw new FetchError("blocked-address", stripped(r.error), url.href);
          // Unreachable (no answer at all): nothing is fetched, as RFC 9309 asks, and the error says why.
          if (r.error.code === "network" || r.error.code === "timeout")
            throw new FetchError(r.error.code, `robots.txt unreachable: ${stripped(r.error)}`, url.href);
          return r.error.code === "too-large" ? { status: 200, text: "" } : { status: 0, text: "" };
        }
        const loc = r.value.headers.location;
        if (REDIRECTS.has(r.value.status) && loc) {
          target = new URL(loc, target);
          continue;
        }
        return { status: r.value.status, text: new TextDecoder().decode(r.value.body) };
      }
      return { status: 404, text: "" };
    } finally {
      release();
    }
  };
  const rules = await ctx.robots.get(url.origin, ROBOTS_TOKEN, load);
  const delay = rules.crawlDelay();
  if (delay) ctx.limiter.setCrawlDelay(url.host, delay);
  return rules.isAllowed(url.href);
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * Fetch one URL into a Document.
 *
 * @param url an absolute http(s) URL
 * @param options limits, validators, the allow list; see `FetchOptions`
 * @returns the Document (a `Fetched`, with `status` and `notModified`), or a `FetchError`:
 *   `blocked-address`, `robots`, `too-many-redirects`, `too-large`, `timeout`, `network`, `http-status`, `decode`, `bad-input`
 * @example const r = await fetchUrl("https://example.com/", {}); if (r.ok && !r.value.notModified) use(r.value.body);
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Result<Fetched>> {
  let start: URL;
  try {
    start = new URL(url);
  } catch (e) {
    return err(new FetchError("bad-input", "not an absolute URL", url, { cause: e }));
  }
  if (start.protocol !== "http:" && start.protocol !== "https:") {
    return err(new FetchError("bad-input", `refused scheme ${start.protocol}`, url));
  }
  const ctx = options.context ?? (defaultContext ??= createFetchContext());
  const guard: Guard = {
    allow: parseAllowList(options.allow ?? allowFromEnv()),
    resolve: options.resolve ?? systemResolve,
    refused: null,
  };
  const agent = makeAgent(guard, options);
  const retries = options.retries ?? FETCH_DEFAULTS.retries;
  const base = options.retryBaseMs ?? FETCH_DEFAULTS.retryBaseMs;
  const maxDelay = options.maxRetryDelayMs ?? FETCH_DEFAULTS.maxRetryDelayMs;
  try {
    for (let n = 0; ; n++) {
      const r = await attempt(start, agent, guard, options, ctx);
      let failure: FetchError;
      if (r.ok) {
        const a = r.value;
        if ((a.status >= 200 && a.status < 300) || a.status === 304) return finish(a, url, options);
        const retryAfterMs = parseRetryAfter(a.headers["retry-after"]);
        failure = new FetchError("http-status", `${a.status}`, a.url, { status: a.status, retryAfterMs });
        if (!RETRY_STATUS.has(a.status)) return err(failure);
      } else {
        failure = r.error;
        if (failure.code !== "network" && failure.code !== "timeout") return err(failure);
      }
      if (n >= retries || options.signal?.aborted) return err(failure);
      const delay = failure.retryAfterMs ?? base * 2 ** n * (0.5 + Math.random() / 2);
      if (delay > maxDelay) return err(failure);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  } finally {
    agent.close().catch(() => {});
  }
}

function finish(a: Attempt, input: string, o: FetchOptions): Result<Fetched> {
  const notModified = a.status === 304;
  let body: Uint8Array = a.body;
  if (!notModified) {
    const d = decodeContentEncoding(
      a.body,
      a.headers["content-encoding"],
      o.maxDecompressedBytes ?? LIMITS.maxDecompressedBytes,
    );
    if (!d.ok) return err(new FetchError(d.error.code, stripped(d.error), a.url, { cause: d.error }));
    body = d.value;
  }
  return ok({
    input: o.input ?? input,
    url: a.url,
    body,
    contentType: a.headers["content-type"] ?? null,
    headers: a.headers,
    fetchedAt: new Date().toISOString(),
    sourceKind: o.sourceKind ?? "url",
    status: a.status,
    notModified,
    redirects: a.chain,
    movedTo: a.permanent && a.chain.length > 1 ? a.url : null,
  });
}

/** What `postJson` may be told. */
export interface PostOptions {
  /** Hosts or CIDR ranges that may be reached although private (default: `LEDE_FETCH_ALLOW`). */
  readonly allow?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Longest time for the whole call (default 10 s). */
  readonly timeoutMs?: number;
  readonly resolve?: (hostname: string) => Promise<string[]>;
}

/**
 * POST a JSON body (a webhook call) through the same SSRF guard as fetches: private and metadata
 * addresses are refused unless allowed, redirects are not followed, the answer's body is read up to
 * 64 KB and dropped.
 *
 * @returns the HTTP status, or an error (`blocked-address`, `network`, `timeout`, `bad-input`)
 */
export async function postJson(
  url: string,
  body: unknown,
  options: PostOptions = {},
): Promise<Result<number>> {
  let target: URL;
  try {
    target = new URL(url);
  } catch (e) {
    return err(new FetchError("bad-input", "not an absolute URL", url, { cause: e }));
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return err(new FetchError("bad-input", `refused scheme ${target.protocol}`, url));
  }
  const guard: Guard = {
    allow: parseAllowList(options.allow ?? allowFromEnv()),
    resolve: options.resolve ?? systemResolve,
    refused: null,
  };
  const literal = checkLiteral(target, guard);
  if (literal) return err(literal);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = makeAgent(guard, {
    connectTimeoutMs: timeoutMs,
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
  });
  try {
    const r = await request(target, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json", "user-agent": USER_AGENT, ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    let read = 0;
    for await (const chunk of r.body) {
      read += (chunk as Buffer).length;
      if (read > 65_536) break;
    }
    r.body.destroy();
    return ok(r.statusCode);
  } catch (e) {
    if (guard.refused) return err(guard.refused);
    const timeout = (e as Error).name === "TimeoutError" || (e as Error).name === "AbortError";
    return err(new FetchError(timeout ? "timeout" : "network", (e as Error).message, url, { cause: e }));
  } finally {
    await agent.close().catch(() => {});
  }
}
