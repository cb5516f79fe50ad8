import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { Article } from "../core/index.ts";
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

test("new articles join stories, copies are found, and the state survives a restart", () => {
  const keeper = new StoryKeeper(dir);
  const a = keeper.link(
    1,
    article("https://valmora-news.example/bridge", "Karst bridge closed", report),
    null,
  );
  const b = keeper.link(
    2,
    article(
      "https://syndicate.example/karst",
      "Valmora shuts bridge",
      `${report}\n\nThis story was supplied by Valmora News.`,
    ),
    null,
  );
  const c = keeper.link(
    3,
    article(
      "https://sport.example/final",
      "Cup final",
      "The cup final in Orsk ended two goals to one after extra time, with the winner scored by Tomas Weber in the last minute of play.",
    ),
    null,
  );
  assert.ok(a && b && c);
  assert.equal(b.story, a.story);
  assert.equal(b.duplicateOf, "1");
  assert.notEqual(c.story, a.story);
  assert.equal(
    keeper.link(1, article("https://valmora-news.example/bridge", "Karst bridge closed", report), null),
    null,
    "a known article keeps its story",
  );
  assert.deepEqual(keeper.copiesOf(2), [1]);
  assert.deepEqual(keeper.copiesOf(3), []);
  const info = keeper.storyOf(1);
  assert.equal(info?.outlets, 2);
  assert.deepEqual(info?.articles, [1, 2]);
  assert.equal(info?.title, "Karst bridge closed");
  keeper.close();

  const again = new StoryKeeper(dir);
  assert.equal(again.storyOf(2)?.id, a.story);
  assert.deepEqual(again.copiesOf(1), [2]);
  const d = again.link(
    4,
    article(
      "https://other.example/karst-repairs",
      "Karst bridge repairs to cost millions",
      report.split("\n\n").slice(1, 3).join("\n\n"),
    ),
    null,
  );
  assert.equal(d?.story, a.story);
  again.close();
});
