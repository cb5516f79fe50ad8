/**
 * Time the span model's parts (tokens, features, decoding) on 400 PolNeAR texts (dev then train, as the quotes
 * bench), and print a hash of every feature id and label: an optimisation of tagger.ts or seq.ts must leave the
 * hash unchanged (same features, same labels).
 *
 * Usage: LEDE_QUOTES_MODEL=models/quotes/spans.bin.gz npx tsx scripts/quotes-tagger-speed.ts [REPEATS]
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ruleAttributions } from "../src/analyse/quotes/index.ts";
import { findQuoteRegions } from "../src/analyse/quotes/marks.ts";
import { cueRate, spanModel } from "../src/analyse/quotes/refine.ts";
import { decodeSeq } from "../src/analyse/quotes/seq.ts";
import { featurize, paragraphs } from "../src/analyse/quotes/tagger.ts";
import { SHARED_DATA } from "../test/eval/harness.ts";
import { loadUpstream } from "../test/eval/tasks/quotes.ts";

const up = await loadUpstream();
const files: string[] = [];
for (const split of ["dev", "train"]) {
  const dir = join(SHARED_DATA, "quotes/polnear/data", split, "text");
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".txt")) files.push(join(dir, f));
}
const m = spanModel()!;
const docs = files.slice(0, 400).map((f) => {
  const text = readFileSync(f, "utf8");
  const sentences = up.sentences!(text);
  const entities = up.entities!(text, sentences);
  const regions = findQuoteRegions(text);
  return { text, sentences, entities, regions, atts: ruleAttributions(text, sentences, regions) };
});
const reps = Number(process.argv[2] ?? 3);
let tp = 0,
  tf = 0,
  td = 0,
  toks = 0;
const h = createHash("sha1");
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
for (let r = 0; r < reps; r++)
  for (const d of docs) {
    const a = cpu();
    const paras = paragraphs(d.text);
    const b = cpu();
    const feats = featurize({ ...d }, paras, m.bits, cueRate);
    const c = cpu();
    for (const f of feats) {
      const l = decodeSeq(m, f.feats, f.offsets);
      if (r === 0) h.update(Int8Array.from(l));
    }
    const e = cpu();
    tp += b - a;
    tf += c - b;
    td += e - c;
    if (r === 0) {
      toks += paras.reduce((n, p) => n + p.length, 0);
      for (const f of feats) h.update(f.feats);
    }
  }
const n = docs.length * reps;
console.log(
  `paragraphs ${(tp / n).toFixed(3)} featurize ${(tf / n).toFixed(3)} decode ${(td / n).toFixed(3)} ms/doc; ${toks / docs.length} tokens/doc; hash ${h.digest("hex").slice(0, 12)}`,
);
