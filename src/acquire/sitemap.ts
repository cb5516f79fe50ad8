/** Sitemaps: urlsets, sitemap indexes, Google News sitemaps and gzipped ones; robots.txt `Sitemap:` lines. */
import { gunzipSync } from "node:zlib";
import { decodeBytes, err, LedeError, LIMITS, ok, type Result } from "../core/index.ts";
import { parseFeedDate } from "./feed-date.ts";
import { resolveUrl } from "./url.ts";
import { nestingExceeds, XmlTree } from "./xml.ts";

/** Most URLs read from one sitemap (the protocol's own limit). */
export const MAX_SITEMAP_URLS = 50_000;

export interface SitemapUrl {
  readonly url: string;
  /** ISO 8601 UTC, or null. */
  readonly lastmod: string | null;
  /** Google News: the article's title and publication date, when given. */
  readonly title?: string;
  readonly published?: string;
}

export interface Sitemap {
  readonly urls: readonly SitemapUrl[];
  /** Child sitemaps of a sitemap index. */
  readonly sitemaps: readonly string[];
}

/**
 * Parse a sitemap.
 *
 * @param bytes the sitemap (gzip is recognised and inflated with a cap)
 * @param url its address (for relative entries, which the protocol forbids but sites write)
 * @returns URLs and child sitemaps, or a `bad-input` error when it is neither a urlset nor an index
 * @example const r = parseSitemap(bytes, "https://x.org/sitemap.xml"); if (r.ok) r.value.urls.map((u) => u.url);
 */
export function parseSitemap(bytes: Uint8Array, url: string): Result<Sitemap> {
  let body = bytes;
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      body = gunzipSync(body, { maxOutputLength: LIMITS.maxDecompressedBytes });
    } catch (e) {
      return err(new LedeError("acquire", "decode", `sitemap: bad or oversized gzip [${url}]`, e));
    }
  }
  const text = decodeBytes(body).text;
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("<")) {
    // A plain-text sitemap: one URL a line.
    const urls = trimmed
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => /^https?:\/\//i.test(l))
      .slice(0, MAX_SITEMAP_URLS)
      .map((u) => ({ url: u, lastmod: null }));
    if (urls.length === 0) return err(new LedeError("acquire", "bad-input", `not a sitemap [${url}]`));
    return ok({ urls, sitemaps: [] });
  }
  if (nestingExceeds(text))
    return err(new LedeError("acquire", "bad-input", `sitemap nests too deep [${url}]`));
  const t = new XmlTree(text);
  const root = t.root;
  const key = root ? t.key(root) : "";
  if (!root || (key !== "urlset" && key !== "sitemapindex")) {
    return err(
      new LedeError("acquire", "bad-input", `not a sitemap: root is <${root?.name ?? "none"}> [${url}]`),
    );
  }
  const urls: SitemapUrl[] = [];
  const sitemaps: string[] = [];
  for (const el of t.children(root)) {
    const k = t.key(el);
    if (k !== "url" && k !== "sitemap") continue;
    const loc = resolveUrl(t.childText(el, "loc"), url);
    if (!loc) continue;
    if (k === "sitemap") {
      if (sitemaps.length < MAX_SITEMAP_URLS) sitemaps.push(loc);
      continue;
    }
    if (urls.length >= MAX_SITEMAP_URLS) continue;
    const news = t.child(el, "news:news");
    const title = news ? t.childText(news, "news:title") : null;
    const published = news ? parseFeedDate(t.childText(news, "news:publication_date")) : null;
    urls.push({
      url: loc,
      lastmod: parseFeedDate(t.childText(el, "lastmod")),
      ...(title ? { title } : {}),
      ...(published ? { published } : {}),
    });
  }
  return ok({ urls, sitemaps });
}

/** The `Sitemap:` lines of a robots.txt, absolute. */
export function sitemapsFromRobots(text: string, robotsUrl: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    const u = m ? resolveUrl(m[1], robotsUrl) : null;
    if (u && !out.includes(u)) out.push(u);
  }
  return out;
}
