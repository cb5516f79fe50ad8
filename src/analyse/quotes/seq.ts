/**
 * A small sequence model for attribution spans: BIO labels for Source, Cue and Content over word tokens,
 * an averaged structured perceptron (Collins 2002) over hashed features, decoded with Viterbi under BIO
 * constraints. Features are hashed into a fixed number of buckets (no feature strings are stored); the
 * weights are quantised to 16 bits and gzipped. The same design as the entity tagger (entities/model.ts,
 * entities/perceptron.ts), with its own label set.
 */
import { gunzipSync, gzipSync } from "node:zlib";

/** Label ids: O, then B and I for each role. */
export const SEQ_LABELS = ["O", "B-S", "I-S", "B-C", "I-C", "B-X", "I-X"] as const;
export const L = SEQ_LABELS.length;
/** Role of a label id: 0 none, 1 source, 2 cue, 3 content. */
export const roleOf = (label: number): number => (label + 1) >> 1;
/** Whether a label id begins a span. */
export const isBegin = (label: number): boolean => label > 0 && label % 2 === 1;

/** Whether label `to` may follow `from` (-1: the sequence start). */
function allowed(from: number, to: number): boolean {
  if (to === 0 || isBegin(to)) return true;
  return from > 0 && roleOf(from) === roleOf(to);
}

const TRANS_ALLOWED = new Uint8Array((L + 1) * L);
for (let f = -1; f < L; f++)
  for (let t = 0; t < L; t++) TRANS_ALLOWED[(f + 1) * L + t] = allowed(f, t) ? 1 : 0;

/** FNV-1a hash of a string, unsigned 32 bits. */
export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A trained model: buckets × labels weights and (labels + 1) × labels transitions (first row: start). */
export interface SeqModel {
  readonly bits: number;
  /** Weights, buckets × labels: floats while training, 16-bit integers times `scale` when loaded. */
  readonly weights: Float32Array | Int16Array;
  readonly scale: number;
  readonly transitions: Float32Array;
  /** The 16-bit weights packed for decoding (`packWeights`), when loaded from a file. */
  readonly packed?: Int16Array;
}

/**
 * Emission scores: tokens × labels, the sum of each token's feature weights.
 *
 * @param w weights, buckets × labels
 * @param feats bucket ids, token t's are `feats[offsets[t]] .. feats[offsets[t+1]]`
 */
export function emissions(w: ArrayLike<number>, feats: Int32Array, offsets: Int32Array): Float64Array {
  const n = offsets.length - 1;
  const em = new Float64Array(n * L);
  for (let t = 0; t < n; t++) {
    const at = t * L;
    for (let k = offsets[t]!; k < offsets[t + 1]!; k++) {
      const base = feats[k]! * L;
      for (let l = 0; l < L; l++) em[at + l]! += w[base + l]!;
    }
  }
  return em;
}

/** The best label sequence under BIO constraints. */
export function viterbi(em: Float64Array, n: number, trans: ArrayLike<number>): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = TRANS_ALLOWED[l] ? em[l]! + trans[l]! : Number.NEGATIVE_INFINITY;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    for (let l = 0; l < L; l++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!TRANS_ALLOWED[(p + 1) * L + l]) continue;
        const s = score[prev + p]! + trans[(p + 1) * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[t * L + l] = best + em[t * L + l]!;
      back[t * L + l] = arg;
    }
  }
  return backtrack(score, back, n);
}

/** The best path through Viterbi's score and back-pointer tables of `n` positions. */
function backtrack(score: ArrayLike<number>, back: ArrayLike<number>, n: number): number[] {
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    const s = score[(n - 1) * L + l]!;
    if (s > best) {
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

/** Labels that may precede each label, in increasing order (Viterbi's tie order). */
const FROM: readonly Int8Array[] = Array.from({ length: L }, (_, l) =>
  Int8Array.from(Array.from({ length: L }, (_, p) => p).filter((p) => TRANS_ALLOWED[(p + 1) * L + l])),
);

/** Scratch buffers of `decodeSeq`, grown as needed (decoding is synchronous). */
let emBuf = new Int32Array(0);
let scoreBuf = new Float64Array(0);
let backBuf = new Int8Array(0);

/**
 * Emissions from 16-bit weights laid out 8 to a bucket (`packWeights`): one cache line per feature. Sums of
 * 16-bit integers are exact in 32 bits, so the result equals `emissions` on the unpacked weights.
 */
function packedEmissions(w: Int16Array, feats: Int32Array, offsets: Int32Array, em: Int32Array): void {
  const n = offsets.length - 1;
  for (let t = 0; t < n; t++) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    const end = offsets[t + 1]!;
    for (let k = offsets[t]!; k < end; k++) {
      const b = feats[k]! << 3;
      a0 += w[b]!;
      a1 += w[b + 1]!;
      a2 += w[b + 2]!;
      a3 += w[b + 3]!;
      a4 += w[b + 4]!;
      a5 += w[b + 5]!;
      a6 += w[b + 6]!;
    }
    const at = t * L;
    em[at] = a0;
    em[at + 1] = a1;
    em[at + 2] = a2;
    em[at + 3] = a3;
    em[at + 4] = a4;
    em[at + 5] = a5;
    em[at + 6] = a6;
  }
}

/** 16-bit weights, buckets × labels, copied 8 to a bucket (the eighth unused) so that a bucket never spans two cache lines. */
export function packWeights(w: Int16Array): Int16Array {
  const buckets = w.length / L;
  const out = new Int16Array(buckets * 8);
  for (let i = 0; i < buckets; i++) for (let l = 0; l < L; l++) out[i * 8 + l] = w[i * L + l]!;
  return out;
}

/** Tag one sequence. */
export function decodeSeq(model: SeqModel, feats: Int32Array, offsets: Int32Array): number[] {
  if (!model.packed) {
    const em = emissions(model.weights, feats, offsets);
    if (model.scale !== 1) for (let i = 0; i < em.length; i++) em[i]! *= model.scale;
    return viterbi(em, offsets.length - 1, model.transitions);
  }
  // The same arithmetic as above and `viterbi` (integer sums times the scale, then the same additions in the
  // same order), without the allocations: the labels are identical.
  const n = offsets.length - 1;
  if (n === 0) return [];
  if (emBuf.length < n * L) {
    emBuf = new Int32Array(n * L * 2);
    scoreBuf = new Float64Array(n * L * 2);
    backBuf = new Int8Array(n * L * 2);
  }
  const em = emBuf;
  const score = scoreBuf;
  const back = backBuf;
  packedEmissions(model.packed, feats, offsets, em);
  const scale = model.scale;
  const trans = model.transitions;
  const e = (i: number): number => (scale !== 1 ? em[i]! * scale : em[i]!);
  for (let l = 0; l < L; l++) score[l] = TRANS_ALLOWED[l] ? e(l) + trans[l]! : Number.NEGATIVE_INFINITY;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    for (let l = 0; l < L; l++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      const from = FROM[l]!;
      for (let j = 0; j < from.length; j++) {
        const p = from[j]!;
        const s = score[prev + p]! + trans[(p + 1) * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[t * L + l] = best + e(t * L + l);
      back[t * L + l] = arg;
    }
  }
  return backtrack(score, back, n);
}

/** One training sequence. */
export interface SeqExample {
  readonly feats: Int32Array;
  readonly offsets: Int32Array;
  readonly gold: readonly number[];
}

/** Averaged perceptron weights being trained. */
export class SeqPerceptron {
  readonly w: Float64Array;
  readonly acc: Float64Array;
  readonly tw = new Float64Array((L + 1) * L);
  readonly tacc = new Float64Array((L + 1) * L);
  c = 1;

  constructor(readonly bits: number) {
    this.w = new Float64Array((1 << bits) * L);
    this.acc = new Float64Array((1 << bits) * L);
  }

  /** Predict, and update towards the gold labels where the prediction is wrong. Returns the prediction. */
  learn(ex: SeqExample): number[] {
    const n = ex.gold.length;
    const pred = viterbi(emissions(this.w, ex.feats, ex.offsets), n, this.tw);
    for (let t = 0; t < n; t++) {
      const g = ex.gold[t]!;
      const p = pred[t]!;
      if (g !== p) {
        for (let k = ex.offsets[t]!; k < ex.offsets[t + 1]!; k++) {
          const base = ex.feats[k]! * L;
          this.bump(this.w, this.acc, base + g, 1);
          this.bump(this.w, this.acc, base + p, -1);
        }
      }
      const gp = t === 0 ? 0 : ex.gold[t - 1]! + 1;
      const pp = t === 0 ? 0 : pred[t - 1]! + 1;
      if (gp !== pp || g !== p) {
        this.bump(this.tw, this.tacc, gp * L + g, 1);
        this.bump(this.tw, this.tacc, pp * L + p, -1);
      }
    }
    this.c++;
    return pred;
  }

  private bump(w: Float64Array, acc: Float64Array, i: number, d: number): void {
    w[i]! += d;
    acc[i]! += this.c * d;
  }

  /** The averaged model. */
  averaged(): SeqModel {
    const avg = (w: Float64Array, acc: Float64Array): Float32Array => {
      const out = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i]! - acc[i]! / this.c;
      return out;
    };
    return {
      bits: this.bits,
      weights: avg(this.w, this.acc),
      scale: 1,
      transitions: avg(this.tw, this.tacc),
    };
  }
}

/** Serialise: a JSON header line, then int16 weights, gzipped. */
export function serialiseSeq(model: SeqModel): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w * model.scale));
  const scale = max / 32767 || 1;
  const q = new Int16Array(model.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round((model.weights[i]! * model.scale) / scale);
  const header = Buffer.from(
    `${JSON.stringify({ format: 1, labels: SEQ_LABELS, bits: model.bits, scale, transitions: [...model.transitions] })}\n`,
  );
  return gzipSync(Buffer.concat([header, Buffer.from(q.buffer)]), { level: 9 });
}

/** Parse what `serialiseSeq` wrote. */
export function parseSeq(gz: Uint8Array): SeqModel {
  const buf = gunzipSync(gz);
  const nl = buf.indexOf(10);
  const header = JSON.parse(buf.subarray(0, nl).toString("utf8")) as {
    labels: string[];
    bits: number;
    scale: number;
    transitions: number[];
  };
  if (header.labels.join() !== SEQ_LABELS.join()) throw new Error("quotes: model labels differ");
  const body = buf.subarray(nl + 1);
  const copy = new Uint8Array(body.length);
  copy.set(body);
  const weights = new Int16Array(copy.buffer, 0, (1 << header.bits) * L);
  return {
    bits: header.bits,
    weights,
    packed: packWeights(weights),
    scale: header.scale,
    transitions: Float32Array.from(header.transitions),
  };
}
