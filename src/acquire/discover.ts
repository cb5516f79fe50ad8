/** Feed discovery: the feeds a page advertises with `<link rel="alternate" type="application/rss+xml">`. */
import { Parser } from "htmlparser2";
import { resolveUrl } from "./url.ts";

const FEED_TYPES =
  /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(rss|atom)$|^text\/xml$|^application\/xml$|^application\/json$/;

/**
 * Find the feeds a page links to, absolute, in page order, without duplicates.
 *
 * @param html the page
 * @param pageUrl its address (for relative links and `<base href>`)
 * @example discoverFeeds('<link rel="alternate" type="application/rss+xml" href="/feed">', "https://x.org/") // ["https://x.org/feed"]
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  let base = pageUrl;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (done) return;
        if (name === "base" && attrs.href) base = resolveUrl(attrs.href, pageUrl) ?? base;
        if (name === "body") done = true;
        if (name !== "link" || !attrs.href) return;
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        const type = (attrs.type ?? "").toLowerCase().split(";")[0]!.trim();
        if (!rel.includes("alternate") || !FEED_TYPES.test(type)) return;
        if (rel.includes("stylesheet")) return;
        const u = resolveUrl(attrs.href, base);
        if (u && /^https?:/.test(u) && !found.includes(u)) found.push(u);
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.length > 2_000_000 ? html.slice(0, 2_000_000) : html);
  parser.end();
  return found;
}
