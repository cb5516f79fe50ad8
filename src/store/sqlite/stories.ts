/** Stories on SQLite (see `../stories.ts`). Every write runs in one `BEGIN IMMEDIATE` transaction. */
import type Database from "better-sqlite3";
import { toSummary } from "../rows.ts";
import type { ArticleSummary } from "../store.ts";
import {
  type LinkedArticle,
  MAX_REDIRECTS,
  RECENT_STORIES,
  STORY_ARTICLES,
  type StoryLinkInput,
  type StoryRecord,
  type StoryStore,
  type StoryWithArticles,
  toStory as storyOf,
} from "../stories.ts";

type Row = Record<string, unknown>;

const toStory = (r: Row): StoryRecord => storyOf(r, JSON.parse(r.keywords as string) as string[]);

export class SqliteStoryStore implements StoryStore {
  constructor(private readonly db: Database.Database) {}

  /** Read statements, prepared once (preparing costs more than most of these reads). */
  private readonly statements = new Map<string, Database.Statement>();
  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  async acquireLease(owner: string, ttlMs: number): Promise<number | null> {
    return this.db
      .transaction((): number | null => {
        const r = this.db
          .prepare("SELECT owner, epoch, lease_until FROM link_state WHERE id = 1")
          .get() as Row;
        const now = Date.now();
        const mine = r.owner === owner;
        if (!mine && r.owner !== null && (r.lease_until as number) > now) return null;
        const epoch = mine ? (r.epoch as number) : (r.epoch as number) + 1;
        this.db
          .prepare("UPDATE link_state SET owner = ?, epoch = ?, lease_until = ? WHERE id = 1")
          .run(owner, epoch, now + ttlMs);
        return epoch;
      })
      .immediate();
  }

  async releaseLease(owner: string): Promise<void> {
    this.db
      .prepare("UPDATE link_state SET owner = NULL, lease_until = 0 WHERE id = 1 AND owner = ?")
      .run(owner);
  }

  async unlinked(afterId: number, limit: number): Promise<number[]> {
    const rows = this.db
      .prepare(
        `SELECT a.id FROM articles a WHERE a.id > ?
         AND NOT EXISTS (SELECT 1 FROM story_links l WHERE l.article_id = a.id) ORDER BY a.id LIMIT ?`,
      )
      .all(afterId, limit) as Row[];
    return rows.map((r) => r.id as number);
  }

  async linkedAfter(seq: number, limit: number): Promise<LinkedArticle[]> {
    const rows = this.db
      .prepare(
        "SELECT article_id, seq, story_id, copy_of FROM story_links WHERE seq > ? ORDER BY seq LIMIT ?",
      )
      .all(seq, limit) as Row[];
    return rows.map((r) => ({
      articleId: r.article_id as number,
      seq: r.seq as number,
      story: r.story_id as string,
      copyOf: (r.copy_of as number | null) ?? null,
    }));
  }

  async linkMarks(): Promise<{ seq: number; story: number }> {
    const seq = (this.db.prepare("SELECT coalesce(max(seq), 0) AS n FROM story_links").get() as Row)
      .n as number;
    const story = (
      this.db
        .prepare(
          "SELECT coalesce(max(CAST(substr(id, 2) AS INTEGER)), 0) AS n FROM stories WHERE id GLOB 's[0-9]*'",
        )
        .get() as Row
    ).n as number;
    return { seq, story };
  }

  async recordLinks(epoch: number, links: readonly StoryLinkInput[]): Promise<boolean> {
    const db = this.db;
    const at = new Date().toISOString();
    const held = db.prepare("SELECT 1 FROM link_state WHERE id = 1 AND epoch = ?");
    const linked = db.prepare("SELECT copy_root FROM story_links WHERE article_id = ?");
    const nextSeq = db.prepare("SELECT coalesce(max(seq), 0) + 1 AS n FROM story_links");
    const insert = db.prepare(
      `INSERT INTO story_links (article_id, story_id, seq, copy_of, copy_root, outlet, linked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const move = db.prepare("UPDATE story_links SET story_id = ? WHERE story_id = ?");
    const redirect = db.prepare("UPDATE stories SET merged_into = ? WHERE id = ? OR merged_into = ?");
    const upsert = db.prepare(
      `INSERT INTO stories (id, title, keywords, articles, outlets, merged_into, created_at, updated_at)
       VALUES (?, ?, ?, 0, 0, NULL, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = CASE WHEN stories.title = '' THEN excluded.title ELSE stories.title END,
         keywords = excluded.keywords,
         merged_into = NULL, updated_at = excluded.updated_at`,
    );
    const recount = db.prepare(
      `UPDATE stories SET articles = (SELECT count(*) FROM story_links WHERE story_id = @id),
         outlets = (SELECT count(DISTINCT outlet) FROM story_links WHERE story_id = @id) WHERE id = @id`,
    );
    return db
      .transaction((): boolean => {
        if (!held.get(epoch)) return false;
        for (const l of links) {
          if (linked.get(l.articleId)) continue;
          const root =
            l.copyOf === null
              ? l.articleId
              : (((linked.get(l.copyOf) as Row | undefined)?.copy_root as number | undefined) ?? l.copyOf);
          for (const m of l.merged) {
            move.run(l.story, m);
            redirect.run(l.story, m, m);
          }
          const seq = (nextSeq.get() as Row).n as number;
          insert.run(l.articleId, l.story, seq, l.copyOf, root, l.outlet, at);
          upsert.run(l.story, l.title, JSON.stringify(l.keywords), at, at);
          recount.run({ id: l.story });
        }
        return true;
      })
      .immediate();
  }

  async storyOf(articleId: number): Promise<StoryRecord | null> {
    const r = this.prepared(
      "SELECT s.* FROM story_links l JOIN stories s ON s.id = l.story_id WHERE l.article_id = ?",
    ).get(articleId) as Row | undefined;
    return r ? toStory(r) : null;
  }

  async get(storyId: string, limit = STORY_ARTICLES): Promise<StoryWithArticles | null> {
    const byId = this.prepared("SELECT * FROM stories WHERE id = ?");
    let r = byId.get(storyId) as Row | undefined;
    for (let i = 0; r?.merged_into && i < MAX_REDIRECTS; i++) r = byId.get(r.merged_into) as Row | undefined;
    if (!r || r.merged_into) return null;
    const ids = this.prepared(
      "SELECT article_id FROM story_links WHERE story_id = ? ORDER BY seq LIMIT ?",
    ).all(r.id, Math.max(1, Math.floor(limit))) as Row[];
    return { ...toStory(r), articleIds: ids.map((x) => x.article_id as number) };
  }

  async top(limit: number, recent = RECENT_STORIES): Promise<StoryRecord[]> {
    const rows = this.prepared(
      `SELECT * FROM (SELECT * FROM stories WHERE merged_into IS NULL ORDER BY updated_at DESC LIMIT ?)
         WHERE articles >= 2 ORDER BY outlets DESC, articles DESC, updated_at DESC LIMIT ?`,
    ).all(recent, limit) as Row[];
    return rows.map(toStory);
  }

  // The page of copies is picked before any article's JSON is read: a sort over the joined rows would read
  // every copy's JSON for its snippet (a wire report may have thousands of copies).
  async copiesOf(articleId: number, limit = 100): Promise<ArticleSummary[]> {
    const rows = this.prepared(
      `SELECT a.id, a.created_at, v.title, v.url, v.site_name, v.source, v.published,
           substr(json_extract(v.article_json, '$.text'), 1, 200) AS snippet
         FROM (SELECT l.article_id, l.seq FROM story_links me
               JOIN story_links l ON l.copy_root = me.copy_root AND l.article_id != me.article_id
               WHERE me.article_id = ? ORDER BY l.seq LIMIT ?) AS c
         JOIN articles a ON a.id = c.article_id
         JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
         ORDER BY c.seq`,
    ).all(articleId, limit) as Row[];
    return rows.map(toSummary);
  }

  async copyCount(articleId: number): Promise<number> {
    const row = this.prepared(
      `SELECT count(*) AS n FROM story_links me
         JOIN story_links l ON l.copy_root = me.copy_root AND l.article_id != me.article_id
         WHERE me.article_id = ?`,
    ).get(articleId) as { n: number };
    return row.n;
  }
}
