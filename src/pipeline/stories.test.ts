import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { Article } from "../core/index.ts";
import { openSqliteStore, type Store } from "../store/index.ts";
import { StoryKeeper } from "./stories.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-stories-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function article(url: string, title: string, text: string): Article {
  return {
    url,
    title,
    authors: [],
    published: "2025-09-01",
    modified: null,
    language: "en",
    siteName: null,
    text,
    blocks: [],
    related: [],
  };
}

const report = [
  "The regional council of Valmora voted on Tuesday to close the old Karst bridge after engineers found deep cracks in two of its piers.",
  "Council leader Ines Albrecht said the crossing would stay shut for at least six months while repairs to the piers are planned and costed.",
  "Ferry operators on the Valmora river said they would add extra sailings from Wednesday to carry commuters who used the bridge every day.",
  "Engineers from the Karst Institute said the cracks had grown quickly since the spring floods and the piers could not be trusted under heavy lorries.",
].join("\n\n");

async function put(store: Store, a: Article): Promise<number> {
  return (
    await store.putArticle({ article: a, analysis: null, source: "test", fetchedAt: "2025-09-01T08:00:00Z" })
  ).id;
}

const copy = (r: string) => `${r}\n\nThis story was supplied by Valmora News.`;
const cup =
  "The cup final in Orsk ended two goals to one after extra time, with the winner scored by Tomas Weber in the last minute of play.";

test("stored articles join stories in the store; copies are found; a restart goes on where it stopped", async () => {
  const store = openSqliteStore(join(dir, "a.db"));
  await store.migrate();
  const keeper = new StoryKeeper(store);
  const one = await put(store, article("https://valmora-news.example/bridge", "Karst bridge closed", report));
  const two = await put(
    store,
    article("https://syndicate.example/karst", "Valmora shuts bridge", copy(report)),
  );
  const three = await put(store, article("https://sport.example/final", "Cup final", cup));
  assert.equal(await keeper.catchUp(), 3);
  assert.equal(await keeper.catchUp(), 0, "nothing is linked twice");
  const a = await store.stories.storyOf(one);
  const b = await store.stories.storyOf(two);
  const c = await store.stories.storyOf(three);
  assert.ok(a && b && c);
  assert.equal(b.id, a.id);
  assert.notEqual(c.id, a.id);
  assert.equal(b.outlets, 2);
  assert.equal(b.articles, 2);
  assert.equal(b.title, "Karst bridge closed", "the label is the first article's headline");
  assert.deepEqual(
    (await store.stories.copiesOf(two)).map((x) => x.id),
    [one],
  );
  assert.deepEqual(
    (await store.stories.copiesOf(three)).map((x) => x.id),
    [],
  );
  assert.deepEqual((await store.stories.get(a.id))?.articleIds, [one, two]);
  assert.deepEqual(
    (await store.stories.top(10)).map((x) => x.id),
    [a.id],
    "only stories of two or more",
  );
  await keeper.close();

  // Another process takes over from the saved state: a follow-up joins the same story.
  const again = new StoryKeeper(store);
  const four = await put(
    store,
    article(
      "https://other.example/karst-repairs",
      "Karst bridge repairs to cost millions",
      report.split("\n\n").slice(1, 3).join("\n\n"),
    ),
  );
  assert.equal(await again.catchUp(), 1);
  assert.equal((await store.stories.storyOf(four))?.id, a.id);
  await again.close();
  await store.close();
});

test("one linker at a time: the lease holder links, others wait; a crashed holder's links are restored", async () => {
  const store = openSqliteStore(join(dir, "b.db"));
  await store.migrate();
  const first = new StoryKeeper(store, { leaseMs: 60_000 });
  const second = new StoryKeeper(store, { leaseMs: 60_000 });
  const one = await put(store, article("https://valmora-news.example/bridge", "Karst bridge closed", report));
  assert.equal(await first.catchUp(), 1);
  await put(store, article("https://sport.example/final", "Cup final", cup));
  assert.equal(await second.catchUp(), 0, "the lease is held by the first keeper");
  assert.equal(await first.catchUp(), 1);
  // The first keeper dies without releasing its lease (no close): the lease runs out.
  store.db.prepare("UPDATE link_state SET lease_until = 0").run();
  const two = await put(
    store,
    article("https://syndicate.example/karst", "Valmora shuts bridge", copy(report)),
  );
  assert.equal(await second.catchUp(), 1, "the second keeper takes over, restoring the links recorded");
  assert.equal((await store.stories.storyOf(two))?.id, (await store.stories.storyOf(one))?.id);
  assert.deepEqual(
    (await store.stories.copiesOf(two)).map((x) => x.id),
    [one],
  );
  // The first keeper's epoch is stale: it writes nothing more.
  await put(store, article("https://sport.example/semi", "Cup semi-final", `${cup} A replay follows.`));
  assert.equal(await first.catchUp(), 0);
  assert.equal(await second.catchUp(), 1);
  const ids = store.db.prepare("SELECT story_id FROM story_links ORDER BY seq").all() as {
    story_id: string;
  }[];
  assert.equal(ids.length, 4, "every article linked exactly once");
  assert.equal(new Set(ids.map((r) => r.story_id)).size, new Set(ids.map((r) => r.story_id)).size);
  await second.close();
  await first.close();
  await store.close();
});
