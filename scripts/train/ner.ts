/**
 * `npm run train -- ner [--limit DOCS] [--epochs N] [--out DIR] [--one-stage] [--no-silver]
 *  [--silver-weight W] [--silver-weight2 W] [--dropout P] [--dropout2 P]`:
 * train Lede's named-entity tagger.
 *
 * Data (../shared/data/ner): CoNLL-2003 train (gold); WikiANN train (silver: all its entity names
 * go into the gazetteer, and its prose sentences are extra first-stage training data with partial
 * labels: its PER/ORG/LOC names fixed, every other token O or MISC, updates of size 0.5); and
 * unlabelled text for word clusters. Gazetteer features of a training document come from a
 * gazetteer without the document's fold (jack-knifing), so the model does not learn to trust a
 * gazetteer that always matches. Two stages: the second sees the first stage's labels across the
 * whole document; the first-stage labels of the training documents come from two half-models
 * (jack-knifed again). Both learn with feature dropout (0.2 in the first stage; 0.1 in the
 * second, which never hides the first stage's labels), so neither can lean on memorised words
 * alone. Defaults are the shipped model's settings.
 * Deterministic: fixed folds, fixed shuffling and dropout seeds, sorted outputs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildClusters, collectUnlabelled } from "../../src/analyse/entities/clusters-train.ts";
import {
  type Counts,
  chunks,
  prf,
  readConll,
  score,
  type TaggedDoc,
} from "../../src/analyse/entities/conll.ts";
import { docFeatures, type FeatureResources, historyFeatures } from "../../src/analyse/entities/features.ts";
import { Gazetteer } from "../../src/analyse/entities/gazetteer.ts";
import { fromIob2, labelId, NUM_LABELS, toIob2Tags } from "../../src/analyse/entities/labels.ts";
import { decode, FeatureIndex, type LinearModel, serialiseModel } from "../../src/analyse/entities/model.ts";
import { type Example, Perceptron, rng } from "../../src/analyse/entities/perceptron.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const DATA = process.env.LEDE_SHARED_DATA ?? resolve(ROOT, "../shared/data");
const FOLDS = 5;
const MIN_COUNT = 2;
const SEED = 20031;

function log(message: string): void {
  process.stderr.write(`[ner ${(performance.now() / 1000).toFixed(1)}s] ${message}\n`);
}

function addEntities(g: Gazetteer, docs: readonly TaggedDoc[]): void {
  for (const d of docs)
    for (const s of d.sentences)
      for (const c of chunks(s.tags)) g.add(s.tokens.slice(c.start, c.end), c.type);
}

interface Trained {
  readonly model: LinearModel;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/** A tagger under training: one or two stages. */
interface Stages {
  readonly first: LinearModel;
  readonly second?: LinearModel;
}

/** Tag a document's tokens with one or two stages, given its gazetteer. */
function tagDoc(stages: Stages, tokens: readonly (readonly string[])[], res: FeatureResources): string[][] {
  const base = docFeatures(tokens, res);
  const first = base.map((f) => toIob2Tags(decode(stages.first, f)));
  if (!stages.second) return first;
  const hist = historyFeatures(tokens, first);
  return base.map((f, s) => toIob2Tags(decode(stages.second!, f, hist[s]!)));
}

function evaluate(stages: Stages, docs: readonly TaggedDoc[], res: FeatureResources): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const d of docs) {
    const tags = tagDoc(
      stages,
      d.sentences.map((s) => s.tokens),
      res,
    );
    for (const [i, s] of d.sentences.entries()) score(chunks(s.tags), chunks(tags[i]!), counts);
  }
  return counts;
}

function report(name: string, counts: Map<string, Counts>): string {
  return `${name}: ${[...counts.keys()]
    .sort()
    .map((k) => `${k} ${(prf(counts.get(k)!).f1 * 100).toFixed(2)}`)
    .join("  ")}`;
}

/** Training documents with the gazetteer each sees and, for a second stage, first-stage tags. */
interface Source {
  readonly docs: readonly TaggedDoc[];
  readonly gazetteer: (doc: number) => Gazetteer;
  readonly history?: readonly (readonly string[][])[];
  /** Silver data marking only PER, ORG and LOC: an unmarked token may be O or part of a MISC name. */
  readonly partial?: boolean;
  /** Update size for this source's sentences (default 1). */
  readonly weight?: number;
}

const MISC_LABELS = ["B", "I", "L", "U"].map((p) => labelId(`${p}-MISC`));

/**
 * Label masks for a silver sentence: a marked name is fixed; an unmarked token may be O or part
 * of a MISC name (WikiANN marks no MISC). Letting marked names be MISC too (WikiANN types a link by
 * its article, so titles of works often come out as ORG) was tried: the model then learnt to
 * call too much MISC (CoNLL dev MISC F1 -5).
 */
function partialMasks(gold: readonly number[]): Uint32Array {
  const masks = new Uint32Array(gold.length);
  gold.forEach((g, t) => {
    masks[t] = g === 0 ? MISC_LABELS.reduce((m, l) => m | (1 << l), 1) : 1 << g;
  });
  return masks;
}

/**
 * Whether a silver sentence is prose worth learning from: WikiANN also holds list items, table
 * cells and titles ("Arnold, Nebraska – $18,574") whose links are typed loosely. Prose: at least
 * 8 tokens, ends with a full stop, at least a third of its words lower-case, and no name that
 * spans a comma or a parenthesis.
 */
function isProse(s: { tokens: readonly string[]; tags: readonly string[] }): boolean {
  const n = s.tokens.length;
  if (n < 8 || s.tokens[n - 1] !== ".") return false;
  let words = 0;
  let lower = 0;
  for (const t of s.tokens) {
    if (!/\p{L}/u.test(t)) continue;
    words++;
    if (/^\p{Ll}/u.test(t)) lower++;
  }
  if (lower * 3 < words) return false;
  return !s.tokens.some((t, i) => s.tags[i]!.startsWith("I-") && /^[,()]$/.test(t));
}

/** Train a model on sources of documents. */
function trainModel(
  sources: readonly Source[],
  clusters: ReadonlyMap<string, string>,
  epochs: number,
  name: string,
  dropout: number,
): Trained {
  // Features of every training token, interned; rare features pruned.
  const raw: { feats: number[][]; gold: number[]; masks?: Uint32Array; weight?: number }[] = [];
  const counts = new Map<number, number>();
  const historyHashes = new Set<number>();
  for (const src of sources) {
    src.docs.forEach((d, i) => {
      const tokens = d.sentences.map((s) => s.tokens);
      const feats = docFeatures(tokens, { gazetteer: src.gazetteer(i), clusters });
      const hist = src.history ? historyFeatures(tokens, src.history[i]!) : undefined;
      d.sentences.forEach((s, j) => {
        if (hist) for (const hs of hist[j]!) for (const h of hs) historyHashes.add(h);
        const f = hist ? feats[j]!.map((x, t) => x.concat(hist[j]![t]!)) : feats[j]!;
        for (const fs of f) for (const x of fs) counts.set(x, (counts.get(x) ?? 0) + 1);
        const gold = fromIob2(s.tags);
        raw.push({
          feats: f,
          gold,
          ...(src.partial ? { masks: partialMasks(gold) } : {}),
          ...(src.weight !== undefined ? { weight: src.weight } : {}),
        });
      });
    });
  }
  const ids = new Map<number, number>();
  for (const [f, c] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (c >= MIN_COUNT) ids.set(f, ids.size);
  const examples: Example[] = raw.map((r) => {
    const offsets = new Int32Array(r.feats.length + 1);
    const list: number[] = [];
    r.feats.forEach((fs, t) => {
      for (const x of fs) {
        const id = ids.get(x);
        if (id !== undefined) list.push(id);
      }
      offsets[t + 1] = list.length;
    });
    return {
      feats: Int32Array.from(list),
      offsets,
      gold: r.gold,
      ...(r.masks ? { masks: r.masks } : {}),
      ...(r.weight !== undefined ? { weight: r.weight } : {}),
    };
  });
  raw.length = 0;
  log(
    `${name}: ${examples.length} sentences, ${counts.size} features, ${ids.size} kept (count >= ${MIN_COUNT})`,
  );

  // Dropout hides base features only: the first stage's labels (document consistency) stay.
  const protect = new Uint8Array(ids.size);
  for (const h of historyHashes) {
    const id = ids.get(h);
    if (id !== undefined) protect[id] = 1;
  }
  const p = new Perceptron(ids.size, dropout, rng(SEED + 1), protect);
  const order = examples.map((_, i) => i);
  const random = rng(SEED);
  for (let e = 1; e <= epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const i of order) {
      const ex = examples[i]!;
      const pred = p.learn(ex);
      if (pred.some((l, t) => l !== ex.gold[t])) wrong++;
    }
    if (e === 1 || e === epochs) log(`${name}: epoch ${e}: ${wrong} sentences wrong`);
  }
  const names = [...ids.keys()];
  const avg = p.averaged();
  const keep: number[] = [];
  for (let f = 0; f < names.length; f++) {
    let m = 0;
    for (let l = 0; l < NUM_LABELS; l++) m = Math.max(m, Math.abs(avg.weights[f * NUM_LABELS + l]!));
    if (m > 1e-3) keep.push(f);
  }
  const hashes = new Uint32Array(keep.length);
  const weights = new Float32Array(keep.length * NUM_LABELS);
  keep.forEach((f, r) => {
    hashes[r] = names[f]!;
    weights.set(avg.weights.subarray(f * NUM_LABELS, (f + 1) * NUM_LABELS), r * NUM_LABELS);
  });
  return {
    model: { rows: new FeatureIndex(hashes), weights, transitions: avg.transitions },
    hashes,
    weights,
    transitions: avg.transitions,
  };
}

/**
 * Train and write the model files.
 *
 * @param args command-line arguments after `ner`
 */
export default async function train(args: string[]): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const limit = opt("limit") ? Number(opt("limit")) : undefined;
  const epochs = Number(opt("epochs") ?? 16);
  const out = resolve(opt("out") ?? join(ROOT, "models/ner"));
  const twoStage = !args.includes("--one-stage");
  const useSilver = !args.includes("--no-silver");

  let trainDocs = readConll(join(DATA, "ner/conll2003/train.txt"));
  let devDocs = readConll(join(DATA, "ner/conll2003/dev.txt"));
  if (limit !== undefined) {
    trainDocs = trainDocs.slice(0, limit);
    devDocs = devDocs.slice(0, Math.ceil(limit / 4));
  }
  const silver = readConll(join(DATA, "ner/wikiann_en/train.txt"), "en:", true);
  // Feature dropout while training (see `Perceptron`), per stage.
  const dropout = Number(opt("dropout") ?? 0.2);
  const dropout2 = Number(opt("dropout2") ?? 0.1);
  const prose = silver.filter((d) => isProse(d.sentences[0]!));
  log(
    `read ${trainDocs.length} training docs, ${devDocs.length} dev docs, ${silver.length} silver sentences`,
  );

  const clusters = args.includes("--no-clusters")
    ? new Map<string, string>()
    : buildClusters(collectUnlabelled(DATA, trainDocs, silver), { log, small: limit !== undefined });
  log(`${clusters.size} words clustered`);

  // Gazetteers: the full one ships; each training document sees one without its own fold.
  const full = new Gazetteer();
  addEntities(full, silver);
  addEntities(full, trainDocs);
  const foldGazetteers = (own: readonly TaggedDoc[], other: readonly TaggedDoc[]): Gazetteer[] =>
    Array.from({ length: FOLDS }, (_, k) => {
      const g = new Gazetteer();
      addEntities(g, other);
      addEntities(
        g,
        own.filter((_, i) => i % FOLDS !== k),
      );
      return g;
    });
  const trainGaz = foldGazetteers(trainDocs, silver);
  const res: FeatureResources = { gazetteer: full, clusters };
  const conll: Source = { docs: trainDocs, gazetteer: (i) => trainGaz[i % FOLDS]! };

  let sources: Source[] = [conll];
  if (useSilver) {
    // Silver: WikiANN marks PER, ORG and LOC only; its unmarked tokens may be O or MISC.
    const rest = silver.filter((d) => !isProse(d.sentences[0]!));
    const silverGaz = foldGazetteers(prose, [...trainDocs, ...rest]);
    const weight = Number(opt("silver-weight") ?? 0.5);
    log(`${prose.length} silver sentences of prose`);
    sources = [conll, { docs: prose, gazetteer: (i) => silverGaz[i % FOLDS]!, partial: true, weight }];
  }

  const stage1 = trainModel(sources, clusters, epochs, "stage 1", dropout);
  log(report("dev stage 1", evaluate({ first: stage1.model }, devDocs, res)));
  const wikigold = readConll(join(DATA, "ner/wikigold/wikigold.conll.txt"));
  const wg = limit ? wikigold.slice(0, 20) : wikigold;
  log(report("wikigold stage 1", evaluate({ first: stage1.model }, wg, res)));
  let stage2: Trained | undefined;
  if (twoStage) {
    // First-stage tags of each training document from a model that did not see it.
    const histories = sources.map((src) => src.docs.map((): string[][] => []));
    for (let half = 0; half < 2; half++) {
      const part = sources.map((src) => ({
        ...src,
        docs: src.docs.filter((_, i) => i % 2 !== half),
        gazetteer: (i: number) => src.gazetteer(i * 2 + (half === 0 ? 1 : 0)),
      }));
      const m = trainModel(part, clusters, epochs, `stage 1, half ${half + 1}`, dropout).model;
      sources.forEach((src, k) => {
        src.docs.forEach((d, i) => {
          if (i % 2 !== half) return;
          histories[k]![i] = tagDoc(
            { first: m },
            d.sentences.map((s) => s.tokens),
            { gazetteer: src.gazetteer(i), clusters },
          );
        });
      });
    }
    // Silver in the second stage: its own weight (0: CoNLL only; the first stage's labels carry what
    // the silver taught).
    const weight2 = Number(opt("silver-weight2") ?? 0);
    stage2 = trainModel(
      sources
        .map((src, k) => ({ ...src, history: histories[k]!, ...(src.partial ? { weight: weight2 } : {}) }))
        .filter((src) => src.weight === undefined || src.weight > 0),
      clusters,
      epochs,
      "stage 2",
      dropout2,
    );
    log(report("dev stage 2", evaluate({ first: stage1.model, second: stage2.model }, devDocs, res)));
  }

  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "weights.bin.gz"),
    serialiseModel(stage1.hashes, stage1.weights, stage1.transitions),
  );
  if (stage2)
    writeFileSync(
      join(out, "weights2.bin.gz"),
      serialiseModel(stage2.hashes, stage2.weights, stage2.transitions),
    );
  writeFileSync(join(out, "gazetteer.tsv.gz"), gzipSync(full.serialise(), { level: 9 }));
  const clusterLines = [...clusters.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([w, c]) => `${c}\t${w}`);
  writeFileSync(join(out, "clusters.tsv.gz"), gzipSync(clusterLines.join("\n"), { level: 9 }));
  log(`wrote ${stage1.hashes.length}${stage2 ? ` + ${stage2.hashes.length}` : ""} feature rows to ${out}`);
  const stages: Stages = stage2 ? { first: stage1.model, second: stage2.model } : { first: stage1.model };
  log(report("wikigold", evaluate(stages, wg, res)));
}

if (import.meta.url === `file://${process.argv[1]}`) await train(process.argv.slice(2));
