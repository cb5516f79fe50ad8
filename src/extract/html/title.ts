/**
 * The headline: JSON-LD `headline`, Open Graph, Twitter, `<title>` and `<h1>`, without the site's name.
 *
 * The page's own `<h1>` is preferred (it is what readers see), unless it sits in the site's chrome
 * (a logo or masthead, navigation, a footer); the declared titles confirm it and give its punctuation
 * and case when the markup lost them.
 */
import { squash } from "./dom.ts";
import { decodeEntities } from "./entities.ts";
import type { Heading } from "./headings.ts";

export { decodeEntities } from "./entities.ts";

/** An <h1> with at least this many words (or characters, for scripts without spaces) is a headline. */
const MIN_HEADLINE_WORDS = 3;
const MIN_HEADLINE_CHARS = 12;
/** Longest <h1> taken as a headline. */
const MAX_HEADLINE = 300;
/** Shortest headline (letters and digits) taken because the article shows it as a heading. */
const MIN_SHOWN_KEY = 10;
/** Most words in a kicker ("Election 2024:") that a declared title may carry. */
const MAX_KICKER_WORDS = 5;

/** Separators between a headline and a site name in `<title>` ("Headline | Site", "Site - Headline"). */
const SEPARATOR = /\s+(?:[|\-–—·•»~/⋆]|::)\s+/;
/** The same, and a colon (only where one side is known to be the site's name: "Site: Headline"). */
const SEPARATOR_COLON = /\s+(?:[|\-–—·•»~/⋆]|::)\s+|:\s+/;

function key(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200d]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function words(s: string): string[] {
  return s
    .split(/\s+/)
    .map(key)
    .filter((w) => w !== "");
}

/** A host name without `www.` and the top-level domain, as a key ("www.example-news.com" → "examplenews"). */
function hostKey(host: string | null): string {
  return host ? key(host.replace(/^www\./, "").replace(/\.[a-z]+$/i, "")) : "";
}

/**
 * A test for texts that are the site's name (a known name, the host, or a domain name). `loose` also
 * takes texts containing the name or contained in it (for the parts of a `<title>`: "Example News Online").
 */
function siteTest(
  siteNames: readonly string[],
  host: string | null,
  loose: boolean,
): (text: string) => boolean {
  const sites = siteNames.map(key).filter((k) => k !== "");
  const hk = hostKey(host);
  return (text: string) => {
    const k = key(text);
    if (k === "") return true;
    if (/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$/i.test(text.trim())) return true;
    for (const site of sites) {
      if (k === site) return true;
      if (loose && (k.includes(site) || (site.includes(k) && k.length >= 3))) return true;
    }
    if (hk === "") return false;
    return k === hk || (loose && (k.includes(hk) || (hk.includes(k) && k.length >= 4)));
  };
}

/**
 * Remove the site's name from a title.
 *
 * @param title a title as the page gives it
 * @param siteName the site's name (or names) if known (og:site_name, publisher, the masthead)
 * @param host the page's host name if known
 * @example cleanTitle("Rates rise again | The Daily", "The Daily") // "Rates rise again"
 * @example cleanTitle("The Daily: Rates rise again", "The Daily") // "Rates rise again"
 */
export function cleanTitle(
  title: string,
  siteName: string | readonly string[] | null,
  host: string | null = null,
): string {
  const t = squash(title);
  const names = siteName === null ? [] : typeof siteName === "string" ? [siteName] : siteName;
  const isSite = siteTest(names, host, true);
  let parts = t.split(SEPARATOR);
  // "Site: Headline" and "Headline: Site" only when that side is exactly the site's name.
  if (parts.length < 2) {
    const colon = t.split(SEPARATOR_COLON);
    const exact = siteTest(names, host, false);
    const hk = hostKey(host);
    // The site's name, or a short label naming the host ("Example Blog: Headline").
    const named = (p: string) =>
      exact(p) || (hk.length >= 4 && key(p).includes(hk) && p.trim().split(/\s+/).length <= 3);
    if (colon.length === 2 && (named(colon[0]!) || named(colon[1]!))) parts = colon;
  }
  if (parts.length < 2) return stripBareSite(t, host ? [...names, host.replace(/^www\./, "")] : names);
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
    const count = (s: string) => s.split(/\s+/).length;
    if (count(b) <= 3 && count(a) >= 4) return a;
    // "Site | Headline": a short first part before a bar.
    if (count(a) <= 3 && count(b) >= 4 && /^\s*[^|]+\s\|\s[^|]+$/.test(t)) return b;
  }
  return t;
}

/**
 * A title without the parts that are the site's name (a known name or the host), and nothing else
 * removed: unlike `cleanTitle`, a short part no name confirms stays ("Headline - A guided tour").
 */
function withoutSiteParts(t: string, names: readonly string[], host: string | null): string {
  const isSite = siteTest(names, host, true);
  const parts = t.split(SEPARATOR);
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length === parts.length) {
    // A short last part after a bar ("Headline | Example Blog") names the site all the same.
    const bar = t.split(/\s+\|\s+/);
    const count = (x: string) => x.split(/\s+/).length;
    if (bar.length === 2 && count(bar[1]!) <= 3 && count(bar[0]!) >= 4) return bar[0]!;
  }
  if (kept.length === 0 || kept.length === parts.length) return t;
  const first = t.indexOf(kept[0]!);
  const last = kept[kept.length - 1]!;
  const end = t.lastIndexOf(last) + last.length;
  return first >= 0 && end > first ? t.slice(first, end).trim() : kept.join(" - ");
}

/** A known site name standing at the start or end of a title without a separator ("example.com Headline"). */
function stripBareSite(t: string, names: readonly string[]): string {
  for (const n of names) {
    const name = squash(n);
    if (name.length < 4) continue;
    const rest = t.toLowerCase().startsWith(`${name.toLowerCase()} `)
      ? t.slice(name.length)
      : t.toLowerCase().endsWith(` ${name.toLowerCase()}`)
        ? t.slice(0, t.length - name.length)
        : null;
    if (rest !== null && rest.trim().split(/\s+/).length >= 2) return rest.trim();
  }
  return t;
}

/**
 * Headings that are the site's name: they repeat the first or last part of a declared title whose
 * other part is the headline, and they sit in the page's chrome or another declared title confirms
 * the other part ("Headline | Masthead" with `<h1>Masthead</h1>` in the page header).
 */
function mastheads(raw: readonly string[], headings: readonly Heading[]): string[] {
  const out: string[] = [];
  const declaredKeys = new Set(raw.map(key));
  for (const h of headings) {
    const hk = key(h.text);
    if (hk.length < 3) continue;
    for (const r of raw) {
      const parts = r.split(SEPARATOR_COLON);
      if (parts.length < 2) continue;
      const i = parts.findIndex((p) => key(p) === hk);
      if (i !== 0 && i !== parts.length - 1) continue;
      const rest = parts.filter((_, j) => j !== i);
      const restKey = key(rest.join(" "));
      if (restKey.length <= hk.length || declaredKeys.has(hk)) continue;
      // In the chrome and last ("Headline | Masthead"), or confirmed by another declared title.
      const confirmed = rest.some((p) => declaredKeys.has(key(p))) || declaredKeys.has(restKey);
      if ((h.chrome && i === parts.length - 1) || confirmed) {
        out.push(h.text);
        break;
      }
    }
  }
  return out;
}

/** The non-alphanumeric runs between the words of a text, edges excluded. */
function gaps(s: string): string[] {
  const inner = s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  return inner.match(/[^\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Of two forms of the same words, the one to show: the declared form when the heading lost
 * punctuation between its words (kicker and title in separate elements) or is set in capitals.
 */
function betterForm(heading: string, declared: readonly string[]): string {
  const hk = key(heading);
  const hg = gaps(heading);
  for (const d of declared) {
    if (key(d) !== hk || d === heading) continue;
    // Markdown emphasis left in a declared title ("*Title*") is not punctuation.
    if (/[*_]/.test(d) && !/[*_]/.test(heading)) continue;
    const dg = gaps(d);
    const caps =
      (/\p{Lu}{2}/u.test(heading) && heading === heading.toUpperCase() && d !== d.toUpperCase()) ||
      (d !== d.toUpperCase() &&
        (initialCaps(d) >= initialCaps(heading) + 2 || (/^\p{Ll}/u.test(heading) && /^\p{Lu}/u.test(d))));
    if (dg.length < hg.length) continue;
    // Every gap of the heading is kept in the declared form (which may have more).
    let superset = true;
    let richer = dg.length > hg.length;
    if (dg.length === hg.length) {
      for (let i = 0; i < hg.length; i++) {
        const a = hg[i]!.replace(/\s+/g, "");
        const b = dg[i]!.replace(/\s+/g, "");
        if (a === b) {
          // A space the heading lost after punctuation ("Police act:Two held").
          if (/\s/.test(dg[i]!) && !/\s/.test(hg[i]!)) richer = true;
          continue;
        }
        if (b.includes(a)) richer = true;
        else superset = false;
      }
    }
    if (superset && (richer || caps)) return d;
  }
  return heading;
}

/**
 * How many words start with a capital. Style sheets often set a heading in sentence case or lower case
 * while the page declares it in title case; the declared case is then the headline's.
 */
function initialCaps(s: string): number {
  return s.match(/(?:^|[\s(["'“‘])\p{Lu}/gu)?.length ?? 0;
}

/** Whether `declared` is `heading` after a short kicker and a colon ("Election 2024: Polls close"). */
function kickerBefore(declared: string, heading: string): boolean {
  const m = /^(.{2,80}?):\s+(.+)$/.exec(declared);
  return !!m && key(m[2]!) === key(heading) && words(m[1]!).length <= MAX_KICKER_WORDS;
}

/**
 * Whether `heading` is `declared` after a one-word label and a colon ("Blog: Ten tips", "Title:Ten tips"):
 * the page's section or field label set in the heading.
 */
function labelBefore(heading: string, declared: string): boolean {
  const m = /^\p{L}+:\s*(.+)$/u.exec(heading);
  return !!m && key(declared).length >= 10 && key(m[1]!) === key(declared);
}

/**
 * The declared form of a heading whose markup had characters it could not encode replaced by "?"
 * ("Event Planning? Beginner? Guide" for "Event Planning: Beginner's Guide"), or null.
 */
function unmangled(heading: string, declared: readonly string[]): string | null {
  const inner = heading.slice(0, -1);
  if (!inner.includes("?")) return null;
  const pattern = new RegExp(
    `^${inner.replace(/[.*+^${}()|[\]\\]/g, "\\$&").replace(/\?/g, "[^?]{1,3}")}${heading.slice(-1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
    "u",
  );
  return declared.find((d) => d !== heading && !d.includes("?") && pattern.test(d)) ?? null;
}

/** A written-out date at the start or end of a heading ("Dec 18 2025", "January 1, 2025", "18.12.2025"). */
const DATE_EDGE =
  /^(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d)\s+|\s+(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d)$/u;

/** Whether `heading` is `declared` with a date before or after it. */
function dateAround(heading: string, declared: string): boolean {
  const stripped = heading.replace(DATE_EDGE, "");
  return stripped !== heading && key(stripped) === key(declared) && key(declared).length >= 8;
}

/**
 * Choose the headline.
 *
 * @param declared titles the page declares, best first (JSON-LD headline, og:title, twitter:title, `<title>`)
 * @param headings the page's `<h1>` (and `itemprop=headline`) elements, in document order
 * @param siteName the site's name if known
 * @param host the page's host if known
 * @param parts texts of the children of headings split into kicker and title; taken only when one
 *   equals a declared title
 * @param shown texts of the article's `<h2>`/`<h3>` headings (and their parts); a declared title
 *   `shownFrom` one of them shows is the headline
 * @param shownFrom the declared titles that count when shown (JSON-LD headline, og:title, `<title>`)
 * @returns the headline without the site name, or null
 */
export function pickTitle(
  declared: readonly (string | null)[],
  headings: readonly (Heading | string)[],
  siteName: string | null,
  host: string | null,
  parts: readonly string[] = [],
  shown: readonly string[] = [],
  shownFrom: readonly (string | null)[] = [],
): string | null {
  const hs: Heading[] = headings
    .map((h) => (typeof h === "string" ? { text: h, chrome: false } : h))
    .map((h) => ({ text: squash(decodeEntities(h.text)), chrome: h.chrome }))
    .filter((h) => h.text !== "");
  const raw = declared
    .filter((x): x is string => !!x && squash(x) !== "")
    .map((x) => squash(decodeEntities(x)));
  const sites = [...(siteName ? [siteName] : []), ...mastheads(raw, hs)];
  const isSite = siteTest(sites, host, false);
  const cleaned = raw.map((t) => cleanTitle(t, sites, host));
  const forms = [...cleaned, ...raw];
  const keys = new Set(forms.map(key));
  const own = hs.filter((h) => !isSite(h.text));
  // A declared title the article shows again as one of its headings: the article's own headline, where
  // the <h1> may be the page header's teaser or an SEO wording.
  for (const s of shownFrom) {
    if (!s || squash(s) === "") continue;
    const c = withoutSiteParts(squash(decodeEntities(s)), sites, host);
    const ck = key(c);
    if (ck.length < MIN_SHOWN_KEY || isSite(c)) continue;
    const heading = shown.find((h) => key(h) === ck);
    if (heading === undefined) continue;
    // An <h1> saying the same is taken below, in its own form, unless another declared title is
    // shown too (the part after the kicker of a heading the <h1> repeats whole).
    if (own.some((h) => key(h.text) === ck)) continue;
    return betterForm(heading, forms);
  }
  // A heading the declared titles confirm, chrome or not.
  for (const h of own) {
    const restored = unmangled(h.text, cleaned);
    if (restored !== null) return restored;
    if (key(h.text).length >= 4 && keys.has(key(h.text)))
      return siteFree(labelFree(betterForm(h.text, forms)), sites);
  }
  for (const p of parts) {
    const pk = key(p);
    if (pk.length >= 10 && keys.has(pk)) return squash(p);
  }
  const article = own.filter((h) => !h.chrome && h.text.length <= MAX_HEADLINE);
  // A declared title that is the heading with a kicker ("Election 2024: Polls close"), or a heading
  // with a date stuck to it: the declared title is the headline.
  for (const h of article) {
    for (const c of cleaned) {
      if (kickerBefore(c, h.text) || dateAround(h.text, c) || labelBefore(h.text, c)) return c;
    }
  }
  // A heading that a declared title starts or ends with (the rest being the site name).
  const startsDeclared = (h: Heading) => {
    const hk = key(h.text);
    return hk.length >= 10 && raw.some((r) => key(r).startsWith(hk) || key(r).endsWith(hk));
  };
  const declaredParts = raw.flatMap((r) => r.split(SEPARATOR));
  for (const h of article) if (startsDeclared(h)) return labelFree(betterForm(h.text, declaredParts));
  // The page's own headline: the first substantial <h1> that is not the site's name, unless it shares
  // no word with a longer declared title (then it is a blog's or section's name: "Notes from the Shed").
  const best = cleaned.find((c) => !isSite(c)) ?? null;
  for (const h of article) {
    if (!headlineShaped(h.text)) continue;
    if (best !== null && unrelated(h.text, best)) continue;
    // Set in capitals, and no declared title says it: a display label ("SUPPORTING GAAP COMPLIANCE")
    // or a restyled wording; the declared title, in its own case, is the headline.
    if (best !== null && allCaps(h.text) && !allCaps(best)) continue;
    return labelFree(h.text);
  }
  // A heading in the chrome that the declared titles confirm.
  for (const h of own) if (h.chrome && startsDeclared(h)) return h.text;
  if (cleaned.length > 0) {
    // og:title and JSON-LD are usually cleaner than <title>; take the first that is not just the site.
    const i = cleaned.findIndex((c) => !isSite(c));
    if (i >= 0) return untruncated(cleaned[i]!, cleaned);
    return cleaned[0]!;
  }
  const h = own.find((x) => key(x.text).length >= 4) ?? hs.find((x) => key(x.text).length >= 4);
  return h ? h.text : null;
}

/**
 * Whether a heading can be a headline: substantial (enough words or characters), not a lead-in
 * ending in a colon, not a file path ("someone/notes.md"), not a description of several sentences.
 */
function headlineShaped(h: string): boolean {
  if (h.split(" ").length < MIN_HEADLINE_WORDS && key(h).length < MIN_HEADLINE_CHARS) return false;
  if (/:$/.test(h)) return false;
  if (/^[\w.-]+(?:\/[\w.-]+)+$/.test(h)) return false;
  const sentences = h.match(/[.!?](?=\s+\p{Lu})/gu)?.length ?? 0;
  return !(sentences >= 2 && h.length > 120);
}

/** Whether a text is set in capitals (at least eight letters, none lower case). */
function allCaps(s: string): boolean {
  return (s.match(/\p{Lu}/gu)?.length ?? 0) >= 8 && !/\p{Ll}/u.test(s);
}

/** Content words (3+ letters or any digits) of a text. */
function contentWords(s: string): Set<string> {
  return new Set(words(s).filter((w) => w.length >= 3 || /\d/.test(w)));
}

/**
 * Whether a heading has nothing to do with a declared title: no content word in common and fewer
 * words than it. Scripts without spaces are never judged so.
 */
function unrelated(heading: string, declared: string): boolean {
  const hw = contentWords(heading);
  const dw = contentWords(declared);
  if (hw.size === 0 || dw.size < MIN_HEADLINE_WORDS || hw.size >= dw.size) return false;
  for (const w of hw) if (dw.has(w)) return false;
  return true;
}

/** A heading without the site's exact name set before or after it ("Headline – Example Times"). */
function siteFree(h: string, sites: readonly string[]): string {
  const parts = h.split(SEPARATOR);
  if (parts.length < 2) return h;
  const siteKeys = new Set(sites.map(key).filter((k) => k.length >= 3));
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (siteKeys.has(key(last))) return h.slice(0, h.lastIndexOf(last)).replace(SEPARATOR_END, "");
  if (siteKeys.has(key(first))) return h.slice(first.length).replace(SEPARATOR_START, "");
  return h;
}

const SEPARATOR_END = /\s+(?:[|\-–—·•»~/⋆]|::)\s*$/;
const SEPARATOR_START = /^\s*(?:[|\-–—·•»~/⋆]|::)\s+/;

/**
 * A declared title cut short (ending in an ellipsis or inside parentheses or quotes), replaced by
 * another declared title that begins with it.
 */
function untruncated(title: string, others: readonly string[]): string {
  const open = (title.match(/[([{]/g)?.length ?? 0) > (title.match(/[)\]}]/g)?.length ?? 0);
  const quotes = (title.match(/["“”]/g)?.length ?? 0) % 2 === 1;
  if (!/(?:\.\.\.|…)$/.test(title) && !open && !quotes) return title;
  const k = key(title);
  const longer = others.find((o) => key(o).length > k.length && key(o).startsWith(k));
  return longer ?? title;
}

/** A heading without a trailing " | Label" (a section or site name set in the same element). */
function labelFree(h: string): string {
  const parts = h.split(/\s+\|\s+/);
  return parts.length > 1 && parts[0]!.split(" ").length >= MIN_HEADLINE_WORDS ? parts[0]! : h;
}
