/**
 * The page's declared metadata: `<meta>` tags, `<link rel>`, `<html lang>` and JSON-LD objects,
 * gathered in one pass before any cleaning.
 */
import type { Document, Element } from "domhandler";
import { attr, squash, textOf, walk } from "./dom.ts";

/** A JSON-LD node (any object from a `application/ld+json` script, `@graph`s flattened). */
export type LdNode = Record<string, unknown>;

export interface PageMeta {
  /** `<meta>` values by lower-cased `name`, `property`, `itemprop` or `http-equiv`; first value first. */
  readonly meta: ReadonlyMap<string, readonly string[]>;
  /** `<link rel=...>` hrefs by lower-cased rel. */
  readonly links: ReadonlyMap<string, string>;
  readonly ld: readonly LdNode[];
  readonly htmlLang: string | null;
  /** Text of `<title>`. */
  readonly title: string | null;
}

/** Longest JSON-LD script parsed, in characters. */
const MAX_LD_CHARS = 2_000_000;

/**
 * Read the metadata of a parsed page.
 *
 * @param dom the parsed page
 * @returns meta tags, links, JSON-LD nodes, html lang and `<title>`
 */
export function readMeta(dom: Document): PageMeta {
  const meta = new Map<string, string[]>();
  const links = new Map<string, string>();
  const ld: LdNode[] = [];
  let htmlLang: string | null = null;
  let title: string | null = null;
  const add = (key: string, value: string) => {
    const k = key.toLowerCase().trim();
    if (!k || !value) return;
    const list = meta.get(k);
    if (list) list.push(value);
    else meta.set(k, [value]);
  };
  walk(dom, (el: Element) => {
    switch (el.name) {
      case "html":
        htmlLang ??= attr(el, "lang") || attr(el, "xml:lang") || null;
        return true;
      case "meta": {
        const content = squash(attr(el, "content"));
        for (const key of ["name", "property", "itemprop", "http-equiv"]) {
          const k = attr(el, key);
          if (k) for (const part of k.split(/\s+/)) add(part, content);
        }
        if (attr(el, "itemprop") && !content && attr(el, "datetime"))
          add(attr(el, "itemprop"), attr(el, "datetime"));
        // JSON-LD carried in a meta tag (`<meta name="script:ld+json" content="{...}">`, as some
        // frameworks' metadata helpers write it).
        if (/ld\+json$/i.test(attr(el, "name") || attr(el, "property"))) {
          const raw = attr(el, "content");
          if (raw.length <= MAX_LD_CHARS) collectLd(parseLd(raw), ld);
        }
        return false;
      }
      case "link": {
        const rel = attr(el, "rel").toLowerCase();
        const href = attr(el, "href");
        if (rel && href) for (const r of rel.split(/\s+/)) if (!links.has(r)) links.set(r, href);
        return false;
      }
      case "title":
        if (title === null && !hasSvgAncestor(el)) title = squash(textOf(el)) || null;
        return false;
      case "script": {
        if (!/ld\+json/i.test(attr(el, "type"))) return false;
        const raw = textOf(el);
        if (raw.length > MAX_LD_CHARS) return false;
        collectLd(parseLd(raw), ld);
        return false;
      }
      case "svg":
        return false;
      default:
        return true;
    }
  });
  return { meta, links, ld, htmlLang, title };
}

function hasSvgAncestor(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if ("name" in p && p.name === "svg") return true;
  return false;
}

/** Parse JSON-LD leniently (CDATA wrappers, trailing semicolons, raw newlines in strings). */
export function parseLd(raw: string): unknown {
  const s = raw
    .trim()
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, "")
    .replace(/^<!\[CDATA\[|\]\]>$/g, "")
    .replace(/;\s*$/, "")
    .trim();
  try {
    return JSON.parse(s);
  } catch {
    try {
      return JSON.parse(s.replace(/[\n\r\t]+/g, " "));
    } catch {
      return null;
    }
  }
}

/** Flatten arrays and `@graph`s into a list of objects (bounded). */
function collectLd(value: unknown, out: LdNode[], depth = 0): void {
  if (depth > 6 || out.length > 200 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) collectLd(v, out, depth + 1);
    return;
  }
  const node = value as LdNode;
  out.push(node);
  if (node["@graph"]) collectLd(node["@graph"], out, depth + 1);
  // Articles nested as mainEntity of a WebPage.
  if (node.mainEntity && typeof node.mainEntity === "object") collectLd(node.mainEntity, out, depth + 1);
}

/** The `@type` values of a JSON-LD node, lower-cased. */
export function ldTypes(node: LdNode): string[] {
  const t = node["@type"];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase());
}

const ARTICLE_TYPE =
  /article|posting|report|newsarticle|blog|review|analysis|opinion|backgroundnews|liveblog|webcontent|creativework|techarticle|medicalwebpage|recipe|howto|qapage|faqpage/;

/**
 * The JSON-LD node describing the article, if any: an Article-like type with a headline, else the WebPage.
 */
export function articleLd(ld: readonly LdNode[]): LdNode | null {
  let best: LdNode | null = null;
  let bestScore = 0;
  for (const node of ld) {
    const types = ldTypes(node);
    let score = 0;
    if (types.some((t) => /article|posting|report|liveblog/.test(t))) score += 4;
    else if (types.some((t) => ARTICLE_TYPE.test(t))) score += 2;
    else if (types.some((t) => t === "webpage" || t === "itempage")) score += 1;
    if (score === 0) continue;
    if (typeof node.headline === "string") score += 1;
    if (node.datePublished) score += 1;
    if (node.author) score += 1;
    if (typeof node.articleBody === "string") score += 1;
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/** The first value of any of the meta keys, in the order given. */
export function metaValue(m: PageMeta, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = m.meta.get(k)?.find((x) => x.trim() !== "");
    if (v) return v;
  }
  return null;
}

/** A string from a JSON-LD value (a string, or an object's `name`, or the first of an array). */
export function ldString(value: unknown): string | null {
  if (typeof value === "string") return squash(value) || null;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length > 0 ? ldString(value[0]) : null;
  if (value && typeof value === "object") {
    const o = value as LdNode;
    return ldString(o.name ?? o["@value"]);
  }
  return null;
}
