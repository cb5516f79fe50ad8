/**
 * Listen: each article's narration as MP3 (made offline on first request, cached per version, with
 * HTTP range requests for seeking) and its sentence timing marks for the highlight that follows the voice.
 */
import { readFile } from "node:fs/promises";
import type { Hono } from "hono";
import type { StoredArticle } from "../../store/index.ts";

/** A finished narration: where the MP3 is, how long it is, and the marks. */
export interface NarrationFile {
  readonly mp3Path: string;
  readonly durationMs: number;
  readonly voice: string;
  readonly marks: ReadonlyArray<{
    readonly kind: "title" | "sentence";
    readonly start: number;
    readonly end: number;
    readonly startMs: number;
    readonly endMs: number;
  }>;
}

/** What the routes need from the narration service (the pipeline's Narrator in the server). */
export interface NarrationService {
  /** A finished narration of this article version, or null. */
  cached(article: StoredArticle): NarrationFile | null;
  /** Narrate (or join the narration under way); resolves when it is ready. */
  narrate(
    article: StoredArticle,
  ): Promise<{ ok: true; value: NarrationFile } | { ok: false; message: string }>;
}

/** Parse a single `bytes=` range against a size; null when absent or unsatisfiable. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return "invalid";
  return { start, end };
}

export function audioRoutes(
  app: Hono,
  deps: {
    readonly store: { getArticle(id: number): Promise<StoredArticle | null> };
    readonly narration?: NarrationService;
  },
): void {
  const load = async (idParam: string) => {
    const id = Number(idParam);
    return Number.isSafeInteger(id) && id > 0 ? deps.store.getArticle(id) : null;
  };

  app.get("/api/articles/:id/narration", async (c) => {
    if (!deps.narration)
      return c.json({ error: { code: "not-available", message: "narration is not enabled" } }, 404);
    const a = await load(c.req.param("id"));
    if (!a) return c.json({ error: { code: "not-found", message: "no article with that id" } }, 404);
    const r = deps.narration.cached(a)
      ? { ok: true as const, value: deps.narration.cached(a)! }
      : await deps.narration.narrate(a);
    if (!r.ok) return c.json({ error: { code: "narration-failed", message: r.message } }, 500);
    return c.json({
      article: a.id,
      version: a.version,
      audio: `/api/articles/${a.id}/audio?v=${a.version}`,
      durationMs: r.value.durationMs,
      voice: r.value.voice,
      marks: r.value.marks,
    });
  });

  app.get("/api/articles/:id/audio", async (c) => {
    if (!deps.narration)
      return c.json({ error: { code: "not-available", message: "narration is not enabled" } }, 404);
    const a = await load(c.req.param("id"));
    if (!a) return c.json({ error: { code: "not-found", message: "no article with that id" } }, 404);
    let n = deps.narration.cached(a);
    if (!n) {
      const r = await deps.narration.narrate(a);
      if (!r.ok) return c.json({ error: { code: "narration-failed", message: r.message } }, 500);
      n = r.value;
    }
    const body = await readFile(n.mp3Path);
    const headers: Record<string, string> = {
      "Content-Type": "audio/mpeg",
      "Accept-Ranges": "bytes",
      "Cache-Control": "private, max-age=3600",
      "Content-Disposition": `inline; filename="lede-article-${a.id}-v${a.version}.mp3"`,
    };
    const range = parseRange(c.req.header("range"), body.length);
    if (range === "invalid")
      return c.body(null, 416, { ...headers, "Content-Range": `bytes */${body.length}` });
    if (range === null)
      return c.body(new Uint8Array(body), 200, { ...headers, "Content-Length": String(body.length) });
    const slice = body.subarray(range.start, range.end + 1);
    return c.body(new Uint8Array(slice), 206, {
      ...headers,
      "Content-Range": `bytes ${range.start}-${range.end}/${body.length}`,
      "Content-Length": String(slice.length),
    });
  });
}
