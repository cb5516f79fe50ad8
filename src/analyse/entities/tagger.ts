/**
 * The named-entity tagger: loads the model from models/ner/ once (lazily) and tags tokenised
 * documents with IOB2 tags.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { docFeatures, type FeatureResources, historyFeatures, wordInfo } from "./features.ts";
import { Gazetteer } from "./gazetteer.ts";
import { toIob2Tags } from "./labels.ts";
import { decode, type LinearModel, parseModel, scoresOf } from "./model.ts";

/** Where the model files are, unless LEDE_NER_MODEL names another folder. */
export const MODEL_DIR = process.env.LEDE_NER_MODEL ?? resolve(import.meta.dirname, "../../../models/ner");

interface Loaded {
  readonly model: LinearModel;
  /** The second stage, which also sees the first stage's labels across the document. */
  readonly second: LinearModel | undefined;
  readonly res: FeatureResources;
}

let loaded: Loaded | undefined;

function gunzipText(path: string): string {
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString("utf8") : "";
}

/** Load the model files (once). Throws when the weights are missing: that is a broken install. */
export function loadTagger(dir: string = MODEL_DIR): Loaded {
  if (loaded && dir === MODEL_DIR) return loaded;
  const model = parseModel(readFileSync(join(dir, "weights.bin.gz")));
  const gazetteer = Gazetteer.parse(gunzipText(join(dir, "gazetteer.tsv.gz")));
  const clusters = new Map<string, string>();
  for (const line of gunzipText(join(dir, "clusters.tsv.gz")).split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) clusters.set(line.slice(tab + 1), line.slice(0, tab));
  }
  const secondPath = join(dir, "weights2.bin.gz");
  const second = existsSync(secondPath) ? parseModel(readFileSync(secondPath)) : undefined;
  const out = { model, second, res: { gazetteer, clusters } };
  if (dir === MODEL_DIR) loaded = out;
  return out;
}

/** Token text as the training data writes it: straight quotes and apostrophes, "--" for dashes. */
export function normaliseToken(t: string): string {
  if (/^[\x00-\x7f]*$/.test(t)) return t;
  return t
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/^[—–]$/, "--");
}

/**
 * Tag a document.
 *
 * @param doc sentences of token strings
 * @returns IOB2 tags per sentence and token (`B-PER`, `I-PER`, `O`, ...)
 * @example tagDocument([["Vladimir", "Lindqvist", "spoke", "."]]) // [["B-PER", "I-PER", "O", "O"]]
 */
export function tagDocument(doc: readonly (readonly string[])[]): string[][] {
  const { model, second, res } = loadTagger();
  const tokens = doc.map((s) => s.map(normaliseToken));
  // The features of a word alone are the same wherever it stands: their summed weights are cached
  // per word and model, and only the features of its context are looked up per token.
  const feats = docFeatures(tokens, res, false);
  const own = (m: LinearModel) => tokens.map((sent) => sent.map((raw) => ownScores(m, raw, res)));
  const own1 = own(model);
  const first = feats.map((f, s) => toIob2Tags(decode(model, f, undefined, own1[s])));
  if (!second) return first;
  const hist = historyFeatures(tokens, first);
  const own2 = own(second);
  return feats.map((f, s) => toIob2Tags(decode(second, f, hist[s]!, own2[s])));
}

/** Cached per model: a word's summed weights of its own features. */
const ownCaches = new WeakMap<LinearModel, Map<string, Float32Array>>();
const MAX_CACHED_SCORES = 100_000;

function ownScores(model: LinearModel, raw: string, res: FeatureResources): Float32Array {
  let cache = ownCaches.get(model);
  if (!cache) ownCaches.set(model, (cache = new Map()));
  let scores = cache.get(raw);
  if (!scores) {
    if (cache.size >= MAX_CACHED_SCORES) cache.clear();
    cache.set(raw, (scores = scoresOf(model, wordInfo(raw, res).own)));
  }
  return scores;
}
