/** OPML import and export: nested outlines become feeds with their category path. */
import type { Element } from "domhandler";
import { err, LedeError, ok, type Result } from "../core/index.ts";
import { escapeHtml, nestingExceeds, XmlTree } from "./xml.ts";

/** One outline of an OPML file; a feed when it has `xmlUrl`. */
export interface OpmlOutline {
  readonly title: string | null;
  /** The feed's address (`xmlUrl`), or null for a folder. */
  readonly xmlUrl: string | null;
  /** The site's address (`htmlUrl`). */
  readonly htmlUrl: string | null;
  /** `rss`, `atom`, ... as the file says. */
  readonly type: string | null;
  /** Folder titles above it, outermost first, plus its own `category` attribute entries. */
  readonly categories: readonly string[];
  readonly children: readonly OpmlOutline[];
}

/** A feed as `toOpml` writes it. */
export interface OpmlFeed {
  readonly xmlUrl: string;
  readonly title?: string | null;
  readonly htmlUrl?: string | null;
  /** The folder it goes in (the first category); others go in the `category` attribute. */
  readonly categories?: readonly string[];
}

/** Deepest outline nesting read. */
const MAX_DEPTH = 32;

function readOutline(t: XmlTree, el: Element, path: string[], depth: number): OpmlOutline {
  const title = t.attr(el, "title") ?? t.attr(el, "text");
  const cats = (t.attr(el, "category") ?? "")
    .split(",")
    .map((c) => c.trim().replace(/^\//, ""))
    .filter((c) => c !== "");
  const xmlUrl = t.attr(el, "xmlUrl")?.trim() || t.attr(el, "xmlurl")?.trim() || null;
  const childPath = xmlUrl || !title ? path : [...path, title];
  return {
    title: title?.trim() || null,
    xmlUrl,
    htmlUrl: t.attr(el, "htmlUrl")?.trim() || t.attr(el, "htmlurl")?.trim() || null,
    type: t.attr(el, "type"),
    categories: [...new Set([...path, ...cats])],
    children:
      depth >= MAX_DEPTH ? [] : t.all(el, "outline").map((c) => readOutline(t, c, childPath, depth + 1)),
  };
}

/**
 * Parse an OPML document.
 *
 * @param text the OPML as a string
 * @returns the top-level outlines (nested), or a `bad-input` error when there is no `<opml>`/`<body>`
 * @example const r = parseOpml(text); if (r.ok) flattenOpml(r.value).map((o) => o.xmlUrl);
 */
export function parseOpml(text: string): Result<OpmlOutline[]> {
  if (nestingExceeds(text)) return err(new LedeError("acquire", "bad-input", "OPML nests too deep"));
  const t = new XmlTree(text);
  const root = t.root;
  if (!root || t.key(root) !== "opml")
    return err(new LedeError("acquire", "bad-input", "not an OPML document"));
  const body = t.child(root, "body");
  if (!body) return err(new LedeError("acquire", "bad-input", "OPML has no <body>"));
  return ok(t.all(body, "outline").map((o) => readOutline(t, o, [], 0)));
}

/** Every outline with a feed URL, depth first. */
export function flattenOpml(outlines: readonly OpmlOutline[]): OpmlOutline[] {
  const out: OpmlOutline[] = [];
  const walk = (list: readonly OpmlOutline[]) => {
    for (const o of list) {
      if (o.xmlUrl) out.push(o);
      walk(o.children);
    }
  };
  walk(outlines);
  return out;
}

function attr(v: string): string {
  return escapeHtml(v).replace(/"/g, "&quot;");
}

/**
 * Write feeds as OPML 2.0, grouped in folders by their first category.
 *
 * @param feeds the feeds
 * @param title the document title
 * @example toOpml([{ xmlUrl: "https://x.org/feed", title: "X", categories: ["World"] }])
 */
export function toOpml(feeds: readonly OpmlFeed[], title = "Lede subscriptions"): string {
  const line = (f: OpmlFeed, indent: string) => {
    const extra = (f.categories ?? []).slice(1);
    const name = f.title ?? f.xmlUrl;
    return (
      `${indent}<outline type="rss" text="${attr(name)}" title="${attr(name)}" xmlUrl="${attr(f.xmlUrl)}"` +
      (f.htmlUrl ? ` htmlUrl="${attr(f.htmlUrl)}"` : "") +
      (extra.length > 0 ? ` category="${attr(extra.join(","))}"` : "") +
      "/>"
    );
  };
  const folders = new Map<string, OpmlFeed[]>();
  const loose: OpmlFeed[] = [];
  for (const f of feeds) {
    const folder = f.categories?.[0];
    if (folder) folders.set(folder, [...(folders.get(folder) ?? []), f]);
    else loose.push(f);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeHtml(title)}</title></head>`,
    "  <body>",
  ];
  for (const [folder, list] of folders) {
    lines.push(`    <outline text="${attr(folder)}" title="${attr(folder)}">`);
    for (const f of list) lines.push(line(f, "      "));
    lines.push("    </outline>");
  }
  for (const f of loose) lines.push(line(f, "    "));
  lines.push("  </body>", "</opml>", "");
  return lines.join("\n");
}
