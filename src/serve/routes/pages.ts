/** The reader's HTML pages (server-rendered; `static/app.js` only enhances). */
import type { Context, Hono } from "hono";
import type { ServeDeps } from "../context.ts";
import { intParam, textParam } from "../context.ts";
import { entityView } from "../entity.ts";
import { type LineageReader, MAX_COPIES } from "../lineage.ts";
import { type EncodedPage, encodePage, type PageCache, sendEncoded } from "../page-cache.ts";
import { runSearch } from "../search.ts";
import { isEmptySearch, parseQuoteQuestion, parseSearch } from "../search-query.ts";
import { storyView } from "../story.ts";
import {
  articlePage,
  deadlinesPage,
  entityPage,
  homePage,
  messagePage,
  quotesPage,
  searchPage,
  sourcesPage,
} from "../views/pages.ts";
import { storyPage } from "../views/story.ts";

/** Results on a search page. */
const SEARCH_LIMIT = 50;
/** How long rendered pages are reused (any new or updated article empties the cache at once). The quote
 * finder is cached too: under load it was the most expensive uncached page. */
const HOME_TTL_MS = 1000;
/** Stories on the desk. */
const TOP_STORIES = 8;
const SEARCH_TTL_MS = 2000;
const ARTICLE_TTL_MS = 10_000;

/**
 * @param app the app
 * @param deps the dependencies
 * @param cache rendered pages (emptied by the app on every article event)
 * @param lineage lineages of copied reports (copies' texts and diffs cached)
 */
export function pageRoutes(
  app: Hono,
  deps: ServeDeps,
  cache: PageCache<EncodedPage>,
  lineage: LineageReader,
): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const send = (c: Context, page: EncodedPage) => sendEncoded(c, page);

  app.get("/", async (c) => {
    const before = intParam(c.req.query("before"), 0, Number.MAX_SAFE_INTEGER);
    const page = await cache.get(`home:${before}`, HOME_TTL_MS, async () => {
      const [latest, due, quotes, top] = await Promise.all([
        store.latest({ limit: 50, ...(before > 0 ? { beforeId: before } : {}) }),
        store.findItems("deadline", { from: today(), order: "date-asc" }, { limit: 5 }),
        store.findItems("quote", {}, { limit: 5 }),
        deps.stories ? deps.stories.topStories(TOP_STORIES) : [],
      ]);
      return encodePage(homePage(latest, due, quotes, now(), top));
    });
    return page ? send(c, page) : c.notFound();
  });

  app.get("/articles/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || id <= 0)
      return c.html(messagePage("Not found", "There is no article with that number."), 404);
    const page = await cache.get(`article:${id}:${today()}`, ARTICLE_TTL_MS, async () => {
      const a = await store.getArticle(id);
      if (!a) return null;
      const story = deps.stories ? await deps.stories.storyOf(a.id) : null;
      const copies = deps.stories ? await deps.stories.copiesOf(a.id, MAX_COPIES) : [];
      const copyCount =
        copies.length < MAX_COPIES
          ? copies.length
          : ((await deps.stories?.copyCount?.(a.id)) ?? copies.length);
      const copyLineage = await lineage.of(a, copies);
      return encodePage(
        articlePage(a, story, now(), copies, deps.narration !== undefined, copyLineage, copyCount),
      );
    });
    return page !== null
      ? send(c, page)
      : c.html(messagePage("Not found", "There is no article with that number."), 404);
  });

  app.get("/search", async (c) => {
    const q = textParam(c.req.query("q"));
    const page = await cache.get(`search:${q}`, SEARCH_TTL_MS, async () => {
      const parsed = q ? parseSearch(q) : null;
      const results = parsed && !isEmptySearch(parsed) ? await runSearch(store, parsed, SEARCH_LIMIT) : null;
      return encodePage(searchPage(q, parsed, results, now()));
    });
    return page ? send(c, page) : c.notFound();
  });

  app.get("/quotes", async (c) => {
    const q = textParam(c.req.query("q"));
    const question = parseQuoteQuestion(q);
    const speaker = textParam(c.req.query("speaker")) || question.speaker || "";
    const page = await cache.get(`quotes:${q}\u0000${speaker}`, SEARCH_TTL_MS, async () => {
      const hits = await store.findItems(
        "quote",
        { ...(question.text ? { text: question.text } : {}), ...(speaker ? { entity: speaker } : {}) },
        { limit: 100 },
      );
      return encodePage(quotesPage(q, speaker, hits));
    });
    return page ? send(c, page) : c.notFound();
  });

  app.get("/deadlines", async (c) => {
    const [all] = await Promise.all([store.findItems("deadline", { order: "date-asc" }, { limit: 500 })]);
    const t = today();
    const upcoming = all.filter(
      (d) => d.date !== null && d.date.slice(0, t.length) >= t.slice(0, d.date.length),
    );
    const passed = all.filter((d) => !upcoming.includes(d)).reverse();
    return c.html(deadlinesPage(upcoming, passed, now()));
  });

  app.get("/entities/:name", async (c) => {
    const name = textParam(c.req.param("name"), 200);
    const view = name ? await entityView(store, name) : null;
    if (!view)
      return c.html(messagePage("Not found", "No article names anyone or anything by that name."), 404);
    return c.html(entityPage(view, now()));
  });

  app.get("/sources", async (c) =>
    c.html(sourcesPage(await store.listSources(), await store.failures({ limit: 500 }), now())),
  );

  app.get("/stories/:id", async (c) => {
    const id = textParam(c.req.param("id"), 100);
    if (!deps.stories)
      return c.html(messagePage("No such story", "Story pages arrive with story linking."), 404);
    const view = await storyView(store, deps.stories, id);
    if (!view) return c.html(messagePage("No such story", "There is no story with that id."), 404);
    return c.html(storyPage(view, now(), deps.narration !== undefined));
  });
}
