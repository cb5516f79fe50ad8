/**
 * Parsing and safe traversal. The tree from htmlparser2 can be as deep as the markup (10,000 nested
 * `<div>`s is a real attack), so everything here is iterative, and `parsePage` flattens subtrees nested
 * deeper than `MAX_DEPTH` into their text so that later, recursive code stays within a small stack.
 */
import { type AnyNode, type Document, type Element, isComment, isTag, isText, Text } from "domhandler";
import { parseDocument } from "htmlparser2";

/** Elements nested deeper than this are replaced by their text. */
export const MAX_DEPTH = 200;
/** Pages longer than this (in UTF-16 units) lose inline scripts and styles before parsing. */
export const SCRIPT_STRIP_CHARS = 2_000_000;
/** Pages still longer than this after stripping are cut (the article is near the top). */
export const MAX_HTML_CHARS = 6_000_000;

/**
 * Parse an HTML page into a tree that is safe to walk.
 *
 * @param html the page
 * @returns the document; for very large pages scripts and styles are dropped first and the rest cut
 *   at `MAX_HTML_CHARS`
 * @example parsePage("<p>Hi</p>").children.length // 1
 */
export function parsePage(html: string): Document {
  let source = html;
  if (source.length > SCRIPT_STRIP_CHARS) {
    // JSON-LD is kept: metadata lives there.
    source = source
      .replace(/<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, "")
      .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "")
      .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, "");
  }
  if (source.length > MAX_HTML_CHARS) source = source.slice(0, MAX_HTML_CHARS);
  source = capNesting(source);
  const dom = parseDocument(source, { decodeEntities: true });
  flattenDeep(dom);
  if (source.includes('id="S:')) placeStreamedSegments(dom);
  return dom;
}

/** Streamed segments placed at most (a page has a few dozen). */
const MAX_SEGMENTS = 500;
/** Children of one segment moved at most (a spread argument list stays small). */
const MAX_SEGMENT_CHILDREN = 10_000;
/** Longest fallback ("Loading ...") dropped with a placeholder when no boundary comment marks its end. */
const MAX_FALLBACK_CHARS = 80;
const SEGMENT_ID = /^S:([0-9a-f]+)$/;
/** `B:n` marks a boundary (its fallback follows), `P:n` a segment placeholder (an empty template). */
const PLACEHOLDER_ID = /^([BP]):([0-9a-f]+)$/;

/**
 * Put the segments of a streamed server render where the page's script would: React sends the late
 * parts of a page as hidden `<div id="S:n">` at the end of the body and swaps each for the
 * `<template id="B:n">` (a boundary, with a fallback after it) or `<template id="P:n">` (a plain segment,
 * often inside another segment) placeholder where it belongs. A segment without its placeholder stays.
 */
function placeStreamedSegments(dom: Document): void {
  const segments = new Map<string, Element>();
  const holders = new Map<string, Element>();
  walk(dom, (el) => {
    const id = el.attribs.id;
    if (id !== undefined && segments.size < MAX_SEGMENTS) {
      const seg = SEGMENT_ID.exec(id);
      if (seg && el.name === "div") segments.set(seg[1]!, el);
      const ph = PLACEHOLDER_ID.exec(id);
      if (ph && el.name === "template") holders.set(ph[2]!, el);
    }
    return true;
  });
  for (const [n, seg] of segments) {
    const holder = holders.get(n);
    const parent = holder?.parent;
    if (!holder || !parent || !("children" in parent) || contains(seg, holder)) continue;
    if (seg.children.length > MAX_SEGMENT_CHILDREN) continue;
    const at = parent.children.indexOf(holder);
    if (at < 0) continue;
    // The fallback shown meanwhile ("Loading ...") runs from the placeholder to the boundary's end
    // comment `<!--/$-->`; the script removes it with the placeholder.
    let end = at + 1;
    const boundary = holder.attribs.id!.startsWith("B:");
    while (boundary && end < parent.children.length && !isBoundaryEnd(parent.children[end]!)) end++;
    if (boundary && end >= parent.children.length) {
      // Markup saved without comments: the fallback is the short element right after the placeholder.
      end = at + 1;
      const next = parent.children[end];
      if (next && isTag(next) && textLength(next) <= MAX_FALLBACK_CHARS) end++;
    }
    removeNode(seg);
    const moved = seg.children;
    for (const c of moved) c.parent = parent;
    for (const c of parent.children.slice(at, end)) c.parent = null;
    parent.children.splice(at, end - at, ...moved);
  }
}

function isBoundaryEnd(node: AnyNode): boolean {
  return isComment(node) && node.data === "/$";
}

function contains(anc: AnyNode, node: AnyNode): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (p === anc) return true;
  return false;
}

/** Tag nesting kept before parsing; deeper tags are dropped (their text stays). Browsers cap at 512. */
export const MAX_PARSE_DEPTH = 1000;
/** Elements that are void or whose end tag is usually implied: they do not count toward nesting. */
const NOT_NESTING = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup tbody thead tfoot colgroup rb rt rp".split(
    " ",
  ),
);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g;

/**
 * Drop the tags of markup nested deeper than `MAX_PARSE_DEPTH`, keeping their text. The parser keeps its
 * open elements in an array it shifts at the front, so 100,000 nested tags cost minutes; no page needs
 * more than a few hundred levels. The depth is estimated from the tags alone (linear, no parse), and the
 * source is returned unchanged when it stays within the cap.
 *
 * @example capNesting("<div>".repeat(5000)).length < 5000 * 5 // true
 */
export function capNesting(source: string, max = MAX_PARSE_DEPTH): string {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    if (m[3] || NOT_NESTING.has(m[2]!.toLowerCase())) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  if (deepest <= max) return source;
  const out: string[] = [];
  let last = 0;
  depth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    if (m[3] || NOT_NESTING.has(m[2]!.toLowerCase())) continue;
    const drop = m[1] ? depth > max : depth >= max;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (!drop) continue;
    out.push(source.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(source.slice(last));
  return out.join("");
}

/** Replace every element deeper than `MAX_DEPTH` by a text node holding its text. */
function flattenDeep(dom: Document): void {
  const stack: [AnyNode, number][] = [[dom, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!("children" in node)) continue;
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (!isTag(child)) continue;
      if (depth + 1 >= MAX_DEPTH) {
        const text = new Text(textOf(child));
        text.parent = node;
        children[i] = text;
      } else {
        stack.push([child, depth + 1]);
      }
    }
  }
}

/** Tags whose text is never visible. */
const INVISIBLE = new Set(["script", "style", "noscript", "template", "head", "title", "svg", "math"]);

/**
 * The text under a node (iterative; skips scripts and styles), not normalised.
 *
 * @example textOf(parsePage("<p>a<b>b</b></p>")) // "ab"
 */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if ("children" in n) {
      if (isTag(n) && n !== node && INVISIBLE.has(n.name)) continue;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return parts.join("");
}

/** The length of the text under a node, without building it (iterative; skips scripts and styles). */
export function textLength(node: AnyNode): number {
  let n = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (isText(x)) n += x.data.length;
    else if ("children" in x) {
      if (isTag(x) && x !== node && INVISIBLE.has(x.name)) continue;
      for (const c of x.children) stack.push(c);
    }
  }
  return n;
}

/** Collapse whitespace (including no-break spaces) and trim. */
export function squash(s: string): string {
  return s
    .replace(/[\u200b\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ")
    .trim();
}

/** An attribute's value, or "" when absent. */
export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? "";
}

/**
 * Visit elements in document order (iterative). Return `false` from `visit` to skip an element's children.
 *
 * @example walk(dom, (el) => { if (el.name === "a") links.push(el); })
 */
export function walk(root: AnyNode, visit: (el: Element) => unknown): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isTag(n)) {
      if (n !== root && visit(n) === false) continue;
    }
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

/** All elements matching a predicate, in document order. */
export function findAll(root: AnyNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walk(root, (el) => {
    if (test(el)) out.push(el);
  });
  return out;
}

/** The first element matching a predicate, in document order, or null. */
export function findFirst(root: AnyNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walk(root, (el) => {
    if (found) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

/** Detach a node from its parent. */
export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node);
  if (i >= 0) parent.children.splice(i, 1);
  node.parent = null;
}
