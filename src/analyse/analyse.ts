/**
 * `analyse`: compose the analysis steps over an article's text. Each step is a pure function of
 * the text and what earlier steps found (see `context.ts`); the order is the dependency order:
 * sentences → entities → quotes → times, quantities → events, deadlines, claims.
 */
import type { Analysis, Article } from "../core/index.ts";
import { findEntities } from "./entities/index.ts";
import { findQuotes } from "./quotes/index.ts";
import { splitSentences } from "./text/index.ts";
import { findTimes } from "./time/index.ts";

export interface AnalyseOptions {
  /** The date time expressions resolve against; defaults to the article's publication date. */
  readonly reference?: string | null;
}

/** The reference date: the given one, else the article's published date (its date part). */
export function referenceDate(article: Article, options: AnalyseOptions = {}): string | null {
  const ref = options.reference ?? article.published;
  return ref ?? null;
}

/**
 * Analyse an article.
 *
 * @param article the extracted article; every span in the result indexes `article.text`
 * @param options the reference date
 * @returns the analysis (every field of the contract present)
 * @example const analysis = analyse(article, { reference: "2025-09-01" });
 */
export function analyse(article: Article, options: AnalyseOptions = {}): Analysis {
  const text = article.text;
  const reference = referenceDate(article, options);
  const sentences = splitSentences(text);
  const entities = findEntities(text, sentences);
  const quotes = findQuotes(text, sentences, entities);
  const times = findTimes(text, sentences, reference);
  return {
    reference,
    sentences,
    entities,
    quotes,
    times,
    quantities: [],
    events: [],
    deadlines: [],
    claims: [],
  };
}
