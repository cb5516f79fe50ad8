/**
 * Extract: from a Document's bytes to an Article (title, authors, dates, language, blocks, text).
 *
 * HTML is recognised by content; anything else is a text page (a page as a scraper saved it).
 *
 * @example
 * const r = extractDocument(doc, { published: "2025-09-01" });
 * if (r.ok) console.log(r.value.text);
 */

import {
  type Article,
  type Document,
  decodeBytes,
  type ExtractOptions,
  err,
  LedeError,
  looksBinary,
  ok,
  type Result,
} from "../core/index.ts";
import { extractHtml } from "./html/index.ts";
import { detectLanguage } from "./language.ts";
import { joinPages } from "./pages.ts";
import { looksLikeHtml } from "./sniff.ts";
import { extractTextPage } from "./text/index.ts";

export type { ArticleExtras } from "./html/extras.ts";
export { extractHtml, extractHtmlWithExtras } from "./html/index.ts";
export { detectLanguage } from "./language.ts";
export { looksLikeHtml } from "./sniff.ts";
export { extractTextPage } from "./text/index.ts";

/**
 * Extract the article from a document.
 *
 * @param doc the acquired document (bytes and headers)
 * @param options `url` and `published` override what the page says; `textOnly` takes the input as the text
 * @returns the article, or an `extract` error (`binary`, `empty`, `no-content`)
 */
export function extractDocument(doc: Document, options: ExtractOptions = {}): Result<Article> {
  if (doc.body.length === 0) return err(new LedeError("extract", "empty", `input is empty [${doc.input}]`));
  if (looksBinary(doc.body)) {
    return err(new LedeError("extract", "binary", `input looks binary, not a page or text [${doc.input}]`));
  }
  const { text } = decodeBytes(doc.body, doc.contentType);
  const first = extractString(
    text,
    { ...options, ...(doc.url && !options.url ? { url: doc.url } : {}) },
    doc.input,
  );
  if (!first.ok || !doc.pages || doc.pages.length === 0) return first;
  // A paginated article's further pages (see acquire/pages.ts): each read alone, then joined.
  const further: Article[] = [];
  for (const page of doc.pages) {
    if (page.body.length === 0 || looksBinary(page.body)) continue;
    const r = extractString(
      decodeBytes(page.body, page.contentType).text,
      page.url ? { url: page.url } : {},
      page.input,
    );
    if (r.ok) further.push(r.value);
  }
  return ok(joinPages(first.value, further));
}

/**
 * Extract the article from a decoded string (HTML or a text page).
 *
 * @param input the decoded page
 * @param options as for `extractDocument`
 * @param name the input's name, for error messages
 */
export function extractString(input: string, options: ExtractOptions = {}, name = "input"): Result<Article> {
  if (input.trim() === "") return err(new LedeError("extract", "empty", `input has no text [${name}]`));
  let article: Article;
  if (options.textOnly) {
    article = textOnlyArticle(input, options);
  } else if (looksLikeHtml(input)) {
    article = extractHtml(input, options);
  } else {
    article = extractTextPage(input, options);
  }
  if (options.published) article = { ...article, published: options.published };
  if (article.text.trim() === "") {
    return err(new LedeError("extract", "no-content", `no article text found [${name}]`));
  }
  return ok(article);
}

/** The article for `--text`: the input is the text, nothing is extracted, offsets index the input. */
function textOnlyArticle(text: string, options: ExtractOptions): Article {
  const blocks: Article["blocks"] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) blocks.push({ type: "paragraph", start, end });
  }
  return {
    url: options.url ?? null,
    title: null,
    authors: [],
    published: options.published ?? null,
    modified: null,
    language: detectLanguage(text),
    siteName: null,
    text,
    blocks,
    related: [],
  };
}
