/** The feed model Lede keeps: the same for RSS, RDF, Atom and JSON Feed. */

export type FeedFormat = "rss" | "rdf" | "atom" | "json";

export interface FeedEnclosure {
  readonly url: string;
  readonly type: string | null;
  readonly length: number | null;
}

export interface FeedItem {
  /** guid / atom:id / JSON `id`, else the link; null when the item has neither. */
  readonly id: string | null;
  /** The article's address (absolute when a base was known). */
  readonly url: string | null;
  readonly title: string | null;
  /** ISO 8601 UTC, or null; the updated date when the feed gives only that. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly authors: readonly string[];
  /** Plain-text or HTML summary as the feed gives it. */
  readonly summary: string | null;
  /** Full content as HTML (content:encoded, atom:content, content_html), or null. */
  readonly contentHtml: string | null;
  readonly categories: readonly string[];
  readonly enclosures: readonly FeedEnclosure[];
}

export interface Feed {
  readonly format: FeedFormat;
  /** `2.0`, `0.91`, `1.0` (Atom), `0.3`, `1.1` (JSON Feed), ... or null. */
  readonly version: string | null;
  readonly title: string | null;
  /** The site the feed belongs to. */
  readonly siteUrl: string | null;
  /** The feed's own address (atom:link rel=self, JSON `feed_url`), if it says. */
  readonly feedUrl: string | null;
  readonly description: string | null;
  readonly language: string | null;
  readonly updated: string | null;
  /** Minutes the feed may be cached (RSS `ttl`, or the syndication module's period), or null. */
  readonly ttl: number | null;
  readonly authors: readonly string[];
  readonly items: readonly FeedItem[];
}

/** Most items kept from one feed. */
export const MAX_FEED_ITEMS = 10_000;
