/**
 * Fuzzing the API's request bodies and query strings against a real server (real SQLite file, real
 * ingest pipeline, 127.0.0.1), and the analysis of arbitrary text (time expressions, counts, quotes):
 * every request gets an answer below 500 (an unhandled error is a 500), API errors are JSON with a
 * stable code, and analysis never throws. Runs are bounded here and long under `npm run fuzz`.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { analyse } from "../../src/analyse/index.ts";
import { extractString } from "../../src/extract/index.ts";
import { startTestServer, type TestServer } from "../serve/server.ts";
import { RUNS, SEED } from "./fuzz.ts";

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(async () => s.close());

/** Field names the write routes read, so generated objects reach past the first checks. */
const FIELDS = [
  "url",
  "text",
  "html",
  "published",
  "kind",
  "title",
  "query",
  "webhook",
  "article",
  "version",
] as const;

const fieldValue = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "http://127.0.0.1/",
    "https://example.org/feed.xml",
    "javascript:alert(1)",
    "2025-08-22",
    "yesterday",
    "feed",
    "sitemap",
    "entity:putin -nato",
    '"',
    "<p>Ada Berg said on Monday that the talks would resume.</p>",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A body: an object with the routes' field names, any JSON, any text, or any bytes. */
const body = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 4 })
    .map((o) => JSON.stringify(o) as string | Uint8Array),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
  fc.string({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom('{"text":', "{", "[]", "null", '{"url":"http://[::1]/"}', "\uFEFF{}", "--x\r\n"),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "",
);

const POSTS = ["/api/ingest", "/api/sources", "/api/sources/opml", "/api/alerts", "/api/listens"];

async function checkResponse(r: Response, what: string): Promise<void> {
  const raw = await r.text();
  assert.ok(r.status < 500, `${what}: ${r.status} ${raw.slice(0, 200)}`);
  if (r.status >= 400 && new URL(r.url).pathname.startsWith("/api/")) {
    const j = JSON.parse(raw) as { error?: { code?: unknown } };
    assert.equal(typeof j.error?.code, "string", `${what}: error without a code: ${raw.slice(0, 200)}`);
  }
}

test("the API's write routes answer any body with a result or a coded error, never a 500", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...POSTS),
      body,
      contentType,
      fc.boolean(),
      async (path, b, type, auth) => {
        const headers: Record<string, string> = {};
        if (type) headers["Content-Type"] = type;
        if (auth) headers.Authorization = `Bearer ${s.token}`;
        const r = await fetch(`${s.url}${path}`, { method: "POST", headers, body: b });
        await checkResponse(r, `POST ${path} (${type || "no type"})`);
        if (!auth && path !== "/api/listens") assert.equal(r.status, 401);
      },
    ),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});

test("the API's and the reader's query strings and ids never break a route", async () => {
  const value = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.constantFrom("-1", "0", "1e309", "NaN", "99999999999999999999", "%", "%E0%A4%A", "'", '"a'),
  );
  const route = fc.constantFrom(
    "/api/search?q=",
    "/api/search?type=quote&q=",
    "/api/latest?limit=",
    "/api/latest?after=",
    "/api/articles/",
    "/api/articles/1/narration?x=",
    "/api/articles/1/lineage?x=",
    "/api/items/",
    "/api/quotes?q=",
    "/api/deadlines?from=",
    "/api/stories/",
    "/api/entities/",
    "/stories/",
    "/feeds/search.json?q=",
    "/feeds/search.podcast.xml?q=",
    "/search?q=",
    "/search?page=",
    "/articles/",
    "/entities/",
    "/quotes?q=",
    "/deadlines?from=",
    "/feeds/search.xml?q=",
  );
  await fc.assert(
    fc.asyncProperty(route, value, async (path, v) => {
      // Percent-encode only what a URL cannot carry; a raw "%" stays to test bad escapes.
      const r = await fetch(`${s.url}${path}${encodeURI(v).replace(/%25/g, "%")}`);
      await checkResponse(r, `GET ${path}${v}`);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});

test("analysis of any text (times, counts, quotes, events) returns a value", () => {
  const words = fc.constantFrom(
    "said",
    "on Monday",
    "last Thursday",
    "a couple of weeks",
    "22 August",
    "killing 23 people",
    "629 drones",
    "by Friday",
    "“",
    "”",
    '"',
    "Mr. Berg",
    "he",
    "the president",
    "1,000",
    "ninety-nine",
    "1800s",
    "Q3",
    "\n\n",
    ".",
    ",",
  );
  const text = fc.oneof(
    fc.string({ maxLength: 600, unit: "grapheme" }),
    fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 80 }).map((a) => a.join(" ")),
  );
  fc.assert(
    fc.property(
      text,
      fc.option(fc.constantFrom("2025-08-22", "1900-01-01", "9999-12-31", "bad")),
      (t, pub) => {
        const r = extractString(t, pub ? { published: pub } : {}, "fuzz");
        if (!r.ok) return;
        const a = analyse(r.value);
        for (const x of a.times) assert.ok(x.start <= x.end && x.end <= r.value.text.length);
      },
    ),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});
