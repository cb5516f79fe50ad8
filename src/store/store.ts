/**
 * The `Store`: where documents, articles (with versions), analyses, sources, failures and tokens live.
 * One interface, several backends (SQLite by default, PostgreSQL at scale), one contract suite
 * (`test/store/contract.ts`) that every backend runs.
 */
import type { Analysis, Article, ErrorCode, Stage } from "../core/index.ts";

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
}

export interface Store {
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
  /** Full-text search over title and text, best first (bm25). Bad query syntax never throws. */
  search(query: string, options?: ListOptions): Promise<ArticleSummary[]>;
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
