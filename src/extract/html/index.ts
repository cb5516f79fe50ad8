/**
 * HTML extraction: the article's blocks and text, and its metadata (title, authors, dates, language,
 * site name, canonical URL), from any news page. Steps: parse (bounded), read metadata, prune chrome,
 * score containers, collect blocks, fall back to JSON-LD `articleBody` when the page's markup is thin.
 *
 * @example
 * const a = extractHtml("<html lang=en><h1>Hi</h1><article><p>Body text ...</p></article></html>");
 * a.text // "Body text ..."
 */
import { type Document, Element, isTag } from "domhandler";
import type { Article, Block, ExtractOptions } from "../../core/index.ts";
import { detectLanguage } from "../language.ts";
import { pickAuthors } from "./authors.ts";
import {
  collectBlocks,
  dropAuthorBios,
  dropAuthorBoxes,
  dropCopies,
  dropRepeats,
  type RawBlock,
  trimEdges,
} from "./blocks.ts";
import { controlBoxes, cutAtSecondArticle, dropBoxes } from "./boundary.ts";
import { findFirst, parsePage, squash, textLength } from "./dom.ts";
import { type ArticleExtras, pageExtras } from "./extras.ts";
import { pageHeadings } from "./headings.ts";
import { findLead } from "./lead.ts";
import { listingVerdict } from "./listing.ts";
import { articleLd, type LdNode, ldString, metaValue, type PageMeta, readMeta } from "./meta.ts";
import { repairDoubleUtf8 } from "./mojibake.ts";
import { pageDates } from "./pagedates.ts";
import { prune } from "./prune.ts";
import { railItems, resolveUrl } from "./related.ts";
import { selectContent } from "./score.ts";
import { scriptArticleHtml } from "./scriptdata.ts";
import { computeStats } from "./stats.ts";
import { pickTitle } from "./title.ts";

/** JSON-LD `articleBody` replaces the markup's text when it is this much longer. */
const LD_BODY_RATIO = 2;
/** Shortest `articleBody` taken. */
const LD_BODY_MIN = 400;

/**
 * Extract the article from an HTML page.
 *
 * @param html the decoded page
 * @param options `url` (the page's address; otherwise the canonical URL is reported) and `published`
 * @returns the article; `text` is its blocks separated by one blank line, `blocks` index `text`
 */
export function extractHtml(html: string, options: ExtractOptions = {}): Article {
  const { article, extras } = extractHtmlWithExtras(html, options);
  return {
    ...article,
    image: extras.image,
    section: extras.section,
    keywords: [...extras.keywords],
    pageKind: extras.listing.listing ? "listing" : "article",
  };
}

/**
 * Extract the article and the metadata the contract has no field for yet (lead image, section,
 * keywords), from one parse.
 *
 * @param page the decoded page
 * @param options as for `extractHtml`
 * @returns the article and its extras
 */
export function extractHtmlWithExtras(
  page: string,
  options: ExtractOptions = {},
): { article: Article; extras: ArticleExtras } {
  const html = repairDoubleUtf8(page);
  const dom = parsePage(html);
  const meta = readMeta(dom);
  const ld = articleLd(meta.ld);
  const url = options.url ?? canonicalUrl(meta);
  const host = hostOf(url);
  const siteName = pickSiteName(meta);
  const { headings, parts: headingParts, shown } = pageHeadings(dom);
  const headline = ldString(ld?.headline);
  const ogTitle = metaValue(meta, "og:title");
  const title = pickTitle(
    [headline, ogTitle, metaValue(meta, "twitter:title"), meta.title, ldString(ld?.name)],
    headings,
    siteName,
    host,
    headingParts,
    shown,
    [headline, ogTitle, meta.title],
  );
  const authors = pickAuthors(dom, meta, ld, siteName, host);
  const dates = pageDates(dom, meta, ld, url);
  const published = options.published ?? dates.published;
  const modified = dates.modified;

  // The standfirst above the article, read before pruning takes the header it sits in.
  const lead = findLead(dom, [
    metaValue(meta, "og:description"),
    metaValue(meta, "description"),
    metaValue(meta, "twitter:description"),
    ldString(ld?.description),
  ]);
  const found = bodyBlocks(contentRoot(dom), false);
  // Read on the pruned page: navigation, rails and footers are gone, teasers' excerpts stay.
  const listing = listingVerdict(dom, meta, url);
  let raw = found.raw;
  const related = railItems(found.rails, url);
  if (textOfBlocks(raw) < THIN_BODY) {
    // Class words pruned the article itself ("paywall-article", "newsletter-post", "sidebar-grid"):
    // read a fresh parse again with only tags, hidden elements and roles removed.
    const lenient = bodyBlocks(contentRoot(parsePage(html)), true).raw;
    if (textOfBlocks(lenient) > textOfBlocks(raw)) raw = lenient;
  }

  raw = dropCopies(
    dropRepeats(trimEdges(dropAuthorBios(dropAuthorBoxes(dropTitleBlocks(raw, title)), authors))),
  );

  const ldBody = typeof ld?.articleBody === "string" ? ld.articleBody : null;
  if (ldBody && ldBody.length >= LD_BODY_MIN) {
    const have = textOfBlocks(raw);
    if (ldBody.length > have * LD_BODY_RATIO) raw = ldBlocks(ldBody);
  }
  if (textOfBlocks(raw) < THIN_BODY) {
    // A client-rendered page: the article's markup only in the scripts' data.
    const fragment = scriptArticleHtml(html);
    if (fragment !== null) {
      const fromScript = trimEdges(bodyBlocks(contentRoot(parsePage(`<body>${fragment}</body>`)), false).raw);
      if (textOfBlocks(fromScript) > textOfBlocks(raw)) raw = fromScript;
    }
  }
  // The lead, unless the body has it already (its first words suffice: descriptions are often cut).
  if (lead !== null && !key(raw.map((b) => b.text).join(" ")).includes(key(lead).slice(0, 60))) {
    raw = [{ type: "paragraph", text: lead }, ...raw];
  }
  const { text, blocks } = assemble(raw);
  const article: Article = {
    url,
    title,
    authors,
    published,
    modified,
    language: pickLanguage(meta, ld) ?? detectLanguage(text),
    siteName,
    text,
    blocks,
    related,
  };
  return { article, extras: { ...pageExtras(meta, ld, url), listing } };
}

/**
 * The element to search for the article: `<body>`, unless markup after a stray `</body>` or `</html>`
 * (or a second `<body>`) left most of the page's text outside it; then `<html>` or a wrapper around the
 * whole document.
 */
function contentRoot(dom: Document): Element {
  const html = findFirst(dom, (el) => el.name === "html");
  const body = html ? findFirst(html, (el) => el.name === "body") : null;
  const all = textLength(dom);
  if (body && textLength(body) >= all * 0.6) return body;
  if (html && textLength(html) >= all * 0.6) return html;
  const wrapper = new Element("div", {}, dom.children);
  for (const c of wrapper.children) c.parent = wrapper;
  return wrapper;
}

/** Characters of body text below which the page is read again with lenient pruning. */
const THIN_BODY = 250;

function textOfBlocks(raw: readonly RawBlock[]): number {
  return raw.reduce((n, b) => n + b.text.length, 0);
}

/** Prune `body`, choose the container and collect its blocks (and the rails pruning took out). */
function bodyBlocks(body: Element, lenient: boolean): { raw: RawBlock[]; rails: Element[] } {
  const before = computeStats(body);
  const boxes = controlBoxes(body, before);
  const { rails } = prune(body, before, protectedContainer(body, before), lenient);
  const stats = computeStats(body);
  const sel = selectContent(body, stats);
  if (!sel) return { raw: [], rails };
  const parts = cutAtSecondArticle(sel.parts, stats);
  dropBoxes(parts, boxes);
  return { raw: collectBlocks(parts, stats), rails };
}

/** The best container before pruning, with its ancestors: pruning must not remove the article itself. */
function protectedContainer(root: Element, stats: ReturnType<typeof computeStats>): Set<Element> {
  const sel = selectContent(root, stats);
  const out = new Set<Element>();
  for (let el: Element["parent"] = sel?.top ?? null; el && isTag(el); el = el.parent) out.add(el);
  return out;
}

export function canonicalUrl(meta: PageMeta): string | null {
  const og = metaValue(meta, "og:url");
  const canonical = meta.links.get("canonical");
  if (canonical) return resolveUrl(canonical, og) ?? (og ? resolveUrl(og, null) : null);
  return og ? resolveUrl(og, null) : null;
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function pickSiteName(meta: PageMeta): string | null {
  const fromLd = meta.ld.find((n) =>
    /organization|website|newsmediaorganization/i.test(String(n["@type"] ?? "")),
  );
  const publisher = meta.ld.map((n) => n.publisher).find((p) => p !== undefined);
  return (
    metaValue(
      meta,
      "og:site_name",
      "application-name",
      "apple-mobile-web-app-title",
      "twitter:app:name:iphone",
    ) ??
    ldString(publisher) ??
    ldString(fromLd?.name) ??
    null
  );
}

function pickLanguage(meta: PageMeta, ld: LdNode | null): string | null {
  const raw =
    meta.htmlLang ??
    metaValue(meta, "content-language", "language", "dc.language", "og:locale") ??
    ldString(ld?.inLanguage);
  if (!raw) return null;
  const primary = raw.trim().split(/[-_]/)[0]!.toLowerCase();
  // Not a language: a charset or "undetermined" written where the language belongs.
  return /^[a-z]{2,3}$/.test(primary) && !/^(?:utf|iso|win|und|mul|zxx|xx)$/.test(primary) ? primary : null;
}

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Drop the headline where the body repeats it (the article's `<h1>`), and everything before it that is short. */
function dropTitleBlocks(blocks: RawBlock[], title: string | null): RawBlock[] {
  if (!title) return blocks;
  const t = key(title);
  // The headline as the body repeats it, possibly after a one-word label ("Title: ...", "Blog: ...").
  const i = blocks.findIndex(
    (b, idx) => idx < 8 && (key(b.text) === t || key(b.text.replace(/^\p{L}+:\s*/u, "")) === t),
  );
  if (i < 0) return blocks;
  const before = blocks.slice(0, i);
  // Short lines above the headline are kicker, section and breadcrumb labels.
  const keepBefore = before.filter((b) => b.text.length > 150);
  return [...keepBefore, ...blocks.slice(i + 1)];
}

/** Blocks from JSON-LD `articleBody` (paragraphs on line breaks). */
function ldBlocks(body: string): RawBlock[] {
  const cleaned = body.includes("<") && /<\/?(?:p|br|div)\b/i.test(body) ? htmlishToText(body) : body;
  return cleaned
    .split(/\n+/)
    .map(squash)
    .filter(Boolean)
    .map((text) => ({ type: "paragraph" as const, text }));
}

function htmlishToText(s: string): string {
  return s
    .replace(/<(?:br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** Join blocks into `text` with offsets; consecutive duplicates are dropped. */
function assemble(raw: readonly RawBlock[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let text = "";
  let prev = "";
  for (const b of raw) {
    if (b.text === prev) continue;
    prev = b.text;
    if (text !== "") text += "\n\n";
    blocks.push({ type: b.type, start: text.length, end: text.length + b.text.length });
    text += b.text;
  }
  return { text, blocks };
}
