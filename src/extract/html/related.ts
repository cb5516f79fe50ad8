/**
 * Items of "Latest" / "Related" rails taken out of the page: each link's headline, its relative age
 * when the rail shows one, and its address.
 */
import { type Element, isTag } from "domhandler";
import type { RelatedItem } from "../../core/index.ts";
import { parseAge } from "../text/rails.ts";
import { attr, findAll, squash, textOf } from "./dom.ts";

/** Most rail items kept. */
const MAX_ITEMS = 50;
/** Shortest and longest headline taken. */
const MIN_HEADLINE = 15;
const MAX_HEADLINE = 200;

const AGE_IN_TEXT =
  /\b((?:\d+|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?(?:\s+ago)?|just now|yesterday)\b/i;

/** Resolve a link against the page's address; null for non-web links. */
export function resolveUrl(href: string, base: string | null): string | null {
  const h = href.trim();
  if (h === "" || /^(?:javascript|mailto|tel|data):/i.test(h) || h.startsWith("#")) return null;
  try {
    return base ? new URL(h, base).href : new URL(h).href;
  } catch {
    return null;
  }
}

/**
 * The headlines of the rails removed from a page.
 *
 * @param rails the removed rail elements
 * @param base the page's address for relative links
 */
export function railItems(rails: readonly Element[], base: string | null): RelatedItem[] {
  const items: RelatedItem[] = [];
  const seen = new Set<string>();
  for (const rail of rails) {
    for (const a of findAll(rail, (el) => el.name === "a")) {
      if (items.length >= MAX_ITEMS) return items;
      const title = squash(textOf(a));
      if (title.length < MIN_HEADLINE || title.length > MAX_HEADLINE || title.split(" ").length < 3) continue;
      if (seen.has(title)) continue;
      seen.add(title);
      items.push({ title, age: ageNear(a, title), url: resolveUrl(attr(a, "href"), base) });
    }
  }
  return items;
}

/** A relative age shown with a rail link (in a `<time>` or in the item's text), or null. */
function ageNear(a: Element, title: string): string | null {
  let item: Element = a;
  for (let i = 0; i < 3 && item.parent && isTag(item.parent); i++) {
    item = item.parent;
    if (item.name === "li" || item.name === "article") break;
  }
  for (const t of findAll(item, (el) => el.name === "time")) {
    const age = parseAge(squash(textOf(t)));
    if (age) return age;
  }
  const rest = squash(textOf(item)).replace(title, " ");
  const m = AGE_IN_TEXT.exec(rest);
  return m ? m[1]! : null;
}
