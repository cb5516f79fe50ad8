/**
 * Saved searches as feeds: any search (operators included) is a feed at `/feeds/search.xml?q=...`
 * (RSS 2.0) or `/feeds/search.json?q=...` (JSON Feed 1.1). The URL is the saved search.
 * RSS descriptions are HTML to feed readers, so the snippet is escaped as HTML and then as XML.
 */
import type { ArticleSummary } from "../store/index.ts";
import { escapeHtml, safeUrl } from "./html.ts";

/** Characters XML 1.0 does not allow (control characters other than tab and newlines). */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xml(s: string): string {
  return escapeHtml(s.replace(XML_INVALID, ""));
}

function rfc822(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? new Date(0).toUTCString() : new Date(t).toUTCString();
}

/**
 * An RSS 2.0 document for a search.
 *
 * @param base the server's origin (`http://127.0.0.1:8080`), for links
 * @param q the search
 * @param items its results
 */
export function rssFeed(base: string, q: string, items: readonly ArticleSummary[]): string {
  const self = `${base}/search?q=${encodeURIComponent(q)}`;
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>${xml(`Lede: ${q}`)}</title><link>${xml(self)}</link><description>${xml(`Articles matching ${q}`)}</description>
${items
  .map((a) => {
    const link = `${base}/articles/${a.id}`;
    const original = safeUrl(a.url);
    return `<item><title>${xml(a.title ?? "(no title)")}</title><link>${xml(link)}</link><guid isPermaLink="true">${xml(link)}</guid><pubDate>${rfc822(a.published ?? a.createdAt)}</pubDate><description>${xml(escapeHtml(a.snippet.replace(/[[\]]/g, "")))}</description>${original ? `<source url="${xml(original)}">${xml(a.siteName ?? original)}</source>` : ""}</item>`;
  })
  .join("\n")}
</channel></rss>
`;
}

/**
 * A JSON Feed 1.1 object for a search.
 *
 * @param base the server's origin, for links
 * @param q the search
 * @param items its results
 */
export function jsonFeed(base: string, q: string, items: readonly ArticleSummary[]): object {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: `Lede: ${q}`,
    home_page_url: `${base}/search?q=${encodeURIComponent(q)}`,
    feed_url: `${base}/feeds/search.json?q=${encodeURIComponent(q)}`,
    items: items.map((a) => ({
      id: String(a.id),
      url: `${base}/articles/${a.id}`,
      ...(safeUrl(a.url) ? { external_url: safeUrl(a.url) } : {}),
      title: a.title ?? "(no title)",
      content_text: a.snippet.replace(/[[\]]/g, ""),
      date_published: a.published ?? a.createdAt,
    })),
  };
}

/** One episode of a podcast feed: an article and its narration, if made. */
export interface Episode {
  readonly article: ArticleSummary;
  /** Size in bytes and length of the MP3, when the narration exists (else 0 and unknown). */
  readonly bytes: number;
  readonly durationMs: number | null;
  /** The article version: an updated version is a new episode (its own guid). */
  readonly version?: number;
  /** Added to the audio address (e.g. `listener=ID`, so a download counts as heard). */
  readonly audioQuery?: string;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh > 0 ? `${hh}:` : ""}${String(mm).padStart(hh > 0 ? 2 : 1, "0")}:${String(ss).padStart(2, "0")}`;
}

/**
 * A podcast (RSS 2.0 with enclosures and iTunes durations) of narrated articles.
 *
 * @param base the server's origin
 * @param title the podcast's title
 * @param link the page it stands for (a search, a story)
 * @param episodes newest first
 */
export function podcastFeed(base: string, title: string, link: string, episodes: readonly Episode[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>${xml(title)}</title><link>${xml(link)}</link><description>${xml(`${title}, narrated offline by Lede`)}</description>
<language>en</language><itunes:explicit>false</itunes:explicit>
${episodes
  .map(({ article: a, bytes, durationMs, version, audioQuery }) => {
    const page = `${base}/articles/${a.id}`;
    const audio = `${base}/api/articles/${a.id}/audio.mp3${audioQuery ? `?${audioQuery}` : ""}`;
    const guid = `lede-article-${a.id}${version !== undefined ? `-v${version}` : ""}`;
    return `<item><title>${xml(a.title ?? "(no title)")}</title><link>${xml(page)}</link><guid isPermaLink="false">${xml(guid)}</guid><pubDate>${rfc822(a.published ?? a.createdAt)}</pubDate><description>${xml(escapeHtml(a.snippet.replace(/[[\]]/g, "")))}</description><enclosure url="${xml(audio)}" length="${bytes}" type="audio/mpeg"/>${durationMs !== null ? `<itunes:duration>${duration(durationMs)}</itunes:duration>` : ""}</item>`;
  })
  .join("\n")}
</channel></rss>
`;
}
