/**
 * The types that flow through Lede: Source → Document → Article → Analysis → Story.
 * Contract shapes are inferred from the Zod schemas in `schema.ts`.
 */
import type { z } from "zod";
import type * as S from "./schema.ts";

export type Span = z.infer<typeof S.SpanSchema>;
export type TextSpan = z.infer<typeof S.TextSpanSchema>;
export type BlockType = z.infer<typeof S.BlockTypeSchema>;
export type Block = z.infer<typeof S.BlockSchema>;
export type RelatedItem = z.infer<typeof S.RelatedSchema>;
export type Article = z.infer<typeof S.ArticleSchema>;
export type EntityType = z.infer<typeof S.EntityTypeSchema>;
export type MentionKind = z.infer<typeof S.MentionKindSchema>;
export type Mention = z.infer<typeof S.MentionSchema>;
export type Entity = z.infer<typeof S.EntitySchema>;
export type QuoteKind = z.infer<typeof S.QuoteKindSchema>;
export type Quote = z.infer<typeof S.QuoteSchema>;
export type TimeType = z.infer<typeof S.TimeTypeSchema>;
export type TimeExpression = z.infer<typeof S.TimeSchema>;
export type QuantityRole = z.infer<typeof S.QuantityRoleSchema>;
export type Quantity = z.infer<typeof S.QuantitySchema>;
export type EventType = z.infer<typeof S.EventTypeSchema>;
export type NewsEvent = z.infer<typeof S.EventSchema>;
export type Deadline = z.infer<typeof S.DeadlineSchema>;
export type ClaimStatus = z.infer<typeof S.ClaimStatusSchema>;
export type Claim = z.infer<typeof S.ClaimSchema>;
export type Analysis = z.infer<typeof S.AnalysisSchema>;
export type ExtractOutput = z.infer<typeof S.ExtractOutputSchema>;
export type AnalyseOutput = z.infer<typeof S.AnalyseOutputSchema>;
export type LinkInput = z.infer<typeof S.LinkInputSchema>;
export type LinkOutput = z.infer<typeof S.LinkOutputSchema>;

/** Where a document came from. */
export type SourceKind = "feed" | "url" | "sitemap" | "warc" | "file" | "stdin" | "text" | "opml";

/**
 * Raw bytes as acquired, before extraction.
 *
 * @example
 * const doc: Document = { input: "page.html", url: null, body: bytes, contentType: "text/html",
 *   headers: {}, fetchedAt: new Date().toISOString(), sourceKind: "file" };
 */
export interface Document {
  /** How the user named it (a path, a URL, `-`); echoed as `input` in JSON output. */
  readonly input: string;
  /** The final URL after redirects, or null for files and pasted text. */
  readonly url: string | null;
  /** The body as received (decompressed, not yet decoded). */
  readonly body: Uint8Array;
  /** The media type if known (`text/html; charset=...`), else null. */
  readonly contentType: string | null;
  /** Response headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** ISO 8601 time it was acquired. */
  readonly fetchedAt: string;
  readonly sourceKind: SourceKind;
  /** Id of the stored source (feed) it came from, if any. */
  readonly sourceId?: number;
  /** Hints a feed entry gives (title, date, author) used when the page lacks them. */
  readonly hints?: DocumentHints;
  /** The further pages of a paginated article, in order (fetched by acquire's `withFurtherPages`). */
  readonly pages?: readonly Document[];
}

export interface DocumentHints {
  readonly title?: string;
  readonly published?: string;
  readonly authors?: readonly string[];
}

/** Options every stage accepts from the command line or the API. */
export interface ExtractOptions {
  /** The page's address (for metadata and relative links; nothing is fetched). */
  readonly url?: string;
  /** Override or fill in the publication date (ISO 8601). */
  readonly published?: string;
  /** The input is already the article's text: no extraction. */
  readonly textOnly?: boolean;
}
