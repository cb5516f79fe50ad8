/**
 * `analyse`: compose the analysis steps over an article's text. Each step is a pure function of
 * the text and what earlier steps found (see `context.ts`); the order is the dependency order:
 * sentences → entities → quotes → times, quantities → events, deadlines, claims.
 */
import type { Analysis, Article } from "../core/index.ts";
import { findClaims } from "./claims/index.ts";
import type { AnalysisContext } from "./context.ts";
import { findDeadlines } from "./deadlines/index.ts";
import { findEntities } from "./entities/index.ts";
import { findEvents } from "./events/index.ts";
import { findQuantities } from "./quantities/index.ts";
import { findQuotes } from "./quotes/index.ts";
import { splitSentences } from "./text/index.ts";
import { findTimes } from "./time/index.ts";

export interface AnalyseOptions {
  /** The date time expressions resolve against; defaults to the article's publication date. */
  readonly reference?: string | null;
}

/** The reference date: the given one, else the article's published date. */
export function referenceDate(article: Article, options: AnalyseOptions = {}): string | null {
  return options.reference ?? article.published ?? null;
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
  const quantities = findQuantities(text, sentences, times);
  const base: AnalysisContext = {
    text,
    sentences,
    reference,
    entities,
    quotes,
    times,
    quantities,
    events: [],
  };
  const events = findEvents(base);
  const ctx: AnalysisContext = { ...base, events };
  return {
    reference,
    sentences,
    entities,
    quotes,
    times,
    quantities,
    events,
    deadlines: findDeadlines(ctx),
    claims: findClaims(text, sentences, entities, quotes),
  };
}
