/**
 * The page's publication and modification dates: JSON-LD, meta tags, `<time>` elements, a date the
 * the URL, and a date the page shows near the headline, in that order. Offsets are the page's own: a UTC timestamp
 * in the metadata is shown in the offset the page's `<time>` elements use when that offset, not UTC,
 * puts it on the day the URL names.
 */
import type { Document } from "domhandler";
import { dateFromUrl, normaliseDate, parseLooseDate } from "./dates.ts";
import { attr, findFirst, squash, textOf, walk } from "./dom.ts";
import { type LdNode, ldString, metaValue, type PageMeta } from "./meta.ts";

/** Meta names of a publication date, best first. */
const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "article.published",
  "published_time",
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "published",
  "published-date",
  "published_date",
  "publication_date",
  "publication-date",
  "date-published",
  "date.published",
  "pub_date",
  "sailthru.date",
  "parsely-pub-date",
  "dc.date.issued",
  "dcterms.issued",
  "dcterms.created",
  "dc.date.created",
  "citation_publication_date",
  "citation_date",
  "dc.date",
  "dcterms.date",
  "date",
  "article:published",
  "og:published_time",
  "release_date",
];

/** Meta names of a modification date, best first. */
const MODIFIED_META = [
  "article:modified_time",
  "og:updated_time",
  "datemodified",
  "last-modified",
  "dc.date.modified",
  "dcterms.modified",
  "modified",
  "modified-date",
  "article:modified",
];

/**
 * Publication and modification dates of a page.
 *
 * @param dom the parsed page
 * @param meta its metadata
 * @param ld the article's JSON-LD node, if any
 * @param url the page's address, if known
 * @returns `published` (the modification date when the page gives no other) and `modified`
 */
export function pageDates(
  dom: Document,
  meta: PageMeta,
  ld: LdNode | null,
  url: string | null,
): { published: string | null; modified: string | null } {
  const modified = normaliseDate(ldString(ld?.dateModified) ?? metaValue(meta, ...MODIFIED_META));
  const declared = normaliseDate(ldString(ld?.datePublished) ?? metaValue(meta, ...PUBLISHED_META));
  const fromUrl = dateFromUrl(url);
  // Pages in languages other than US English write "03/10/2023" day first.
  const dayFirst = !!meta.htmlLang && !/^en(?:-us)?$/i.test(meta.htmlLang.trim());
  let published =
    declared ?? timeElementDate(dom) ?? scriptDate(dom) ?? fromUrl ?? visibleDate(dom, dayFirst) ?? modified;
  if (published && declared === published) published = inPageOffset(published, dom, fromUrl);
  return { published, modified };
}

const UTC_STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:Z|\+00:00)$/;

/**
 * A UTC timestamp shown in the offset of the page's own `<time datetime>` values, when that offset
 * (and not UTC) puts it on the day the URL names.
 *
 * @example inPageOffset("2025-03-04T02:00:00Z", dom with <time datetime="...-05:00">, "2025-03-03") // "2025-03-03T21:00:00-05:00"
 */
export function inPageOffset(stamp: string, dom: Document, urlDay: string | null): string {
  const m = UTC_STAMP.exec(stamp);
  if (!m) return stamp;
  let offset: string | null = null;
  let seen = 0;
  walk(dom, (el) => {
    if (offset !== null || seen > 20) return false;
    if (el.name !== "time") return true;
    seen++;
    const z = /[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?([+-]\d\d:?\d\d)$/.exec(attr(el, "datetime").trim());
    if (z && !/^[+-]00:?00$/.test(z[1]!)) offset = z[1]!;
    return false;
  });
  if (offset === null) return stamp;
  const om = /^([+-])(\d\d):?(\d\d)$/.exec(offset)!;
  const minutes = (om[1] === "-" ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3]));
  const local = new Date(Date.parse(`${m[1]}Z`) + minutes * 60_000).toISOString().slice(0, 19);
  if (urlDay === null || local.slice(0, 10) !== urlDay || stamp.slice(0, 10) === urlDay) return stamp;
  return `${local}${om[1]}${om[2]}:${om[3]}`;
}

/** A publication date in a page's data (a script's JSON, a data attribute), quoted or entity-escaped. */
const SCRIPT_DATE =
  /(?:"|&quot;)(?:datePublished|publishDate|publishedDate|published_at|publishedAt|publicationDate|pubDate|date_published|firstPublished|first_published_at)(?:"|&quot;)\s*:\s*(?:"|&quot;)(\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?)/;
/** How much script text is searched for a date. */
const MAX_SCRIPT_CHARS = 500_000;

/** The first publication date written in the page's scripts (data layers, app state). */
function scriptDate(dom: Document): string | null {
  let budget = MAX_SCRIPT_CHARS;
  let found: string | null = null;
  walk(dom, (el) => {
    if (found !== null || budget <= 0) return false;
    if (el.name !== "script") return true;
    if (/ld\+json/i.test(attr(el, "type"))) return false;
    const text = textOf(el).slice(0, budget);
    budget -= text.length;
    const m = SCRIPT_DATE.exec(text);
    if (m) found = normaliseDate(m[1]!);
    return false;
  });
  return found;
}

/** The date of the first `<time datetime>` (or `itemprop=datePublished`) in the page. */
function timeElementDate(dom: Document): string | null {
  const el =
    findFirst(dom, (e) => attr(e, "itemprop") === "datePublished") ??
    findFirst(dom, (e) => e.name === "time" && (attr(e, "datetime") !== "" || "pubdate" in e.attribs));
  if (!el) return null;
  return normaliseDate(attr(el, "datetime") || attr(el, "content") || squash(textOf(el)));
}

/** Class/id words of elements that show a date. */
const DATE_CLASS = /date|time|publish|posted|byline|meta|dateline|updated/i;
/** Longest text read as a shown date. */
const MAX_DATE_TEXT = 120;
/** How many short texts near the top are searched for a written-out date. */
const DATE_SCAN_TEXTS = 400;
/** A text that is nothing but a numeric date ("23.07.2025", "2025-07-23", "2025-07-23T08:10+02:00"). */
const NUMERIC_DATE =
  /^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}[-/.]\d\d[-/.]\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?)$/;

/** A date from a shown text: ISO forms keep their time and offset, others give the day. */
function shownDate(t: string, dayFirst = false): string | null {
  return /^\d{4}-\d\d-\d\d/.test(t) ? normaliseDate(t) : parseLooseDate(t, dayFirst);
}

/** How many texts after the headline are searched first. */
const AFTER_HEADLINE_TEXTS = 40;
/** How many texts are read in all. */
const MAX_SCAN_TEXTS = 4000;

/**
 * A date the page shows: in an element whose class names a date, else a short text that is a
 * written-out date or nothing but a numeric date, looked for just after the headline first, then
 * from the top of the page (for pages without date metadata).
 */
function visibleDate(dom: Document, dayFirst: boolean): string | null {
  const marked = findFirst(dom, (el) => {
    if (!DATE_CLASS.test(`${attr(el, "class")} ${attr(el, "id")}`)) return false;
    const t = squash(textOf(el));
    return t.length > 0 && t.length <= MAX_DATE_TEXT && shownDate(t, dayFirst) !== null;
  });
  if (marked) return shownDate(squash(textOf(marked)), dayFirst);
  const texts: string[] = [];
  let headline = -1;
  walk(dom, (el) => {
    if (texts.length > MAX_SCAN_TEXTS) return false;
    if (el.name === "script" || el.name === "style" || el.name === "head") return false;
    if (el.name === "h1" && headline < 0) headline = texts.length;
    for (const c of el.children) {
      if (c.type !== "text") continue;
      const t = squash((c as { data: string }).data);
      if (t.length >= 8) texts.push(t);
    }
    return true;
  });
  const dateIn = (t: string) => {
    const written = t.length <= MAX_DATE_TEXT && /\p{L}{3}/u.test(t) && /\d{4}/.test(t);
    return written || NUMERIC_DATE.test(t) ? shownDate(t, dayFirst) : null;
  };
  if (headline >= 0) {
    for (const t of texts.slice(headline, headline + AFTER_HEADLINE_TEXTS)) {
      const d = dateIn(t);
      if (d) return d;
    }
  }
  for (const t of texts.slice(0, DATE_SCAN_TEXTS)) {
    const d = dateIn(t);
    if (d) return d;
  }
  return null;
}
