/**
 * The `Store`: where documents, articles (with versions), analyses, sources, failures and tokens live.
 * One interface, several backends (SQLite by default, PostgreSQL at scale), one contract suite
 * (`test/store/contract.ts`) that every backend runs.
 */
import type {
  Analysis,
  Article,
  Claim,
  Deadline,
  Entity,
  ErrorCode,
  NewsEvent,
  Quote,
  Stage,
} from "../core/index.ts";
import type { AlertStore } from "./alerts.ts";
import type { StoryStore } from "./stories.ts";

/** What `putArticle` did. */
export type PutStatus = "added" | "updated" | "unchanged";

export interface PutArticleInput {
  readonly article: Article;
  readonly analysis: Analysis | null;
  /** Where it came from: a feed URL, a page URL, a file path, "paste". */
  readonly source: string | null;
  readonly sourceId?: number;
  /** ISO 8601 time it was acquired. */
  readonly fetchedAt: string;
}

export interface PutArticleResult {
  readonly status: PutStatus;
  readonly id: number;
  readonly version: number;
}

export interface StoredArticle {
  readonly id: number;
  readonly version: number;
  /** The identity: the canonical URL, or `sha256:<hash>` of the text when there is no URL. */
  readonly key: string;
  readonly source: string | null;
  readonly contentHash: string;
  readonly article: Article;
  readonly analysis: Analysis | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A short form for lists: the "Latest stories" rail, search results. */
export interface ArticleSummary {
  readonly id: number;
  readonly title: string | null;
  readonly url: string | null;
  readonly siteName: string | null;
  readonly source: string | null;
  readonly published: string | null;
  readonly createdAt: string;
  /** A few words of the text, or the search snippet with matches in `[` `]`. */
  readonly snippet: string;
}

export interface FailureInput {
  readonly input: string;
  readonly stage: Stage;
  readonly code: ErrorCode;
  readonly message: string;
  readonly sourceId?: number;
}

export interface FailureRecord extends FailureInput {
  readonly id: number;
  readonly at: string;
}

export type SourceKind = "feed" | "sitemap" | "page";

export interface SourceInput {
  readonly kind: SourceKind;
  readonly url: string;
  readonly title?: string | null;
  readonly category?: string | null;
}

/** A subscribed source and its health. */
export interface SourceRecord {
  readonly id: number;
  readonly kind: SourceKind;
  readonly url: string;
  readonly title: string | null;
  readonly category: string | null;
  readonly addedAt: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastErrorAt: string | null;
  readonly lastErrorCode: string | null;
  readonly lastErrorMessage: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string | null;
}

export type SourcePatch = Partial<
  Pick<
    SourceRecord,
    | "title"
    | "etag"
    | "lastModified"
    | "lastSuccessAt"
    | "lastErrorAt"
    | "lastErrorCode"
    | "lastErrorMessage"
    | "consecutiveFailures"
    | "nextPollAt"
  >
>;

export interface ListOptions {
  readonly limit?: number;
  /** Only articles stored before this article id (for paging). */
  readonly beforeId?: number;
  /** Only articles stored after this article id (`searchArticles`: new matches of a saved search). */
  readonly afterId?: number;
}

/**
 * Filters of `searchArticles`. Every field is optional; all given fields must hold.
 *
 * @example { text: '"peace talks" -crimea', entity: "Lindqvist", source: "bbc", from: "2025-08-01" }
 */
export interface ArticleQuery {
  /** The query language of `search` (words, "phrases", OR, -word); empty or absent matches every article. */
  readonly text?: string;
  /**
   * The outlet: matches, case-insensitively, the article's site name (as a substring) or its URL's host
   * (the host itself or a subdomain of it: `bbc.co.uk` matches `www.bbc.co.uk`).
   */
  readonly source?: string;
  /** Published on or after this ISO date (`2025-08-01`); articles without a date use their stored date. */
  readonly from?: string;
  /** Published on or before this ISO date (inclusive, the whole day). */
  readonly to?: string;
  /** The analysis names an entity with this name (whole words, case-insensitive: "putin" matches "Ada Lindqvist"). */
  readonly entity?: string;
}

/** Kinds of analysis items indexed across articles (the arrays of `Analysis` they come from). */
export type ItemKind = "quote" | "claim" | "deadline" | "event" | "entity";

/** The analysis type of each item kind. */
export interface ItemTypes {
  readonly quote: Quote;
  readonly claim: Claim;
  readonly deadline: Deadline;
  readonly event: NewsEvent;
  readonly entity: Entity;
}

/** Filters of `findItems`. */
export interface ItemFilter {
  /**
   * An entity the item involves, matched like `ArticleQuery.entity`: a quote's speaker, a claim's claimant or
   * subjects, a deadline's setter or target, an event's actors, targets or place, or the entity itself.
   */
  readonly entity?: string;
  /** The query language of `search`, applied to the item's own text (every positive term must occur). */
  readonly text?: string;
  /** The item's date (see `ItemHit.date`) on or after this ISO date. */
  readonly from?: string;
  /** The item's date on or before this ISO date (inclusive). */
  readonly to?: string;
  /** Only items of this article. */
  readonly articleId?: number;
  /** `newest` (default): newest article first; `date-asc` / `date-desc`: by the item's date, undated last. */
  readonly order?: "newest" | "date-asc" | "date-desc";
}

/** One analysis item found across articles, with the article it came from (its current version). */
export interface ItemHit<K extends ItemKind> {
  readonly kind: K;
  /** The item exactly as stored in the analysis (spans index that article's text). */
  readonly item: ItemTypes[K];
  /** Position of the item in its analysis array (stable per article version). */
  readonly index: number;
  /**
   * The item's date, an ISO date or null: a deadline's `due`, an event's `date` when it is a calendar
   * date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), else the article's published date.
   */
  readonly date: string | null;
  /** Canonical names of the entities the item refers to by id (`{"e1": "Ada Lindqvist"}`). */
  readonly names: Readonly<Record<string, string>>;
  readonly article: ArticleSummary;
}

export interface Store {
  /** Stories: links of articles to stories, copies, labels, the link lease (see `stories.ts`). */
  readonly stories: StoryStore;
  /** Saved searches with webhooks (see `alerts.ts`). */
  readonly alerts: AlertStore;
  /** Bring the schema up to date (append-only numbered migrations). Idempotent. */
  migrate(): Promise<void>;
  /** The schema version: the number of migrations applied. */
  schemaVersion(): Promise<number>;
  /**
   * Store an article idempotently: the same key and content is `unchanged`; the same key with new
   * content is a new version (`updated`); the same content under another key is `unchanged` too.
   */
  putArticle(input: PutArticleInput): Promise<PutArticleResult>;
  getArticle(id: number): Promise<StoredArticle | null>;
  /** Newest first. */
  latest(options?: ListOptions): Promise<ArticleSummary[]>;
  /** Full-text search over title and text, best first (BM25 over the newest matches). Bad query syntax never throws. */
  search(query: string, options?: ListOptions): Promise<ArticleSummary[]>;
  /**
   * Articles matching text and facets: best first (BM25) when `text` has terms, else newest first.
   * Bad query syntax never throws.
   */
  searchArticles(query: ArticleQuery, options?: ListOptions): Promise<ArticleSummary[]>;
  /**
   * Analysis items (quotes, claims, deadlines, events, entities) of the current versions of articles,
   * for the quote finder, the deadline board and entity pages. `beforeId` pages by article id.
   *
   * @example await store.findItems("quote", { entity: "Lindqvist", text: "nato" })
   */
  findItems<K extends ItemKind>(kind: K, filter?: ItemFilter, options?: ListOptions): Promise<ItemHit<K>[]>;
  /** Every stored article, latest version, oldest first. */
  exportArticles(): AsyncIterable<StoredArticle>;
  countArticles(): Promise<number>;
  recordFailure(failure: FailureInput): Promise<void>;
  failures(options?: ListOptions): Promise<FailureRecord[]>;
  /** Add a source, or return the existing one with the same URL. */
  addSource(source: SourceInput): Promise<SourceRecord>;
  listSources(): Promise<SourceRecord[]>;
  updateSource(id: number, patch: SourcePatch): Promise<void>;
  /** Create a write token; only its hash is stored. Returns the token once. */
  createToken(name: string): Promise<{ readonly id: number; readonly token: string }>;
  verifyToken(token: string): Promise<boolean>;
  close(): Promise<void>;
}
