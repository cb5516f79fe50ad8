/**
 * Metadata beyond the contract's fields: the lead image, the section and the keywords, as the page
 * declares them (Open Graph, Twitter cards, JSON-LD, meta tags). Nothing is fetched or guessed.
 */

import { decodeEntities } from "./entities.ts";
import type { ListingVerdict } from "./listing.ts";
import { type LdNode, ldString, metaValue, type PageMeta } from "./meta.ts";
import { resolveUrl } from "./related.ts";

export interface ArticleExtras {
  /** Absolute URL of the lead image, or null. */
  readonly image: string | null;
  /** The section or desk ("Politics", "Sport"), or null. */
  readonly section: string | null;
  /** Keywords and tags, as written, unique (case-insensitively), at most `MAX_KEYWORDS`. */
  readonly keywords: readonly string[];
  /** Whether the page is a listing of teasers (a tag, category or search page), not an article (`listing.ts`). */
  readonly listing: ListingVerdict;
}

/** Most keywords kept. */
const MAX_KEYWORDS = 30;
/** Longest keyword kept. */
const MAX_KEYWORD = 80;

/** A URL from a JSON-LD image value (a string, an ImageObject, or a list of either). */
function ldImage(value: unknown, depth = 0): string | null {
  if (depth > 3 || value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 5)) {
      const u = ldImage(v, depth + 1);
      if (u) return u;
    }
    return null;
  }
  if (typeof value === "object") {
    const o = value as LdNode;
    return ldImage(o.url ?? o.contentUrl, depth + 1);
  }
  return null;
}

/**
 * The lead image, section and keywords of a page.
 *
 * @param meta the page's metadata
 * @param ld the article's JSON-LD node, if any
 * @param url the page's address, for relative image URLs
 * @example pageExtras(readMeta(parsePage('<meta property="og:image" content="/a.jpg">')), null, "https://example.org/x").image // "https://example.org/a.jpg"
 */
export function pageExtras(
  meta: PageMeta,
  ld: LdNode | null,
  url: string | null,
): Omit<ArticleExtras, "listing"> {
  const rawImage =
    metaValue(
      meta,
      "og:image:secure_url",
      "og:image",
      "og:image:url",
      "twitter:image",
      "twitter:image:src",
    ) ??
    ldImage(ld?.image) ??
    ldImage(ld?.thumbnailUrl) ??
    meta.links.get("image_src") ??
    null;
  const image =
    rawImage && !/^\s*(?:data|javascript):/i.test(rawImage)
      ? resolveUrl(decodeEntities(rawImage.trim()), url)
      : null;
  const sectionRaw =
    ldString(ld?.articleSection) ??
    metaValue(
      meta,
      "article:section",
      "og:article:section",
      "section",
      "parsely-section",
      "sailthru.section",
      "category",
    );
  const section = sectionRaw ? decodeEntities(sectionRaw).trim() || null : null;
  const keywords: string[] = [];
  const seen = new Set<string>();
  const add = (value: unknown) => {
    const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/\s*[,;|]\s*/) : [];
    for (const v of list) {
      if (typeof v !== "string") continue;
      const k = decodeEntities(v).replace(/\s+/g, " ").trim();
      if (k === "" || k.length > MAX_KEYWORD || seen.has(k.toLowerCase()) || keywords.length >= MAX_KEYWORDS)
        continue;
      seen.add(k.toLowerCase());
      keywords.push(k);
    }
  };
  add(ld?.keywords);
  for (const key of ["news_keywords", "keywords", "article:tag", "parsely-tags", "sailthru.tags"]) {
    for (const v of meta.meta.get(key) ?? []) add(v);
  }
  return { image, section, keywords };
}
