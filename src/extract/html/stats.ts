/**
 * Text statistics of every element, computed bottom-up in one iterative pass: visible text length,
 * text inside links, and text inside paragraph-like elements.
 */
import { type AnyNode, type Element, isTag, isText } from "domhandler";

export interface TextStats {
  /** Visible characters (whitespace runs count as one). */
  text: number;
  /** Characters inside `<a>`. */
  link: number;
  /** Characters inside `<p>`, `<pre>`, `<blockquote>` and list items with little link text. */
  para: number;
  /** Number of `<p>` descendants. */
  paragraphs: number;
}

const SKIP = new Set(["script", "style", "noscript", "template", "head", "title", "svg"]);
const PARA = new Set(["p", "pre", "blockquote"]);
/** Inline tags whose text is their parent's own text. */
const INLINE = new Set([
  "a",
  "b",
  "i",
  "em",
  "strong",
  "span",
  "u",
  "small",
  "sup",
  "sub",
  "mark",
  "abbr",
  "cite",
  "code",
  "q",
  "time",
  "font",
  "s",
  "del",
  "ins",
  "kbd",
  "var",
  "bdi",
  "bdo",
  "data",
]);
/** Own (inline) text from which a container counts as a paragraph. */
const OWN_PARAGRAPH = 150;

/** Length of a text with whitespace runs counted once and ends trimmed. */
export function visibleLength(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ws = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (ws) {
      if (!space) {
        n++;
        space = true;
      }
    } else {
      n++;
      space = false;
    }
  }
  return space && n > 0 ? n - 1 : n;
}

/**
 * Compute statistics for every element under `root` (and `root` itself if it is an element).
 *
 * @returns a map from element to its statistics
 */
export function computeStats(root: AnyNode): Map<Element, TextStats> {
  const order: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isTag(n)) {
      if (SKIP.has(n.name)) continue;
      order.push(n);
    }
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  const stats = new Map<Element, TextStats>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const s: TextStats = { text: 0, link: 0, para: 0, paragraphs: 0 };
    let own = 0;
    let ownLink = 0;
    for (const c of el.children) {
      if (isText(c)) {
        const n = visibleLength(c.data) + 1;
        s.text += n;
        own += n;
      } else if (isTag(c)) {
        const cs = stats.get(c);
        if (!cs) continue;
        const link = c.name === "a" ? cs.text : cs.link;
        s.text += cs.text;
        s.link += link;
        s.para += cs.para;
        s.paragraphs += cs.paragraphs;
        if (INLINE.has(c.name)) {
          own += cs.text;
          ownLink += link;
        }
      }
    }
    if (PARA.has(el.name)) {
      if (s.link < s.text * 0.5) {
        s.para = s.text;
        if (el.name === "p") s.paragraphs += 1;
      }
    } else if (!INLINE.has(el.name) && own >= OWN_PARAGRAPH && ownLink < own * 0.5) {
      s.para += own;
    }
    stats.set(el, s);
  }
  return stats;
}

/** Share of an element's text inside links (0 when it has no text). */
export function linkDensity(s: TextStats | undefined): number {
  return s && s.text > 0 ? Math.min(1, s.link / s.text) : 0;
}
