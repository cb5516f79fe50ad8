/**
 * Narration as a job with progress, and the "what changed since you last listened" story playlist,
 * on a real server: the status endpoint's percent, the listener cookie, the podcast feed of changes.
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

function article(n: number, extra = ""): Article {
  const text = `The ferry company of Osterbay cancelled crossings on Tuesday as the storm reached the coast, the harbour master said.\n\nSailings to the outer islands will resume when the wind drops below 40 knots.${extra}`;
  return {
    url: `https://osterbay.example/ferry/${n}`,
    title: `Osterbay ferries cancelled (${n})`,
    authors: [],
    published: "2025-10-02",
    modified: null,
    language: "en",
    siteName: "Osterbay Post",
    text,
    blocks: [],
    related: [],
  };
}

async function put(a: Article): Promise<number> {
  const r = await s.store.putArticle({
    article: a,
    analysis: null,
    source: "fixture",
    fetchedAt: new Date().toISOString(),
  });
  await keeper.catchUp();
  return r.id;
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
  assert.ok(dataDir);
  keeper = new StoryKeeper(s.store);
});
after(async () => {
  await keeper.close();
  await s.close();
  await narrator.close();
});

test("asking for a narration queues a job whose percent rises to ready; then the audio is there", {
  timeout: 120_000,
}, async () => {
  const id = await put(article(100, " ".repeat(1) + "Officials said 12 crossings were lost. ".repeat(8)));
  const seen: Array<{ state: string; percent: number }> = [];
  for (let i = 0; i < 600; i++) {
    const r = await fetch(`${s.url}/api/articles/${id}/narration`);
    assert.equal(r.status, 200);
    const body = (await r.json()) as { state: string; percent: number; durationMs?: number };
    seen.push(body);
    if (body.state === "ready") {
      assert.ok((body.durationMs ?? 0) > 5000);
      break;
    }
    assert.ok(["waiting", "active"].includes(body.state), `state ${body.state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(seen.at(-1)?.state, "ready");
  assert.equal(seen.at(-1)?.percent, 100);
  for (let i = 1; i < seen.length; i++)
    assert.ok(seen[i]!.percent >= seen[i - 1]!.percent, "the percent never goes back");
  const audio = await fetch(`${s.url}/api/articles/${id}/audio.mp3`);
  assert.equal(audio.status, 200);
  assert.ok((await audio.arrayBuffer()).byteLength > 10_000);
  const missing = await fetch(`${s.url}/api/articles/999999/narration`);
  assert.equal(missing.status, 404);
});

test("a story's playlist lists only what changed since this listener last listened", {
  timeout: 180_000,
}, async () => {
  const first = await put(article(1));
  const second = await put(article(2));
  const story = (await s.store.stories.storyOf(first))!;
  assert.equal((await s.store.stories.storyOf(second))?.id, story.id, "the fixture is one story");

  type Playlist = {
    since: string | null;
    feed: string;
    items: Array<{ id: number; version: number; reason: string }>;
  };
  const playlist = async (cookie?: string) => {
    const r = await fetch(`${s.url}/api/stories/${story.id}/playlist`, cookie ? { headers: { cookie } } : {});
    assert.equal(r.status, 200);
    return { body: (await r.json()) as Playlist, setCookie: r.headers.get("set-cookie") };
  };
  // A new browser gets a listener cookie and the whole story.
  const fresh = await playlist();
  const cookie = /lede_listener=[^;]+/.exec(fresh.setCookie ?? "")?.[0];
  assert.ok(cookie, "a listener cookie is set");
  assert.match(fresh.setCookie ?? "", /HttpOnly/i);
  assert.equal(fresh.body.since, null);
  const members = (await s.store.stories.get(story.id))!.articleIds;
  assert.deepEqual(fresh.body.items.map((i) => i.id).sort(), [...members].sort());

  // The player reports both heard to the end: nothing has changed since.
  for (const id of members) {
    const r = await fetch(`${s.url}/api/listens`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ article: id }),
    });
    assert.equal(r.status, 200);
  }
  const heard = await playlist(cookie);
  assert.equal(heard.setCookie, null, "the browser keeps its id");
  assert.ok(heard.body.since);
  assert.deepEqual(heard.body.items, []);

  // A follow-up joins the story and the first report is updated: those two, and nothing else.
  await new Promise((r) => setTimeout(r, 5)); // stored strictly after the listen
  const third = await put(article(3));
  await put(article(1, "\n\nThe company said refunds would be paid within a week."));
  const changed = await playlist(cookie);
  assert.deepEqual(
    changed.body.items.map((i) => [i.id, i.reason]).sort(),
    [
      [first, "updated"],
      [third, "new"],
    ].sort(),
  );
  // Another browser still gets everything.
  const size = (await s.store.stories.storyOf(first))!.articles;
  assert.equal((await playlist()).body.items.length, size);

  // The same as a podcast for this listener: the changed articles, whose downloads count as heard.
  const feedUrl = `${s.url}${changed.body.feed}`;
  const feedBody = await (await fetch(feedUrl)).text();
  const feed = parseFeed(new TextEncoder().encode(feedBody), { url: feedUrl });
  assert.ok(feed.ok);
  assert.equal(feed.value.items.length, 2);
  const enclosures = feed.value.items.map((i) => i.enclosures[0]!.url);
  for (const url of enclosures) assert.match(url, /audio\.mp3\?listener=/);
  const download = await fetch(enclosures[0]!);
  assert.equal(download.status, 200);
  await download.arrayBuffer();
  const after = parseFeed(new TextEncoder().encode(await (await fetch(feedUrl)).text()), { url: feedUrl });
  assert.ok(after.ok);
  assert.equal(after.value.items.length, 1, "the downloaded episode is heard");

  // Ids are the server's own: a made-up one is refused, a forged cookie is replaced.
  const forged = await fetch(
    `${s.url}/feeds/stories/${story.id}.podcast.xml?listener=aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb`,
  );
  assert.equal(forged.status, 400);
  const replaced = await playlist("lede_listener=aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb");
  assert.equal(replaced.body.items.length, size);
  assert.ok(replaced.setCookie);
  const bad = await fetch(`${s.url}/api/listens`, { method: "POST", body: "x".repeat(5000) });
  assert.equal(bad.status, 413);
});

test("the story page offers the 'what changed' player and podcast to keyboard users", async () => {
  const id = await put(article(50));
  const story = (await s.store.stories.storyOf(id))!;
  const page = await (await fetch(`${s.url}/stories/${encodeURIComponent(story.id)}`)).text();
  const section = /<section class="story-listen"[^>]*>[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
  assert.ok(section, "a listen section on the story page");
  assert.match(section, new RegExp(`data-playlist="/api/stories/${story.id}/playlist"`));
  // A real button (focusable, Enter and Space work) and a real link: no click-only elements.
  assert.match(section, /<button type="button" class="story-listen-play">[^<]+<\/button>/);
  const feed = /<a class="story-listen-podcast" href="([^"]+)"/.exec(section)?.[1];
  assert.equal(feed, `/feeds/stories/${story.id}.podcast.xml`);
  assert.match(section, /role="status"/);
  assert.match(section, /<audio[^>]*controls/);
  // The link works as it stands (before the script adds the listener id).
  const r = await fetch(`${s.url}${feed}`);
  assert.equal(r.status, 200);
  const parsed = parseFeed(new TextEncoder().encode(await r.text()), { url: `${s.url}${feed}` });
  assert.ok(parsed.ok && parsed.value.items.length >= 1);
});
