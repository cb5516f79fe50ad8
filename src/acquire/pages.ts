/**
 * Paginated articles: a page that declares its continuation (`<link rel="next">`, the markup
 * paginated news articles use) has its further pages fetched and carried with it, so extraction can
 * join the article's parts. Only continuations of the same article are followed: the same origin and
 * the same address up to a page number that grows. Listing pages are never followed from here (this
 * runs on article fetches only).
 */
import type { Document, Result } from "../core/index.ts";

/** Most further pages of one article fetched. */
export const MAX_FURTHER_PAGES = 4;
/** Bytes of a page searched for its `<link rel="next">` (the head). */
const HEAD_BYTES = 256 * 1024;
const HEAD_DECODER = new TextDecoder();

/** Highest page number taken for a page of one article. */
const MAX_PAGE_NUMBER = 30;
/** Words naming a page number in paths and queries. */
const PAGE_WORDS = "page|p|pg|seite|pagina|strona|sida";
const PAGE_QUERY = new RegExp(`([?&])(?:${PAGE_WORDS})=(\\d{1,3})(?=&|$)`, "i");
const PAGE_PATH = new RegExp(`(?:[/_-](?:${PAGE_WORDS})[/_-]?|/)(\\d{1,3})(?:\\.[a-z]+)?/?$`, "i");
const PAGE_SUFFIX = /[-_](\d{1,3})(\.[a-z]{2,5})$/i;

/** The page number an address carries (1 when none), and the address without it. */
export function pageOf(url: URL): { readonly page: number; readonly base: string } {
  let path = url.pathname;
  let search = url.search;
  let page = 1;
  const q = PAGE_QUERY.exec(search);
  if (q) {
    page = Number(q[2]);
    search = search.replace(PAGE_QUERY, "$1").replace(/[?&]$/, "").replace("?&", "?");
  } else {
    const p = PAGE_PATH.exec(path);
    const s = p ? null : PAGE_SUFFIX.exec(path);
    if (p) {
      page = Number(p[1]);
      path = path.slice(0, p.index) || "/";
    } else if (s) {
      page = Number(s[1]);
      path = path.slice(0, s.index) + s[2];
    }
  }
  return { page, base: `${url.origin}${path.replace(/\/$/, "")}${search}`.toLowerCase() };
}

/**
 * Is `next` the continuation of the article at `current`: same origin, same address but for the next
 * page number?
 *
 * @example isContinuation("https://x.example/news/a-story", "https://x.example/news/a-story/2") // true
 * @example isContinuation("https://x.example/news/a-story", "https://x.example/news/another-story") // false
 */
export function isContinuation(current: string, next: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(current);
    b = new URL(next);
  } catch {
    return false;
  }
  if (a.origin !== b.origin || (b.protocol !== "https:" && b.protocol !== "http:")) return false;
  const pa = pageOf(a);
  const pb = pageOf(b);
  // The page after this one, of an article of a few pages (a number in the hundreds is an id).
  return pa.base === pb.base && pb.page === pa.page + 1 && pa.page < MAX_PAGE_NUMBER;
}

/** The `href` of a page's `<link rel="next">`, resolved against its address, or null. */
export function nextPageLink(html: string, pageUrl: string): string | null {
  const head = html.slice(0, HEAD_BYTES);
  const re = /<link\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(tag)?.[1];
    if (!rel?.toLowerCase().split(/\s+/).includes("next")) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const raw = (href?.[1] ?? href?.[2] ?? href?.[3] ?? "").replace(/&amp;/g, "&").trim();
    if (!raw) return null;
    try {
      return new URL(raw, pageUrl).href;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The document with the further pages of its article, fetched in order while each declares the next
 * continuation (at most `max`). A further page that fails to fetch ends the chain; the pages fetched
 * so far are kept. Documents that are not HTML, or declare no continuation, come back as they were.
 *
 * @param doc an article page as fetched
 * @param fetch how a further page is fetched (the same guard, limits and politeness as the first)
 * @param max most further pages
 */
export async function withFurtherPages<D extends Document>(
  doc: D,
  fetch: (url: string) => Promise<Result<Document>>,
  max = MAX_FURTHER_PAGES,
): Promise<D> {
  if (!doc.url || !/html/i.test(doc.contentType ?? "text/html")) return doc;
  const pages: Document[] = [];
  const seen = new Set([doc.url]);
  let current: Document = doc;
  while (pages.length < max) {
    // Only the head is read, as UTF-8 (a link's address is ASCII in practice): no whole-page decode on
    // every article fetch.
    const next = nextPageLink(HEAD_DECODER.decode(current.body.subarray(0, HEAD_BYTES)), current.url!);
    if (!next || seen.has(next) || !isContinuation(current.url!, next)) break;
    seen.add(next);
    const r = await fetch(next);
    if (!r.ok || !r.value.url || !/html/i.test(r.value.contentType ?? "text/html")) break;
    pages.push(r.value);
    current = r.value;
  }
  return pages.length > 0 ? { ...doc, pages } : doc;
}
