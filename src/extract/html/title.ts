/**
 * The headline: JSON-LD `headline`, Open Graph, Twitter, `<title>` and `<h1>`, without the site's name.
 */
import { squash } from "./dom.ts";

/** An <h1> with at least this many words (or characters, for scripts without spaces) is a headline. */
const MIN_HEADLINE_WORDS = 3;
const MIN_HEADLINE_CHARS = 12;
/** Longest <h1> taken as a headline. */
const MAX_HEADLINE = 300;

/** Separators between a headline and a site name in `<title>` ("Headline | Site", "Site - Headline"). */
const SEPARATOR = /\s+(?:[|\-–—·•»~/]|::)\s+/;

function key(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200d]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Decode entities left in metadata by double encoding (`&amp;amp;`, `&#038;`).
 *
 * @example decodeEntities("Full &#038; Part Time") // "Full & Part Time"
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/**
 * Remove the site's name from a title.
 *
 * @param title a title as the page gives it
 * @param siteName the site's name if known (og:site_name, publisher)
 * @param host the page's host name if known
 * @example cleanTitle("Rates rise again | The Daily", "The Daily") // "Rates rise again"
 */
export function cleanTitle(title: string, siteName: string | null, host: string | null = null): string {
  const t = squash(title);
  const parts = t.split(SEPARATOR);
  if (parts.length < 2) return t;
  const site = siteName ? key(siteName) : "";
  const hostKey = host ? key(host.replace(/^www\./, "").replace(/\.[a-z]+$/i, "")) : "";
  const isSite = (p: string) => {
    const k = key(p);
    if (k === "") return true;
    if (site && (k === site || k.includes(site) || (site.includes(k) && k.length >= 3))) return true;
    if (hostKey && (k === hostKey || k.includes(hostKey) || (hostKey.includes(k) && k.length >= 4)))
      return true;
    return false;
  };
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length > 0 && kept.length < parts.length) {
    // Rejoin with the separators between kept parts.
    const first = t.indexOf(kept[0]!);
    const last = kept[kept.length - 1]!;
    const end = t.lastIndexOf(last) + last.length;
    if (first >= 0 && end > first) return t.slice(first, end).trim();
    return kept.join(" - ");
  }
  // No site name known: a short last part after a long first part is a site name.
  if (kept.length === parts.length && parts.length === 2) {
    const [a, b] = parts as [string, string];
    const words = (s: string) => s.split(/\s+/).length;
    if (words(b) <= 3 && words(a) >= 4) return a;
  }
  return t;
}

/**
 * Choose the headline.
 *
 * @param declared titles the page declares, best first (JSON-LD headline, og:title, twitter:title, `<title>`)
 * @param headings texts of the page's `<h1>` (and `itemprop=headline`) elements, in document order
 * @param siteName the site's name if known
 * @param host the page's host if known
 * @param parts texts of the children of headings split into kicker and title; taken only when one
 *   equals a declared title
 * @returns the headline without the site name, or null
 */
export function pickTitle(
  declared: readonly (string | null)[],
  headings: readonly string[],
  siteName: string | null,
  host: string | null,
  parts: readonly string[] = [],
): string | null {
  const raw = declared
    .filter((x): x is string => !!x && squash(x) !== "")
    .map((x) => squash(decodeEntities(x)));
  const cleaned = raw.map((t) => cleanTitle(t, siteName, host));
  const keys = new Set([...raw, ...cleaned].map(key));
  for (const h of headings) {
    const hk = key(h);
    if (hk.length < 4) continue;
    if (keys.has(hk)) return squash(h);
  }
  for (const p of parts) {
    const pk = key(p);
    if (pk.length >= 10 && keys.has(pk)) return squash(p);
  }
  // A heading that a declared title starts or ends with (the rest being the site name).
  for (const h of headings) {
    const hk = key(h);
    if (hk.length < 10) continue;
    for (const r of raw) {
      const rk = key(r);
      if (rk.startsWith(hk) || rk.endsWith(hk)) return squash(h);
    }
  }
  // The page's own headline: the first substantial <h1> that is not the site's name.
  const site = siteName ? key(siteName) : "";
  const hostKey = host ? key(host.replace(/^www\./, "").replace(/\.[a-z]+$/i, "")) : "";
  for (const h of headings) {
    const hk = key(h);
    if (hk === site || hk === hostKey || h.length > MAX_HEADLINE) continue;
    if (squash(h).split(" ").length >= MIN_HEADLINE_WORDS || hk.length >= MIN_HEADLINE_CHARS)
      return squash(h);
  }
  if (cleaned.length > 0) {
    // og:title and JSON-LD are usually cleaner than <title>; take the first that is not just the site.
    for (const c of cleaned) if (key(c) !== site) return c;
    return cleaned[0]!;
  }
  const h = headings.find((x) => key(x).length >= 4);
  return h ? squash(h) : null;
}
