/**
 * The sample page end to end through the real CLI: contract-valid JSON, exactly the article's text,
 * the rail kept as `related`, and the brief.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { AnalyseOutputSchema, ExtractOutputSchema } from "../../src/core/index.ts";
import { lede, SAMPLE } from "../helpers/cli.ts";

test("analyse --json on the sample page prints contract-valid JSON with exactly the article", async () => {
  const r = await lede(["analyse", SAMPLE, "--published", "2025-09-01", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines.length, 1);
  const out = AnalyseOutputSchema.parse(JSON.parse(lines[0]!));
  const text = out.article.text;
  assert.ok(text.startsWith("Russian President Vladimir Putin says"), text.slice(0, 60));
  assert.ok(text.endsWith("seeking ways to postpone the end of the war."), text.slice(-60));
  assert.doesNotMatch(text, /Carbonatix|Latest Stories|\d+ (?:seconds|minutes|hours) -/);
  assert.equal(out.reference, "2025-09-01");
  assert.equal(out.article.published, "2025-09-01");
  // Each paragraph of the source is a block, and blocks index the text.
  // (whitespace runs, no-break spaces included, are normalised to one space)
  const source = readFileSync(SAMPLE, "utf8").replace(/[^\S\n]+/g, " ");
  for (const b of out.article.blocks)
    assert.ok(source.includes(text.slice(b.start, b.end)), text.slice(b.start, b.end));
  assert.ok(out.article.blocks.length >= 25);
  // The rail is kept as related items with their ages.
  assert.ok(out.article.related.length >= 10);
  assert.ok(out.article.related.every((x) => x.title.length > 10 && x.age !== null));
  // Every span indexes the text.
  for (const s of out.sentences) assert.ok(s.end > s.start && s.end <= text.length);
  for (const e of out.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  for (const q of out.quotes) assert.equal(text.slice(q.start, q.end), q.text);
  for (const t of out.times) assert.equal(text.slice(t.start, t.end), t.text);
});

test("extract --json with flags after the file and the brief without --json", async () => {
  const r = await lede(["extract", SAMPLE, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const out = ExtractOutputSchema.parse(JSON.parse(r.stdout));
  assert.equal(out.input, SAMPLE);
  const brief = await lede(["analyse", "--published", "2025-09-01", SAMPLE]);
  assert.equal(brief.code, 0);
  assert.match(brief.stdout, /published: 2025-09-01/);
  assert.match(brief.stdout, /Who said what/);
});

test("analyse --text keeps the input as the text so offsets index the file", async () => {
  const input = "Officials said on Tuesday that the bridge would reopen.\n\nTraffic resumed.";
  const r = await lede(["analyse", "-", "--text", "--json"], { stdin: input });
  assert.equal(r.code, 0, r.stderr);
  const out = AnalyseOutputSchema.parse(JSON.parse(r.stdout));
  assert.equal(out.input, "-");
  assert.equal(out.article.text, input);
});
