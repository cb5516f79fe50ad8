/**
 * Listing pages: a tag, category, section or search page is a list of teasers (a headline linking to
 * another page, a few lines of excerpt), not an article. A crawl (a WARC archive, a sitemap) holds many
 * of them beside the articles; stored as articles they would fill search and stories with excerpts.
 *
 * The page (already pruned of its chrome) is cut into segments at its headings, in document order,
 * skipping what is left of navigation, footers and asides (not headers: a card's headline often sits in
 * its own `<header>`). A teaser is a segment whose heading is wholly a link to another page. The page is
 * a listing when teasers carry most of the text and no segment that is not a teaser is long enough to be
 * an article's body, unless the page declares itself an article (JSON-LD or `og:type`). A linked
 * heading the page's own title repeats is the page's headline, not a teaser. Declared list types
 * (`ItemList`) are not trusted: listicle articles declare them.
 */
import type { Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { attr, findAll, squash, textOf } from "./dom.ts";
import { ldTypes, type PageMeta } from "./meta.ts";

export interface ListingVerdict {
  readonly listing: boolean;
  /** Headings that are wholly a link to another page. */
  readonly teasers: number;
  /** Share of the page's text in teasers (headline and excerpt). */
  readonly share: number;
  /** Characters of the longest segment under a heading that is no teaser (or before the first heading). */
  readonly longestPlain: number;
}

/** Characters a segment under a plain heading must reach to read as an article's body. */
const ARTICLE_SEGMENT = 600;
/**
 * With fewer than `MANY_TEASERS` teasers, one longer than this is taken for an article under a headline
 * linking elsewhere (to its section, another edition), not a teaser.
 */
const MAX_TEASER = 1500;
/** Teasers enough to make a list whatever their length (a blog's front page shows whole posts). */
const MANY_TEASERS = 3;
/** Share of the text the teasers must carry. */
const TEASER_SHARE = 0.5;
/** Shortest heading read as a teaser's headline. */
const MIN_HEADLINE = 12;

const HEADING = new Set(["h1", "h2", "h3", "h4"]);
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "footer",
  "aside",
  "form",
  "select",
  "svg",
  "head",
]);
const ARTICLE_TYPE = /article|posting|report|liveblog|recipe|review/;

/**
 * Decide whether a parsed page is a listing of teasers rather than an article.
 *
 * @param dom the parsed page (not yet pruned)
 * @param meta its metadata (`readMeta`)
 * @param pageUrl the page's address, to tell a link to itself from a link elsewhere
 */
export function listingVerdict(dom: Document, meta: PageMeta, pageUrl: string | null): ListingVerdict {
  const types = meta.ld.flatMap(ldTypes);
  const declaredArticle =
    types.some((t) => ARTICLE_TYPE.test(t)) ||
    (meta.meta.get("og:type") ?? []).some((v) => v.trim().toLowerCase() === "article");
  // A heading the page's own title repeats is its headline (linked to a section or edition), no teaser.
  const titles = [meta.title, ...(meta.meta.get("og:title") ?? []), ...(meta.meta.get("twitter:title") ?? [])]
    .map((t) => norm(t ?? ""))
    .filter((t) => t.length > 0);

  const segments: { teaser: boolean; chars: number }[] = [{ teaser: false, chars: 0 }];
  const own = pathOf(pageUrl, null);
  const pending: (Element | { text: string })[] = [];
  for (const n of [...dom.children].reverse()) {
    if (isTag(n)) pending.push(n);
    else if (isText(n)) pending.push({ text: n.data });
  }
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (!("name" in item)) {
      const chars = squash(item.text).length;
      segments[segments.length - 1]!.chars += chars;
      continue;
    }
    const el = item;
    if (SKIP.has(el.name) || "hidden" in el.attribs || /\bnav(igation)?\b|menu/i.test(attr(el, "role")))
      continue;
    if (HEADING.has(el.name)) {
      const text = flat(el);
      const teaser = isTeaserHeading(el, text, own, pageUrl) && !titles.some((t) => t.includes(norm(text)));
      segments.push({ teaser, chars: text.length });
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (isTag(c)) pending.push(c);
      else if (isText(c)) pending.push({ text: c.data });
    }
  }
  const teasers = segments.filter((s) => s.teaser);
  const total = segments.reduce((n, s) => n + s.chars, 0);
  const teaserText = teasers.reduce((n, s) => n + s.chars, 0);
  const share = total === 0 ? 0 : teaserText / total;
  let longestPlain = 0;
  let longestTeaser = 0;
  for (const s of segments) {
    if (s.teaser) longestTeaser = Math.max(longestTeaser, s.chars);
    else longestPlain = Math.max(longestPlain, s.chars);
  }
  const measured = { teasers: teasers.length, share, longestPlain };
  if (declaredArticle) return { listing: false, ...measured };
  const listing =
    teasers.length > 0 &&
    share >= TEASER_SHARE &&
    longestPlain < ARTICLE_SEGMENT &&
    (teasers.length >= MANY_TEASERS || longestTeaser <= MAX_TEASER);
  return { listing, ...measured };
}

/** A heading whose text is one link's text, the link going to another page. */
function isTeaserHeading(h: Element, text: string, own: string | null, pageUrl: string | null): boolean {
  if (text.length < MIN_HEADLINE) return false;
  const links = findAll(h, (el) => el.name === "a");
  if (links.length !== 1) return false;
  const link = links[0]!;
  if (flat(link).length < text.length * 0.8) return false;
  const target = pathOf(attr(link, "href"), pageUrl);
  return target !== null && target !== own;
}

/** A link's page (origin, path and query, without the fragment), or null for no page. */
function pathOf(href: string | null, base: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (h === "" || h.startsWith("#") || /^(javascript|mailto|tel):/i.test(h)) return null;
  try {
    const u = new URL(h, base ?? "http://page.invalid/");
    if (!/^https?:$/.test(u.protocol)) return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return null;
  }
}

function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A node's visible text, whitespace collapsed. */
function flat(el: Element): string {
  return squash(textOf(el));
}
