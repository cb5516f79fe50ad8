/**
 * Alerts API: saved searches that call a webhook when new articles match (see src/pipeline/alerts.ts).
 * Every route needs a token: an alert's webhook URL and signing secret are the owner's.
 *
 * POST /api/alerts {"query": "...", "webhook": "https://..."} → 201 the alert (with its secret)
 * GET /api/alerts → the alerts, DELETE /api/alerts/:id → 204
 */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { apiError, bearer, type ServeDeps } from "../context.ts";
import { isEmptySearch, parseSearch } from "../search-query.ts";

/** Longest query and webhook URL accepted. */
const MAX_QUERY = 500;
const MAX_URL = 2000;
/** Most alerts a desk keeps. */
const MAX_ALERTS = 200;

export function alertRoutes(app: Hono, deps: ServeDeps): void {
  const { store } = deps;
  const limit = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => apiError(c, 413, "too-large", "body over 16 KB"),
  });
  const authorised = async (c: Context) => {
    const token = bearer(c.req.header("authorization"));
    return token !== null && (await store.verifyToken(token));
  };
  const noToken = (c: Context) =>
    apiError(c, 401, "unauthorized", "a valid Bearer token is needed (lede token create)");

  app.get("/api/alerts", async (c) => {
    if (!(await authorised(c))) return noToken(c);
    return c.json({ items: await store.alerts.list() });
  });

  app.post("/api/alerts", limit, async (c) => {
    if (!(await authorised(c))) return noToken(c);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, "bad-input", "the body must be a JSON object");
    }
    const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    const query = typeof b.query === "string" ? b.query.trim() : "";
    const webhook = typeof b.webhook === "string" ? b.webhook.trim() : "";
    if (query === "" || query.length > MAX_QUERY)
      return apiError(c, 400, "bad-input", `"query" must be a search of 1 to ${MAX_QUERY} characters`);
    const parsed = parseSearch(query);
    if (parsed.problems.length > 0) return apiError(c, 400, "bad-input", parsed.problems.join("; "));
    if (isEmptySearch(parsed) || parsed.type !== "article")
      return apiError(c, 400, "bad-input", "an alert needs words or filters, and finds articles");
    let url: URL;
    try {
      url = new URL(webhook);
    } catch {
      return apiError(c, 400, "bad-input", '"webhook" must be an absolute http(s) URL');
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || webhook.length > MAX_URL)
      return apiError(c, 400, "bad-input", '"webhook" must be an absolute http(s) URL');
    if ((await store.alerts.list()).length >= MAX_ALERTS)
      return apiError(c, 409, "too-many", `at most ${MAX_ALERTS} alerts`);
    return c.json(await store.alerts.create(query, url.href), 201);
  });

  app.delete("/api/alerts/:id", async (c) => {
    if (!(await authorised(c))) return noToken(c);
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || !(await store.alerts.remove(id)))
      return apiError(c, 404, "not-found", "no alert with that id");
    return c.body(null, 204);
  });
}
