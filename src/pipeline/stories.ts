/**
 * Stories inside ingest: stored articles are linked into stories by the same `StoryLinker` as
 * `lede link`, and every link is written to the store, where any process (web servers, workers) reads it.
 *
 * An online clusterer sees articles one after another, so one process at a time links: the one holding
 * the store's link lease. `catchUp()` takes (or renews) the lease, links every stored article not linked
 * yet, oldest first, and records the links in the store in batches, fenced by the lease's epoch. The
 * recorded links are the whole state: a process taking the lease over (at start, or when the holder
 * died) rebuilds its linker from the most recent `window` links (`StoryLinker.restore`, no decisions
 * made again), so a crash loses nothing and links nothing twice, and no state file grows with the
 * store. Processes without the lease leave their articles to the holder, which polls for them.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Article } from "../core/index.ts";
import { type LinkArticle, StoryLinker, type StoryLinkerOptions } from "../link/index.ts";
import type { Store, StoredArticle, StoryLinkInput } from "../store/index.ts";

/** Articles read and linked per batch (one store transaction each). */
const BATCH = 200;
/** Article ids re-checked below the highest one linked, for rows committed out of id order (PostgreSQL). */
const SLACK_IDS = 1000;

/**
 * The linker settings of the keeper: 10,000 live stories (the least recently updated are forgotten:
 * weeks of a busy desk), and copies found among the last 20,000 articles (a copy arrives within days of
 * its original). Both bound its memory (story centroids dominate it: about 1 GB at 20,000 stories).
 */
export const KEEPER_LINKER: StoryLinkerOptions = { maxStories: 10_000, duplicates: { maxArticles: 20_000 } };

export interface StoryKeeperOptions {
  /** This process's name on the lease (default host, pid and a random tag). */
  readonly owner?: string;
  /** How long a lease lasts unless renewed, in ms (default 30 s). */
  readonly leaseMs?: number;
  /** How often `start()` looks for unlinked articles, in ms (default 2 s). */
  readonly pollMs?: number;
  /**
   * Recorded links a process taking the lease over restores into its linker (default 20,000: about
   * the stories of the last weeks of a busy desk; older stories take no new articles).
   */
  readonly window?: number;
  /** Linker tuning (default KEEPER_LINKER; its thresholds are what `npm run eval -- link` measures). */
  readonly linker?: StoryLinkerOptions;
  /** Called after each batch of links is recorded. */
  readonly onLinked?: (links: readonly StoryLinkInput[]) => void;
}

/** The outlet of an article: its site name, else its URL's host, else "unknown". */
export function outletOf(article: Article): string {
  if (article.siteName) return article.siteName;
  try {
    return article.url ? new URL(article.url).hostname.replace(/^www\./, "") : "unknown";
  } catch {
    return "unknown";
  }
}

/** What the linker sees of a stored article: its text, headline, date, URL and named entities. */
function linkArticle(stored: StoredArticle): LinkArticle {
  const { article, analysis } = stored;
  const entities = analysis?.entities.filter((e) => e.type !== "MISC").map((e) => e.name);
  return {
    id: String(stored.id),
    text: article.text,
    ...(article.title ? { title: article.title } : {}),
    ...(article.published ? { published: article.published } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(entities && entities.length > 0 ? { entities } : {}),
  };
}

export class StoryKeeper {
  private readonly store: Store;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly window: number;
  private readonly options: StoryKeeperOptions;
  /** The linker, loaded while this process holds the lease. */
  private linker: StoryLinker | null = null;
  private epoch: number | null = null;
  /** Articles at or below this id were linked when last looked at. */
  private lowWater = 0;
  private active: Promise<number> = Promise.resolve(0);
  private pending: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private closed = false;

  /**
   * @param store where links and the linker's state live
   * @param options lease, polling and linker settings
   */
  constructor(store: Store, options: StoryKeeperOptions = {}) {
    this.store = store;
    this.options = options;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 2000;
    this.window = options.window ?? 20_000;
  }

  /**
   * Link every stored article not linked yet (when this process holds or can take the lease).
   * Calls made while one runs share the next run.
   *
   * @returns how many articles this run linked (0 when another process holds the lease)
   */
  catchUp(): Promise<number> {
    if (this.pending) return this.pending;
    const run = this.active
      .catch(() => 0)
      .then(() => {
        this.pending = null;
        return this.closed ? 0 : this.run();
      });
    this.pending = run;
    this.active = run;
    return run;
  }

  /** Look for unlinked articles every `pollMs` until `close()`; errors are reported, not thrown. */
  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
    this.poll();
  }

  /** Link soon (after an article was stored): several calls close together make one run. */
  wake(): void {
    if (this.wakeTimer || this.closed) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.poll();
    }, 50);
    this.wakeTimer.unref();
  }

  /** Stop polling, finish the running batch and give the lease up. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.timer = null;
    this.wakeTimer = null;
    this.closed = true;
    await this.active.catch(() => 0);
    if (this.epoch !== null) await this.store.stories.releaseLease(this.owner).catch(() => {});
    this.linker = null;
    this.epoch = null;
  }

  private poll(): void {
    this.catchUp().catch((e: Error) => console.error(`stories: linking failed: ${e.message}`));
  }

  private async run(): Promise<number> {
    let linked = 0;
    try {
      for (;;) {
        const epoch = await this.store.stories.acquireLease(this.owner, this.leaseMs);
        if (epoch === null) {
          this.drop();
          return linked;
        }
        if (epoch !== this.epoch || !this.linker) await this.load(epoch);
        const ids = await this.store.stories.unlinked(this.lowWater, BATCH);
        if (ids.length === 0) break;
        const links: StoryLinkInput[] = [];
        for (const id of ids) {
          const stored = await this.store.getArticle(id);
          if (stored) links.push(this.link(stored));
        }
        if (!(await this.store.stories.recordLinks(epoch, links))) {
          this.drop(); // the lease moved on: this linker is ahead of the store
          return linked;
        }
        linked += links.length;
        this.lowWater = Math.max(this.lowWater, ids.at(-1)! - SLACK_IDS);
        if (links.length > 0) this.options.onLinked?.(links);
      }
      return linked;
    } catch (e) {
      this.drop();
      throw e;
    }
  }

  private link(stored: StoredArticle): StoryLinkInput {
    const linker = this.linker!;
    const { article } = stored;
    const id = String(stored.id);
    // Linked in memory but not recorded (an earlier batch failed): its story is still known.
    const a = linker.has(id)
      ? { story: linker.storyOf(id)!, duplicateOf: null, merged: [] as string[] }
      : linker.add(linkArticle(stored));
    const kw = linker.keywords(a.story, 4);
    return {
      articleId: stored.id,
      story: a.story,
      copyOf: a.duplicateOf === null ? null : Number(a.duplicateOf),
      outlet: outletOf(article),
      title: article.title ?? "",
      keywords: [...kw.entities, ...kw.terms],
      merged: a.merged,
    };
  }

  /** Rebuild the linker from the most recent recorded links. */
  private async load(epoch: number): Promise<void> {
    const linker = new StoryLinker(this.options.linker ?? KEEPER_LINKER);
    const marks = await this.store.stories.linkMarks();
    let seq = Math.max(0, marks.seq - this.window);
    for (;;) {
      const rows = await this.store.stories.linkedAfter(seq, BATCH);
      if (rows.length === 0) break;
      for (const r of rows) {
        const stored = await this.store.getArticle(r.articleId);
        if (stored) linker.restore(linkArticle(stored), r.story, r.copyOf === null ? null : String(r.copyOf));
        seq = r.seq;
      }
    }
    linker.reserveStoryIds(marks.story);
    this.linker = linker;
    this.epoch = epoch;
    this.lowWater = 0;
  }

  private drop(): void {
    this.linker = null;
    this.epoch = null;
  }
}
