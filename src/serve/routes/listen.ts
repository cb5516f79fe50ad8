/** The Listen player's audio: `/api/articles/:id/audio.mp3` (with ranges, for seeking) and `.json` (marks). */
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import type { Context, Hono } from "hono";
import { apiError, type ServeDeps } from "../context.ts";
import { byteRange, type ListenAudio } from "../listen.ts";

export function listenRoutes(app: Hono, deps: ServeDeps): void {
  const audioOf = async (c: Context): Promise<ListenAudio | Response> => {
    if (!deps.narration) return apiError(c, 404, "not-available", "narration is not set up on this server");
    const id = Number(c.req.param("id"));
    const a = Number.isSafeInteger(id) && id > 0 ? await deps.store.getArticle(id) : null;
    if (!a) return apiError(c, 404, "not-found", "no article with that id");
    const audio = await deps.narration.narrationOf(a);
    return audio ?? apiError(c, 404, "not-found", "this article has nothing to read aloud");
  };

  app.get("/api/articles/:id/audio.mp3", async (c) => {
    const audio = await audioOf(c);
    if (audio instanceof Response) return audio;
    const size = statSync(audio.mp3Path).size;
    const range = byteRange(c.req.header("range"), size);
    if (range === "invalid") {
      c.header("Content-Range", `bytes */${size}`);
      return apiError(c, 416, "bad-input", "the range is outside the audio");
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const stream = Readable.toWeb(
      createReadStream(audio.mp3Path, { start, end }),
    ) as ReadableStream<Uint8Array>;
    c.header("Accept-Ranges", "bytes");
    c.header("Cache-Control", "public, max-age=3600");
    c.header("Content-Length", String(end - start + 1));
    if (range) c.header("Content-Range", `bytes ${start}-${end}/${size}`);
    return c.body(stream, range ? 206 : 200, { "Content-Type": "audio/mpeg" });
  });

  /** How far the narration is, in percent; asking starts it (like pressing Listen). */
  app.get("/api/articles/:id/narration", async (c) => {
    if (!deps.narration?.statusOf)
      return apiError(c, 404, "not-available", "narration is not set up on this server");
    const id = Number(c.req.param("id"));
    const a = Number.isSafeInteger(id) && id > 0 ? await deps.store.getArticle(id) : null;
    if (!a) return apiError(c, 404, "not-found", "no article with that id");
    const s = await deps.narration.statusOf(a, { start: true });
    c.header("Cache-Control", "no-store");
    return c.json({
      article: a.id,
      version: a.version,
      state: s.state === "completed" ? "ready" : s.state,
      percent: s.percent,
      ...(s.durationMs !== undefined ? { durationMs: s.durationMs } : {}),
      ...(s.error ? { error: s.error.slice(0, 300) } : {}),
      audio: `/api/articles/${a.id}/audio.mp3`,
    });
  });

  app.get("/api/articles/:id/audio.json", async (c) => {
    const audio = await audioOf(c);
    if (audio instanceof Response) return audio;
    return c.json({
      durationMs: audio.durationMs,
      marks: audio.marks,
      ...("voice" in audio && typeof audio.voice === "string" ? { voice: audio.voice } : {}),
    });
  });
}
