import type { ArticleSummary } from "../store/index.ts";

/**
 * The seam for story pages: when linking lands, the caller passes a `StoryReader` in `ServeDeps` and the
 * article page links to its story, `/stories/:id` renders the timeline. Until then there is none and
 * `/stories/:id` answers 404 with code `not-available`.
 */

/** What an article page needs to know about its story. */
export interface StoryRef {
  readonly id: string;
  readonly title: string;
  /** How many outlets carry it. */
  readonly outlets: number;
}

/** Reads stories (implemented by the link stage's store when it lands). */
export interface StoryReader {
  /** The story an article belongs to, or null. */
  storyOf(articleId: number): Promise<StoryRef | null>;
  /** Article ids of a story in time order, or null when there is no such story. */
  articlesOf(storyId: string): Promise<readonly number[] | null>;
  /** Other stored copies of this article's report (syndication lineage), oldest first. */
  copiesOf(articleId: number): Promise<readonly ArticleSummary[]>;
  /** The stories most covered lately, most outlets first (the desk's "Top stories"). */
  topStories(limit: number): Promise<readonly StoryRef[]>;
}
