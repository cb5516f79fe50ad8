/**
 * A forgiving XML tree for feeds, OPML and sitemaps: htmlparser2 in XML mode (it never throws and
 * recovers from unclosed or mis-nested tags), with namespace prefixes resolved to short aliases so
 * `<dc:creator>`, `<creator xmlns="http://purl.org/dc/elements/1.1/">` and `<DC:creator>` all read as `dc:creator`.
 */
import type { AnyNode, Element } from "domhandler";
import { getOuterHTML } from "domutils";
import { decodeHTMLStrict as decodeHTML } from "entities";
import { parseDocument } from "htmlparser2";

/** Namespace URIs Lede reads, and the alias each is matched by. */
const NAMESPACES: Record<string, string> = {
  "http://www.w3.org/2005/atom": "atom",
  "http://purl.org/atom/ns#": "atom",
  "http://purl.org/rss/1.0/": "",
  "http://my.netscape.com/rdf/simple/0.9/": "",
  "http://backend.userland.com/rss2": "",
  "http://backend.userland.com/rss": "",
  "http://blogs.law.harvard.edu/tech/rss": "",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://purl.org/dc/terms/": "dcterms",
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://purl.org/rss/1.0/modules/syndication/": "sy",
  "http://search.yahoo.com/mrss/": "media",
  "http://search.yahoo.com/mrss": "media",
  "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
  "http://www.w3.org/1999/xhtml": "xhtml",
  "http://www.sitemaps.org/schemas/sitemap/0.9": "",
  "http://www.google.com/schemas/sitemap/0.84": "",
  "http://www.google.com/schemas/sitemap-news/0.9": "news",
  "http://www.w3.org/xml/1998/namespace": "xml",
};

/** Deepest element nesting that is serialised; deeper content is read as text only. */
const MAX_SERIALISE_DEPTH = 256;

/** Deepest element nesting accepted (the tokenizer's cost grows with depth squared past this). */
export const MAX_XML_DEPTH = 5_000;

/**
 * Whether markup nests elements deeper than `max`, found by a linear scan that skips CDATA and comments.
 * Used before parsing so a hostile document cannot make the parser spin.
 *
 * @example nestingExceeds("<a><b></b></a>", 1) // true
 */
export function nestingExceeds(text: string, max = MAX_XML_DEPTH): boolean {
  let depth = 0;
  let i = text.indexOf("<");
  while (i >= 0 && i < text.length - 1) {
    const c = text.charCodeAt(i + 1);
    let next = i + 1;
    if (c === 0x2f /* / */) {
      if (depth > 0) depth--;
    } else if (c === 0x21 /* ! */) {
      if (text.startsWith("<![CDATA[", i)) next = text.indexOf("]]>", i) + 3;
      else if (text.startsWith("<!--", i)) next = text.indexOf("-->", i) + 3;
      if (next < 3) return false;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) {
      const end = text.indexOf(">", i);
      if (end < 0) return false;
      if (text.charCodeAt(end - 1) !== 0x2f) {
        depth++;
        if (depth > max) return true;
      }
      next = end + 1;
    }
    i = text.indexOf("<", next);
  }
  return false;
}

/** Prefixes in force before any declaration. */
const ROOT_SCOPE: Record<string, string> = { xml: "xml" };

/** The scope inside an element: its parent's, plus the namespaces it declares (no copy when it declares none). */
function declared(el: Element, parent: Record<string, string>): Record<string, string> {
  let scope = parent;
  for (const name in el.attribs) {
    if (name.charCodeAt(0) !== 0x78 /* x */ || !(name === "xmlns" || name.startsWith("xmlns:"))) continue;
    if (scope === parent) scope = { ...parent };
    const uri = decodeHTML(el.attribs[name]!).trim().toLowerCase();
    const prefix = name === "xmlns" ? "" : name.slice(6).toLowerCase();
    // An unknown default namespace is read as none: feeds declare odd ones and mean the usual elements.
    scope[prefix] = NAMESPACES[uri] ?? NAMESPACES[uri.replace(/\/$/, "")] ?? prefix;
  }
  return scope;
}

/** A parsed XML document with namespace-aware names. */
export class XmlTree {
  root: Element | null;
  readonly #keys = new Map<Element, string>();
  readonly #scopes = new Map<Element, Record<string, string>>();
  /** Alias given to elements in no namespace (e.g. `atom` for an Atom feed written without xmlns). */
  defaultAlias = "";

  /**
   * @param text the XML (already decoded to a string)
   */
  constructor(text: string) {
    const doc = parseDocument(text, { xmlMode: true, decodeEntities: false });
    this.root = (doc.children.find((c) => c.type === "tag") as Element | undefined) ?? null;
  }

  #scope(el: Element): Record<string, string> {
    // Walk up to the nearest known scope (iteratively: nesting can be deep), then fill in downwards.
    const chain: Element[] = [];
    let n: Element | null = el;
    let scope: Record<string, string> | undefined;
    while (n && n.type === "tag") {
      scope = this.#scopes.get(n);
      if (scope) break;
      chain.push(n);
      n = n.parent as Element | null;
    }
    scope ??= ROOT_SCOPE;
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      scope = declared(e, scope);
      this.#scopes.set(e, scope);
    }
    return scope;
  }

  /** The namespace-aware name of an element: `title`, `atom:link`, `dc:creator`, ... (lower case). */
  key(el: Element): string {
    const cached = this.#keys.get(el);
    if (cached !== undefined) return cached;
    const name = el.name.toLowerCase();
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const local = colon < 0 ? name : name.slice(colon + 1);
    const scope = this.#scope(el);
    let alias = scope[prefix];
    if (alias === undefined) alias = prefix;
    if (alias === "") alias = this.defaultAlias;
    const key = alias ? `${alias}:${local}` : local;
    this.#keys.set(el, key);
    return key;
  }

  /** Element children of an element. */
  children(el: Element): Element[] {
    return el.children.filter((c): c is Element => c.type === "tag");
  }

  /** The first child element with one of the keys. */
  child(el: Element, ...keys: string[]): Element | undefined {
    for (const k of keys) {
      const found = el.children.find((c): c is Element => c.type === "tag" && this.key(c as Element) === k);
      if (found) return found;
    }
    return undefined;
  }

  /** All child elements with a key. */
  all(el: Element, key: string): Element[] {
    return el.children.filter((c): c is Element => c.type === "tag" && this.key(c as Element) === key);
  }

  /**
   * Elements with a key anywhere below `el`, not looking inside a match (so items are not searched for items).
   * Iterative, so deep nesting cannot overflow the stack.
   */
  find(el: Element, key: string): Element[] {
    const out: Element[] = [];
    const stack: AnyNode[] = [...el.children].reverse();
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type !== "tag") continue;
      if (this.key(n as Element) === key) out.push(n as Element);
      else
        for (let i = (n as Element).children.length - 1; i >= 0; i--) stack.push((n as Element).children[i]!);
    }
    return out;
  }

  /** The text of a child with one of the keys, or null. */
  childText(el: Element, ...keys: string[]): string | null {
    const c = this.child(el, ...keys);
    return c ? textOf(c) : null;
  }

  /** An attribute, entities decoded, or null. */
  attr(el: Element, name: string): string | null {
    const v = el.attribs[name] ?? el.attribs[name.toLowerCase()];
    return v === undefined ? null : decodeHTML(v);
  }
}

/**
 * The text of an element: text decoded, CDATA as written, trimmed; null when empty.
 *
 * @example textOf(el) // "Hello & welcome"
 */
export function textOf(el: Element): string | null {
  let out = "";
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") {
      const data = (n as { data: string }).data;
      out += n.parent?.type === "cdata" ? data : decodeHTML(data);
    } else if ("children" in n) {
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  // Control characters are illegal in XML and show up in broken feeds.
  const t = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").trim();
  return t === "" ? null : t;
}

function depth(el: Element): number {
  let max = 0;
  const stack: [AnyNode, number][] = [[el, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_SERIALISE_DEPTH) return max;
    if ("children" in n) for (const c of (n as Element).children) stack.push([c, d + 1]);
  }
  return max;
}

/**
 * The markup inside an element, as HTML: child elements serialised, CDATA unwrapped, entities kept as written.
 * An element with only text gives its decoded text (escaped HTML in RSS descriptions is HTML once decoded).
 */
export function innerMarkup(el: Element): string | null {
  const hasElements = el.children.some((c) => c.type === "tag");
  if (!hasElements || depth(el) > MAX_SERIALISE_DEPTH) return textOf(el);
  const parts: string[] = [];
  for (const c of el.children) {
    if (c.type === "cdata") parts.push(textOf(c as unknown as Element) ?? "");
    else if (c.type === "tag") parts.push(getOuterHTML(c, { decodeEntities: false, xmlMode: false }));
    else if (c.type === "text") parts.push((c as { data: string }).data);
  }
  const html = parts
    .join("")
    .replace(/<(\/?)[a-z]+:/gi, "<$1")
    .trim();
  return html === "" ? null : html;
}

/** Escape text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
