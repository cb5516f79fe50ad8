/** The JSON API's read endpoints. Errors are `{"error": {"code", "message"}}` with a stable code. */
import type { Context, Hono } from "hono";
import type { ItemFilter, ItemKind } from "../../store/index.ts";
import { apiError, intParam, type ServeDeps, textParam } from "../context.ts";
import { entityView } from "../entity.ts";
import { type LineageReader, MAX_COPIES } from "../lineage.ts";
import { OPENAPI } from "../openapi.ts";
import { type EncodedPage, encodePage, type PageCache, sendEncoded } from "../page-cache.ts";
import { runSearch } from "../search.ts";
import { isEmptySearch, parseQuoteQuestion, parseSearch } from "../search-query.ts";
import { storyView } from "../story.ts";

const KINDS: readonly ItemKind[] = ["quote", "claim", "deadline", "event", "entity"];
const ORDERS = ["newest", "date-asc", "date-desc"] as const;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** How long the latest list is reused (any new or updated article empties the cache at once). */
const LATEST_TTL_MS = 1000;

/**
 * @param app the app
 * @param deps the dependencies
 * @param cache encoded responses (emptied by the app on every article event)
 * @param lineage lineages of copied reports (copies' texts and diffs cached)
 */
export function apiRoutes(
  app: Hono,
  deps: ServeDeps,
  cache: PageCache<EncodedPage>,
  lineage: LineageReader,
): void {
  const { store } = deps;

  app.get("/api/openapi.json", (c) => c.json(OPENAPI));

  app.get("/api/latest", async (c) => {
    const before = intParam(c.req.query("before"), 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(c.req.query("limit"), 50);
    const page = await cache.get(`api:latest:${limit}:${before}`, LATEST_TTL_MS, async () => {
      const items = await store.latest({ limit, ...(before > 0 ? { beforeId: before } : {}) });
      return encodePage(JSON.stringify({ items }));
    });
    return page ? sendEncoded(c, page, "application/json") : c.notFound();
  });

  app.get("/api/articles/:id", async (c) => {
    const id = Number(c.req.param("id"));
    const a = Number.isSafeInteger(id) && id > 0 ? await store.getArticle(id) : null;
    if (!a) return apiError(c, 404, "not-found", "no article with that id");
    const story = deps.stories ? await deps.stories.storyOf(a.id) : null;
    return c.json({
      id: a.id,
      version: a.version,
      source: a.source,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      story,
      article: a.article,
      ...(a.analysis ?? {}),
    });
  });

  app.get("/api/articles/:id/lineage", async (c) => {
    const id = Number(c.req.param("id"));
    const a = Number.isSafeInteger(id) && id > 0 ? await store.getArticle(id) : null;
    if (!a) return apiError(c, 404, "not-found", "no article with that id");
    const copies = deps.stories ? await deps.stories.copiesOf(a.id, MAX_COPIES) : [];
    return c.json({ lineage: await lineage.of(a, copies) });
  });

  app.get("/api/search", async (c) => {
    const q = textParam(c.req.query("q"));
    const parsed = parseSearch(q);
    if (isEmptySearch(parsed)) return apiError(c, 400, "bad-input", "the q parameter is required");
    if (parsed.problems.length > 0) return apiError(c, 400, "bad-input", parsed.problems.join("; "));
    const r = await runSearch(store, parsed, intParam(c.req.query("limit"), 20));
    return c.json({ type: r.type, items: r.hits });
  });

  const items = (kind: ItemKind) => async (c: Context) => {
    const from = textParam(c.req.query("from"), 10);
    const to = textParam(c.req.query("to"), 10);
    const order = c.req.query("order") ?? "newest";
    if ((from && !ISO_DATE.test(from)) || (to && !ISO_DATE.test(to)))
      return apiError(c, 400, "bad-input", "from and to are ISO dates (2025-08-31, 2025-08 or 2025)");
    if (!(ORDERS as readonly string[]).includes(order))
      return apiError(c, 400, "bad-input", `order is one of ${ORDERS.join(", ")}`);
    let text = textParam(c.req.query("q"));
    let entity = textParam(c.req.query("entity") ?? c.req.query("speaker"), 200);
    if (kind === "quote" && !entity) {
      const question = parseQuoteQuestion(text);
      text = question.text;
      entity = question.speaker ?? "";
    }
    const article = intParam(c.req.query("article"), 0, Number.MAX_SAFE_INTEGER);
    const filter: ItemFilter = {
      ...(text ? { text } : {}),
      ...(entity ? { entity } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(article > 0 ? { articleId: article } : {}),
      order: order as (typeof ORDERS)[number],
    };
    return c.json({
      items: await store.findItems(kind, filter, { limit: intParam(c.req.query("limit"), 50) }),
    });
  };
  app.get("/api/items/:kind", async (c) => {
    const kind = c.req.param("kind") as ItemKind;
    if (!KINDS.includes(kind)) return apiError(c, 404, "not-found", `kinds are ${KINDS.join(", ")}`);
    return items(kind)(c);
  });
  app.get("/api/quotes", items("quote"));
  app.get("/api/claims", items("claim"));
  app.get("/api/deadlines", items("deadline"));

  app.get("/api/entities/:name", async (c) => {
    const view = await entityView(store, textParam(c.req.param("name"), 200));
    return view ? c.json(view) : apiError(c, 404, "not-found", "no article names that entity");
  });

  app.get("/api/stories", async (c) => {
    const limit = Math.max(1, Math.min(100, Number(c.req.query("limit")) || 20));
    return c.json({ items: await store.stories.top(limit) });
  });

  app.get("/api/stories/:id", async (c) => {
    if (!deps.stories) return apiError(c, 404, "not-available", "stories arrive with story linking");
    const view = await storyView(store, deps.stories, textParam(c.req.param("id"), 100));
    return view ? c.json(view) : apiError(c, 404, "not-found", "no such story");
  });

  app.get("/api/sources", async (c) => c.json({ items: await store.listSources() }));
  app.get("/api/failures", async (c) =>
    c.json({ items: await store.failures({ limit: intParam(c.req.query("limit"), 50) }) }),
  );
}
