/**
 * Stories in the store: which story each linked article belongs to, the copy it makes of an earlier
 * article, story labels and counts, and the linker's saved state. Linking itself is sequential (an online
 * clusterer sees articles one after another), so one process at a time holds the *link lease* and writes
 * links; every process (web servers, workers) reads stories from here, which keeps servers stateless.
 *
 * Writes carry the lease's epoch (a fencing token): a holder that stalled past its lease and lost it to
 * another process can no longer write. The recorded links are the whole state: a process taking the
 * lease over rebuilds its linker from the most recent ones (`linkedAfter`).
 */
import type { ArticleSummary } from "./store.ts";

/** A story as the reader lists it. */
export interface StoryRecord {
  readonly id: string;
  /** Its label: the headline of its first article, else its key names and terms. */
  readonly title: string;
  /** Key entities, then key terms, most salient first. */
  readonly keywords: readonly string[];
  /** Articles in the story (copies included). */
  readonly articles: number;
  /** Distinct outlets (site names, else hosts). */
  readonly outlets: number;
  readonly createdAt: string;
  /** When an article last joined. */
  readonly updatedAt: string;
}

/** A story with its article ids, in link order. */
export interface StoryWithArticles extends StoryRecord {
  readonly articleIds: readonly number[];
}

/** One article linked by the lease holder. */
export interface StoryLinkInput {
  readonly articleId: number;
  readonly story: string;
  /** The earlier article this one copies, or null. */
  readonly copyOf: number | null;
  /** The outlet: site name, else host, else "unknown". */
  readonly outlet: string;
  /** The story's label and keywords after this article joined. */
  readonly title: string;
  readonly keywords: readonly string[];
  /** Stories merged into `story` by this article: their articles move to it and their ids redirect to it. */
  readonly merged: readonly string[];
}

/** A recorded link, for rebuilding a linker. */
export interface LinkedArticle {
  readonly articleId: number;
  /** Link order (1, 2, ... across the whole store). */
  readonly seq: number;
  /** Its story now (after merges). */
  readonly story: string;
  readonly copyOf: number | null;
}

export interface StoryStore {
  /**
   * Take or renew the link lease for `ttlMs`.
   *
   * @returns the epoch to write with (it changes whenever the lease changes hands), or null when another
   *   owner holds an unexpired lease
   */
  acquireLease(owner: string, ttlMs: number): Promise<number | null>;
  /** Give the lease up (only if `owner` holds it). */
  releaseLease(owner: string): Promise<void>;
  /** Ids of stored articles not yet linked with an id above `afterId`, oldest first. */
  unlinked(afterId: number, limit: number): Promise<number[]>;
  /** Links with a sequence number above `seq`, in link order. */
  linkedAfter(seq: number, limit: number): Promise<LinkedArticle[]>;
  /** The highest link sequence number and the highest numeric story id (`s123` → 123) recorded. */
  linkMarks(): Promise<{ readonly seq: number; readonly story: number }>;
  /**
   * Record links in order, in one transaction; an article linked before is left as it is.
   *
   * @returns false (nothing written) when `epoch` no longer holds the lease
   */
  recordLinks(epoch: number, links: readonly StoryLinkInput[]): Promise<boolean>;
  /** The story an article belongs to, or null when it is not linked. */
  storyOf(articleId: number): Promise<StoryRecord | null>;
  /** A story by id (a merged story's id leads to the story it joined), or null. */
  get(storyId: string, limit?: number): Promise<StoryWithArticles | null>;
  /**
   * The stories most covered lately: among the `recent` most recently updated stories with at least two
   * articles, most outlets first, then most articles, then most recently updated.
   */
  top(limit: number, recent?: number): Promise<StoryRecord[]>;
  /** The other stored copies of the report an article carries (its original and other copies), oldest first. */
  copiesOf(articleId: number, limit?: number): Promise<ArticleSummary[]>;
  /** How many other stored copies of the report an article carries (a wire story may have thousands). */
  copyCount(articleId: number): Promise<number>;
}

/** Numeric part of a story id (`s42` → 42), or 0. */
export function storyNumber(id: string): number {
  const m = /^s(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** How many of the newest stories `top` looks at by default. */
export const RECENT_STORIES = 500;
/** Most article ids `get` returns by default. */
export const STORY_ARTICLES = 1000;

/** Longest chain of merged stories followed by `get`. */
export const MAX_REDIRECTS = 50;

/**
 * A row of the `stories` table as a StoryRecord; a story with no headline is labelled by its key words.
 *
 * @param r the row
 * @param keywords its keywords, decoded (SQLite stores JSON text, PostgreSQL a json column)
 */
export function toStory(r: Readonly<Record<string, unknown>>, keywords: readonly string[]): StoryRecord {
  return {
    id: r.id as string,
    title: (r.title as string) || keywords.slice(0, 4).join(", ") || (r.id as string),
    keywords,
    articles: r.articles as number,
    outlets: r.outlets as number,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}
