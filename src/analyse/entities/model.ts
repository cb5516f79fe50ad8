/**
 * The linear model: feature weights per label and label-transition weights, decoded with a
 * constrained Viterbi search. Features are hashed (FNV-1a, 32 bits) so the model file stores no
 * feature strings; weights are quantised to 16 bits and the file is gzipped.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { allowed, canEnd, NUM_LABELS } from "./labels.ts";

/** FNV-1a hash of a string's UTF-16 code units, as an unsigned 32-bit integer. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A trained model ready to score. */
export interface LinearModel {
  /** Feature hash → row in `weights`. */
  readonly rows: FeatureIndex;
  /** rows × NUM_LABELS weights. */
  readonly weights: Float32Array;
  /** (NUM_LABELS + 1) × NUM_LABELS transition weights; the last row is the sentence start. */
  readonly transitions: Float32Array;
}

/** An open-addressing hash table from feature hash to row (faster than a Map on the hot path). */
export class FeatureIndex {
  private readonly keys: Uint32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;

  /** @param hashes one feature hash per row */
  constructor(hashes: ArrayLike<number>) {
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.vals = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! >>> 0;
      let i = h & this.mask;
      while (this.vals[i] !== -1 && this.keys[i] !== h) i = (i + 1) & this.mask;
      this.keys[i] = h;
      this.vals[i] = r;
    }
  }

  /** The row of a feature hash, or -1. */
  get(h: number): number {
    let i = h & this.mask;
    for (;;) {
      const v = this.vals[i]!;
      if (v === -1 || this.keys[i] === h) return v;
      i = (i + 1) & this.mask;
    }
  }
}

/** Transition matrix size. */
export const TRANSITIONS = (NUM_LABELS + 1) * NUM_LABELS;

/**
 * Emission scores of a sentence: tokens × labels, summed over each token's known features.
 *
 * @param model the model
 * @param features per token, feature hashes (see `featureHash` in features.ts)
 * @param extra per token, more feature hashes (a second stage's), if any
 * @param base per token, scores to start from (the summed weights of features left out of `features`)
 */
export function emissions(
  model: LinearModel,
  features: readonly (readonly number[])[],
  extra?: readonly (readonly number[])[],
  base?: readonly Float32Array[],
): Float32Array {
  const L = NUM_LABELS;
  const out = new Float32Array(features.length * L);
  if (base) for (let t = 0; t < features.length; t++) out.set(base[t]!, t * L);
  const w = model.weights;
  const add = (t: number, fs: readonly number[]): void => {
    const at = t * L;
    for (let k = 0; k < fs.length; k++) {
      const row = model.rows.get(fs[k]!);
      if (row < 0) continue;
      const base = row * L;
      for (let l = 0; l < L; l++) out[at + l]! += w[base + l]!;
    }
  };
  for (let t = 0; t < features.length; t++) {
    add(t, features[t]!);
    if (extra) add(t, extra[t]!);
  }
  return out;
}

/** For each label, the labels allowed before it; and which labels may start or end a sentence. */
const PREDECESSORS: Int32Array[] = [];
const STARTS: boolean[] = [];
const ENDS: boolean[] = [];
for (let t = 0; t < NUM_LABELS; t++) {
  const list: number[] = [];
  for (let f = 0; f < NUM_LABELS; f++) if (allowed(f, t)) list.push(f);
  PREDECESSORS.push(Int32Array.from(list));
  STARTS.push(allowed(-1, t));
  ENDS.push(canEnd(t));
}

/**
 * The best label sequence under emission and transition scores, with BILOU constraints.
 *
 * @param em tokens × labels emission scores
 * @param n number of tokens
 * @param trans (labels + 1) × labels transition scores (last row: from the start)
 * @param masks per token, a bit mask of the labels it may take (training on partial labels); all when absent
 * @returns label ids
 */
export function viterbi(
  em: ArrayLike<number>,
  n: number,
  trans: ArrayLike<number>,
  masks?: ArrayLike<number>,
): number[] {
  const L = NUM_LABELS;
  if (n === 0) return [];
  const score = new Float64Array(n * L).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * L);
  for (let l = 0; l < L; l++)
    if (STARTS[l] && (!masks || (masks[0]! >>> l) & 1)) score[l] = em[l]! + trans[L * L + l]!;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    for (let l = 0; l < L; l++) {
      if (masks && !((masks[t]! >>> l) & 1)) continue;
      const preds = PREDECESSORS[l]!;
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let k = 0; k < preds.length; k++) {
        const p = preds[k]!;
        const s = score[prev + p]! + trans[p * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[t * L + l] = best + em[t * L + l]!;
      back[t * L + l] = arg;
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    const s = score[(n - 1) * L + l]!;
    if (ENDS[l] && s > best) {
      best = s;
      arg = l;
    }
  }
  const out = new Array<number>(n);
  for (let t = n - 1; t >= 0; t--) {
    out[t] = arg;
    arg = back[t * L + arg]!;
  }
  return out;
}

/** Tag a sentence's features (and a second stage's extra features) with the model. */
export function decode(
  model: LinearModel,
  features: readonly (readonly number[])[],
  extra?: readonly (readonly number[])[],
  base?: readonly Float32Array[],
): number[] {
  return viterbi(emissions(model, features, extra, base), features.length, model.transitions);
}

/**
 * The summed weights of some features per label (one token's share of the emission scores).
 *
 * @param model the model
 * @param features feature hashes
 */
export function scoresOf(model: LinearModel, features: readonly number[]): Float32Array {
  const L = NUM_LABELS;
  const out = new Float32Array(L);
  for (const h of features) {
    const row = model.rows.get(h);
    if (row < 0) continue;
    for (let l = 0; l < L; l++) out[l]! += model.weights[row * L + l]!;
  }
  return out;
}

/**
 * Serialise: a JSON header line, then the hashes (uint32) and the int16 weights, gzipped.
 *
 * @param hashes feature hashes, one per row
 * @param weights rows × NUM_LABELS weights
 * @param transitions the transition weights
 */
export function serialiseModel(
  hashes: Uint32Array,
  weights: Float32Array,
  transitions: Float32Array,
): Buffer {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale);
  const header = Buffer.from(
    `${JSON.stringify({ format: 1, labels: NUM_LABELS, rows: hashes.length, scale, transitions: [...transitions] })}\n`,
  );
  return gzipSync(
    Buffer.concat([
      header,
      Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength),
      Buffer.from(q.buffer),
    ]),
    { level: 9 },
  );
}

/** Parse what `serialiseModel` wrote. */
export function parseModel(gz: Uint8Array): LinearModel {
  const buf = gunzipSync(gz);
  const nl = buf.indexOf(10);
  const header = JSON.parse(buf.subarray(0, nl).toString("utf8")) as {
    labels: number;
    rows: number;
    scale: number;
    transitions: number[];
  };
  if (header.labels !== NUM_LABELS)
    throw new Error(`ner: model has ${header.labels} labels, expected ${NUM_LABELS}`);
  const body = buf.subarray(nl + 1);
  const copy = new Uint8Array(body.length);
  copy.set(body);
  const hashes = new Uint32Array(copy.buffer, 0, header.rows);
  const q = new Int16Array(copy.buffer, header.rows * 4, header.rows * NUM_LABELS);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
  return { rows: new FeatureIndex(hashes), weights, transitions: Float32Array.from(header.transitions) };
}
