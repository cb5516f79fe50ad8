/**
 * The standfirst (lead, summary) that pages set above the article, outside the element that holds its
 * paragraphs: found as a visible element whose text is the page's declared description, so that a
 * teaser elsewhere on the page is never taken for it.
 */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { isHidden } from "./boilerplate.ts";
import { squash, textLength, textOf, walk } from "./dom.ts";

/** Shortest description read as a lead. */
const MIN_LEAD = 60;
/** Tags a lead is set in. */
const LEAD_TAGS = new Set(["p", "div", "h2", "h3", "span", "strong", "em", "b", "section", "header"]);
/** Ancestors a lead never sits in. */
const CHROME = new Set(["nav", "footer", "aside", "dialog", "form"]);
/** Elements whose text is never visible. */
const INVISIBLE = new Set(["script", "style", "noscript", "template", "head", "title", "svg"]);
/** Block elements inside a lead's own element mean it is a container (of the article), not a lead. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "ul",
  "ol",
  "table",
  "h1",
  "h2",
  "h3",
  "h4",
  "blockquote",
]);
/** Levels climbed from the text that starts the description to the element that holds all of it. */
const MAX_CLIMB = 4;

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function hasBlockChild(el: Element): boolean {
  let found = false;
  walk(el, (c: Element) => {
    if (BLOCKS.has(c.name)) found = true;
    return !found;
  });
  return found;
}

/** Whether an element and its ancestors are visible and outside the chrome. */
function shown(el: Element): boolean {
  for (let p: AnyNode | null = el; p && isTag(p); p = p.parent) {
    if (CHROME.has(p.name) || INVISIBLE.has(p.name) || isHidden(p)) return false;
  }
  return true;
}

/**
 * The page's lead: the text of the first visible element outside the chrome whose text is one of the
 * declared descriptions (meta, Open Graph, JSON-LD), or null. Only text that starts like a description
 * is looked at, and the few elements above it.
 *
 * @param root the parsed page, before pruning
 * @param descriptions the declared descriptions
 * @example findLead(parsePage('<p class="intro">A long summary ...</p>'), ["A long summary ..."])
 */
export function findLead(root: AnyNode, descriptions: readonly (string | null)[]): string | null {
  const wanted = descriptions.map((d) => (d ? squash(d) : "")).filter((d) => d.length >= MIN_LEAD);
  if (wanted.length === 0) return null;
  const keys = new Set(wanted.map(key));
  // The first words of each description (entities and spacing aside, text nodes carry them as they are).
  const starts = [...new Set(wanted.map((d) => d.split(" ").slice(0, 2).join(" ")))];
  const max = Math.max(...wanted.map((d) => d.length)) * 1.5;
  const min = Math.min(...wanted.map((d) => d.length)) * 0.9;
  // Each element's length measured once: many text nodes may share the same large ancestor.
  const lengths = new Map<Element, number>();
  const lengthOf = (el: Element): number => {
    let n = lengths.get(el);
    if (n === undefined) {
      n = textLength(el);
      lengths.set(el, n);
    }
    return n;
  };
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) {
      const data = n.data;
      if (!starts.some((w) => data.includes(w))) continue;
      let el: AnyNode | null = n.parent;
      for (let level = 0; el && isTag(el) && level < MAX_CLIMB; level++, el = el.parent) {
        const n = lengthOf(el);
        if (n > max) break;
        if (n < min || !LEAD_TAGS.has(el.name) || hasBlockChild(el)) continue;
        const text = squash(textOf(el));
        if (keys.has(key(text)) && shown(el)) return text;
      }
      continue;
    }
    if (isTag(n) && INVISIBLE.has(n.name)) continue;
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return null;
}
