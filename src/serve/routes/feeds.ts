/** Saved searches as feeds: `/feeds/search.xml?q=` (RSS 2.0) and `/feeds/search.json?q=` (JSON Feed). */
import type { Context, Hono } from "hono";
import { apiError, type ServeDeps, textParam } from "../context.ts";
import { jsonFeed, rssFeed } from "../feeds.ts";
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
  app.get("/feeds/search.json", async (c) => {
    const { q, base, hits } = await search(c);
    if (!q) return apiError(c, 400, "bad-input", "the q parameter is required");
    return c.body(JSON.stringify(jsonFeed(base, q, hits)), 200, {
      "Content-Type": "application/feed+json; charset=utf-8",
    });
  });
}
