/** The API and the reader against a real server, a real SQLite file and the real ingest pipeline. */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { EspeakWasmEngine } from "../../src/narrate/index.ts";
import { CSP, cachedNarration } from "../../src/serve/index.ts";
import { summitArticle } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./server.ts";

let s: TestServer;
let summitId = 0;
const get = (path: string, init?: RequestInit) => fetch(`${s.url}${path}`, init);
const getJson = async (path: string) => {
  const r = await get(path);
  return {
    status: r.status,
    body: (await r.json()) as Record<string, unknown> & { items?: Array<Record<string, unknown>> },
  };
};
const post = (path: string, body: unknown, token: string | null = s.token, type = "application/json") =>
  fetch(`${s.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

before(async () => {
  s = await startTestServer();
  summitId = (
    await s.store.putArticle({ ...summitArticle(), source: "fixture", fetchedAt: "2025-09-01T08:00:00Z" })
  ).id;
});
after(async () => s.close());

describe("reader pages", () => {
  test("every page answers with the strict CSP and security headers", async () => {
    for (const path of [
      "/",
      `/articles/${summitId}`,
      "/search?q=putin",
      "/quotes",
      "/deadlines",
      "/entities/Vladimir%20Putin",
      "/sources",
      "/nope",
    ]) {
      const r = await get(path);
      assert.ok(r.status === 200 || (path === "/nope" && r.status === 404), `${path}: ${r.status}`);
      assert.equal(r.headers.get("content-security-policy"), CSP);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
      assert.match(await r.text(), /<main id="main"/);
    }
  });

  test("the article page highlights from spans, with speaker and resolved time on hover", async () => {
    const page = await (await get(`/articles/${summitId}`)).text();
    assert.match(
      page,
      /<span class="hl ent person" title="Vladimir Putin \(person\) · Russian President">Vladimir Putin<\/span>/,
    );
    assert.match(
      page,
      /<span class="hl quote direct" title="Vladimir Putin \(direct quote\)" id="q1">&quot;<span class="hl ent org"[^>]*>Nato<\/span> expansion is a direct threat&quot;<\/span>/,
    );
    assert.match(page, /<span class="hl time" title="DATE: 2025-09-01">Monday<\/span>/);
    assert.match(
      page,
      /<span class="hl count" title="629 drones and missiles \(fired\)">629 drones and missiles<\/span>/,
    );
    for (const id of ["hl-person", "hl-org", "hl-loc", "hl-quote", "hl-time", "hl-count", "hl-claim"])
      assert.match(page, new RegExp(`id="${id}"`));
    // The side panel: quotes linking speakers, claims with status, deadlines with a countdown, events.
    assert.match(page, /<section class="panel-section" id="quotes"/);
    assert.match(page, /<a class="entity-link" href="\/entities\/Vladimir%20Putin">Vladimir Putin<\/a>/);
    assert.match(page, /<span class="status unconfirmed">unconfirmed<\/span>/);
    assert.match(page, /<time class="countdown (upcoming|today|passed)" datetime="2025-09-15">/);
    assert.match(page, /<span class="etype">attack<\/span>/);
    assert.match(page, /Markets fall/);
  });

  test("pages are gzipped for clients that accept it, plain otherwise", async () => {
    const raw = (encoding: string | null) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = request(
          `${s.url}/articles/${summitId}`,
          { headers: encoding ? { "Accept-Encoding": encoding } : {} },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (b: Buffer) => chunks.push(b));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    const zipped = await raw("gzip, br");
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.match(gunzipSync(zipped.body).toString("utf8"), /Putin warns Nato/);
    const plain = await raw(null);
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.match(plain.body.toString("utf8"), /Putin warns Nato/);
  });

  test("an article from the real pipeline reads cleanly, whatever its analysis holds", async () => {
    const r = await post("/api/ingest", {
      text: "Floods closed roads in the valley on Tuesday.\n\nRescuers reached the village.",
      published: "2025-09-02",
    });
    assert.equal(r.status, 200);
    const { id } = (await r.json()) as { id: number };
    const page = await (await get(`/articles/${id}`)).text();
    const body = /<div class="text" id="text">(.*?)<\/div>/s.exec(page)?.[1] ?? "";
    assert.equal(
      body.replace(/<span[^>]*>|<\/span>| data-start="\d+"/g, ""),
      "<p>Floods closed roads in the valley on Tuesday.</p><p>Rescuers reached the village.</p>",
    );
    const desk = await (await get("/")).text();
    assert.match(desk, new RegExp(`<li data-id="${id}">`));
  });

  test("search operators, the quote finder, the deadline board and entity pages", async () => {
    assert.match(
      await (await get("/search?q=entity:putin%20drones")).text(),
      /Putin warns Nato as Trump sets deadline/,
    );
    assert.doesNotMatch(await (await get("/search?q=entity:putin%20-drones")).text(), /Putin warns Nato/);
    assert.match(
      await (await get("/search?q=source:news.example%20from:2025-09")).text(),
      /Putin warns Nato/,
    );
    assert.doesNotMatch(await (await get("/search?q=putin%20to:2025-08-31")).text(), /Putin warns Nato/);
    const quotes = await (await get("/search?q=type:quote%20nato")).text();
    assert.match(quotes, /1 quote for/);
    assert.match(await (await get("/search?q=from:yesterday")).text(), /from: wants a date/);
    const finder = await (await get("/quotes?q=what+did+Putin+say+about+Nato")).text();
    assert.match(finder, /1 quote<!-- -->|1 quote by Putin/);
    const board = await (await get("/deadlines")).text();
    assert.match(board, /agree to peace talks with Volodymyr Zelensky/);
    const entity = await (await get("/entities/Vladimir%20Putin")).text();
    assert.match(entity, /Russian President/);
    assert.match(
      entity,
      /data-series="\{&quot;label&quot;:&quot;articles mentioning&quot;,&quot;days&quot;:\[&quot;2025-09-01&quot;\]/,
    );
    assert.match(entity, /href="\/entities\/Donald%20Trump"/);
    assert.equal((await get("/entities/Nobody%20Here")).status, 404);
  });
});

describe("JSON API", () => {
  test("search, items and entities", async () => {
    const search = await getJson("/api/search?q=entity:%22Vladimir%20Putin%22");
    assert.equal(search.body.type, "article");
    assert.equal(search.body.items?.[0]?.id, summitId);
    const quotes = await getJson("/api/quotes?q=what%20did%20Putin%20say%20about%20nato");
    assert.equal(quotes.body.items?.length, 1);
    assert.equal(
      (quotes.body.items?.[0]?.item as { speakerName: string } | undefined)?.speakerName,
      "Vladimir Putin",
    );
    const deadlines = await getJson("/api/deadlines?order=date-asc&from=2025-09-10");
    assert.deepEqual(
      deadlines.body.items?.map((d) => d.date),
      ["2025-09-15"],
    );
    assert.equal(
      (deadlines.body.items?.[0]?.names as Record<string, string> | undefined)?.e2,
      "Donald Trump",
    );
    const claims = await getJson("/api/items/claim?entity=putin");
    assert.equal((claims.body.items?.[0]?.item as { status: string } | undefined)?.status, "unconfirmed");
    const entity = await getJson("/api/entities/putin");
    assert.equal(entity.body.name, "Vladimir Putin");
    assert.equal(entity.body.type, "PERSON");
    const article = await getJson(`/api/articles/${summitId}`);
    assert.equal((article.body.quotes as unknown[]).length, 2);
    assert.equal(article.body.story, null);
  });

  test("errors are JSON with a stable code", async () => {
    assert.deepEqual((await getJson("/api/nothing")).body, {
      error: { code: "not-found", message: "no such endpoint" },
    });
    assert.equal(
      (await getJson("/api/articles/abc")).body.error && (await getJson("/api/articles/abc")).status,
      404,
    );
    assert.equal(((await getJson("/api/search?q=")).body.error as { code: string }).code, "bad-input");
    assert.equal(
      ((await getJson("/api/deadlines?from=soon")).body.error as { code: string }).code,
      "bad-input",
    );
    assert.equal(((await getJson("/api/items/poem")).body.error as { code: string }).code, "not-found");
    assert.equal(((await getJson("/api/stories/s1")).body.error as { code: string }).code, "not-available");
  });

  test("writes need a token; bodies are checked and bounded", async () => {
    const noToken = await post("/api/ingest", { text: "x" }, null);
    assert.equal(noToken.status, 401);
    assert.equal(((await noToken.json()) as { error: { code: string } }).error.code, "unauthorized");
    assert.equal((await post("/api/ingest", { text: "x" }, "lede_wrongwrongwrongwrongwrong")).status, 401);
    assert.equal((await post("/api/ingest", "{not json")).status, 400);
    assert.equal((await post("/api/ingest", { text: "a", html: "<p>b</p>" })).status, 400);
    const big = await post("/api/ingest", { text: "x".repeat(6 * 1024 * 1024) });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { error: { code: string } }).error.code, "too-large");
    // Found by fuzzing: a body that claims to be a form but is none was an unhandled error (500).
    for (const path of ["/api/ingest", "/api/sources/opml"]) {
      const bad = await post(path, "e}C<z=", s.token, "multipart/form-data");
      assert.equal(bad.status, 400, path);
      assert.equal(((await bad.json()) as { error: { code: string } }).error.code, "bad-input");
    }
  });

  test("a file upload is ingested", async () => {
    const form = new FormData();
    form.set(
      "file",
      new Blob(
        [
          "<html><head><title>Uploaded report</title></head><body><article><h1>Uploaded report</h1><p>The council approved the new bridge after a long debate on Wednesday evening in the town hall.</p><p>Work starts next spring, officials said.</p></article></body></html>",
        ],
        { type: "text/html" },
      ),
      "page.html",
    );
    const r = await fetch(`${s.url}/api/ingest`, {
      method: "POST",
      headers: { Authorization: `Bearer ${s.token}` },
      body: form,
    });
    assert.equal(r.status, 200, await r.clone().text());
    const { id } = (await r.json()) as { id: number };
    assert.match(await (await get(`/articles/${id}`)).text(), /council approved the new bridge/);
  });

  test("sources: add a feed and an OPML file with a token, see their health", async () => {
    const added = await post("/api/sources", {
      url: "https://news.example/feed.xml",
      kind: "feed",
      title: "Example feed",
    });
    assert.equal(added.status, 201);
    assert.equal((await post("/api/sources", { url: "javascript:alert(1)" })).status, 400);
    assert.equal((await post("/api/sources", { url: "https://x.example/", kind: "poem" })).status, 400);
    assert.equal((await post("/api/sources", { url: "https://x.example/" }, null)).status, 401);
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="World"><outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/><outline text="Bad" xmlUrl="javascript:alert(1)"/></outline></body></opml>`;
    const imported = await post("/api/sources/opml", opml, s.token, "text/xml");
    assert.equal(imported.status, 201);
    assert.equal(((await imported.json()) as { added: number }).added, 1);
    const sources = await getJson("/api/sources");
    assert.deepEqual(
      sources.body.items?.map((x) => x.url),
      ["https://news.example/feed.xml", "https://wire.example/rss"],
    );
    const wire = sources.body.items?.[1] as { id: number; category: string };
    assert.equal(wire.category, "World");
    await s.store.updateSource(wire.id, {
      lastErrorCode: "feed-parse",
      lastErrorMessage: "not a feed",
      consecutiveFailures: 4,
    });
    const feed = sources.body.items?.[0] as { id: number };
    for (let i = 0; i < 3; i++) {
      await s.store.recordFailure({
        input: `https://news.example/a/${i}`,
        stage: "extract",
        code: "no-content",
        message: "no article text",
        sourceId: feed.id,
      });
    }
    const page = await (await get("/sources")).text();
    assert.match(page, /<tr class="flagged">/);
    assert.match(page, /extraction broken<\/span> <span class="meta">3 pages failed to extract today/);
    assert.match(page, /2 flagged/);
    assert.match(page, /<code>feed-parse<\/code> not a feed/);
  });

  test("live events: a new article reaches SSE subscribers", async () => {
    const controller = new AbortController();
    const r = await get("/api/events", { signal: controller.signal });
    assert.equal(r.headers.get("content-type"), "text/event-stream");
    const reader = r.body!.getReader();
    const seen = (async () => {
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return buf;
        buf += new TextDecoder().decode(value);
        if (buf.includes("event: article")) return buf;
      }
    })();
    await new Promise((res) => setTimeout(res, 100));
    const added = await post("/api/ingest", {
      text: "A live report arrived about the harbour strike today.",
      published: "2025-09-03",
    });
    assert.equal(added.status, 200);
    const text = await seen;
    controller.abort();
    assert.match(text, /event: article\ndata: \{"type":"article","id":\d+/);
  });

  test("saved searches come out as RSS and JSON Feed", async () => {
    const rss = await get("/feeds/search.xml?q=entity:putin");
    assert.equal(rss.headers.get("content-type"), "application/rss+xml; charset=utf-8");
    const xml = await rss.text();
    assert.match(xml, /<title>Putin warns Nato as Trump sets deadline<\/title>/);
    assert.match(xml, new RegExp(`<link>${s.url}/articles/${summitId}</link>`));
    const feed = (await (await get("/feeds/search.json?q=entity:putin")).json()) as {
      version: string;
      items: Array<{ title: string }>;
    };
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.items[0]?.title, "Putin warns Nato as Trump sets deadline");
  });

  test("the OpenAPI document lists the endpoints", async () => {
    const doc = (await getJson("/api/openapi.json")).body as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.equal(doc.openapi, "3.1.0");
    for (const p of [
      "/api/search",
      "/api/quotes",
      "/api/deadlines",
      "/api/entities/{name}",
      "/api/sources",
      "/api/ingest",
      "/api/events",
    ])
      assert.ok(doc.paths[p], p);
  });
});

describe("limits", () => {
  test("writes over the rate limit get 429 rate-limited", async () => {
    const limited = await startTestServer({ limits: { writesPerMinute: 2 } });
    try {
      const send = () =>
        fetch(`${limited.url}/api/sources`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        });
      assert.equal((await send()).status, 401);
      assert.equal((await send()).status, 401);
      const third = await send();
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get("retry-after")) > 0);
      assert.equal(((await third.json()) as { error: { code: string } }).error.code, "rate-limited");
    } finally {
      await limited.close();
    }
  });

  test("the story seam: with a StoryReader, articles link their story and copies", async () => {
    // A stand-in until story linking lands: one story holding the summit report and a copy.
    let ids: number[] = [];
    const withStories = await startTestServer({
      stories: {
        storyOf: async (id) =>
          ids.includes(id) ? { id: "s1", title: "Summit diplomacy", outlets: 2 } : null,
        articlesOf: async (story) => (story === "s1" ? ids : null),
        copiesOf: async (id) =>
          (await withStories.store.latest()).filter((a) => ids.includes(a.id) && a.id !== id),
        topStories: async () => [{ id: "s1", title: "Summit diplomacy", outlets: 2 }],
      },
    });
    try {
      const x = summitArticle();
      const a = await withStories.store.putArticle({
        ...x,
        source: "fixture",
        fetchedAt: "2025-09-01T08:00:00Z",
      });
      const b = await withStories.store.putArticle({
        article: {
          ...x.article,
          url: "https://copy.example/s",
          siteName: "Copy Daily",
          text: `${x.article.text}\n\nCopied.`,
        },
        analysis: x.analysis,
        source: "fixture",
        fetchedAt: "2025-09-01T09:00:00Z",
      });
      ids = [a.id, b.id];
      const page = await (await fetch(`${withStories.url}/articles/${a.id}`)).text();
      assert.match(page, /Part of <a href="\/stories\/s1">Summit diplomacy<\/a> \(2 outlets\)/);
      assert.match(page, /Copies of this report <span class="n">1<\/span>/);
      assert.match(page, /Copy Daily/);
      const api = (await (await fetch(`${withStories.url}/api/stories/s1`)).json()) as {
        articles: Array<{ id: number }>;
        outlets: Array<[string, number]>;
        timeline: Array<{ kind: string; date: string }>;
      };
      assert.deepEqual(
        api.articles.map((x) => x.id),
        ids,
      );
      assert.deepEqual(api.outlets, [
        ["Example News", 1],
        ["Copy Daily", 1],
      ]);
      assert.deepEqual([...new Set(api.timeline.map((e) => e.kind))].sort(), [
        "claim",
        "deadline",
        "event",
        "quote",
      ]);
      assert.equal(api.timeline[0]?.date, "2025-08-31", "the attack comes first");
      assert.match(
        await (await fetch(`${withStories.url}/`)).text(),
        /Top stories<\/h2><ol class="panel-list"><li><a href="\/stories\/s1">Summit diplomacy<\/a> <span class="meta">2 outlets/,
      );
      const story = await (await fetch(`${withStories.url}/stories/s1`)).text();
      assert.match(story, /<h2 id="tl-h">Timeline<\/h2>/);
      assert.match(story, /2 articles · 2 outlets/);
    } finally {
      await withStories.close();
    }
  });

  test("the Listen player: narrated MP3 with ranges and timing marks", async () => {
    const listening = await startTestServer({
      narration: (dir) => cachedNarration(dir, new EspeakWasmEngine("en-us")),
    });
    try {
      const x = summitArticle();
      const text = "Ministers met on Monday. They agreed to meet again.";
      const { id } = await listening.store.putArticle({
        article: { ...x.article, text, blocks: [], title: "Ministers meet" },
        analysis: null,
        source: "fixture",
        fetchedAt: "2025-09-01T08:00:00Z",
      });
      assert.match(
        await (await fetch(`${listening.url}/articles/${id}`)).text(),
        new RegExp(`<audio controls preload="none" src="/api/articles/${id}/audio.mp3"`),
      );
      const mp3 = await fetch(`${listening.url}/api/articles/${id}/audio.mp3`);
      assert.equal(mp3.status, 200);
      assert.equal(mp3.headers.get("content-type"), "audio/mpeg");
      const bytes = new Uint8Array(await mp3.arrayBuffer());
      assert.ok(bytes.length > 1000);
      assert.ok(
        (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) ||
          String.fromCharCode(...bytes.slice(0, 3)) === "ID3",
        "an MP3 frame or ID3 tag",
      );
      const part = await fetch(`${listening.url}/api/articles/${id}/audio.mp3`, {
        headers: { Range: "bytes=100-199" },
      });
      assert.equal(part.status, 206);
      assert.equal(part.headers.get("content-range"), `bytes 100-199/${bytes.length}`);
      assert.deepEqual(new Uint8Array(await part.arrayBuffer()), bytes.slice(100, 200));
      assert.equal(
        (
          await fetch(`${listening.url}/api/articles/${id}/audio.mp3`, {
            headers: { Range: "bytes=999999-" },
          })
        ).status,
        416,
      );
      const marks = (await (await fetch(`${listening.url}/api/articles/${id}/audio.json`)).json()) as {
        marks: Array<{ kind: string; start: number }>;
      };
      assert.deepEqual(
        marks.marks.map((m) => m.kind),
        ["title", "sentence", "sentence"],
      );
      assert.equal(marks.marks[2]?.start, text.indexOf("They"));
    } finally {
      await listening.close();
    }
    const none = await getJson(`/api/articles/${summitId}/audio.mp3`);
    assert.equal((none.body.error as { code: string }).code, "not-available");
  });

  test("with a read token set, reading needs a token", async () => {
    const closed = await startTestServer({ readToken: true });
    try {
      assert.equal((await fetch(`${closed.url}/api/latest`)).status, 401);
      assert.equal((await fetch(`${closed.url}/`)).status, 401);
      assert.equal(
        (await fetch(`${closed.url}/api/latest`, { headers: { Authorization: `Bearer ${closed.token}` } }))
          .status,
        200,
      );
      assert.equal((await fetch(`${closed.url}/static/app.css`)).status, 200);
    } finally {
      await closed.close();
    }
  });
});
