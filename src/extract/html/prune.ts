/**
 * Remove page chrome before scoring: dropped tags, hidden elements, chrome roles and boilerplate
 * classes. An element that holds most of the page's paragraph text is never removed by its class
 * (a wrapper called "has-sidebar" is not a sidebar). Rails of links are handed back for `related`.
 */
import { type AnyNode, type Element, isComment, isTag, isText } from "domhandler";
import {
  classId,
  DROP_TAGS,
  hasChromeRole,
  isBoilerplateClass,
  isHidden,
  isNeverArticle,
  isStrongBoilerplateClass,
  RAIL,
  weakMayHoldProse,
} from "./boilerplate.ts";
import type { TextStats } from "./stats.ts";

/** Share of the page's paragraph text above which a weakly-marked element is kept. */
const KEEP_WEAK_SHARE = 0.3;
/** Share above which a hidden element is kept. */
const KEEP_HIDDEN_SHARE = 0.1;
/** Paragraph characters, paragraph share and largest link share of prose kept inside the container. */
const PROSE_MIN = 300;
const PROSE_SHARE = 0.7;
const PROSE_LINKS = 0.2;
/** Share above which even a strongly-marked element is kept. */
const KEEP_STRONG_SHARE = 0.6;

export interface Pruned {
  /** Elements removed because their class marks a rail ("Related", "Latest"), for `related`. */
  readonly rails: Element[];
}

/**
 * Remove chrome from the tree in place.
 *
 * @param root the `<body>` (or document)
 * @param stats statistics computed on the unpruned tree
 * @param protect elements never removed (the best container found before pruning, and its ancestors)
 * @param lenient remove only by tag, hiddenness, role and the class/id words of what never wraps an
 *   article (consent prompts, comment threads), not by other class words (a second reading when class
 *   words took the article itself)
 * @returns the removed rails
 */
export function prune(
  root: AnyNode,
  stats: ReadonlyMap<Element, TextStats>,
  protect: ReadonlySet<Element> = new Set(),
  lenient = false,
): Pruned {
  const rails: Element[] = [];
  const total = isTag(root) ? (stats.get(root)?.para ?? 0) : 0;
  const share = (el: Element) => (total > 0 ? (stats.get(el)?.para ?? 0) / total : 0);
  // Inside the container chosen before pruning, prose under a weak class word ("embed", "teaser",
  // "caption") is the article's own block; outside it, the word decides.
  const isProse = (el: Element): boolean => {
    const st = stats.get(el);
    return (
      !!st && st.para >= PROSE_MIN && st.para >= st.text * PROSE_SHARE && st.link <= st.text * PROSE_LINKS
    );
  };
  const drop = (el: Element, inside: boolean): boolean => {
    if (protect.has(el)) return false;
    if (DROP_TAGS.has(el.name)) {
      if (el.name === "footer" || el.name === "aside") return share(el) < KEEP_WEAK_SHARE;
      return true;
    }
    if (el.name === "form") return share(el) < KEEP_WEAK_SHARE;
    if (el.name === "body" || el.name === "html" || el.name === "main") return false;
    // Hidden text-heavy elements are usually content that scripts reveal (tabs, expanders, streamed parts).
    if (isHidden(el)) return share(el) < KEEP_HIDDEN_SHARE;
    if (hasChromeRole(el)) return share(el) < KEEP_WEAK_SHARE;
    if (el.name === "header") return false;
    if (el.name === "a" && isLinkInSentence(el)) return false;
    const names = classId(el);
    if (names.trim() === "") return false;
    if (lenient) return isNeverArticle(names) && share(el) < KEEP_STRONG_SHARE;
    if (isStrongBoilerplateClass(names)) return share(el) < KEEP_STRONG_SHARE;
    if (el.name === "article") return false;
    if (isBoilerplateClass(names))
      return share(el) < KEEP_WEAK_SHARE && !(inside && weakMayHoldProse(names) && isProse(el));
    return false;
  };
  const top = topOf(protect);
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [n, above] = stack.pop()!;
    if (!("children" in n)) continue;
    const inside = above || n === top;
    const kept: AnyNode[] = [];
    for (const c of n.children) {
      if (isComment(c)) continue;
      if (isTag(c) && drop(c, inside)) {
        if (RAIL.test(classId(c)) || c.name === "aside") rails.push(c);
        c.parent = null;
        continue;
      }
      kept.push(c);
    }
    n.children = kept;
    for (let i = kept.length - 1; i >= 0; i--) stack.push([kept[i]!, inside]);
  }
  return { rails };
}

/** Letters of running text on either side of a link that make it a phrase of a sentence. */
const SENTENCE_LETTERS = 20;

/**
 * Whether a link is a phrase of a sentence (prose on both sides of it in its parent): its class words
 * ("recommendation-inline-link") describe the link, not chrome around the article.
 *
 * @example isLinkInSentence(<p>After <a class="recommendation-link">your engagement</a>, you may ...</p>)
 */
export function isLinkInSentence(el: Element): boolean {
  return (
    sideLetters(el, -1) + sideLetters(el, 1) >= SENTENCE_LETTERS &&
    sideLetters(el, 1) > 0 &&
    sideLetters(el, -1) > 0
  );
}

function sideLetters(el: Element, dir: -1 | 1): number {
  let n = 0;
  for (let s = dir < 0 ? el.prev : el.next; s && n < SENTENCE_LETTERS; s = dir < 0 ? s.prev : s.next) {
    if (!isText(s)) break;
    n += s.data.replace(/[^\p{L}]/gu, "").length;
  }
  return n;
}

/** The deepest protected element (the container itself; the others are its ancestors). */
function topOf(protect: ReadonlySet<Element>): Element | null {
  for (const el of protect) {
    let hasChild = false;
    for (const other of protect) if (other.parent === el) hasChild = true;
    if (!hasChild) return el;
  }
  return null;
}
