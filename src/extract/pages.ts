/**
 * Join a paginated article's parts: the first page's article gains the blocks of its further pages,
 * in order, except blocks it already has (a standfirst, a repeated headline or credit), keeping
 * `text` as CONTRACT.md builds it (blocks separated by a blank line, offsets into `text`).
 */
import type { Article, Block } from "../core/index.ts";

/** A block's words, for telling a repeated block. */
const key = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * @param first the article read from the first page (its metadata is the article's)
 * @param further the articles read from the further pages, in order
 * @example joinPages(page1, [page2]).text // page 1's text, a blank line, page 2's new blocks
 */
export function joinPages(first: Article, further: readonly Article[]): Article {
  if (further.length === 0) return first;
  const seen = new Set(first.blocks.map((b) => key(first.text.slice(b.start, b.end))));
  let text = first.text;
  const blocks: Block[] = [...first.blocks];
  const related = [...first.related];
  const relatedTitles = new Set(related.map((r) => r.title));
  for (const page of further) {
    for (const b of page.blocks) {
      const piece = page.text.slice(b.start, b.end);
      const k = key(piece);
      if (k === "" || seen.has(k)) continue;
      seen.add(k);
      if (text.length > 0) text += "\n\n";
      blocks.push({ type: b.type, start: text.length, end: text.length + piece.length });
      text += piece;
    }
    for (const r of page.related) {
      if (relatedTitles.has(r.title)) continue;
      relatedTitles.add(r.title);
      related.push(r);
    }
  }
  return { ...first, text, blocks, related };
}
