/**
 * Deterministic job ids: the same work always gets the same id, so a runner that still knows the id
 * does not add the job twice, and a re-run of a job (at-least-once delivery) adds nothing new.
 * Ids use only `[a-z0-9-]` (BullMQ reserves `:`).
 */
import { contentHash } from "../core/index.ts";

const short = (s: string) => contentHash(s).slice(0, 32);

/**
 * Ids per queue.
 *
 * @example jobIds.page("https://example.com/a") // "page-1f3c..."
 */
export const jobIds = {
  /** A page; `version` (a feed item's updated or published date) makes a changed item a new job. */
  page: (url: string, version?: string | null): string => `page-${short(`${url}\n${version ?? ""}`)}`,
  /** One poll of a feed in one polling slot. */
  feed: (sourceId: number, slot: number): string => `feed-${sourceId}-${slot}`,
  /** Processing of one document: its address (or name) and the hash of its bytes. */
  process: (input: string, bodyHash: string): string => `process-${short(`${input}\n${bodyHash}`)}`,
  /** Storing of one article: its identity and the hash of its content. */
  store: (key: string, hash: string): string => `store-${short(`${key}\n${hash}`)}`,
  link: (articleId: number, version: number): string => `link-${articleId}-${version}`,
  narrate: (articleId: number, version: number): string => `narrate-${articleId}-${version}`,
  /** A narration by its cache key (article, version, voice, rate and lexicon): a changed lexicon is new work. */
  narration: (key: string): string => `narrate-${key.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`,
};
