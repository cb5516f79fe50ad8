/**
 * Word clusters from unlabelled text, by the predictive exchange algorithm (Uszkoreit and Brants
 * 2008): each word moves to the class that most improves the likelihood of a class-based bigram
 * model, P(w | v) = P(class(w) | v) · P(w | class(w)). Two clusterings (coarse and fine) stand in
 * for the prefixes of a Brown-cluster path. Deterministic: fixed initial classes, fixed order.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../text/index.ts";
import { readConll, type TaggedDoc } from "./conll.ts";

/** Words seen fewer times than this are not clustered. */
const MIN_COUNT = 3;
/** Cluster counts, coarse to fine. */
export const CLUSTER_SIZES = (process.env.LEDE_CLUSTERS ?? "32,256,1024").split(",").map(Number);

/** The key a word is clustered under: lower-cased, digits folded. */
export function clusterKey(w: string): string {
  return w.toLowerCase().replace(/\d/g, "0");
}

/**
 * Unlabelled sentences for clustering: the tokens of the training documents, the WikiANN training
 * and dev sentences (silver data Lede does not evaluate on), and the PolNeAR training articles
 * (news). No text Lede evaluates on.
 *
 * @param data the shared data folder
 * @param train tagged training documents (their tokens only are used)
 * @param silver WikiANN documents (tokens only)
 * @returns sentences as lists of tokens
 */
export function collectUnlabelled(
  data: string,
  train: readonly TaggedDoc[],
  silver: readonly TaggedDoc[],
): string[][] {
  const out: string[][] = [];
  for (const d of [...train, ...silver]) for (const s of d.sentences) out.push(s.tokens);
  // WikiANN's dev split is silver NER data that Lede never evaluates on: more encyclopedic text.
  const wikiDev = join(data, "ner/wikiann_en/dev.txt");
  if (existsSync(wikiDev))
    for (const d of readConll(wikiDev, "en:", true)) for (const s of d.sentences) out.push(s.tokens);
  const dir = join(data, "quotes/polnear/data/train/text");
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, f), "utf8");
      for (const line of text.split(/\n+/)) if (line.trim()) out.push(tokenize(line).map((t) => t.text));
    }
  }
  return out;
}

/** x·ln(x), tabulated for small counts. */
const TABLE = 1 << 16;
const XLOGX = new Float64Array(TABLE);
for (let i = 1; i < TABLE; i++) XLOGX[i] = i * Math.log(i);
const xlogx = (x: number): number => (x < TABLE ? XLOGX[x]! : x * Math.log(x));

/**
 * Cluster words by predictive exchange.
 *
 * @param sentences unlabelled sentences
 * @param opts progress logging; `small` for fewer iterations
 * @returns word key → space-separated class ids, one per size in CLUSTER_SIZES
 */
export function buildClusters(
  sentences: readonly (readonly string[])[],
  opts: { log: (m: string) => void; small: boolean },
): Map<string, string> {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(clusterKey(w), (freq.get(clusterKey(w)) ?? 0) + 1);
  const vocab = [...freq.entries()]
    .filter(([, c]) => c >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const UNK = V; // rare words and sentence boundaries predict as one symbol
  const count = new Int32Array(V);
  // Predecessors of each word with bigram counts.
  const pairs = new Map<number, number>();
  for (const s of sentences) {
    let prev = UNK;
    for (const w of s) {
      const cur = id.get(clusterKey(w));
      if (cur !== undefined) {
        count[cur]!++;
        const key = cur * (V + 1) + prev;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
      prev = cur ?? UNK;
    }
  }
  const predStart = new Int32Array(V + 1);
  for (const key of pairs.keys()) predStart[Math.floor(key / (V + 1)) + 1]!++;
  for (let i = 0; i < V; i++) predStart[i + 1]! += predStart[i]!;
  const predWord = new Int32Array(pairs.size);
  const predCount = new Int32Array(pairs.size);
  const fill = predStart.slice(0, V);
  for (const [key, n] of [...pairs.entries()].sort((a, b) => a[0] - b[0])) {
    const w = Math.floor(key / (V + 1));
    const k = fill[w]!++;
    predWord[k] = key % (V + 1);
    predCount[k] = n;
  }
  opts.log(`clusters: ${V} words, ${pairs.size} bigram types`);
  const result = new Map<string, string[]>(vocab.map((w) => [w, []]));
  for (const K of CLUSTER_SIZES) {
    const cls = new Int32Array(V);
    for (let w = 0; w < V; w++) cls[w] = w % K;
    const N = new Int32Array((V + 1) * K); // N[v*K + c]: bigrams (v, w) with class(w) = c
    const Nc = new Int32Array(K);
    for (let w = 0; w < V; w++) {
      Nc[cls[w]!]! += count[w]!;
      for (let k = predStart[w]!; k < predStart[w + 1]!; k++) N[predWord[k]! * K + cls[w]!]! += predCount[k]!;
    }
    const iterations = opts.small ? 2 : 6;
    const delta = new Float64Array(K);
    for (let it = 0; it < iterations; it++) {
      let moved = 0;
      for (let w = 0; w < V; w++) {
        const a = cls[w]!;
        const cw = count[w]!;
        for (let k = predStart[w]!; k < predStart[w + 1]!; k++) N[predWord[k]! * K + a]! -= predCount[k]!;
        Nc[a]! -= cw;
        for (let c = 0; c < K; c++) delta[c] = xlogx(Nc[c]!) - xlogx(Nc[c]! + cw);
        for (let k = predStart[w]!; k < predStart[w + 1]!; k++) {
          const base = predWord[k]! * K;
          const n = predCount[k]!;
          for (let c = 0; c < K; c++) {
            const x = N[base + c]!;
            delta[c]! += xlogx(x + n) - xlogx(x);
          }
        }
        let best = a;
        for (let c = 0; c < K; c++) if (delta[c]! > delta[best]! + 1e-9) best = c;
        if (best !== a) moved++;
        cls[w] = best;
        for (let k = predStart[w]!; k < predStart[w + 1]!; k++) N[predWord[k]! * K + best]! += predCount[k]!;
        Nc[best]! += cw;
      }
      opts.log(`clusters K=${K} iteration ${it + 1}: ${moved} words moved`);
    }
    for (let w = 0; w < V; w++) result.get(vocab[w]!)!.push(String(cls[w]));
  }
  return new Map([...result.entries()].map(([w, ids]) => [w, ids.join(" ")]));
}
