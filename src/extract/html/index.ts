/**
 * HTML extraction (first cut): the text of <p>, headings and list items inside <article> or <body>,
 * with <title> as the title. The full extractor (scoring, metadata, boilerplate) replaces this.
 */
import { parseDocument } from "htmlparser2";
import * as du from "domutils";
import type { Element } from "domhandler";
import type { Article, Block, ExtractOptions } from "../../core/index.ts";

const BLOCK_TAGS: Record<string, Block["type"]> = {
  p: "paragraph",
  h2: "heading",
  h3: "heading",
  li: "list-item",
  blockquote: "quote",
  figcaption: "caption",
};

/** Extract the article from an HTML page. */
export function extractHtml(html: string, options: ExtractOptions = {}): Article {
  const dom = parseDocument(html);
  const root = (du.findOne((e) => e.name === "article", dom.children, true) ??
    du.findOne((e) => e.name === "body", dom.children, true) ??
    dom) as Element;
  const blocks: Block[] = [];
  let text = "";
  for (const el of du.findAll((e) => e.name in BLOCK_TAGS, root.children)) {
    const t = du.textContent(el).replace(/\s+/g, " ").trim();
    if (t === "") continue;
    if (text !== "") text += "\n\n";
    blocks.push({ type: BLOCK_TAGS[el.name]!, start: text.length, end: text.length + t.length });
    text += t;
  }
  const titleEl = du.findOne((e) => e.name === "title", dom.children, true);
  const title = titleEl ? du.textContent(titleEl).replace(/\s+/g, " ").trim() || null : null;
  return {
    url: options.url ?? null,
    title,
    authors: [],
    published: options.published ?? null,
    modified: null,
    language: null,
    siteName: null,
    text,
    blocks,
    related: [],
  };
}
