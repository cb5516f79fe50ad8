/**
 * Train the attribution span model (models/quotes/spans.bin.gz) on PolNeAR train: an averaged perceptron
 * over BIO labels for Source, Cue and Content, stacked on the rules' attributions (src/analyse/quotes/seq.ts,
 * tagger.ts). Run in a fresh process by `npm run train -- quotes` after the cue lexicon is rebuilt, or alone:
 *
 *   node --import tsx scripts/train/quotes/spans.ts [--epochs N] [--bits B] [--holdout K] [--out FILE]
 *
 * --holdout K: train on the articles whose index mod K is not 0 and report exact span F1 on the others after
 * each epoch (no file is written unless --out is given). Without it all 840 train articles are used. Dev is
 * never read here.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { rng } from "../../../src/analyse/entities/perceptron.ts";
import { ruleAttributions } from "../../../src/analyse/quotes/index.ts";
import { findQuoteRegions } from "../../../src/analyse/quotes/marks.ts";
import { cueRate, mergeTagged, type TaggedSpan, tagSpans } from "../../../src/analyse/quotes/refine.ts";
import {
  parseSeq,
  type SeqExample,
  type SeqModel,
  SeqPerceptron,
  serialiseSeq,
} from "../../../src/analyse/quotes/seq.ts";
import { featurize, goldLabels, paragraphs } from "../../../src/analyse/quotes/tagger.ts";
import type { Span } from "../../../src/core/index.ts";
import { ROOT, SHARED_DATA } from "../../../test/eval/harness.ts";
import { loadPolnear, loadUpstream, type PolnearDoc } from "../../../test/eval/tasks/quotes.ts";

const { values } = parseArgs({
  options: {
    epochs: { type: "string", default: "12" },
    bits: { type: "string", default: "18" },
    holdout: { type: "string" },
    out: { type: "string" },
    limit: { type: "string" },
    model: { type: "string" },
  },
});
const epochs = Number(values.epochs);
const bits = Number(values.bits);
const holdout = values.holdout ? Number(values.holdout) : 0;
const out = values.out ?? (holdout ? undefined : join(ROOT, "models/quotes/spans.bin.gz"));

const t0 = performance.now();
const docs = loadPolnear(SHARED_DATA, "train", values.limit ? Number(values.limit) : undefined);
const up = await loadUpstream();

interface Prepared {
  readonly doc: PolnearDoc;
  readonly body: string;
  readonly atts: ReturnType<typeof ruleAttributions>;
  readonly ctx: Parameters<typeof tagSpans>[2];
  readonly examples: SeqExample[];
}

const prepared: Prepared[] = docs.map((doc) => {
  const body = doc.text;
  const sentences = up.sentences ? up.sentences(body) : [];
  const entities = up.entities ? up.entities(body, sentences) : [];
  const regions = findQuoteRegions(body);
  const atts = ruleAttributions(body, sentences, regions);
  const ctx = { regions, sentences, entities };
  const paras = paragraphs(body);
  const feats = featurize({ text: body, atts, ...ctx }, paras, bits, cueRate);
  const gold: { role: number; span: Span }[] = [];
  for (const a of doc.attributions) {
    for (const s of a.cue) gold.push({ role: 2, span: s });
    for (const s of a.source) gold.push({ role: 1, span: s });
    for (const s of a.content) gold.push({ role: 3, span: s });
  }
  const examples = paras.map((toks, p) => ({ ...feats[p]!, gold: goldLabels(toks, gold) }));
  return { doc, body, atts, ctx, examples };
});
const prepMs = performance.now() - t0;
console.error(`prepared ${prepared.length} documents in ${(prepMs / 1000).toFixed(1)} s`);

const trainSet = prepared.filter((_, i) => !holdout || i % holdout !== 0);
const testSet = holdout ? prepared.filter((_, i) => i % holdout === 0) : [];

const key = (s: Span) => `${s.start}:${s.end}`;
function f1(pred: Set<string>[], gold: Set<string>[]): string {
  let tp = 0;
  let p = 0;
  let g = 0;
  pred.forEach((ps, i) => {
    p += ps.size;
    g += gold[i]!.size;
    for (const k of ps) if (gold[i]!.has(k)) tp++;
  });
  const pr = tp / Math.max(1, p);
  const rc = tp / Math.max(1, g);
  return `${(100 * ((2 * pr * rc) / Math.max(1e-9, pr + rc))).toFixed(1)} (P ${(100 * pr).toFixed(1)} R ${(100 * rc).toFixed(1)})`;
}

/**
 * How the spans of one role are chosen: T the tagged spans alone; R+T the rules' plus tagged ones that overlap
 * none of them; T+R the reverse; M the attributions `mergeTagged` builds (what runs); Mcdn the same without
 * adding attributions for cues the rules missed.
 */
type Combine = "T" | "R+T" | "T+R" | "M" | "Mcdn";
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function evaluate(model: SeqModel | null, how: Combine = "T"): string {
  const roles = [1, 2, 3];
  const rows: string[] = [];
  const tagged = model ? testSet.map((p) => tagSpans(p.body, p.atts, p.ctx, model).flat()) : [];
  for (const role of roles) {
    const pred: Set<string>[] = [];
    const gold: Set<string>[] = [];
    testSet.forEach((p, d) => {
      const g = new Set<string>();
      for (const a of p.doc.attributions)
        for (const s of role === 1 ? a.source : role === 2 ? a.cue : a.content) g.add(key(s));
      gold.push(g);
      const rules: Span[] = [];
      for (const a of p.atts) {
        const s = role === 1 ? a.source : role === 2 ? a.cue : a.kind === "partial" ? null : a.content;
        if (s) rules.push(s);
      }
      const tags = model ? (tagged[d] as TaggedSpan[]).filter((t) => t.role === role).map((t) => t.span) : [];
      let chosen: Span[] = rules;
      if (model && how.startsWith("M")) {
        chosen = [];
        const opts = how === "M" ? undefined : { contents: true, drop: true, add: false };
        const merged = mergeTagged(p.body, p.atts, tagSpans(p.body, p.atts, p.ctx, model), p.ctx, opts);
        for (const a of merged) {
          const s = role === 1 ? a.source : role === 2 ? a.cue : a.kind === "partial" ? null : a.content;
          if (s) chosen.push(s);
        }
      }
      if (model && how === "T") chosen = tags;
      if (model && how === "R+T")
        chosen = [...rules, ...tags.filter((t) => !rules.some((r) => overlaps(r, t)))];
      if (model && how === "T+R")
        chosen = [...tags, ...rules.filter((r) => !tags.some((t) => overlaps(r, t)))];
      pred.push(new Set(chosen.map(key)));
    });
    rows.push(`${["", "Source", "Cue", "Content"][role]} ${f1(pred, gold)}`);
  }
  return rows.join("  ");
}

if (holdout) console.error(`rules on held-out: ${evaluate(null)}`);
if (values.model) {
  // Evaluate a saved model on the held-out articles (it must have been trained with the same --holdout).
  const m = parseSeq(readFileSync(values.model));
  for (const how of ["T", "M", "Mcdn"] as Combine[]) console.error(`${how}: ${evaluate(m, how)}`);
  if (process.env.DIAG) {
    // Wrong content spans of the grouped attributions, by kind of difference from the overlapping gold span.
    const kinds = new Map<string, number>();
    const bump = (k: string) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
    const cut = (b: string, x: Span) => b.slice(x.start, x.end).replace(/\s+/g, " ");
    for (const p of testSet) {
      const merged = mergeTagged(p.body, p.atts, tagSpans(p.body, p.atts, p.ctx, m), p.ctx);
      const gold = p.doc.attributions.flatMap((a) => a.content);
      const g = new Set(gold.map(key));
      for (const a of merged) {
        if (a.kind === "partial" || g.has(key(a.content))) continue;
        const o = gold.find((x) => overlaps(x, a.content));
        if (!o) {
          bump("none");
          continue;
        }
        const c = a.content;
        const tag =
          c.start === o.start
            ? c.end > o.end
              ? `end-longer ${cut(p.body, { start: o.end, end: c.end }).split(" ").slice(0, 2).join(" ")}`
              : `end-shorter ${cut(p.body, { start: c.end, end: o.end }).split(" ").slice(0, 2).join(" ")}`
            : c.end === o.end
              ? c.start < o.start
                ? `start-earlier ${cut(p.body, { start: c.start, end: o.start }).split(" ").slice(0, 2).join(" ")}`
                : `start-later ${cut(p.body, { start: o.start, end: c.start }).split(" ").slice(0, 2).join(" ")}`
              : "both";
        bump(process.env.DIAG === "2" ? tag : tag.split(" ")[0]!);
      }
    }
    for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(n, k);
  }
  process.exit(0);
}
const perceptron = new SeqPerceptron(bits);
const examples = trainSet.flatMap((p) => p.examples);
const random = rng(7);
const t1 = performance.now();
for (let e = 1; e <= epochs; e++) {
  const order = examples.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const i of order) perceptron.learn(examples[i]!);
  if (holdout) {
    const m = perceptron.averaged();
    for (const how of (e === epochs ? ["T", "M", "Mcdn"] : ["T"]) as Combine[])
      console.error(`epoch ${e} ${how}: ${evaluate(m, how)}`);
  } else console.error(`epoch ${e} done`);
}
const trainMs = performance.now() - t1;
console.error(`trained in ${(trainMs / 1000).toFixed(1)} s (${examples.length} paragraphs)`);
if (out) {
  const buf = serialiseSeq(perceptron.averaged());
  writeFileSync(out, buf);
  console.error(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB)`);
}
