import assert from "node:assert/strict";
import { test } from "node:test";
import type { Article } from "../core/index.ts";
import { joinPages } from "./pages.ts";

function article(paragraphs: string[], related: string[] = []): Article {
  const text = paragraphs.join("\n\n");
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const b = { type: "paragraph" as const, start: at, end: at + p.length };
    at += p.length + 2;
    return b;
  });
  return {
    url: "https://x.example/a",
    title: "A story",
    authors: ["Ada Berg"],
    published: "2025-08-22",
    modified: null,
    language: "en",
    siteName: null,
    text,
    blocks,
    related: related.map((title) => ({ title, age: null, url: null })),
  };
}

test("further pages add their new blocks in order; repeated blocks and rail items are kept once", () => {
  const one = article(["The standfirst of the story.", "Page one tells the start."], ["Other news"]);
  const two = article(["The standfirst of the story.", "Page two tells the middle."], ["Other news", "More"]);
  const three = article(["Page three tells the end."]);
  const joined = joinPages(one, [two, three]);
  assert.equal(
    joined.text,
    "The standfirst of the story.\n\nPage one tells the start.\n\nPage two tells the middle.\n\nPage three tells the end.",
  );
  for (const b of joined.blocks) assert.ok(joined.text.slice(b.start, b.end).length > 0);
  assert.deepEqual(
    joined.blocks.map((b) => joined.text.slice(b.start, b.end)),
    joined.text.split("\n\n"),
  );
  assert.deepEqual(
    joined.related.map((r) => r.title),
    ["Other news", "More"],
  );
  assert.equal(joined.title, "A story", "the first page's metadata is the article's");
  assert.equal(joinPages(one, []), one);
});
