/**
 * Find the element that holds the article: every paragraph votes for its ancestors (a Readability-style
 * score: length and commas, decaying with distance), candidates are weighted by tag and class and
 * penalised by link density, and the best is widened to its parent when the article is split across
 * siblings.
 */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { classId, hasNegativeWord, isContentClass } from "./boilerplate.ts";
import { textOf, walk } from "./dom.ts";
import { linkDensity, type TextStats } from "./stats.ts";

/** Shortest paragraph that votes. */
const MIN_PARAGRAPH = 25;
/** How many ancestors a paragraph votes for. */
const VOTE_LEVELS = 5;
/** Tags that are paragraphs. */
const PARAGRAPH_TAGS = new Set(["p", "pre", "td", "blockquote"]);
/** Containers that act as a paragraph when they hold text directly. */
const TEXT_CONTAINERS = new Set(["div", "section", "article", "span", "font", "center", "main"]);
/** Inline tags whose text counts as a container's own. */
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
  "br",
  "s",
  "del",
  "ins",
  "kbd",
  "var",
]);

function tagWeight(name: string): number {
  switch (name) {
    case "article":
      return 10;
    case "main":
    case "div":
      return 5;
    case "section":
    case "pre":
    case "td":
    case "blockquote":
      return 3;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      return -3;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      return -5;
    default:
      return 0;
  }
}

/** Class and id weight: +25 for content words, −25 for boilerplate words. */
export function classWeight(el: Element): number {
  const names = classId(el);
  if (names.trim() === "") return 0;
  let w = 0;
  if (isContentClass(names)) w += 25;
  if (hasNegativeWord(names)) w -= 25;
  if (/(?:^|\s)(?:itemprop="?articlebody)/.test(names)) w += 25;
  return w;
}

/** Whether a container holds text directly (as a `<div>` used as a paragraph does). */
function ownText(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if (isText(c)) n += c.data.trim().length;
    else if (isTag(c) && INLINE.has(c.name)) n += textOf(c).trim().length;
    else if (isTag(c)) return n >= 80 ? n : 0; // mixed block content: count only what came before
  }
  return n;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) n++;
  }
  return n;
}

export interface Selection {
  /** The chosen container. */
  readonly top: Element;
  /** Elements to take, in document order (the container, or its parent's qualifying children). */
  readonly parts: readonly Element[];
  readonly scores: ReadonlyMap<Element, number>;
}

/**
 * Choose the article container under `root`.
 *
 * @param root the pruned `<body>`
 * @param stats text statistics of the pruned tree
 * @returns the container and its parts, or null when no paragraph votes
 */
export function selectContent(root: Element, stats: ReadonlyMap<Element, TextStats>): Selection | null {
  const scores = new Map<Element, number>();
  const init = (el: Element) => {
    let s = scores.get(el);
    if (s === undefined) {
      s = tagWeight(el.name) + classWeight(el);
      scores.set(el, s);
    }
    return s;
  };
  walk(root, (el) => {
    let len = 0;
    let text = "";
    if (PARAGRAPH_TAGS.has(el.name)) {
      text = textOf(el);
      len = text.trim().length;
    } else if (TEXT_CONTAINERS.has(el.name)) {
      len = ownText(el);
      if (len > 0) text = textOf(el);
    }
    if (len < MIN_PARAGRAPH) return true;
    const vote = 1 + countCommas(text) + Math.min(Math.floor(len / 100), 3);
    let anc: AnyNode | null = el.parent;
    for (let level = 0; anc && isTag(anc) && level < VOTE_LEVELS; level++, anc = anc.parent) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, init(anc) + vote / divider);
      if (anc === root) break;
    }
    // A text container is its own candidate too.
    if (!PARAGRAPH_TAGS.has(el.name)) scores.set(el, init(el) + vote);
    return !PARAGRAPH_TAGS.has(el.name);
  });
  if (scores.size === 0) return null;
  const final = new Map<Element, number>();
  for (const [el, s] of scores) final.set(el, s * (1 - linkDensity(stats.get(el))));
  let top: Element | null = null;
  let best = -Infinity;
  for (const [el, s] of final) {
    if (s > best) {
      best = s;
      top = el;
    }
  }
  if (!top) return null;
  top = widen(top, final, root);
  top = absorb(top, stats, root);
  return { top, parts: siblings(top, final, stats), scores: final };
}

/** Move up when several strong candidates share an ancestor or the parent scores better. */
function widen(start: Element, scores: ReadonlyMap<Element, number>, root: Element): Element {
  let top = start;
  const topScore = scores.get(top) ?? 0;
  const strong = [...scores.entries()]
    .filter(([el, s]) => el !== top && s >= topScore * 0.75)
    .map(([el]) => el)
    .slice(0, 20);
  if (strong.length >= 3) {
    for (let anc = top.parent; anc && isTag(anc); anc = anc.parent) {
      let inside = 0;
      for (const el of strong) if (contains(anc, el)) inside++;
      if (inside >= 3) {
        top = anc;
        break;
      }
      if (anc === root) break;
    }
  }
  // Climb while the parent scores at least as well (the article split in parts).
  let last = scores.get(top) ?? 0;
  const floor = last / 3;
  for (let p = top.parent; p && isTag(p) && p !== root; p = p.parent) {
    const ps = scores.get(p);
    if (ps === undefined) continue;
    if (ps < floor) break;
    if (ps > last) {
      top = p;
      last = ps;
    }
  }
  // A lone child says nothing more than its parent.
  while (top !== root && top.parent && isTag(top.parent) && top.parent !== root) {
    const elementChildren = top.parent.children.filter(isTag);
    if (elementChildren.length !== 1) break;
    top = top.parent;
  }
  return top;
}

/** Share of what a parent adds that must be paragraph text for the container to grow into it. */
const ABSORB_PARA_SHARE = 0.3;
/** Largest share of link text in what a parent adds. */
const ABSORB_LINK_SHARE = 0.1;
/** Share of paragraph text that makes what a parent adds prose (cited sources and inline links allowed). */
const ABSORB_PROSE_SHARE = 0.6;
/** Largest share of link text in prose a parent adds. */
const ABSORB_PROSE_LINK_SHARE = 0.25;
/** Largest share of link text in what one step up adds, for the prose allowance to hold. */
const ABSORB_STEP_LINK_SHARE = 0.5;
/** Characters of headings, labels and links an ancestor may add before the ratios apply. */
const ABSORB_SLACK = 50;
/** Paragraph characters an ancestor must add to be taken. */
const ABSORB_MIN_PARA = 50;
/** How far up the container may grow. */
const MAX_ABSORB_LEVELS = 12;

/**
 * Grow the container into its parent while what the parent adds reads as more of the article
 * (mostly paragraph text, few links): an article split into sections or page-builder blocks.
 */
export function absorb(start: Element, stats: ReadonlyMap<Element, TextStats>, root: Element): Element {
  const base = stats.get(start);
  if (!base) return start;
  let best = start;
  let prev = base;
  let level = 0;
  for (
    let p = start.parent;
    p && isTag(p) && p !== root && level < MAX_ABSORB_LEVELS;
    p = p.parent, level++
  ) {
    const ps = stats.get(p);
    if (!ps) break;
    const extraText = ps.text - base.text;
    const extraPara = ps.para - base.para;
    const extraLink = ps.link - base.link;
    // Prose that outweighs the container (it was a fragment of the article) may cite sources in links,
    // as long as this step itself is not a list of links.
    const stepText = ps.text - prev.text;
    const prose =
      extraPara >= ABSORB_PROSE_SHARE * extraText &&
      extraPara >= base.para &&
      ps.link - prev.link <= ABSORB_STEP_LINK_SHARE * stepText + ABSORB_SLACK;
    prev = ps;
    // Stop when what the ancestor adds is mostly links or mostly not paragraphs.
    if (extraLink > (prose ? ABSORB_PROSE_LINK_SHARE : ABSORB_LINK_SHARE) * extraText + ABSORB_SLACK) break;
    if (extraPara < ABSORB_PARA_SHARE * extraText - ABSORB_SLACK) break;
    if (extraPara >= ABSORB_MIN_PARA || extraText <= 0) best = p;
  }
  return best;
}

function contains(anc: AnyNode, el: AnyNode): boolean {
  for (let p: AnyNode | null = el; p; p = p.parent) if (p === anc) return true;
  return false;
}

/** The container's siblings that belong to the article too (Readability's sibling rule). */
function siblings(
  top: Element,
  scores: ReadonlyMap<Element, number>,
  stats: ReadonlyMap<Element, TextStats>,
): Element[] {
  const parent = top.parent;
  if (!parent || !isTag(parent) || parent.name === "html") return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = (top.attribs.class ?? "").trim();
  const parts: Element[] = [];
  for (const sib of parent.children) {
    if (!isTag(sib)) continue;
    if (sib === top) {
      parts.push(sib);
      continue;
    }
    let bonus = 0;
    if (topClass !== "" && (sib.attribs.class ?? "").trim() === topClass) bonus += topScore * 0.2;
    const s = scores.get(sib);
    if (s !== undefined && s + bonus >= threshold) {
      parts.push(sib);
      continue;
    }
    if (sib.name === "p" || sib.name === "blockquote" || sib.name === "pre") {
      const st = stats.get(sib);
      const ld = linkDensity(st);
      const len = st?.text ?? 0;
      const text = len > 0 && len < 80 ? textOf(sib).trim() : "";
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.(?:\s|$)/.test(text)))
        parts.push(sib);
    }
  }
  // Headings, lists and tables between two parts belong to the article.
  const kids = parent.children.filter(isTag);
  const first = kids.indexOf(parts[0]!);
  const last = kids.indexOf(parts[parts.length - 1]!);
  if (first < 0 || last <= first) return parts;
  const chosen = new Set(parts);
  return kids.slice(first, last + 1).filter((k) => chosen.has(k) || linkDensity(stats.get(k)) < 0.5);
}
