/**
 * Token features for the attribution span model (seq.ts), stacked on the rules: each word token of a
 * paragraph gets its words and their shapes, the rules' own label there (in a source, cue, content or
 * partial quote of a rule attribution), quotation-mark state, sentence position, the cue lexicons and the
 * entity model's mention type, and conjunctions of the rule label with its neighbours, so that the model
 * learns where to trust, extend or add to the rules.
 */
import type { Entity, Span } from "../../core/index.ts";
import type { Attribution } from "./attribution.ts";
import { CUES } from "./cues.ts";
import type { QuoteRegion } from "./marks.ts";

/** A word or punctuation token of the tagger (finer than the rules' tokens: quotations are not atomic). */
export interface WordToken extends Span {
  readonly lower: string;
}

/** Words, a contraction's auxiliary ("’s", "’ll"), or one other non-space character. */
const TOKEN =
  /[\p{L}\p{N}]+(?:(?:[.&]|[’'](?!(?:s|re|ve|ll|d|m)\b))[\p{L}\p{N}]+)*|[’'](?:s|re|ve|ll|d|m)\b|\S/gu;

/** Tokens of a text, grouped by paragraph (line). */
export function paragraphs(text: string): WordToken[][] {
  const out: WordToken[][] = [];
  let cur: WordToken[] = [];
  // The first line break at or after the previous token's end (-1: none left).
  let nl = text.indexOf("\n");
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (nl >= 0 && nl < m.index) {
      if (cur.length > 0) {
        out.push(cur);
        cur = [];
      }
    }
    cur.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
    if (nl >= 0 && nl < m.index + m[0].length) nl = text.indexOf("\n", m.index + m[0].length);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Rule roles per token: 0 none, 1 source, 2 cue, 3 content, 4 partial quote, 5 direct quotation. */
const ROLE_NAMES = ["O", "S", "C", "X", "P", "D"];

/** Mix two 32-bit values into a hash (for feature ids without building strings). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x27d4eb2d, 0x165667b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a of a string. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A word's coarse shape: Xx, X, x, d, or the punctuation itself. */
function shapeOf(text: string): string {
  if (/^\p{Lu}\p{Ll}/u.test(text)) return "Xx";
  if (/^\p{Lu}+$/u.test(text)) return "X";
  if (/^\p{Ll}/u.test(text)) return "x";
  if (/^\p{N}/u.test(text)) return "d";
  return text.length === 1 ? text : "p";
}

const wordHash = new Map<string, number>();
function hw(s: string): number {
  let h = wordHash.get(s);
  if (h === undefined) {
    if (wordHash.size > 200_000) wordHash.clear();
    h = fnv(s);
    wordHash.set(s, h);
  }
  return h;
}

/** What the features read of a word alone, cached per surface form. */
interface WordInfo {
  /** Hashes of the lower-cased word, its shape and its last three letters. */
  readonly word: number;
  readonly shape: number;
  readonly suffix: number;
  /** The learned cue rate bucket; the hand lexicon's class (0 none, 1 speech, 2 object). */
  readonly rate: number;
  readonly cls: number;
}

const infoCache = new Map<string, WordInfo>();
const MAX_CACHED_WORDS = 100_000;

function infoOf(surface: string, lower: string, cueRate: CueRate): WordInfo {
  let info = infoCache.get(surface);
  if (!info) {
    if (infoCache.size >= MAX_CACHED_WORDS) infoCache.clear();
    const cls = CUES.get(lower);
    info = {
      word: hw(lower),
      shape: hw(shapeOf(surface)),
      suffix: hw(lower.slice(-3)),
      rate: cueRate(lower),
      cls: cls === undefined ? 0 : cls === "speech" ? 1 : 2,
    };
    infoCache.set(surface, info);
  }
  return info;
}

/** Everything the features read besides the tokens. */
export interface FeatureContext {
  readonly text: string;
  readonly atts: readonly Attribution[];
  readonly regions: readonly QuoteRegion[];
  readonly sentences: readonly Span[];
  readonly entities: readonly Entity[];
}

/** Bucket a distance in tokens. */
function dist(d: number): number {
  return d <= 0 ? 0 : d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
}

/** Per-character lookup arrays for the document, built once. */
interface DocMaps {
  /** Rule role per character (ROLE_NAMES index), and whether a rule span begins there. */
  readonly role: Uint8Array;
  readonly begin: Uint8Array;
  /** Quotation state per character: 0 outside, 1 inside a region. */
  readonly quote: Uint8Array;
  /** Entity mention per character: type hash (0 none), and whether the mention begins there. */
  readonly ent: Uint32Array;
  readonly entBegin: Uint8Array;
  /** Sentence starts and ends (character offsets). */
  readonly sentStart: Set<number>;
  readonly sentEnd: Set<number>;
}

/**
 * Sentence starts and ends: from the sentence splitter, or (when none is given) after ".", "!" or "?" and
 * any closing marks, before a space and a capital letter or an opening mark.
 */
export function sentenceEdges(ctx: Pick<FeatureContext, "text" | "sentences">): {
  sentStart: Set<number>;
  sentEnd: Set<number>;
} {
  if (ctx.sentences.length > 0)
    return {
      sentStart: new Set(ctx.sentences.map((s) => s.start)),
      sentEnd: new Set(ctx.sentences.map((s) => s.end)),
    };
  const sentStart = new Set<number>([0]);
  const sentEnd = new Set<number>([ctx.text.length]);
  for (const m of ctx.text.matchAll(/[.!?]["”’)]*(\s+)(?=["“‘(]?\p{Lu})/gu)) {
    const end = m.index + m[0].length - m[1]!.length;
    sentEnd.add(end);
    sentStart.add(m.index + m[0].length);
  }
  return { sentStart, sentEnd };
}

function docMaps(ctx: FeatureContext): DocMaps {
  const n = ctx.text.length;
  const role = new Uint8Array(n);
  const begin = new Uint8Array(n);
  const mark = (s: Span | null | undefined, r: number) => {
    if (!s || s.start < 0) return;
    for (let i = Math.max(0, s.start); i < Math.min(n, s.end); i++) if (role[i] === 0 || r <= 2) role[i] = r;
    if (s.start < n) begin[s.start] = 1;
  };
  for (const a of ctx.atts) mark(a.content, a.kind === "partial" ? 4 : a.kind === "direct" ? 5 : 3);
  for (const a of ctx.atts) {
    mark(a.source, 1);
    mark(a.cue, 2);
  }
  const quote = new Uint8Array(n);
  for (const r of ctx.regions) quote.fill(1, r.start, Math.min(n, r.end));
  const ent = new Uint32Array(n);
  const entBegin = new Uint8Array(n);
  for (const e of ctx.entities) {
    const th = fnv(e.type);
    for (const m of e.mentions) {
      const h = mix(th, fnv(m.kind));
      ent.fill(h, m.start, Math.min(n, m.end));
      if (m.start < n) entBegin[m.start] = 1;
    }
  }
  return {
    role,
    begin,
    quote,
    ent,
    entBegin,
    ...sentenceEdges(ctx),
  };
}

/** The learned cue rate of a word, bucketed (0 when unknown). */
export type CueRate = (word: string) => number;

/** Features per token: every token has the same templates, so token i's are at [i * FEATURES_PER_TOKEN, ...). */
export const FEATURES_PER_TOKEN = 35;

/** The first half of `mix(a, ·)`, which depends on `a` alone. */
const pre = (a: number): number => Math.imul(a ^ 0x27d4eb2d, 0x165667b1);

/**
 * `mix(a, b)` given `pre(a)`, as a signed 32-bit integer (the same bits: callers mask it or mix it again,
 * and a signed result stays a small integer in V8).
 */
function fin(pa: number, b: number): number {
  let h = pa ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** `pre` of every template id. */
const T = Array.from({ length: 80 }, (_, k) => pre(k));

/**
 * Features of every token of every paragraph: bucket ids (hash masked to `bits`), flattened per paragraph,
 * FEATURES_PER_TOKEN per token (`offsets[i]` is where token i's begin).
 *
 * @param ctx the document and the rules' attributions
 * @param paras tokens per paragraph (`paragraphs(text)`)
 * @param bits log2 of the number of weight buckets
 * @param cueRate the learned lexicon's cue rate of a word, bucketed
 */
export function featurize(
  ctx: FeatureContext,
  paras: readonly (readonly WordToken[])[],
  bits: number,
  cueRate: CueRate,
): { feats: Int32Array; offsets: Int32Array }[] {
  const maps = docMaps(ctx);
  const mask = (1 << bits) - 1;
  const text = ctx.text;
  const out: { feats: Int32Array; offsets: Int32Array }[] = [];
  for (const toks of paras) {
    const n = toks.length;
    const words = new Uint32Array(n);
    const shapes = new Uint32Array(n);
    const suffixes = new Uint32Array(n);
    const rates = new Uint8Array(n);
    const classes = new Uint8Array(n);
    const roles = new Uint8Array(n);
    const rtag = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      // Most tokens are written in lower case: their cache key is the lower-cased word, without a slice.
      const surface =
        t.lower.length === t.end - t.start && text.startsWith(t.lower, t.start)
          ? t.lower
          : text.slice(t.start, t.end);
      const info = infoOf(surface, t.lower, cueRate);
      words[i] = info.word;
      shapes[i] = info.shape;
      suffixes[i] = info.suffix;
      rates[i] = info.rate;
      classes[i] = info.cls;
      const r = maps.role[t.start]!;
      roles[i] = r;
      rtag[i] = r === 0 ? 0 : r * 2 - 1 + maps.begin[t.start]!;
    }
    // Sentence position: tokens since the sentence start; sentence end after this token.
    const sentPos = new Int32Array(n);
    const sentLast = new Uint8Array(n);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      if (i === 0 || maps.sentStart.has(t.start)) pos = 0;
      sentPos[i] = pos++;
      const next = toks[i + 1];
      let end = 0;
      if (!next) end = 1;
      else for (let p = t.end; p <= next.start && !end; p++) if (maps.sentEnd.has(p)) end = 1;
      sentLast[i] = end;
    }
    // Distance to the nearest rule cue token before and after, within the paragraph.
    const cueLeft = new Uint8Array(n);
    const cueRight = new Uint8Array(n);
    let lastCue = -1;
    for (let i = 0; i < n; i++) {
      cueLeft[i] = lastCue < 0 ? 0 : dist(i - lastCue);
      if (roles[i] === 2) lastCue = i;
    }
    lastCue = -1;
    for (let i = n - 1; i >= 0; i--) {
      cueRight[i] = lastCue < 0 ? 0 : dist(lastCue - i);
      if (roles[i] === 2) lastCue = i;
    }
    // Distance to the nearest lexicon cue word before and after, and that word.
    const lexLeft = new Uint8Array(n);
    const lexRight = new Uint8Array(n);
    const lexLeftWord = new Uint32Array(n);
    const lexRightWord = new Uint32Array(n);
    let lastLex = -1;
    for (let i = 0; i < n; i++) {
      lexLeft[i] = lastLex < 0 ? 0 : dist(i - lastLex);
      lexLeftWord[i] = lastLex < 0 ? 0 : words[lastLex]!;
      if (classes[i]! > 0) lastLex = i;
    }
    lastLex = -1;
    for (let i = n - 1; i >= 0; i--) {
      lexRight[i] = lastLex < 0 ? 0 : dist(lastLex - i);
      lexRightWord[i] = lastLex < 0 ? 0 : words[lastLex]!;
      if (classes[i]! > 0) lastLex = i;
    }
    // Per sentence: whether it holds a rule cue and a quotation.
    const sentCQ = new Uint8Array(n);
    for (let a = 0; a < n; ) {
      let b = a + 1;
      while (b < n && sentPos[b] !== 0) b++;
      let c = 0;
      let qq = 0;
      for (let k = a; k < b; k++) {
        if (roles[k] === 2) c = 1;
        if (maps.quote[toks[k]!.start]) qq = 1;
      }
      sentCQ.fill(c * 2 + qq, a, b);
      a = b;
    }
    const feats = new Int32Array(n * FEATURES_PER_TOKEN);
    const offsets = new Int32Array(n + 1);
    let o = 0;
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      const r = rtag[i]!;
      const w = words[i]!;
      const wl = i === 0 ? 1 : words[i - 1]!;
      const wr = i === n - 1 ? 2 : words[i + 1]!;
      const rl = i === 0 ? 9 : rtag[i - 1]!;
      const rr = i === n - 1 ? 10 : rtag[i + 1]!;
      const q = maps.quote[t.start]!;
      const qEdge = q && (i === 0 || !maps.quote[toks[i - 1]!.start]) ? 1 : 0;
      const qEnd = q && (i === n - 1 || !maps.quote[toks[i + 1]!.start]) ? 2 : 0;
      const qs = q + qEdge + qEnd;
      const sp = Math.min(sentPos[i]!, 3) * 2 + sentLast[i]!;
      const rate = rates[i]!;
      const ent = maps.ent[t.start]!;
      const pr = pre(r);
      const prate = pre(rate);
      const w01 = fin(pre(wl), w);
      const rlr = fin(pre(rl), r);
      const clr = fin(pre(cueLeft[i]!), cueRight[i]!);
      const ll = fin(pre(lexLeftWord[i]!), lexLeft[i]!);
      feats[o++] = fin(T[1]!, 0) & mask;
      feats[o++] = fin(T[2]!, w) & mask;
      feats[o++] = fin(T[3]!, wl) & mask;
      feats[o++] = fin(T[4]!, wr) & mask;
      feats[o++] = fin(T[7]!, w01) & mask;
      feats[o++] = fin(T[8]!, fin(pre(w), wr)) & mask;
      feats[o++] = fin(T[9]!, shapes[i]!) & mask;
      feats[o++] = fin(T[12]!, suffixes[i]!) & mask;
      // The rules' labels.
      feats[o++] = fin(T[20]!, r) & mask;
      feats[o++] = fin(T[21]!, rlr) & mask;
      feats[o++] = fin(T[22]!, fin(pr, rr)) & mask;
      feats[o++] = fin(T[23]!, fin(pre(rlr), rr)) & mask;
      feats[o++] = fin(T[24]!, fin(pr, w)) & mask;
      feats[o++] = fin(T[25]!, fin(pr, wl)) & mask;
      feats[o++] = fin(T[26]!, fin(pr, wr)) & mask;
      feats[o++] = fin(T[29]!, fin(pr, shapes[i]!)) & mask;
      // Quotation marks.
      feats[o++] = fin(T[30]!, qs) & mask;
      feats[o++] = fin(T[31]!, fin(pr, qs)) & mask;
      // Sentence position.
      feats[o++] = fin(T[40]!, sp) & mask;
      feats[o++] = fin(T[41]!, fin(pr, sp)) & mask;
      // Cue lexicons.
      feats[o++] = fin(T[50]!, classes[i]!) & mask;
      feats[o++] = fin(T[51]!, rate) & mask;
      feats[o++] = fin(T[52]!, fin(prate, r)) & mask;
      feats[o++] = fin(T[53]!, clr) & mask;
      feats[o++] = fin(T[54]!, fin(pre(clr), r)) & mask;
      feats[o++] = fin(T[55]!, fin(pre(lexLeft[i]!), lexRight[i]!)) & mask;
      feats[o++] = fin(T[57]!, fin(prate, wr)) & mask;
      feats[o++] = fin(T[58]!, fin(prate, wl)) & mask;
      // Entities.
      feats[o++] = fin(T[60]!, fin(pre(ent), maps.entBegin[t.start]!)) & mask;
      feats[o++] = fin(T[61]!, fin(pre(ent), r)) & mask;
      // Wider context.
      feats[o++] = fin(T[70]!, fin(pre(w01), wr)) & mask;
      feats[o++] = fin(T[71]!, ll) & mask;
      feats[o++] = fin(T[72]!, fin(pre(lexRightWord[i]!), lexRight[i]!)) & mask;
      feats[o++] = fin(T[73]!, fin(pre(ll), r)) & mask;
      feats[o++] = fin(T[75]!, fin(pre(sentCQ[i]!), r)) & mask;
      offsets[i + 1] = o;
    }
    out.push({ feats, offsets });
  }
  return out;
}

/** Spans per role (1 source, 2 cue, 3 content) from BIO label ids of one paragraph. */
export function spansOf(
  toks: readonly WordToken[],
  labels: readonly number[],
): { role: number; span: Span }[] {
  const out: { role: number; span: Span }[] = [];
  let cur: { role: number; span: { start: number; end: number } } | null = null;
  for (let i = 0; i < toks.length; i++) {
    const l = labels[i]!;
    const role = (l + 1) >> 1;
    const begin = l > 0 && l % 2 === 1;
    if (cur && (role !== cur.role || begin || l === 0)) {
      out.push(cur);
      cur = null;
    }
    if (l !== 0 && !cur) cur = { role, span: { start: toks[i]!.start, end: toks[i]!.end } };
    else if (cur) cur.span.end = toks[i]!.end;
  }
  if (cur) out.push(cur);
  return out;
}

/** Gold BIO label ids of a paragraph's tokens from role spans (first span wins where they overlap). */
export function goldLabels(
  toks: readonly WordToken[],
  spans: readonly { role: number; span: Span }[],
): number[] {
  const labels = new Array<number>(toks.length).fill(0);
  for (const { role, span } of spans) {
    let first = true;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.start < span.start || t.end > span.end) continue;
      if (labels[i] !== 0) {
        first = true;
        continue;
      }
      labels[i] = first ? role * 2 - 1 : role * 2;
      first = false;
    }
  }
  return labels;
}

export { ROLE_NAMES };
