/**
 * `npm run train -- ner [--limit DOCS] [--epochs N] [--out DIR]`: train Lede's named-entity tagger.
 *
 * Data (../shared/data/ner): CoNLL-2003 train (gold, the only tagged training data), WikiANN train
 * (silver; only its entity names, for gazetteers), plus unlabelled text for word clusters.
 * Gazetteer features for the CoNLL training documents come from folds that exclude the document
 * (jack-knifing), so the model does not learn to trust a gazetteer that always matches.
 * Deterministic: fixed fold assignment, fixed shuffling seed, sorted outputs.
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
import { docFeatures, type FeatureResources } from "../../src/analyse/entities/features.ts";
import { Gazetteer } from "../../src/analyse/entities/gazetteer.ts";
import { fromIob2, NUM_LABELS, toIob2Tags } from "../../src/analyse/entities/labels.ts";
import {
  decode,
  FeatureIndex,
  hash,
  type LinearModel,
  serialiseModel,
} from "../../src/analyse/entities/model.ts";
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

function evaluate(
  model: LinearModel,
  docs: readonly TaggedDoc[],
  res: FeatureResources,
): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const d of docs) {
    const feats = docFeatures(
      d.sentences.map((s) => s.tokens),
      res,
    );
    d.sentences.forEach((s, i) => {
      score(chunks(s.tags), chunks(toIob2Tags(decode(model, feats[i]!))), counts);
    });
  }
  return counts;
}

function report(name: string, counts: Map<string, Counts>): string {
  return [...counts.keys()]
    .sort()
    .map((k) => `${k} ${(prf(counts.get(k)!).f1 * 100).toFixed(2)}`)
    .join("  ")
    .replace(/^/, `${name}: `);
}

/** Keep gold PER/ORG/LOC tags; add predicted MISC names that overlap none of them. */
function mergeMisc(silver: readonly string[], predicted: readonly string[]): string[] {
  const out = [...silver];
  for (const c of chunks(predicted)) {
    if (c.type !== "MISC") continue;
    let free = true;
    for (let i = c.start; i < c.end; i++) if (silver[i] !== "O") free = false;
    if (c.end < silver.length && silver[c.end]!.startsWith("I-")) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) out[i] = `${i === c.start ? "B" : "I"}-MISC`;
  }
  return out;
}

interface Trained {
  readonly model: LinearModel;
  readonly hashes: Uint32Array;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/** Train a model on sources of documents, each document with the gazetteer of its fold. */
function trainModel(
  sources: readonly { docs: readonly TaggedDoc[]; gazetteers: readonly Gazetteer[] }[],
  clusters: ReadonlyMap<string, string>,
  epochs: number,
  devDocs: readonly TaggedDoc[],
  res: FeatureResources,
  devEveryEpoch: boolean,
): Trained {
  // Features of every training token, interned; rare features pruned.
  const raw: { feats: string[][]; gold: number[] }[] = [];
  const counts = new Map<string, number>();
  for (const { docs, gazetteers } of sources) {
    docs.forEach((d, i) => {
      const feats = docFeatures(
        d.sentences.map((s) => s.tokens),
        { gazetteer: gazetteers[i % FOLDS]!, clusters },
      );
      d.sentences.forEach((s, j) => {
        const f = feats[j]!;
        for (const fs of f) for (const x of fs) counts.set(x, (counts.get(x) ?? 0) + 1);
        raw.push({ feats: f, gold: fromIob2(s.tags) });
      });
    });
  }
  const ids = new Map<string, number>();
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
    return { feats: Int32Array.from(list), offsets, gold: r.gold };
  });
  log(`${examples.length} sentences, ${counts.size} features, ${ids.size} kept (count >= ${MIN_COUNT})`);

  const p = new Perceptron(ids.size);
  const order = examples.map((_, i) => i);
  const random = rng(SEED);
  const names = [...ids.keys()];
  const toModel = (): Trained => {
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
      hashes[r] = hash(names[f]!);
      weights.set(avg.weights.subarray(f * NUM_LABELS, (f + 1) * NUM_LABELS), r * NUM_LABELS);
    });
    return {
      model: { rows: new FeatureIndex(hashes), weights, transitions: avg.transitions },
      hashes,
      weights,
      transitions: avg.transitions,
    };
  };
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
    const msg = `epoch ${e}: ${wrong} sentences wrong`;
    if (devEveryEpoch || e === epochs)
      log(`${msg}; ${report("dev", evaluate(toModel().model, devDocs, res))}`);
    else log(msg);
  }
  return toModel();
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
  const epochs = Number(opt("epochs") ?? 12);
  const out = resolve(opt("out") ?? join(ROOT, "models/ner"));
  const skipClusters = args.includes("--no-clusters");
  const useSilver = args.includes("--silver");

  let trainDocs = readConll(join(DATA, "ner/conll2003/train.txt"));
  let devDocs = readConll(join(DATA, "ner/conll2003/dev.txt"));
  if (limit !== undefined) {
    trainDocs = trainDocs.slice(0, limit);
    devDocs = devDocs.slice(0, Math.ceil(limit / 4));
  }
  const silver = readConll(join(DATA, "ner/wikiann_en/train.txt"), "en:", true);
  log(`read ${trainDocs.length} training docs, ${devDocs.length} dev docs, ${silver.length} silver docs`);

  const clusters = skipClusters
    ? new Map<string, string>()
    : buildClusters(collectUnlabelled(DATA, trainDocs, silver), { log, small: limit !== undefined });
  log(`${clusters.size} words clustered`);

  // Gazetteers: the full one ships; each training document sees one without its own fold.
  const full = new Gazetteer();
  addEntities(full, silver);
  addEntities(full, trainDocs);
  const foldGazetteer = (own: readonly TaggedDoc[], other: readonly TaggedDoc[], k: number): Gazetteer => {
    const g = new Gazetteer();
    addEntities(g, other);
    addEntities(
      g,
      own.filter((_, i) => i % FOLDS !== k),
    );
    return g;
  };
  const res: FeatureResources = { gazetteer: full, clusters };

  const stage1 = trainModel(
    [
      {
        docs: trainDocs,
        gazetteers: Array.from({ length: FOLDS }, (_, k) => foldGazetteer(trainDocs, silver, k)),
      },
    ],
    clusters,
    epochs,
    devDocs,
    res,
    args.includes("--dev-every-epoch"),
  );
  let final = stage1;
  if (useSilver) {
    // Silver: WikiANN's PER/ORG/LOC names plus the MISC names the first model finds around them.
    const merged = silver.map((d) => {
      const feats = docFeatures(
        d.sentences.map((s) => s.tokens),
        res,
      );
      return {
        sentences: d.sentences.map((s, j) => ({
          tokens: s.tokens,
          tags: mergeMisc(s.tags, toIob2Tags(decode(stage1.model, feats[j]!))),
        })),
      };
    });
    log(`silver: ${merged.length} sentences relabelled with MISC; training the final model`);
    final = trainModel(
      [
        {
          docs: trainDocs,
          gazetteers: Array.from({ length: FOLDS }, (_, k) => foldGazetteer(trainDocs, silver, k)),
        },
        {
          docs: merged,
          gazetteers: Array.from({ length: FOLDS }, (_, k) => foldGazetteer(silver, trainDocs, k)),
        },
      ],
      clusters,
      epochs,
      devDocs,
      res,
      args.includes("--dev-every-epoch"),
    );
  }

  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "weights.bin.gz"), serialiseModel(final.hashes, final.weights, final.transitions));
  writeFileSync(join(out, "gazetteer.tsv.gz"), gzipSync(full.serialise(), { level: 9 }));
  const clusterLines = [...clusters.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([w, c]) => `${c}\t${w}`);
  writeFileSync(join(out, "clusters.tsv.gz"), gzipSync(clusterLines.join("\n"), { level: 9 }));
  log(`wrote ${final.hashes.length} feature rows to ${out}`);
  const wikigold = readConll(join(DATA, "ner/wikigold/wikigold.conll.txt"));
  log(report("wikigold", evaluate(final.model, limit ? wikigold.slice(0, 20) : wikigold, res)));
}

if (import.meta.url === `file://${process.argv[1]}`) await train(process.argv.slice(2));
