/**
 * The standfirst (lead, summary) that pages set above the article, outside the element that holds its
 * paragraphs: found as a visible element whose text is the page's declared description, so that a
 * teaser elsewhere on the page is never taken for it.
 */
import type { AnyNode, Element } from "domhandler";
import { isHidden } from "./boilerplate.ts";
import { squash, textLength, textOf, walk } from "./dom.ts";

/** Shortest description read as a lead. */
const MIN_LEAD = 60;
/** Tags a lead is set in. */
const LEAD_TAGS = new Set(["p", "div", "h2", "h3", "span", "strong", "em", "b", "section", "header"]);
/** Ancestors a lead never sits in. */
const CHROME = new Set(["nav", "footer", "aside", "dialog", "noscript", "template", "script", "form"]);

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

function hasBlockChild(el: Element): boolean {
  let found = false;
  walk(el, (c: Element) => {
    if (BLOCKS.has(c.name)) found = true;
    return !found;
  });
  return found;
}

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The page's lead: the text of the first visible element outside the chrome whose text is one of the
 * declared descriptions (meta, Open Graph, JSON-LD), or null.
 *
 * @param root the parsed page, before pruning
 * @param descriptions the declared descriptions
 * @example findLead(parsePage('<p class="intro">A long summary ...</p>'), ["A long summary ..."])
 */
export function findLead(root: AnyNode, descriptions: readonly (string | null)[]): string | null {
  const wanted = descriptions.map((d) => (d ? squash(d) : "")).filter((d) => d.length >= MIN_LEAD);
  if (wanted.length === 0) return null;
  const keys = new Set(wanted.map(key));
  const lengths = wanted.map((d) => d.length);
  const min = Math.min(...lengths) * 0.9;
  const max = Math.max(...lengths) * 1.2;
  let found: string | null = null;
  walk(root, (el: Element) => {
    if (found !== null) return false;
    if (CHROME.has(el.name) || isHidden(el)) return false;
    if (!LEAD_TAGS.has(el.name)) return true;
    const n = textLength(el);
    if (n < min) return false;
    if (n > max * 3) return true;
    if (n <= max * 1.5 && !hasBlockChild(el)) {
      const text = squash(textOf(el));
      if (keys.has(key(text))) {
        found = text;
        return false;
      }
    }
    return true;
  });
  return found;
}
