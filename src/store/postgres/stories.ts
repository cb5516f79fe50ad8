/**
 * Stories on PostgreSQL (see `../stories.ts`). Link writes lock the lease row (`FOR UPDATE`) and check its
 * epoch, so writers are serialised and a holder that lost the lease writes nothing.
 */
import type pg from "pg";
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
import { SUMMARY_COLUMNS } from "./items.ts";

type Row = Record<string, unknown>;

const toStory = (r: Row): StoryRecord => storyOf(r, r.keywords as string[]);

export class PostgresStoryStore implements StoryStore {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params as unknown[])).rows as Row[];
  }

  async acquireLease(owner: string, ttlMs: number): Promise<number | null> {
    const now = Date.now();
    const r = await this.rows(
      `UPDATE link_state SET owner = $1, lease_until = $2,
         epoch = CASE WHEN owner IS NOT DISTINCT FROM $1 THEN epoch ELSE epoch + 1 END
       WHERE id = 1 AND (owner = $1 OR owner IS NULL OR lease_until < $3) RETURNING epoch`,
      [owner, now + ttlMs, now],
    );
    return r.length === 1 ? (r[0]!.epoch as number) : null;
  }

  async releaseLease(owner: string): Promise<void> {
    await this.pool.query("UPDATE link_state SET owner = NULL, lease_until = 0 WHERE id = 1 AND owner = $1", [
      owner,
    ]);
  }

  async unlinked(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.rows(
      `SELECT a.id FROM articles a WHERE a.id > $1
       AND NOT EXISTS (SELECT 1 FROM story_links l WHERE l.article_id = a.id) ORDER BY a.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id as number);
  }

  async linkedAfter(seq: number, limit: number): Promise<LinkedArticle[]> {
    const rows = await this.rows(
      "SELECT article_id, seq, story_id, copy_of FROM story_links WHERE seq > $1 ORDER BY seq LIMIT $2",
      [seq, limit],
    );
    return rows.map((r) => ({
      articleId: r.article_id as number,
      seq: r.seq as number,
      story: r.story_id as string,
      copyOf: (r.copy_of as number | null) ?? null,
    }));
  }

  async linkMarks(): Promise<{ seq: number; story: number }> {
    const [a] = await this.rows("SELECT coalesce(max(seq), 0)::bigint AS n FROM story_links");
    const [b] = await this.rows(
      "SELECT coalesce(max(substr(id, 2)::bigint), 0)::bigint AS n FROM stories WHERE id ~ '^s[0-9]{1,15}$'",
    );
    return { seq: a!.n as number, story: b!.n as number };
  }

  async recordLinks(epoch: number, links: readonly StoryLinkInput[]): Promise<boolean> {
    const c = await this.pool.connect();
    try {
      await c.query("BEGIN");
      const held = await c.query("SELECT epoch FROM link_state WHERE id = 1 FOR UPDATE");
      if ((held.rows[0] as Row | undefined)?.epoch !== epoch) {
        await c.query("ROLLBACK");
        return false;
      }
      let seq = ((await c.query("SELECT coalesce(max(seq), 0)::bigint AS n FROM story_links")).rows[0] as Row)
        .n as number;
      for (const l of links) {
        const mine = await c.query("SELECT 1 FROM story_links WHERE article_id = $1", [l.articleId]);
        if (mine.rowCount) continue;
        let root = l.articleId;
        if (l.copyOf !== null) {
          const r = await c.query("SELECT copy_root FROM story_links WHERE article_id = $1", [l.copyOf]);
          root = ((r.rows[0] as Row | undefined)?.copy_root as number | undefined) ?? l.copyOf;
        }
        for (const m of l.merged) {
          await c.query("UPDATE story_links SET story_id = $1 WHERE story_id = $2", [l.story, m]);
          await c.query("UPDATE stories SET merged_into = $1 WHERE id = $2 OR merged_into = $2", [
            l.story,
            m,
          ]);
        }
        seq += 1;
        await c.query(
          `INSERT INTO story_links (article_id, story_id, seq, copy_of, copy_root, outlet, linked_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())`,
          [l.articleId, l.story, seq, l.copyOf, root, l.outlet],
        );
        await c.query(
          `INSERT INTO stories (id, title, keywords, articles, outlets, merged_into, created_at, updated_at)
           VALUES ($1, $2, $3, 0, 0, NULL, now(), now())
           ON CONFLICT (id) DO UPDATE SET title = CASE WHEN stories.title = '' THEN excluded.title ELSE stories.title END,
             keywords = excluded.keywords,
             merged_into = NULL, updated_at = excluded.updated_at`,
          [l.story, l.title, JSON.stringify(l.keywords)],
        );
        await c.query(
          `UPDATE stories SET articles = (SELECT count(*) FROM story_links WHERE story_id = $1),
             outlets = (SELECT count(DISTINCT outlet) FROM story_links WHERE story_id = $1) WHERE id = $1`,
          [l.story],
        );
      }
      await c.query("COMMIT");
      return true;
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async storyOf(articleId: number): Promise<StoryRecord | null> {
    const [r] = await this.rows(
      "SELECT s.* FROM story_links l JOIN stories s ON s.id = l.story_id WHERE l.article_id = $1",
      [articleId],
    );
    return r ? toStory(r) : null;
  }

  async get(storyId: string, limit = STORY_ARTICLES): Promise<StoryWithArticles | null> {
    const byId = async (id: string) => (await this.rows("SELECT * FROM stories WHERE id = $1", [id]))[0];
    let r = await byId(storyId);
    for (let i = 0; r?.merged_into && i < MAX_REDIRECTS; i++) r = await byId(r.merged_into as string);
    if (!r || r.merged_into) return null;
    const ids = await this.rows(
      "SELECT article_id FROM story_links WHERE story_id = $1 ORDER BY seq LIMIT $2",
      [r.id, Math.max(1, Math.floor(limit))],
    );
    return { ...toStory(r), articleIds: ids.map((x) => x.article_id as number) };
  }

  async top(limit: number, recent = RECENT_STORIES): Promise<StoryRecord[]> {
    const rows = await this.rows(
      `SELECT * FROM (SELECT * FROM stories WHERE merged_into IS NULL ORDER BY updated_at DESC LIMIT $1) s
       WHERE articles >= 2 ORDER BY outlets DESC, articles DESC, updated_at DESC LIMIT $2`,
      [recent, limit],
    );
    return rows.map(toStory);
  }

  async copiesOf(articleId: number, limit = 100): Promise<ArticleSummary[]> {
    const rows = await this.rows(
      `SELECT ${SUMMARY_COLUMNS}, left(v.article_json->>'text', 200) AS snippet
       FROM (SELECT l.article_id, l.seq FROM story_links me
             JOIN story_links l ON l.copy_root = me.copy_root AND l.article_id <> me.article_id
             WHERE me.article_id = $1 ORDER BY l.seq LIMIT $2) AS c
       JOIN articles a ON a.id = c.article_id
       JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version
       ORDER BY c.seq`,
      [articleId, limit],
    );
    return rows.map(toSummary);
  }

  async copyCount(articleId: number): Promise<number> {
    const rows = await this.rows(
      `SELECT count(*)::int AS n FROM story_links me
       JOIN story_links l ON l.copy_root = me.copy_root AND l.article_id <> me.article_id
       WHERE me.article_id = $1`,
      [articleId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
