/**
 * What each analysis step sees: the article text, its sentences, and what earlier steps found.
 * Steps are pure functions of this context; `analyse.ts` runs them in order.
 */
import type { Entity, NewsEvent, Quantity, Quote, Span, TimeExpression } from "../core/index.ts";

export interface AnalysisContext {
  /** `article.text`; every span indexes it. */
  readonly text: string;
  readonly sentences: readonly Span[];
  /** The reference date (ISO 8601, usually the publication date) time expressions resolve against. */
  readonly reference: string | null;
  readonly entities: readonly Entity[];
  readonly quotes: readonly Quote[];
  readonly times: readonly TimeExpression[];
  readonly quantities: readonly Quantity[];
  readonly events: readonly NewsEvent[];
}
