/**
 * Zod schemas of the JSON contract (../shared/docs/CONTRACT.md, version 1).
 *
 * These are the single source of truth for the shapes that `lede extract --json` and
 * `lede analyse --json` print; the TypeScript types in `types.ts` are inferred from them,
 * and tests parse real CLI output with them so the contract is checked, not assumed.
 */
import { z } from "zod";

/** A half-open range of UTF-16 code units into `article.text`. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** A span with the text it covers (`text === article.text.slice(start, end)`). */
export const TextSpanSchema = SpanSchema.extend({ text: z.string() });

export const BlockTypeSchema = z.enum(["paragraph", "heading", "quote", "list-item", "caption", "table"]);

export const BlockSchema = SpanSchema.extend({ type: BlockTypeSchema });

export const RelatedSchema = z.object({
  title: z.string(),
  age: z.string().nullable(),
  url: z.string().nullable(),
});

/** The object `lede extract --json` prints for one input (without `input`). */
export const ArticleSchema = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  authors: z.array(z.string()),
  published: z.string().nullable(),
  modified: z.string().nullable(),
  language: z.string().nullable(),
  siteName: z.string().nullable(),
  text: z.string(),
  blocks: z.array(BlockSchema),
  related: z.array(RelatedSchema),
  /** Added fields (HTML pages only): the lead image's absolute URL, the section or desk, keywords and tags. */
  image: z.string().nullable().optional(),
  section: z.string().nullable().optional(),
  keywords: z.array(z.string()).optional(),
  /** HTML pages only: `listing` for a tag, category or search page of teasers (no article of its own). */
  pageKind: z.enum(["article", "listing"]).optional(),
});

export const EntityTypeSchema = z.enum(["PERSON", "ORG", "LOC", "MISC"]);
export const MentionKindSchema = z.enum(["name", "title", "nominal", "pronoun"]);

export const MentionSchema = TextSpanSchema.extend({ kind: MentionKindSchema });

export const EntitySchema = z.object({
  id: z.string(),
  type: EntityTypeSchema,
  name: z.string(),
  titles: z.array(z.string()),
  mentions: z.array(MentionSchema),
});

export const QuoteKindSchema = z.enum(["direct", "partial", "indirect"]);

export const QuoteSchema = TextSpanSchema.extend({
  kind: QuoteKindSchema,
  cue: TextSpanSchema.nullable(),
  speaker: TextSpanSchema.nullable(),
  speakerEntity: z.string().nullable(),
  speakerName: z.string().nullable(),
});

export const TimeTypeSchema = z.enum(["DATE", "TIME", "DURATION", "SET"]);

export const TimeSchema = TextSpanSchema.extend({
  type: TimeTypeSchema,
  value: z.string().nullable(),
});

export const QuantityRoleSchema = z.enum([
  "fired",
  "killed",
  "injured",
  "missing",
  "arrested",
  "displaced",
  "other",
]);

export const QuantitySchema = TextSpanSchema.extend({
  value: z.number().nullable(),
  approximate: z.boolean(),
  counts: z.string().nullable(),
  role: QuantityRoleSchema,
});

export const EventTypeSchema = z.enum([
  "attack",
  "meeting",
  "statement",
  "agreement",
  "proposal",
  "rejection",
  "other",
]);

export const EventSchema = TextSpanSchema.extend({
  type: EventTypeSchema,
  date: z.string().nullable(),
  actors: z.array(z.string()),
  targets: z.array(z.string()),
  place: z.string().nullable(),
  killed: z.number().nullable(),
  injured: z.number().nullable(),
});

export const DateWindowSchema = z.object({ from: z.string(), to: z.string() });

export const DeadlineSchema = TextSpanSchema.extend({
  setter: z.string().nullable(),
  target: z.string().nullable(),
  demand: z.string().nullable(),
  due: z.string().nullable(),
  approximate: z.boolean(),
  window: DateWindowSchema.optional(),
  counted: z.string().optional(),
});

export const ClaimStatusSchema = z.enum(["asserted", "unconfirmed", "confirmed", "denied", "disputed"]);

export const ClaimSchema = TextSpanSchema.extend({
  claimant: z.string().nullable(),
  about: z.array(z.string()),
  status: ClaimStatusSchema,
  statusEvidence: TextSpanSchema.nullable(),
});

/** The analysis of one article: everything `lede analyse` adds to the article. */
export const AnalysisSchema = z.object({
  reference: z.string().nullable(),
  sentences: z.array(SpanSchema),
  entities: z.array(EntitySchema),
  quotes: z.array(QuoteSchema),
  times: z.array(TimeSchema),
  quantities: z.array(QuantitySchema),
  events: z.array(EventSchema),
  deadlines: z.array(DeadlineSchema),
  claims: z.array(ClaimSchema),
});

export const ErrorOutputSchema = z.object({
  input: z.string(),
  error: z.object({ stage: z.string(), code: z.string(), message: z.string() }),
});

/** One line of `lede extract --json`. */
export const ExtractOutputSchema = ArticleSchema.extend({ input: z.string() });

/** One line of `lede analyse --json`. */
export const AnalyseOutputSchema = AnalysisSchema.extend({ input: z.string(), article: ArticleSchema });

/** One line of `lede link --jsonl` input. */
export const LinkInputSchema = z.object({
  id: z.string(),
  text: z.string().optional(),
  html: z.string().optional(),
  title: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
});

/** One line of `lede link --jsonl` output. */
export const LinkOutputSchema = z.object({
  id: z.string(),
  story: z.string(),
  duplicateOf: z.string().nullable(),
});
