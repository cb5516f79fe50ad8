/**
 * Stories inside ingest: each new article is linked as it arrives (the same StoryLinker as
 * `lede link`), and the linker's state is kept in `<dataDir>/stories.json` (written atomically, at
 * most every few seconds and on close). This is the single-machine keeper: one process owns the file
 * (`lede start` or `lede serve`, or a `lede add` run). Story pages read it through `StoryReader`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Analysis, Article } from "../core/index.ts";
import { type LinkAssignment, StoryLinker, type StoryLinkerState } from "../link/index.ts";
import type { ArticleSummary, Store } from "../store/index.ts";

/** The state file under the data dir. */
export const STORIES_FILE = "stories.json";
/** How many of the newest stories "top stories" looks at. */
const RECENT_STORIES = 500;
/** Least time between two writes of the state file, in ms. */
const SAVE_EVERY_MS = 5000;

interface KeeperState {
  readonly version: 1;
  readonly linker: StoryLinkerState;
  /** Article id → its outlet (site name or host), for outlet counts. */
  readonly outlets: ReadonlyArray<readonly [string, string]>;
  /** Article id → the title it arrived with, for story labels. */
  readonly titles: ReadonlyArray<readonly [string, string]>;
  /** Article id → the earlier article it copies. */
  readonly copies?: ReadonlyArray<readonly [string, string]>;
}

/** What an article page shows of its story. */
export interface StoryInfo {
  readonly id: string;
  readonly title: string;
  readonly outlets: number;
  readonly articles: readonly number[];
  readonly keywords: readonly string[];
}

function outletOf(article: Article): string {
  if (article.siteName) return article.siteName;
  try {
    return article.url ? new URL(article.url).hostname.replace(/^www\./, "") : "unknown";
  } catch {
    return "unknown";
  }
}

export class StoryKeeper {
  private readonly file: string;
  private linker: StoryLinker;
  private readonly outlets = new Map<string, string>();
  private readonly titles = new Map<string, string>();
  private readonly copyOf = new Map<string, string>();
  private dirty = false;
  private lastSave = 0;
  private timer: NodeJS.Timeout | null = null;

  /** @param dataDir the data dir (the state file is read from it if present) */
  constructor(dataDir: string) {
    this.file = join(dataDir, STORIES_FILE);
    this.linker = new StoryLinker();
    if (existsSync(this.file)) {
      const state = JSON.parse(readFileSync(this.file, "utf8")) as KeeperState;
      this.linker = StoryLinker.fromJSON(state.linker);
      for (const [k, v] of state.outlets) this.outlets.set(k, v);
      for (const [k, v] of state.titles) this.titles.set(k, v);
      for (const [k, v] of state.copies ?? []) this.copyOf.set(k, v);
    }
  }

  /**
   * Link a newly stored article (an article already linked keeps its story; a new version does not move it).
   *
   * @returns its story and the earlier article it copies, or null when it was linked before
   */
  link(articleId: number, article: Article, analysis: Analysis | null): LinkAssignment | null {
    const id = String(articleId);
    if (this.linker.storyOf(id) !== undefined) return null;
    const entities = analysis?.entities.filter((e) => e.type !== "MISC").map((e) => e.name);
    const a = this.linker.add({
      id,
      text: article.text,
      ...(article.title ? { title: article.title } : {}),
      ...(article.published ? { published: article.published } : {}),
      ...(article.url ? { url: article.url } : {}),
      ...(entities && entities.length > 0 ? { entities } : {}),
    });
    this.outlets.set(id, outletOf(article));
    if (article.title) this.titles.set(id, article.title);
    if (a.duplicateOf !== null) this.copyOf.set(id, a.duplicateOf);
    this.dirty = true;
    this.scheduleSave();
    return a;
  }

  /** The story of an article, or null. */
  storyOf(articleId: number): StoryInfo | null {
    const story = this.linker.storyOf(String(articleId));
    return story === undefined ? null : this.story(story);
  }

  /** A story by id (aliases of merged stories followed), or null. */
  story(storyId: string): StoryInfo | null {
    const members = this.linker.members(storyId);
    if (members.length === 0) return null;
    const kw = this.linker.keywords(storyId, 4);
    const title =
      members.map((m) => this.titles.get(m)).find((t) => t) ??
      [...kw.entities, ...kw.terms].slice(0, 4).join(", ");
    return {
      id: this.linker.storyOf(members[0]!) ?? storyId,
      title,
      outlets: new Set(members.map((m) => this.outlets.get(m) ?? m)).size,
      articles: members.map(Number),
      keywords: [...kw.entities, ...kw.terms],
    };
  }

  /** The other articles that copy the same report as this one (its original and the other copies), oldest first. */
  copiesOf(articleId: number): number[] {
    const root = (id: string): string => {
      let r = id;
      for (let i = 0; i < 100 && this.copyOf.has(r); i++) r = this.copyOf.get(r)!;
      return r;
    };
    const mine = root(String(articleId));
    const story = this.linker.storyOf(String(articleId));
    if (story === undefined) return [];
    return this.linker
      .members(story)
      .filter((m) => m !== String(articleId) && root(m) === mine)
      .map(Number);
  }

  /**
   * The stories most covered lately: among the most recent stories, those with the most outlets
   * (then the most articles), at least two articles each.
   */
  topStories(limit: number): StoryInfo[] {
    const recent = this.linker.storyIds().slice(-RECENT_STORIES);
    return recent
      .map((id) => this.story(id))
      .filter((s): s is StoryInfo => s !== null && s.articles.length >= 2)
      .sort(
        (a, b) =>
          b.outlets - a.outlets ||
          b.articles.length - a.articles.length ||
          b.articles.at(-1)! - a.articles.at(-1)!,
      )
      .slice(0, limit);
  }

  /** The StoryReader the reader's story pages use (copies are read from the store). */
  reader(store: Store): {
    storyOf(id: number): Promise<{ id: string; title: string; outlets: number } | null>;
    articlesOf(id: string): Promise<readonly number[] | null>;
    copiesOf(id: number): Promise<readonly ArticleSummary[]>;
    topStories(limit: number): Promise<readonly { id: string; title: string; outlets: number }[]>;
  } {
    return {
      topStories: async (limit) =>
        this.topStories(limit).map((s) => ({ id: s.id, title: s.title, outlets: s.outlets })),
      copiesOf: async (id) => {
        const out: ArticleSummary[] = [];
        for (const c of this.copiesOf(id)) {
          const a = await store.getArticle(c);
          if (!a) continue;
          out.push({
            id: a.id,
            title: a.article.title,
            url: a.article.url,
            siteName: a.article.siteName,
            source: a.source,
            published: a.article.published,
            createdAt: a.createdAt,
            snippet: a.article.text.slice(0, 200),
          });
        }
        return out;
      },
      storyOf: async (id) => {
        const s = this.storyOf(id);
        return s ? { id: s.id, title: s.title, outlets: s.outlets } : null;
      },
      articlesOf: async (id) => this.story(id)?.articles ?? null,
    };
  }

  private scheduleSave(): void {
    if (this.timer) return;
    const wait = Math.max(0, SAVE_EVERY_MS - (Date.now() - this.lastSave));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, wait);
    this.timer.unref();
  }

  /** Write the state now (atomically) if anything changed. */
  save(): void {
    if (!this.dirty) return;
    const state: KeeperState = {
      version: 1,
      linker: this.linker.toJSON(),
      outlets: [...this.outlets],
      titles: [...this.titles],
      copies: [...this.copyOf],
    };
    mkdirSync(join(this.file, ".."), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(state));
    renameSync(`${this.file}.tmp`, this.file);
    this.dirty = false;
    this.lastSave = Date.now();
  }

  /** Save and stop the timer. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }
}
