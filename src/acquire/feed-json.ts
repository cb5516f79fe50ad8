/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org) into Lede's feed model. */
import { parseFeedDate } from "./feed-date.ts";
import { type Feed, type FeedEnclosure, type FeedItem, MAX_FEED_ITEMS } from "./feed-types.ts";
import { resolveUrl } from "./url.ts";
import { escapeHtml } from "./xml.ts";

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number") return String(v);
  return null;
}

function obj(v: unknown): Json | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null;
}

function authors(o: Json): string[] {
  const list = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
  return [...new Set(list.map((a) => str(obj(a)?.name) ?? str(a)).filter((x): x is string => x !== null))];
}

function item(raw: unknown, base: string | null): FeedItem | null {
  const o = obj(raw);
  if (!o) return null;
  const url = resolveUrl(str(o.url), base) ?? resolveUrl(str(o.external_url), base);
  const text = str(o.content_text);
  const enclosures: FeedEnclosure[] = (Array.isArray(o.attachments) ? o.attachments : []).flatMap((a) => {
    const x = obj(a);
    const u = resolveUrl(str(x?.url), base);
    const len = Number(x?.size_in_bytes);
    return u
      ? [{ url: u, type: str(x?.mime_type), length: Number.isFinite(len) && len > 0 ? len : null }]
      : [];
  });
  return {
    id: str(o.id) ?? url,
    url,
    title: str(o.title),
    published: parseFeedDate(str(o.date_published)),
    updated: parseFeedDate(str(o.date_modified)),
    authors: authors(o),
    summary: str(o.summary),
    contentHtml: str(o.content_html) ?? (text ? `<p>${escapeHtml(text)}</p>` : null),
    categories: Array.isArray(o.tags) ? o.tags.map(str).filter((x): x is string => x !== null) : [],
    enclosures,
  };
}

/**
 * Read a parsed JSON value as a JSON Feed.
 *
 * @param value the result of JSON.parse
 * @param url the feed's own address, for relative links
 * @returns the feed, or null when it is not a JSON Feed (no `version` naming jsonfeed.org and no `items`)
 */
export function readJsonFeed(value: unknown, url: string | null): Feed | null {
  const o = obj(value);
  if (!o) return null;
  const version = str(o.version);
  const isJsonFeed = version?.includes("jsonfeed.org") ?? false;
  if (!isJsonFeed && !Array.isArray(o.items)) return null;
  const base = str(o.feed_url) ?? url;
  const items = (Array.isArray(o.items) ? o.items : [])
    .slice(0, MAX_FEED_ITEMS)
    .map((i) => item(i, base))
    .filter((x): x is FeedItem => x !== null);
  return {
    format: "json",
    version: version ? (/version\/([\d.]+)/.exec(version)?.[1] ?? version) : null,
    title: str(o.title),
    siteUrl: resolveUrl(str(o.home_page_url), base),
    feedUrl: resolveUrl(str(o.feed_url), url),
    description: str(o.description),
    language: str(o.language),
    updated: null,
    ttl: null,
    authors: authors(o),
    items,
  };
}
