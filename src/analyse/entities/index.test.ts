import assert from "node:assert/strict";
import { test } from "node:test";
import { splitSentences } from "../text/index.ts";
import { docFeatures, historyFeatures } from "./features.ts";
import { findEntities, loadTagger, tagDocument } from "./index.ts";
import { toIob2Tags } from "./labels.ts";
import { decode } from "./model.ts";

const TEXT = [
  "Russian President Vladimir Putin said on Tuesday he had reached an understanding with US President Donald Trump at their summit in Alaska.",
  "He thanked the German and French leaders for their efforts.",
  "The Russian president later met Chinese President Xi Jinping in Beijing, where Putin praised the United Nations.",
  "Trump told reporters in Washington that the Russian leader must agree to talks with Ukrainian President Volodymyr Zelensky.",
].join("\n\n");

const entities = findEntities(TEXT, splitSentences(TEXT));
const byName = (name: string) => entities.find((e) => e.name === name);

test("people get one entity each, with the longest name and their titles", () => {
  const putin = byName("Vladimir Putin");
  assert.ok(putin, JSON.stringify(entities.map((e) => e.name)));
  assert.equal(putin.type, "PERSON");
  assert.deepEqual(putin.titles, ["Russian President"]);
  const kinds = putin.mentions.map((m) => `${m.kind}:${m.text}`);
  assert.ok(kinds.includes("name:Putin"), kinds.join(", "));
  assert.ok(kinds.includes("title:Russian President"));
  assert.ok(kinds.includes("nominal:The Russian president"), kinds.join(", "));
  assert.ok(kinds.includes("nominal:the Russian leader"), kinds.join(", "));
  assert.ok(kinds.includes("pronoun:he"));
  assert.ok(kinds.includes("pronoun:He"));
  assert.deepEqual(byName("Donald Trump")?.titles, ["US President"]);
  assert.deepEqual(byName("Xi Jinping")?.titles, ["Chinese President"]);
  assert.equal(byName("Volodymyr Zelensky")?.type, "PERSON");
});

test("places are LOC, demonyms MISC; ids follow first mention", () => {
  assert.equal(byName("Alaska")?.type, "LOC");
  assert.equal(byName("Washington")?.type, "LOC");
  assert.equal(byName("Russian")?.type, "MISC");
  assert.equal(byName("United Nations")?.type, "ORG");
  for (const [i, e] of entities.entries()) assert.equal(e.id, `e${i + 1}`);
  const firsts = entities.map((e) => e.mentions[0]!.start);
  assert.deepEqual(
    firsts,
    [...firsts].sort((a, b) => a - b),
  );
});

test("every mention's text is the text at its span", () => {
  for (const e of entities) for (const m of e.mentions) assert.equal(TEXT.slice(m.start, m.end), m.text);
});

test("empty text has no entities", () => {
  assert.deepEqual(findEntities("", []), []);
});

test("cross-article keys and country links", async () => {
  const { entityKey, countryOf, countryOfCapital } = await import("./index.ts");
  assert.equal(entityKey({ type: "LOC", name: "U.S." }), "LOC:united states");
  assert.equal(entityKey({ type: "PERSON", name: "Volodymyr Zelenskýy" }), "PERSON:volodymyr zelenskyy");
  assert.equal(countryOf("Ukrainian"), "Ukraine");
  assert.equal(countryOfCapital("Moscow"), "Russia");
});

test("the tagger's cached per-word scores tag exactly as the full features do", () => {
  const { model, second, res } = loadTagger();
  const doc = [
    [
      "Ada",
      "Lindqvist",
      ",",
      "the",
      "Velmar",
      "finance",
      "minister",
      ",",
      "met",
      "Omar",
      "Haddad",
      "in",
      "Geneva",
      ".",
    ],
    ["Lindqvist", "told", "Reuters", "the", "Northern", "Rail", "deal", "was", "off", "."],
    ["ADA", "LINDQVIST", "WINS", "IN", "OSLO"],
  ];
  const feats = docFeatures(doc, res);
  const first = feats.map((f) => toIob2Tags(decode(model, f)));
  const expected = second
    ? feats.map((f, s) => toIob2Tags(decode(second, f, historyFeatures(doc, first)[s]!)))
    : first;
  assert.deepEqual(tagDocument(doc), expected);
});
