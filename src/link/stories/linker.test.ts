import assert from "node:assert/strict";
import { test } from "node:test";
import { ELECTION, FERRY_A1, FERRY_A2, FERRY_A3, FERRY_B1, FERRY_B2 } from "../test-texts.ts";
import { StoryLinker } from "./linker.ts";

const STREAM = [
  { id: "a1", text: FERRY_A1, published: "2025-03-04" },
  { id: "b1", text: FERRY_B1, published: "2025-03-08" },
  { id: "e1", text: ELECTION, published: "2025-03-09" },
  { id: "a2", text: FERRY_A2, published: "2025-03-05" },
  { id: "b2", text: FERRY_B2, published: "2025-03-09" },
  { id: "a3", text: FERRY_A3, published: "2025-03-06" },
];

test("follow-ups join their story; the same kind of event elsewhere starts its own", () => {
  const linker = new StoryLinker();
  const out = Object.fromEntries(STREAM.map((a) => [a.id, linker.add(a).story]));
  assert.equal(out.a2, out.a1);
  assert.equal(out.a3, out.a1);
  assert.equal(out.b2, out.b1);
  assert.notEqual(out.b1, out.a1);
  assert.notEqual(out.e1, out.a1);
  assert.notEqual(out.e1, out.b1);
  assert.deepEqual(linker.storyIds(), ["s1", "s2", "s3"]);
  assert.deepEqual(linker.members("s1"), ["a1", "a2", "a3"]);
});

test("a copy names its original and joins its story", () => {
  const linker = new StoryLinker();
  linker.add({ id: "a1", text: FERRY_A1 });
  linker.add({ id: "e1", text: ELECTION });
  const copy = `Source: Varnholm Post\n\n${FERRY_A1.split("\n\n").slice(0, 3).join("\n\n")}\n\nShare this article`;
  assert.deepEqual(linker.add({ id: "c1", text: copy, title: "212 feared lost" }), {
    story: "s1",
    duplicateOf: "a1",
    merged: [],
  });
});

test("entities given by analysis are used instead of the capitalised-name guess", () => {
  const linker = new StoryLinker();
  const a = linker.add({
    id: "x1",
    text: "the boat sank near the point at night.",
    entities: ["Kessel Point"],
  });
  const b = linker.add({
    id: "x2",
    text: "the boat sank near the point at night, officials said.",
    entities: ["Kessel Point"],
  });
  assert.equal(a.story, b.story);
});

test("the same topic a year later is a new story", () => {
  const linker = new StoryLinker();
  const first = linker.add({ id: "a1", text: FERRY_A1, published: "2024-03-04" });
  const later = linker.add({ id: "a2", text: FERRY_A2, published: "2025-03-05" });
  assert.notEqual(later.story, first.story);
});

test("an article bridging two stories merges them; the older id survives", () => {
  const linker = new StoryLinker({ threshold: 0.2, mergeThreshold: 0 });
  const s1 = linker.add({
    id: "p1",
    text: "Skerra Lines ferry Northern Gull inspection passed in March.",
  }).story;
  const s2 = linker.add({ id: "p2", text: "Port Aldane harbour workers strike over pay and hours." }).story;
  assert.notEqual(s1, s2);
  const bridge = linker.add({
    id: "p3",
    text: "Port Aldane harbour workers strike; Skerra Lines ferry Northern Gull inspection passed in March.",
  });
  assert.equal(bridge.story, s1);
  assert.deepEqual(bridge.merged, [s2]);
  assert.equal(linker.storyOf("p2"), s1);
  assert.deepEqual(linker.storyIds(), [s1]);
  assert.deepEqual([...linker.members(s2)].sort(), ["p1", "p2", "p3"]);
});

test("a restored linker assigns exactly as the original would", () => {
  const a = new StoryLinker();
  for (const x of STREAM.slice(0, 4)) a.add(x);
  const b = StoryLinker.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
  for (const x of STREAM.slice(4)) assert.deepEqual(b.add(x), a.add(x));
  assert.equal(b.storyOf("a1"), a.storyOf("a1"));
  assert.throws(() => b.add(STREAM[0]!), /added twice/);
});

test("a linker rebuilt from recorded links (restore) goes on assigning as the original", () => {
  const a = new StoryLinker();
  const recorded = STREAM.slice(0, 4).map((x) => ({ x, r: a.add(x) }));
  const b = new StoryLinker();
  for (const { x, r } of recorded) b.restore(x, a.storyOf(x.id)!, r.duplicateOf);
  assert.deepEqual(b.storyIds(), a.storyIds());
  for (const x of STREAM.slice(4)) assert.deepEqual(b.add(x), a.add(x));
  // A copy of a restored article is still found.
  const copy = { id: "copy", text: `${STREAM[0]!.text}\n\nShared by Varnholm Post.` };
  assert.deepEqual(b.add(copy), a.add(copy));
});

test("candidates come from the index, not from every story", () => {
  const linker = new StoryLinker();
  for (let i = 0; i < 300; i++) {
    linker.add({
      id: `n${i}`,
      text: `Item ${i}: the council of town${i} approved budget${i} for road${i} repairs.`,
    });
  }
  linker.add({ id: "a1", text: FERRY_A1 });
  assert.ok(linker.stats().lastCandidates < 60, String(linker.stats().lastCandidates));
  assert.ok(linker.stats().stories > 60);
});

test("keywords name a story's salient terms and names", () => {
  const linker = new StoryLinker();
  for (const x of STREAM.slice(0, 4)) linker.add(x);
  const k = linker.keywords("s1", 3);
  assert.ok(
    k.entities.some((e) => e.includes("malone") || e.includes("kessel") || e.includes("gull")),
    k.entities.join(),
  );
  assert.equal(k.terms.length, 3);
});

test("past maxStories the least recently updated story is forgotten; its articles keep their id", () => {
  const linker = new StoryLinker({ maxStories: 2 });
  const a = linker.add({ id: "a1", text: FERRY_A1 }).story;
  const b = linker.add({ id: "b1", text: FERRY_B1 }).story;
  linker.add({ id: "a2", text: FERRY_A2 }); // touches the ferry story: now the election evicts b
  const e = linker.add({ id: "e1", text: ELECTION }).story;
  assert.deepEqual(linker.storyIds(), [a, e]);
  assert.equal(linker.storyOf("b1"), b);
  assert.deepEqual(linker.members(b), []);
  assert.notEqual(linker.add({ id: "b2", text: FERRY_B2 }).story, b);
  // A copy of an article whose story was forgotten still gets that story's id.
  assert.deepEqual(linker.add({ id: "b1-copy", text: `Source: Dellamar Daily\n\n${FERRY_B1}` }), {
    story: b,
    duplicateOf: "b1",
    merged: [],
  }); // Two stories forgotten (maxStories of them): the index no longer points at them.
  const live = new Set(linker.storyIds());
  for (const [, ids] of linker.toJSON().postings) for (const id of ids) assert.ok(live.has(id), id);
});
