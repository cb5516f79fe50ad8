/**
 * Podcast feeds of saved searches and stories: RSS with audio enclosures and durations, read back with
 * Lede's own feed parser; narrations are made in the background (worker thread) and measured once made.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseFeed } from "../../src/acquire/index.ts";
import type { Article } from "../../src/core/index.ts";
import { Narrator } from "../../src/pipeline/narrator.ts";
import { StoryKeeper } from "../../src/pipeline/stories.ts";
import { storyReader } from "../../src/serve/index.ts";
import { startTestServer, type TestServer } from "./server.ts";

let s: TestServer;
let narrator: Narrator;
let keeper: StoryKeeper;
const ids: number[] = [];

function article(n: number): Article {
  const text = `The harbour of Lindholm reopened on Friday after storm repairs, officials said.\n\nFerries to the islands resumed with ${n + 2} sailings a day.`;
  return {
    url: `https://harbour.example/${n}`,
    title: `Lindholm harbour reopens (${n})`,
    authors: [],
    published: "2025-09-01",
    modified: null,
    language: "en",
    siteName: "Harbour News",
    text,
    blocks: [],
    related: [],
  };
}

before(async () => {
  let dataDir = "";
  s = await startTestServer({
    narration: (dir) => {
      dataDir = dir;
      narrator = new Narrator(dir);
      return narrator.provider({});
    },
    stories: {
      storyOf: async (id) => storyReader(s.store).storyOf(id),
      articlesOf: async (id) => storyReader(s.store).articlesOf(id),
      copiesOf: async (id) => storyReader(s.store).copiesOf(id),
      topStories: async (n) => storyReader(s.store).topStories(n),
    },
  });
  keeper = new StoryKeeper(s.store);
  assert.ok(dataDir);
  for (let n = 0; n < 2; n++) {
    const a = article(n);
    const r = await s.store.putArticle({
      article: a,
      analysis: null,
      source: "fixture",
      fetchedAt: "2025-09-01T08:00:00Z",
    });
    ids.push(r.id);
  }
  assert.equal(await keeper.catchUp(), 2);
});
after(async () => {
  await keeper.close();
  await s.close();
  await narrator.close();
});

async function episodes(path: string) {
  const r = await fetch(`${s.url}${path}`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type") ?? "", /application\/rss\+xml/);
  const body = await r.text();
  const feed = parseFeed(new TextEncoder().encode(body), { url: `${s.url}${path}` });
  assert.ok(feed.ok, "the podcast parses as a feed");
  return { feed: feed.value, body };
}

test("a saved search is a podcast whose enclosures become real MP3s with durations", {
  timeout: 120_000,
}, async () => {
  const first = await episodes("/feeds/search.podcast.xml?q=lindholm");
  assert.equal(first.feed.items.length, 2);
  for (const item of first.feed.items) {
    assert.equal(item.enclosures.length, 1);
    assert.equal(item.enclosures[0]!.type, "audio/mpeg");
    assert.match(item.enclosures[0]!.url, /\/api\/articles\/\d+\/audio\.mp3$/);
  }
  // The first request started the narrations; wait until both are made and measured.
  let body = first.body;
  for (let i = 0; i < 60 && (body.match(/<itunes:duration>/g) ?? []).length < 2; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    body = (await episodes("/feeds/search.podcast.xml?q=lindholm")).body;
  }
  assert.equal((body.match(/<itunes:duration>\d+:\d\d<\/itunes:duration>/g) ?? []).length, 2);
  const length = Number(/length="(\d+)"/.exec(body)?.[1]);
  assert.ok(length > 1000);
  const mp3 = await fetch(`${s.url}/api/articles/${ids[0]}/audio.mp3`);
  assert.equal(mp3.status, 200);
  assert.equal(Number(mp3.headers.get("content-length")), (await mp3.arrayBuffer()).byteLength);
});

test("a story is a podcast too; an unknown story is a 404 with a code", async () => {
  const story = (await s.store.stories.storyOf(ids[0]!))!;
  const { feed } = await episodes(`/feeds/stories/${story.id}.podcast.xml`);
  assert.equal(feed.items.length, story.articles);
  const missing = await fetch(`${s.url}/feeds/stories/s999.podcast.xml`);
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, "not-found");
});
