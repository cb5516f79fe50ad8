/** RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 read from a forgiving XML tree into Lede's feed model. */
import type { Element } from "domhandler";
import { decodeHTMLStrict as decodeHTML } from "entities";
import { parseFeedDate } from "./feed-date.ts";
import {
  type Feed,
  type FeedEnclosure,
  type FeedFormat,
  type FeedItem,
  MAX_FEED_ITEMS,
} from "./feed-types.ts";
import { resolveUrl } from "./url.ts";
import { escapeHtml, innerMarkup, textOf, type XmlTree } from "./xml.ts";

/** Minutes per sy:updatePeriod. */
const PERIOD_MINUTES: Record<string, number> = {
  hourly: 60,
  daily: 1440,
  weekly: 10080,
  monthly: 43200,
  yearly: 525600,
};

/** The base URL in force at an element (xml:base, resolved up the tree), else the fallback. */
function baseOf(el: Element, fallback: string | null): string | null {
  const chain: string[] = [];
  let n: Element | null = el;
  while (n && n.type === "tag") {
    const b = n.attribs["xml:base"];
    if (b !== undefined) chain.push(b.trim());
    n = n.parent as Element | null;
  }
  let base = fallback;
  for (let i = chain.length - 1; i >= 0; i--) base = resolveUrl(chain[i]!, base) ?? base;
  return base;
}

/** "jo@x.org (Jo Bloggs)" → "Jo Bloggs"; "Jo Bloggs <jo@x.org>" → "Jo Bloggs"; a bare address stays. */
export function authorName(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, " ");
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren) return paren[1]!.trim();
  const trailing = /^(.+?)\s*\(\s*\S+@\S+\s*\)$/.exec(s);
  if (trailing) return trailing[1]!.trim();
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(s);
  if (angle) return angle[1]!.replace(/^"|"$/g, "").trim();
  return s === "" ? null : s;
}

/** A link that cannot be made absolute (no base known) is kept as written, if it looks like a path. */
function relative(link: string | null): string | null {
  const l = link?.trim();
  return l && /^[/?.\w][^\s<>"]*$/.test(l) ? l : null;
}

function uniq(xs: (string | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => x !== null && x !== ""))];
}

const ROOT_KEYS = new Set(["rss", "rdf:rdf", "rdf", "feed", "atom:feed", "channel"]);

/** The feed element: the root, or the first feed element inside it (a feed wrapped in an HTML page). */
function feedRoot(t: XmlTree): Element | null {
  const root = t.root;
  if (!root) return null;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.shift()!;
    const k = t.key(el);
    if (ROOT_KEYS.has(k) || k.endsWith(":rdf")) return el;
    stack.push(...t.children(el));
  }
  return null;
}

function detectFormat(t: XmlTree): { format: FeedFormat; version: string | null; top: Element } | null {
  const root = feedRoot(t);
  if (!root) return null;
  t.root = root;
  const key = t.key(root);
  if (key === "rss") {
    return { format: "rss", version: t.attr(root, "version"), top: t.child(root, "channel") ?? root };
  }
  if (key === "rdf:rdf" || key.endsWith(":rdf") || key === "rdf") {
    return { format: "rdf", version: "1.0", top: t.child(root, "channel") ?? root };
  }
  if (key === "feed" || key === "atom:feed") {
    const v = t.attr(root, "version");
    t.defaultAlias = "atom";
    return {
      format: "atom",
      version: v ?? (root.attribs.xmlns?.includes("purl.org/atom") ? "0.3" : "1.0"),
      top: root,
    };
  }
  if (key === "channel") return { format: "rss", version: null, top: root };
  return null;
}

function rssItem(t: XmlTree, it: Element, base: string | null): FeedItem {
  const b = baseOf(it, base);
  const guidEl = t.child(it, "guid");
  const guid = guidEl ? textOf(guidEl) : null;
  const permalink =
    guidEl && t.attr(guidEl, "isPermaLink")?.toLowerCase() !== "false" && guid && /^https?:/i.test(guid);
  const linkText =
    t.childText(it, "link") ??
    (() => {
      const l = t.all(it, "atom:link").find((x) => (t.attr(x, "rel") ?? "alternate") === "alternate");
      return l ? t.attr(l, "href") : null;
    })();
  const url =
    resolveUrl(linkText, b) ??
    (permalink ? resolveUrl(guid, b) : null) ??
    resolveUrl(t.attr(it, "rdf:about"), b) ??
    relative(linkText);
  const descEl = t.child(it, "description", "dc:description", "itunes:summary");
  const contentEl = t.child(it, "content:encoded", "encoded", "xhtml:body", "atom:content");
  const enclosures: FeedEnclosure[] = [];
  for (const e of [...t.all(it, "enclosure"), ...t.all(it, "media:content")]) {
    const u = resolveUrl(t.attr(e, "url"), b);
    if (!u) continue;
    const len = Number(t.attr(e, "length") ?? t.attr(e, "filesize"));
    enclosures.push({
      url: u,
      type: t.attr(e, "type"),
      length: Number.isFinite(len) && len > 0 ? len : null,
    });
  }
  return {
    id: guid ?? t.attr(it, "rdf:about") ?? url,
    url,
    title: t.childText(it, "title", "dc:title", "media:title"),
    published: parseFeedDate(
      t.childText(it, "pubdate", "dc:date", "dcterms:issued", "dcterms:created", "atom:published"),
    ),
    updated: parseFeedDate(t.childText(it, "dcterms:modified", "atom:updated")),
    authors: uniq([
      authorName(t.childText(it, "author")),
      ...t.all(it, "dc:creator").map((e) => authorName(textOf(e))),
      authorName(t.childText(it, "dc:author")),
      authorName(t.childText(it, "itunes:author")),
      ...atomAuthors(t, it),
    ]),
    summary: descEl ? innerMarkup(descEl) : null,
    contentHtml: contentEl ? innerMarkup(contentEl) : null,
    categories: uniq([...t.all(it, "category"), ...t.all(it, "dc:subject")].map(textOf)),
    enclosures,
  };
}

function atomText(t: XmlTree, el: Element | undefined): string | null {
  if (!el) return null;
  const type = (t.attr(el, "type") ?? "text").toLowerCase();
  if (type === "xhtml") return textOf(t.child(el, "xhtml:div") ?? el);
  const raw = textOf(el);
  const text =
    raw && t.attr(el, "mode")?.toLowerCase() === "base64" ? Buffer.from(raw, "base64").toString("utf8") : raw;
  // An HTML title is markup once decoded: keep its text.
  if (text && (type === "html" || type === "text/html") && text.includes("<")) {
    return decodeHTML(text.replace(/<[^>]*>/g, "")).trim() || null;
  }
  return text;
}

function atomHtml(t: XmlTree, el: Element | undefined): string | null {
  if (!el) return null;
  const type = (t.attr(el, "type") ?? "text").toLowerCase();
  const mode = (t.attr(el, "mode") ?? "").toLowerCase();
  if (mode === "base64") {
    const raw = textOf(el);
    return raw ? Buffer.from(raw, "base64").toString("utf8") : null;
  }
  if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml") {
    return innerMarkup(t.child(el, "xhtml:div") ?? el);
  }
  if (type === "html" || type === "text/html" || mode === "escaped") {
    // Escaped HTML decodes to the markup; HTML written as elements is serialised.
    return innerMarkup(el);
  }
  const text = textOf(el);
  return text === null ? null : escapeHtml(text);
}

function atomLink(t: XmlTree, el: Element, base: string | null, rel: string): string | null {
  const links = t.all(el, "atom:link");
  const pick =
    links.find(
      (l) => (t.attr(l, "rel") ?? "alternate") === rel && /html/.test(t.attr(l, "type") ?? "html"),
    ) ?? links.find((l) => (t.attr(l, "rel") ?? "alternate") === rel);
  if (!pick) return null;
  const href = t.attr(pick, "href") ?? textOf(pick);
  return resolveUrl(href, baseOf(pick, base)) ?? relative(href);
}

function atomAuthors(t: XmlTree, el: Element): string[] {
  return uniq(
    t
      .all(el, "atom:author")
      .map((a) => t.childText(a, "atom:name") ?? authorName(t.childText(a, "atom:email")) ?? textOf(a)),
  );
}

function atomEntry(t: XmlTree, e: Element, base: string | null): FeedItem {
  const b = baseOf(e, base);
  const url =
    atomLink(t, e, b, "alternate") ??
    (() => {
      const id = t.childText(e, "atom:id");
      return id && /^https?:/i.test(id) ? id : null;
    })();
  const enclosures: FeedEnclosure[] = t
    .all(e, "atom:link")
    .filter((l) => t.attr(l, "rel") === "enclosure")
    .flatMap((l) => {
      const u = resolveUrl(t.attr(l, "href"), b);
      const len = Number(t.attr(l, "length"));
      return u
        ? [{ url: u, type: t.attr(l, "type"), length: Number.isFinite(len) && len > 0 ? len : null }]
        : [];
    });
  const contentEl = t.child(e, "atom:content");
  const summaryEl = t.child(e, "atom:summary");
  return {
    id: t.childText(e, "atom:id") ?? url,
    url,
    title: atomText(t, t.child(e, "atom:title")),
    published: parseFeedDate(t.childText(e, "atom:published", "atom:issued", "atom:created", "dc:date")),
    updated: parseFeedDate(t.childText(e, "atom:updated", "atom:modified")),

    authors: uniq([...atomAuthors(t, e), ...t.all(e, "dc:creator").map((x) => authorName(textOf(x)))]),
    summary: summaryEl ? atomHtml(t, summaryEl) : null,
    contentHtml: contentEl && !t.attr(contentEl, "src") ? atomHtml(t, contentEl) : null,
    categories: uniq(
      t.all(e, "atom:category").map((c) => t.attr(c, "term") ?? t.attr(c, "label") ?? textOf(c)),
    ),
    enclosures,
  };
}

/**
 * Read an RSS, RDF or Atom tree.
 *
 * @param t the parsed tree
 * @param url the feed's own address, for relative links
 * @returns the feed, or null when the root is none of rss, rdf:RDF, feed, channel
 */
export function readXmlFeed(t: XmlTree, url: string | null): Feed | null {
  const d = detectFormat(t);
  if (!d) return null;
  const { format, version, top } = d;
  const rootBase = baseOf(top, url);
  if (format === "atom") {
    const entries = t.find(top, "atom:entry").slice(0, MAX_FEED_ITEMS);
    const authors = atomAuthors(t, top);
    const items = entries.map((e) => {
      const item = atomEntry(t, e, rootBase);
      return item.authors.length === 0 && authors.length > 0 ? { ...item, authors } : item;
    });
    return {
      format,
      version,
      title: atomText(t, t.child(top, "atom:title")),
      siteUrl: atomLink(t, top, rootBase, "alternate"),
      feedUrl: atomLink(t, top, rootBase, "self"),
      description: atomText(t, t.child(top, "atom:subtitle", "atom:tagline")),
      language: t.attr(top, "xml:lang"),
      updated: parseFeedDate(t.childText(top, "atom:updated", "atom:modified")),
      ttl: null,
      authors,
      items,
    };
  }
  const root = t.root!;
  const itemEls = (t.find(top, "item").length > 0 ? t.find(top, "item") : t.find(root, "item")).slice(
    0,
    MAX_FEED_ITEMS,
  );
  const siteLink = t.childText(top, "link");
  const selfLink = t.all(top, "atom:link").find((l) => t.attr(l, "rel") === "self");
  const ttl = Number(t.childText(top, "ttl"));
  const period = t.childText(top, "sy:updateperiod")?.toLowerCase();
  const frequency = Number(t.childText(top, "sy:updatefrequency") ?? 1) || 1;
  const syTtl = period && PERIOD_MINUTES[period] ? Math.round(PERIOD_MINUTES[period] / frequency) : null;
  const siteUrl =
    resolveUrl(siteLink, rootBase) ?? atomLink(t, top, rootBase, "alternate") ?? relative(siteLink);
  return {
    format,
    version,
    title: t.childText(top, "title", "dc:title"),
    siteUrl,
    feedUrl: selfLink ? resolveUrl(t.attr(selfLink, "href"), rootBase) : null,
    description: t.childText(top, "description", "dc:description", "itunes:subtitle", "itunes:summary"),
    language: t.childText(top, "language", "dc:language"),
    updated: parseFeedDate(t.childText(top, "lastbuilddate", "pubdate", "dc:date")),
    ttl: Number.isFinite(ttl) && ttl > 0 ? ttl : syTtl,
    authors: uniq([
      authorName(t.childText(top, "managingeditor")),
      authorName(t.childText(top, "dc:creator")),
      authorName(t.childText(top, "itunes:author")),
    ]),
    items: itemEls.map((it) => rssItem(t, it, rootBase ?? siteUrl)),
  };
}
