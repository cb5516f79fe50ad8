/** Saved searches as feeds: `/feeds/search.xml?q=` (RSS 2.0) and `/feeds/search.json?q=` (JSON Feed). */

import { statSync } from "node:fs";
import type { Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { ArticleSummary } from "../../store/index.ts";
import { apiError, type ServeDeps, textParam } from "../context.ts";
import { type Episode, jsonFeed, podcastFeed, rssFeed } from "../feeds.ts";
import { changedSince, LISTENER_COOKIE, ListenLog } from "../listens.ts";
import { parseSearch } from "../search-query.ts";

const FEED_ITEMS = 50;

export function feedRoutes(app: Hono, deps: ServeDeps): void {
  const search = async (c: Context) => {
    const q = textParam(c.req.query("q"));
    const s = parseSearch(q);
    const hits = await deps.store.searchArticles(
      {
        text: s.text,
        ...(s.entity ? { entity: s.entity } : {}),
        ...(s.source ? { source: s.source } : {}),
        ...(s.from ? { from: s.from } : {}),
        ...(s.to ? { to: s.to } : {}),
      },
      { limit: FEED_ITEMS },
    );
    // Newest first, as feed readers expect.
    return { q, base: new URL(c.req.url).origin, hits: [...hits].sort((a, b) => b.id - a.id) };
  };
  app.get("/feeds/search.xml", async (c) => {
    const { q, base, hits } = await search(c);
    if (!q) return apiError(c, 400, "bad-input", "the q parameter is required");
    return c.body(rssFeed(base, q, hits), 200, { "Content-Type": "application/rss+xml; charset=utf-8" });
  });
  /** Episodes for articles: narrations already made are measured; missing ones are started in the background. */
  const episodes = async (
    hits: readonly ArticleSummary[],
    extra: { versions?: ReadonlyMap<number, number>; audioQuery?: string } = {},
  ): Promise<Episode[]> => {
    const out: Episode[] = [];
    for (const article of hits) {
      const stored = deps.narration ? await deps.store.getArticle(article.id) : null;
      const made = stored ? (deps.narration?.cachedOf?.(stored) ?? null) : null;
      if (stored && !made) deps.narration?.prepare?.(stored);
      const bytes = made ? (statSync(made.mp3Path, { throwIfNoEntry: false })?.size ?? 0) : 0;
      const version = extra.versions?.get(article.id);
      out.push({
        article,
        bytes,
        durationMs: made ? made.durationMs : null,
        ...(version !== undefined ? { version } : {}),
        ...(extra.audioQuery ? { audioQuery: extra.audioQuery } : {}),
      });
    }
    return out;
  };
  const podcast = (c: Context, body: string) =>
    c.body(body, 200, { "Content-Type": "application/rss+xml; charset=utf-8" });
  app.get("/feeds/search.podcast.xml", async (c) => {
    const { q, base, hits } = await search(c);
    if (!q) return apiError(c, 400, "bad-input", "the q parameter is required");
    if (!deps.narration) return apiError(c, 404, "not-available", "narration is not set up on this server");
    return podcast(
      c,
      podcastFeed(base, `Lede: ${q}`, `${base}/search?q=${encodeURIComponent(q)}`, await episodes(hits)),
    );
  });
  app.get("/feeds/stories/:id{.+\\.podcast\\.xml}", async (c) => {
    const id = c.req.param("id").replace(/\.podcast\.xml$/, "");
    if (!deps.narration || !deps.stories)
      return apiError(c, 404, "not-available", "stories or narration are not set up on this server");
    const ids = await deps.stories.articlesOf(id);
    if (!ids) return apiError(c, 404, "not-found", "no such story");
    // With a listener (the id in the address, or the browser's cookie): only what changed since the
    // last listen (see listens.ts), and each download counts as heard.
    const listens = new ListenLog(deps.config.dataDir);
    const asked = c.req.query("listener");
    if (asked !== undefined && !listens.valid(asked))
      return apiError(c, 400, "bad-input", "unknown listener id");
    const listener =
      asked ?? (listens.valid(getCookie(c, LISTENER_COOKIE)) ? getCookie(c, LISTENER_COOKIE) : undefined);
    const stored = [];
    for (const n of [...ids].reverse().slice(0, FEED_ITEMS)) {
      const a = await deps.store.getArticle(n);
      if (a) stored.push(a);
    }
    const chosen = listener
      ? changedSince(stored, listens.heardBy(listener)).items.map((i) => i.article)
      : stored;
    const summaries: ArticleSummary[] = [];
    for (const a of chosen) {
      summaries.push({
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
    const base = new URL(c.req.url).origin;
    const story = await deps.stories.storyOf(ids[0]!);
    return podcast(
      c,
      podcastFeed(
        base,
        `${listener ? "What changed: " : "Lede story: "}${story?.title ?? id}`,
        `${base}/stories/${encodeURIComponent(id)}`,
        await episodes(summaries, {
          versions: new Map(chosen.map((a) => [a.id, a.version])),
          ...(listener ? { audioQuery: `listener=${encodeURIComponent(listener)}` } : {}),
        }),
      ),
    );
  });
  app.get("/feeds/search.json", async (c) => {
    const { q, base, hits } = await search(c);
    if (!q) return apiError(c, 400, "bad-input", "the q parameter is required");
    return c.body(JSON.stringify(jsonFeed(base, q, hits)), 200, {
      "Content-Type": "application/feed+json; charset=utf-8",
    });
  });
}
