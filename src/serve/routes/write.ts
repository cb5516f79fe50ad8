/** The API's write endpoints: ingest and sources. Each needs a token (`lede token create`). */
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { SourceKind } from "../../store/index.ts";
import { apiError, bearer, type IngestRequest, type ServeDeps } from "../context.ts";
import { safeUrl } from "../html.ts";
import { parseOpml } from "../opml.ts";
import { outletOf, titleOf } from "../views/parts.ts";

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const SOURCE_KINDS: readonly SourceKind[] = ["feed", "page", "sitemap"];

/** Does it look like an HTML page (an uploaded file has no reliable type)? */
function looksLikeHtml(s: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)|<(article|p|div)[\s>]/i.test(s.slice(0, 4096));
}

export function writeRoutes(app: Hono, deps: ServeDeps): void {
  const { store, events } = deps;
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => apiError(c, 413, "too-large", `body over ${MAX_BODY_BYTES} bytes`),
  });
  const authorised = async (c: Context) => {
    const token = bearer(c.req.header("authorization"));
    return token !== null && (await store.verifyToken(token));
  };
  const noToken = (c: Context) =>
    apiError(c, 401, "unauthorized", "a valid Bearer token is needed (lede token create)");

  /** The JSON object of a request, or null. */
  const jsonBody = async (c: Context): Promise<Record<string, unknown> | null> => {
    try {
      const b = (await c.req.json()) as unknown;
      return typeof b === "object" && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  /** The fields of a multipart form, or null when the body is no well-formed form. */
  const formBody = async (c: Context): Promise<Record<string, unknown> | null> => {
    try {
      return (await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const badForm = (c: Context) =>
    apiError(c, 400, "bad-input", "the body is not a well-formed multipart form");

  app.post("/api/ingest", limit, async (c) => {
    if (!(await authorised(c))) return noToken(c);
    let request: IngestRequest;
    if ((c.req.header("content-type") ?? "").startsWith("multipart/form-data")) {
      const form = await formBody(c);
      if (!form) return badForm(c);
      const file = form.file;
      if (!(file instanceof File))
        return apiError(c, 400, "bad-input", 'upload the page as the form field "file"');
      const text = await file.text();
      if (text.trim() === "") return apiError(c, 400, "bad-input", "the file is empty");
      const published =
        typeof form.published === "string" && form.published ? { published: form.published } : {};
      request = looksLikeHtml(text) ? { html: text, ...published } : { text, ...published };
    } else {
      const b = await jsonBody(c);
      if (!b) return apiError(c, 400, "bad-input", "the body must be a JSON object");
      const fields = ["url", "text", "html"].filter(
        (k) => typeof b[k] === "string" && (b[k] as string).length > 0,
      );
      if (fields.length !== 1)
        return apiError(
          c,
          400,
          "bad-input",
          'give exactly one of "url", "text" or "html" as a non-empty string',
        );
      if (b.published !== undefined && typeof b.published !== "string")
        return apiError(c, 400, "bad-input", '"published" must be a string');
      const field = fields[0] as "url" | "text" | "html";
      request = {
        [field]: b[field] as string,
        ...(typeof b.published === "string" ? { published: b.published } : {}),
      };
    }
    const r = await deps.ingest(request);
    if (!r.ok) return c.json({ error: r.error }, 422);
    if (r.status !== "unchanged") {
      const a = await store.getArticle(r.id);
      events.publish({
        type: "article",
        id: r.id,
        title: a ? titleOf({ title: a.article.title, text: a.article.text.slice(0, 400) }) : null,
        source: a ? outletOf({ siteName: a.article.siteName, url: a.article.url, source: a.source }) : null,
        createdAt: a?.createdAt ?? new Date().toISOString(),
        status: r.status,
      });
    }
    return c.json({ status: r.status, id: r.id, version: r.version });
  });

  app.post("/api/sources", limit, async (c) => {
    if (!(await authorised(c))) return noToken(c);
    const b = await jsonBody(c);
    const url = safeUrl(typeof b?.url === "string" ? b.url : null);
    if (!b || !url) return apiError(c, 400, "bad-input", 'give "url" as an http(s) URL');
    const kind = (b.kind ?? "feed") as SourceKind;
    if (!SOURCE_KINDS.includes(kind))
      return apiError(c, 400, "bad-input", `"kind" is one of ${SOURCE_KINDS.join(", ")}`);
    const title = typeof b.title === "string" ? b.title.slice(0, 300) : null;
    const source = await store.addSource({ kind, url, title });
    return c.json(source, 201);
  });

  app.post("/api/sources/opml", limit, async (c) => {
    if (!(await authorised(c))) return noToken(c);
    let text: string;
    if ((c.req.header("content-type") ?? "").startsWith("multipart/form-data")) {
      const form = await formBody(c);
      if (!form) return badForm(c);
      const file = form.file;
      if (!(file instanceof File))
        return apiError(c, 400, "bad-input", 'upload the OPML as the form field "file"');
      text = await file.text();
    } else {
      text = await c.req.text();
    }
    const feeds = parseOpml(text);
    if (feeds.length === 0)
      return apiError(c, 400, "bad-input", "no feed outlines (xmlUrl) found in the OPML");
    const sources = [];
    for (const f of feeds)
      sources.push(await store.addSource({ kind: "feed", url: f.url, title: f.title, category: f.category }));
    return c.json({ added: sources.length, items: sources }, 201);
  });
}
