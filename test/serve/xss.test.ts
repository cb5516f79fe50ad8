/**
 * Hostile content: script tags, event handlers and javascript: URLs in every field of an article,
 * its analysis, a source and a failure must never reach a page as markup. Every page is parsed and
 * checked element by element, attribute by attribute.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Parser } from "htmlparser2";
import { ATTACKS, hostileArticle } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./server.ts";

/** The only elements our templates produce. */
const ALLOWED = new Set(
  "html head meta title link script body a header nav ul ol li form label input button main footer p kbd div article h1 h2 span time fieldset legend section aside blockquote strong details summary code table caption thead tbody tr th td select option output noscript mark".split(
    " ",
  ),
);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "poster", "srcset"]);

/** Problems found in a page: unexpected elements, event handlers, script URLs, foreign scripts. */
function problems(page: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (!ALLOWED.has(name)) found.push(`element <${name}>`);
      for (const [k, v] of Object.entries(attrs)) {
        if (k.startsWith("on")) found.push(`handler ${k}= on <${name}>`);
        if (k === "style") found.push(`style= on <${name}>`);
        if (URL_ATTRIBUTES.has(k) && /^\s*(javascript|data|vbscript):/i.test(v))
          found.push(`${k}="${v}" on <${name}>`);
      }
      if (name === "script" && !/^\/static\/[\w.-]+\.js$/.test(attrs.src ?? ""))
        found.push(`script ${JSON.stringify(attrs)}`);
      if (name === "link" && attrs.href && !attrs.href.startsWith("/")) found.push(`link ${attrs.href}`);
    },
  });
  parser.write(page);
  parser.end();
  return found;
}

let s: TestServer;
let id = 0;
const evilName = encodeURIComponent(ATTACKS[1]!);

before(async () => {
  s = await startTestServer({
    stories: {
      storyOf: async () => ({ id: "s1", title: ATTACKS[0]!, outlets: 1 }),
      articlesOf: async (story) => (story === "s1" ? [id] : null),
      copiesOf: async () => s.store.latest(),
      topStories: async () => [{ id: ATTACKS[1]!, title: ATTACKS[0]!, outlets: 1 }],
    },
  });
  id = (
    await s.store.putArticle({
      ...hostileArticle(),
      source: "javascript:alert('src')",
      fetchedAt: "2025-09-02T08:00:00Z",
    })
  ).id;
  await s.store.addSource({ kind: "feed", url: "https://evil.example/feed", title: ATTACKS.join(" ") });
  await s.store.recordFailure({
    input: ATTACKS[0]!,
    stage: "extract",
    code: "no-content",
    message: ATTACKS[1]!,
  });
});
after(async () => s.close());

test("the checker itself catches what it must", () => {
  assert.deepEqual(
    problems('<p onclick="x"><a href="javascript:x">a</a><script>1</script><img src=x></p>').length,
    4,
  );
  assert.deepEqual(problems('<p title="&lt;script&gt;">&lt;img onerror=x&gt;</p>'), []);
});

test("no page lets hostile content through as markup", async () => {
  const q = encodeURIComponent(ATTACKS.join(" "));
  const pages = [
    "/",
    `/articles/${id}`,
    `/search?q=${q}`,
    "/search?q=img",
    "/search?q=type:quote%20quote",
    "/search?q=type:claim",
    "/search?q=type:deadline",
    "/search?q=type:event",
    `/quotes?q=${q}&speaker=${evilName}`,
    "/quotes",
    "/deadlines",
    `/entities/${evilName}`,
    "/sources",
    `/stories/${q}`,
    "/stories/s1",
    `/${q}`,
  ];
  for (const path of pages) {
    const r = await fetch(`${s.url}${path}`);
    assert.ok(r.status === 200 || r.status === 404, `${path}: ${r.status}`);
    const page = await r.text();
    assert.deepEqual(problems(page), [], path);
    assert.doesNotMatch(page, /<script>|<img|<svg|<iframe|<style>|<b>|<b /i, path);
  }
});

test("the article shows the attacks as text", async () => {
  const page = await (await fetch(`${s.url}/articles/${id}`)).text();
  assert.match(page, /&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt;/);
  assert.match(page, /Ann &lt;b&gt;Bold&lt;\/b&gt;/);
  assert.doesNotMatch(page, /href="javascript:/);
  assert.doesNotMatch(page, /data:text\/html/);
});

test("feeds escape hostile titles and never link script URLs", async () => {
  const xml = await (await fetch(`${s.url}/feeds/search.xml?q=lead`)).text();
  assert.match(xml, /<title>Title &lt;script&gt;/);
  assert.doesNotMatch(xml, /<script|url="javascript:|<link>javascript:/);
  // Descriptions are HTML to feed readers: escaped twice, so a reader shows the text.
  assert.match(xml, /<description>Lead &amp;lt;script&amp;gt;/);
  const json = (await (await fetch(`${s.url}/feeds/search.json?q=lead`)).json()) as {
    items: Array<Record<string, unknown>>;
  };
  assert.equal(json.items[0]?.external_url, undefined);
});

test("SSE events carry hostile titles as JSON data only", async () => {
  const r = await fetch(`${s.url}/api/articles/${id}`);
  assert.equal(r.headers.get("content-type"), "application/json");
  assert.equal(
    ((await r.json()) as { article: { title: string } }).article.title,
    `Title ${ATTACKS[0]} ${ATTACKS[1]}`,
  );
});
