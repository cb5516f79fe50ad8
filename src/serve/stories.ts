import type { ArticleSummary, Store } from "../store/index.ts";

/**
 * The seam for story pages: the article page links to its story, `/stories/:id` renders the timeline.
 * `storyReader(store)` reads the links the story keeper records in the store (any server process can);
 * a server given no reader answers `/stories/:id` with 404 and code `not-available`.
 */

/** What an article page needs to know about its story. */
export interface StoryRef {
  readonly id: string;
  readonly title: string;
  /** How many outlets carry it. */
  readonly outlets: number;
}

/** Reads stories. */
export interface StoryReader {
  /** The story an article belongs to, or null. */
  storyOf(articleId: number): Promise<StoryRef | null>;
  /** Article ids of a story in time order, or null when there is no such story. */
  articlesOf(storyId: string): Promise<readonly number[] | null>;
  /** Other stored copies of this article's report (syndication lineage), oldest first (at most `limit`). */
  copiesOf(articleId: number, limit?: number): Promise<readonly ArticleSummary[]>;
  /** How many other copies there are in all (when the reader can count them beyond a page of copies). */
  copyCount?(articleId: number): Promise<number>;
  /** The stories most covered lately, most outlets first (the desk's "Top stories"). */
  topStories(limit: number): Promise<readonly StoryRef[]>;
}

/** The StoryReader over the store's story links. */
export function storyReader(store: Store): StoryReader {
  const ref = (s: { id: string; title: string; outlets: number }): StoryRef => ({
    id: s.id,
    title: s.title,
    outlets: s.outlets,
  });
  return {
    storyOf: async (id) => {
      const s = await store.stories.storyOf(id);
      return s ? ref(s) : null;
    },
    articlesOf: async (id) => (await store.stories.get(id))?.articleIds ?? null,
    copiesOf: (id, limit) => store.stories.copiesOf(id, limit),
    copyCount: (id) => store.stories.copyCount(id),
    topStories: async (limit) => (await store.stories.top(limit)).map(ref),
  };
}
