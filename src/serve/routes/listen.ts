/** The Listen player's audio: `/api/articles/:id/audio.mp3` (with ranges, for seeking) and `.json` (marks). */
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import type { Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { apiError, type ServeDeps } from "../context.ts";
import { byteRange, type ListenAudio } from "../listen.ts";
import { changedSince, LISTENER_COOKIE, ListenLog } from "../listens.ts";

/** Largest body of a listen report. */
const MAX_LISTEN_BODY = 1024;

export function listenRoutes(app: Hono, deps: ServeDeps): void {
  const listens = new ListenLog(deps.config.dataDir);
  /** The browser's listener id (its cookie), or a new one set as its cookie. */
  const listenerOf = (c: Context, create: boolean): string | null => {
    const had = getCookie(c, LISTENER_COOKIE);
    if (listens.valid(had)) return had;
    if (!create) return null;
    const id = listens.newId();
    setCookie(c, LISTENER_COOKIE, id, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      maxAge: 365 * 24 * 3600,
    });
    return id;
  };

  /** The player reports a narration heard to the end: it no longer counts as changed for this browser. */
  app.post("/api/listens", async (c) => {
    const raw = await c.req.text();
    if (raw.length > MAX_LISTEN_BODY) return apiError(c, 413, "too-large", "the report is too large");
    let body: { article?: unknown; version?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return apiError(c, 400, "bad-input", 'send JSON: {"article": ID, "version": N}');
    }
    const id = Number(body?.article);
    const a = Number.isSafeInteger(id) && id > 0 ? await deps.store.getArticle(id) : null;
    if (!a) return apiError(c, 404, "not-found", "no article with that id");
    const version = Number.isSafeInteger(body.version)
      ? Math.min(Number(body.version), a.version)
      : a.version;
    const listener = listenerOf(c, true)!;
    listens.record(listener, a.id, version);
    return c.json({ article: a.id, version });
  });

  /** A story as a playlist of what changed since this browser (or `?listener=`) last listened to it. */
  app.get("/api/stories/:id/playlist", async (c) => {
    if (!deps.stories) return apiError(c, 404, "not-available", "stories are not set up on this server");
    const asked = c.req.query("listener");
    if (asked !== undefined && !listens.valid(asked))
      return apiError(c, 400, "bad-input", "unknown listener id");
    const storyId = c.req.param("id");
    const ids = await deps.stories.articlesOf(storyId);
    if (!ids) return apiError(c, 404, "not-found", "no such story");
    const listener = asked ?? listenerOf(c, true)!;
    const articles = [];
    for (const n of ids.slice(-200)) {
      const a = await deps.store.getArticle(n);
      if (a) articles.push(a);
    }
    const { items, since } = changedSince(articles, listens.heardBy(listener));
    c.header("Cache-Control", "no-store");
    return c.json({
      story: storyId,
      since,
      feed: `/feeds/stories/${encodeURIComponent(storyId)}.podcast.xml?listener=${encodeURIComponent(listener)}`,
      items: items.map(({ article: a, reason }) => ({
        id: a.id,
        version: a.version,
        title: a.article.title,
        reason,
        audio: `/api/articles/${a.id}/audio.mp3`,
      })),
    });
  });

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
    // A podcast app's download (the listener id in its feed's enclosure address) counts as heard once
    // it reaches the end of the file.
    const listener = c.req.query("listener");
    if (listener && end === size - 1) {
      const id = Number(c.req.param("id"));
      const a = await deps.store.getArticle(id);
      if (a) listens.record(listener, a.id, a.version);
    }
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
