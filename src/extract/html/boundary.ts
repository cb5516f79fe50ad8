/**
 * Container-level limits of the body, by structure rather than words:
 * - where a second article starts: news pages that load the next story under the first put it in an
 *   `<article>` of its own with its own `<h1>`, often inside the element that scored as the container; the
 *   body stops before such an article when the container's paragraphs came before it;
 * - boxes built around a control (a sign-up form, a "Give now" button): a heading, a few lines and the
 *   control closing the box are a call to action inside the article, unless several such boxes share a
 *   class (the cards of a list, each with its "Buy" button).
 */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { findFirst, removeNode, walk } from "./dom.ts";
import type { TextStats } from "./stats.ts";

/** Paragraph characters the body must have before a second article may end it. */
const MIN_BODY_BEFORE = 500;

const PARA = new Set(["p", "pre", "blockquote"]);

/** An `<article>` with a headline of its own. */
function isSecondArticle(el: Element): boolean {
  return el.name === "article" && findFirst(el, (x) => x.name === "h1") !== null;
}

/**
 * Cut the parts where a second article starts after the body's paragraphs: that article and what follows
 * it inside the container are dropped.
 *
 * @param parts the container's parts, in document order
 * @param stats text statistics of the tree
 * @returns the parts up to the boundary (the tree under them is cut in place)
 */
export function cutAtSecondArticle(
  parts: readonly Element[],
  stats: ReadonlyMap<Element, TextStats>,
): readonly Element[] {
  let seen = 0;
  const find = (el: Element): Element | null => {
    for (const c of el.children) {
      if (!isTag(c)) continue;
      if (PARA.has(c.name)) {
        seen += stats.get(c)?.para ?? 0;
        continue;
      }
      if (seen >= MIN_BODY_BEFORE && isSecondArticle(c)) return c;
      if ((stats.get(c)?.text ?? 0) === 0) continue;
      const inner = find(c);
      if (inner) return inner;
    }
    return null;
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const boundary = find(part);
    if (!boundary) continue;
    // Drop the boundary and everything after it up to the part.
    let node: Element = boundary;
    while (node !== part) {
      const parent = node.parent;
      if (!parent || !isTag(parent)) break;
      const idx = parent.children.indexOf(node);
      for (const after of parent.children.slice(node === boundary ? idx : idx + 1)) removeNode(after);
      node = parent;
    }
    return parts.slice(0, i + 1);
  }
  return parts;
}

/** Most characters a call-to-action box holds. */
const BOX_MAX_TEXT = 1000;
/** Most paragraphs a call-to-action box holds. */
const BOX_MAX_PARAGRAPHS = 3;
const HEADINGS = new Set(["h2", "h3", "h4", "h5", "h6"]);
/** Most characters a box shows after its control (the control closes the box). */
const BOX_MAX_AFTER = 40;

/** Characters of text in `box` after `control` (outside it). */
function textAfter(box: Element, control: Element): number {
  let after = false;
  let n = 0;
  const stack: AnyNode[] = [box];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x === control) {
      after = true;
      continue;
    }
    if (isText(x)) {
      if (after) n += x.data.trim().length;
    } else if (isTag(x) && x.name !== "script" && x.name !== "style") {
      for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]!);
    }
  }
  return n;
}

function isControl(el: Element): boolean {
  if (el.name === "form" || el.name === "button") return true;
  if (el.name === "input") return (el.attribs.type ?? "").toLowerCase() !== "hidden";
  if (el.name === "a") {
    if ((el.attribs.role ?? "").toLowerCase() === "button") return true;
    return /(?:^|[\s_-])(?:button|btn)(?=$|[\s_-])/i.test(el.attribs.class ?? "");
  }
  return false;
}

/** A heading, a few short paragraphs, no code, table or article inside. */
function isBoxShape(box: Element, stats: ReadonlyMap<Element, TextStats>): boolean {
  const st = stats.get(box);
  if (!st || st.paragraphs > BOX_MAX_PARAGRAPHS || st.text < 60) return false;
  let heading = false;
  let bad = false;
  walk(box, (x) => {
    if (HEADINGS.has(x.name)) heading = true;
    else if (x.name === "pre" || x.name === "code" || x.name === "table" || x.name === "article") bad = true;
    return !bad;
  });
  return heading && !bad;
}

/**
 * Boxes built around a control (a form, a button, a link styled as one) that read as a call to action: a
 * heading or a short first line, a few short paragraphs, no code or table. Found before pruning (which
 * takes the controls out).
 */
export function controlBoxes(root: Element, stats: ReadonlyMap<Element, TextStats>): Element[] {
  const out = new Set<Element>();
  const shaped = new Map<Element, boolean>();
  walk(root, (el) => {
    if (!isControl(el)) return true;
    let box: Element = el;
    for (let p = el.parent; p && isTag(p) && p !== root; p = p.parent) {
      if ((stats.get(p)?.text ?? 0) > BOX_MAX_TEXT) break;
      box = p;
    }
    if (box === el || out.has(box)) return false;
    let shape = shaped.get(box);
    if (shape === undefined) {
      shape = isBoxShape(box, stats);
      shaped.set(box, shape);
    }
    if (shape && textAfter(box, el) <= BOX_MAX_AFTER) out.add(box);
    return false;
  });
  // Boxes that repeat (product cards, one per item of a list) are the article's items, not a prompt.
  const seen = new Map<string, number>();
  const sig = (b: Element) => `${b.name} ${(b.attribs.class ?? "").trim().split(/\s+/)[0]}`;
  for (const b of out) seen.set(sig(b), (seen.get(sig(b)) ?? 0) + 1);
  return [...out].filter((b) => seen.get(sig(b)) === 1);
}

/** Remove the boxes that lie inside the parts (not the parts themselves nor around them). */
export function dropBoxes(parts: readonly Element[], boxes: readonly Element[]): void {
  if (boxes.length === 0) return;
  const set = new Set(parts);
  for (const box of boxes) {
    if (set.has(box)) continue;
    for (let p = box.parent; p && isTag(p); p = p.parent) {
      if (set.has(p)) {
        removeNode(box);
        break;
      }
    }
  }
}
