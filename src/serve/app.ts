/**
 * The HTTP server: the reader (server-rendered HTML, small progressive JS) and the JSON API.
 * Stateless apart from the store and the event bus, so several can run behind a proxy.
 */
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import type { Config } from "../core/index.ts";
import type { Store } from "../store/index.ts";
import type { EventBus } from "./events.ts";
import { OPENAPI } from "./openapi.ts";
import { securityHeaders } from "./security.ts";
import { articlePage, homePage, notFoundPage, searchPage } from "./views/pages.ts";

/** What POST /api/ingest takes. */
export interface IngestRequest {
  readonly url?: string;
  readonly text?: string;
  readonly html?: string;
  readonly published?: string;
}

export type IngestResponse =
  | { readonly ok: true; readonly status: "added" | "updated" | "unchanged"; readonly id: number; readonly version: number }
  | { readonly ok: false; readonly error: { readonly stage: string; readonly code: string; readonly message: string } };

export interface ServeDeps {
  readonly store: Store;
  readonly config: Config;
  readonly events: EventBus;
  /** Takes in one document and stores it (the pipeline, wired by the caller). */
  readonly ingest: (request: IngestRequest) => Promise<IngestResponse>;
}

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Largest page size of list endpoints. */
const MAX_PAGE = 200;

const STATIC: Record<string, { type: string; body: string }> = Object.fromEntries(
  [
    ["app.js", "text/javascript; charset=utf-8"],
    ["app.css", "text/css; charset=utf-8"],
  ].map(([name, type]) => [name, { type: type!, body: readFileSync(new URL(`./static/${name}`, import.meta.url), "utf8") }]),
);

function intParam(value: string | undefined, fallback: number, max = MAX_PAGE): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

function apiError(code: string, message: string) {
  return { error: { code, message } };
}

/**
 * Build the app.
 *
 * @example const app = createApp(deps); serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(deps: ServeDeps): Hono {
  const { store, events } = deps;
  const app = new Hono();
  app.use("*", securityHeaders());

  const bearer = (header: string | undefined): string | null => /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? null;
  const canRead = async (header: string | undefined) => !deps.config.readToken || (await store.verifyToken(bearer(header) ?? ""));
  app.use("/api/*", async (c, next) => {
    if (c.req.method === "GET" && !(await canRead(c.req.header("authorization")))) {
      return c.json(apiError("unauthorized", "a token is needed to read (LEDE_READ_TOKEN is set)"), 401);
    }
    await next();
  });

  app.get("/static/:name", (c) => {
    const f = STATIC[c.req.param("name")];
    if (!f) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(f.body, 200, { "Content-Type": f.type });
  });

  app.get("/", async (c) => c.html(homePage(await store.latest({ limit: 50 }), await store.listSources())));
  app.get("/articles/:id", async (c) => {
    const a = await store.getArticle(Number(c.req.param("id")));
    return a ? c.html(articlePage(a)) : c.html(notFoundPage(), 404);
  });
  app.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 500);
    return c.html(searchPage(q, q ? await store.search(q, { limit: 50 }) : []));
  });

  app.get("/api/openapi.json", (c) => c.json(OPENAPI));
  app.get("/api/latest", async (c) => {
    const before = Number(c.req.query("before"));
    const items = await store.latest({ limit: intParam(c.req.query("limit"), 50), ...(before > 0 ? { beforeId: before } : {}) });
    return c.json({ items });
  });
  app.get("/api/articles/:id", async (c) => {
    const id = Number(c.req.param("id"));
    const a = Number.isInteger(id) ? await store.getArticle(id) : null;
    if (!a) return c.json(apiError("not-found", "no article with that id"), 404);
    return c.json({ id: a.id, version: a.version, source: a.source, article: a.article, ...(a.analysis ?? {}) });
  });
  app.get("/api/search", async (c) => {
    const q = c.req.query("q") ?? "";
    if (q.trim() === "") return c.json(apiError("bad-input", "the q parameter is required"), 400);
    return c.json({ items: await store.search(q, { limit: intParam(c.req.query("limit"), 20) }) });
  });
  app.get("/api/sources", async (c) => c.json({ items: await store.listSources() }));

  app.post(
    "/api/ingest",
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(apiError("too-large", `body over ${MAX_BODY_BYTES} bytes`), 413) }),
    async (c) => {
      const token = bearer(c.req.header("authorization"));
      if (!token || !(await store.verifyToken(token))) return c.json(apiError("unauthorized", "a valid Bearer token is needed"), 401);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json(apiError("bad-input", "the body must be JSON"), 400);
      }
      const b = body as Record<string, unknown>;
      const fields = ["url", "text", "html"].filter((k) => typeof b[k] === "string" && (b[k] as string).length > 0);
      if (typeof body !== "object" || body === null || fields.length !== 1) {
        return c.json(apiError("bad-input", 'give exactly one of "url", "text" or "html" as a non-empty string'), 400);
      }
      if (b.published !== undefined && typeof b.published !== "string") return c.json(apiError("bad-input", '"published" must be a string'), 400);
      const field = fields[0] as "url" | "text" | "html";
      const r = await deps.ingest({ [field]: b[field] as string, ...(typeof b.published === "string" ? { published: b.published } : {}) });
      if (!r.ok) return c.json({ error: r.error }, 422);
      if (r.status !== "unchanged") {
        const a = await store.getArticle(r.id);
        events.publish({ type: "article", id: r.id, title: a?.article.title ?? null, source: a?.article.siteName ?? a?.source ?? null, createdAt: a?.createdAt ?? new Date().toISOString(), status: r.status });
      }
      return c.json({ status: r.status, id: r.id, version: r.version });
    },
  );

  app.get("/api/events", (c) =>
    streamSSE(c, async (stream) => {
      let open = true;
      const unsubscribe = events.subscribe((e) => {
        void stream.writeSSE({ event: e.type, data: JSON.stringify(e), id: String(e.id) });
      });
      stream.onAbort(() => {
        open = false;
        unsubscribe();
      });
      while (open) {
        await stream.writeSSE({ event: "ping", data: "" });
        await stream.sleep(15_000);
      }
    }),
  );

  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json(apiError("not-found", "no such endpoint"), 404) : c.html(notFoundPage(), 404)));
  app.onError((e, c) => {
    console.error(`serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
    return c.req.path.startsWith("/api/") ? c.json(apiError("internal", "internal error"), 500) : c.text("internal error", 500);
  });
  return app;
}
