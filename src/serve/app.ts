/**
 * The HTTP server: the reader (server-rendered HTML, small progressive JS) and the JSON API.
 * Stateless apart from the store and the event bus, so several can run behind a proxy.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Hono } from "hono";
import { apiError, bearer, type ServeDeps } from "./context.ts";
import { LineageReader } from "./lineage.ts";
import { type EncodedPage, PageCache } from "./page-cache.ts";
import { rateLimit } from "./rate-limit.ts";
import { alertRoutes } from "./routes/alerts.ts";
import { apiRoutes } from "./routes/api.ts";
import { eventRoutes } from "./routes/events.ts";
import { feedRoutes } from "./routes/feeds.ts";
import { listenRoutes } from "./routes/listen.ts";
import { pageRoutes } from "./routes/pages.ts";
import { writeRoutes } from "./routes/write.ts";
import { securityHeaders } from "./security.ts";
import { messagePage } from "./views/pages.ts";

export type { IngestRequest, IngestResponse, ServeDeps, ServeLimits } from "./context.ts";
export { MAX_BODY_BYTES } from "./routes/write.ts";

const require = createRequire(import.meta.url);

/** Our static files (read once): the page script and style, and uPlot for charts. */
const STATIC: Record<string, { type: string; body: string }> = {
  "app.js": {
    type: "text/javascript; charset=utf-8",
    body: readFileSync(new URL("./static/app.js", import.meta.url), "utf8"),
  },
  "app.css": {
    type: "text/css; charset=utf-8",
    body: readFileSync(new URL("./static/app.css", import.meta.url), "utf8"),
  },
  "icon.svg": {
    type: "image/svg+xml",
    body: readFileSync(new URL("./static/icon.svg", import.meta.url), "utf8"),
  },
  "uplot.min.js": {
    type: "text/javascript; charset=utf-8",
    body: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
  },
  "uplot.min.css": {
    type: "text/css; charset=utf-8",
    body: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
  },
};

/**
 * Build the app.
 *
 * @param deps the store, config, event bus, ingest function and optional stories, limits and clock
 * @example const app = createApp(deps); serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(deps: ServeDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use("*", securityHeaders());

  const writes = deps.limits?.writesPerMinute ?? 60;
  const reads = deps.limits?.apiReadsPerMinute ?? 1200;
  app.use(
    "*",
    rateLimit({ max: writes, windowMs: 60_000 }, (c) => c.req.method !== "GET" && c.req.method !== "HEAD"),
  );
  app.use(
    "/api/*",
    rateLimit(
      { max: reads, windowMs: 60_000 },
      (c) => c.req.method === "GET" && c.req.path !== "/api/events",
    ),
  );

  // With LEDE_READ_TOKEN set, everything but the static files needs a token to read.
  app.use("*", async (c, next) => {
    if (!deps.config.readToken || c.req.method !== "GET" || c.req.path.startsWith("/static/")) return next();
    const token = bearer(c.req.header("authorization"));
    if (token && (await store.verifyToken(token))) return next();
    return apiError(c, 401, "unauthorized", "a token is needed to read (LEDE_READ_TOKEN is set)");
  });

  app.get("/static/:name", (c) => {
    const f = STATIC[c.req.param("name")];
    if (!f) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(f.body, 200, { "Content-Type": f.type });
  });

  // Rendered pages and hot API answers, emptied whenever an article is added or updated. Other articles'
  // pages are kept (their story and copies may lag a new copy by their 10 s time to live): under a steady
  // ingest, emptying them too made nearly every article view a fresh render.
  const cache = new PageCache<EncodedPage>(2000, deps.now ? () => deps.now!().getTime() : Date.now);
  // Copies' texts and diffs for lineages, shared by every copy's page (a wire report may have thousands).
  const lineage = new LineageReader(deps.store);
  deps.events.subscribe((e) => {
    cache.clear((key) => key.startsWith("article:") && !key.startsWith(`article:${e.id}:`));
    if (e.type === "article") lineage.forget(e.id);
  });
  pageRoutes(app, deps, cache, lineage);
  apiRoutes(app, deps, cache, lineage);
  listenRoutes(app, deps);
  writeRoutes(app, deps);
  alertRoutes(app, deps);
  eventRoutes(app, deps);
  feedRoutes(app, deps);

  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? apiError(c, 404, "not-found", "no such endpoint")
      : c.html(messagePage("Not found", "There is nothing at this address."), 404),
  );
  app.onError((e, c) => {
    console.error(`serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    return c.req.path.startsWith("/api/")
      ? apiError(c, 500, "internal", "internal error")
      : c.html(messagePage("Something broke", "The error was logged."), 500);
  });
  return app;
}
