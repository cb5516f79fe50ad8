/**
 * One document through extract → analyse, as plain data in and out so it can run in a worker thread.
 */

import { analyse } from "../analyse/index.ts";
import type { Analysis, Article, Document, ExtractOptions, SourceKind } from "../core/index.ts";
import { LedeError, toLedeError } from "../core/index.ts";
import { extractDocument } from "../extract/index.ts";

export interface ProcessInput {
  readonly doc: Document;
  readonly options: ExtractOptions;
  /** Run the analysis too (else extraction only). */
  readonly analyse: boolean;
}

export type ProcessOutput =
  | { readonly ok: true; readonly article: Article; readonly analysis: Analysis | null }
  | {
      readonly ok: false;
      readonly error: { readonly stage: string; readonly code: string; readonly message: string };
    };

/**
 * Where pages come from a crawl rather than being named one by one: a listing page (a tag, category or
 * search page) among them is no article and is not stored. A page named on its own is always kept.
 */
const CRAWLED: ReadonlySet<SourceKind> = new Set(["warc", "sitemap"]);

/**
 * Extract (and analyse) one document. Expected failures come back as values; a bug's throw is
 * turned into an `internal` error of the stage it happened in.
 */
export function processDocument(input: ProcessInput): ProcessOutput {
  let stage: "extract" | "analyse" = "extract";
  try {
    const extracted = extractDocument(input.doc, input.options);
    if (!extracted.ok) return { ok: false, error: extracted.error.toJSON() };
    if (extracted.value.pageKind === "listing" && CRAWLED.has(input.doc.sourceKind)) {
      const e = new LedeError(
        "extract",
        "listing",
        `a listing page (headlines linking to other pages), not an article: not stored [${input.doc.input}]`,
      );
      return { ok: false, error: e.toJSON() };
    }
    const article = withHints(extracted.value, input.doc);
    if (!input.analyse) return { ok: true, article, analysis: null };
    stage = "analyse";
    const reference = input.options.published ?? article.published ?? input.doc.hints?.published ?? null;
    return { ok: true, article, analysis: analyse(article, { reference }) };
  } catch (e) {
    return { ok: false, error: toLedeError(e, stage).toJSON() };
  }
}

/** Fill what the page lacks from what its feed entry said (title, date, authors). */
function withHints(article: Article, doc: Document): Article {
  const h = doc.hints;
  if (!h) return article;
  return {
    ...article,
    title: article.title ?? h.title ?? null,
    published: article.published ?? h.published ?? null,
    authors: article.authors.length > 0 ? article.authors : [...(h.authors ?? [])],
  };
}
