/**
 * Features of a token for the tagger: the word and its neighbours, word shape, affixes,
 * capitalisation and position, gazetteer matches, word clusters, and document-level hints
 * (whether the word is also seen capitalised mid-sentence or lower-cased elsewhere in the document).
 */
import type { Gazetteer } from "./gazetteer.ts";

/** What the features need besides the text: gazetteers and word clusters. */
export interface FeatureResources {
  readonly gazetteer: Gazetteer;
  /** Word key (lower-cased, digits folded) → space-separated cluster ids, coarse to fine. */
  readonly clusters: ReadonlyMap<string, string>;
}

/** Digits folded so numbers share features: "1996-08-22" → "0000-00-00". */
function fold(w: string): string {
  return w.replace(/\d/g, "0");
}

/** Word shape: character classes with runs collapsed ("Lindqvist" → "Xx", "U.S." → "X.X.", "1996" → "d"). */
export function shape(w: string): string {
  let out = "";
  let last = "";
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = "X";
    else if (code >= 97 && code <= 122) c = "x";
    else if (code >= 48 && code <= 57) c = "d";
    else if (code < 128) c = w[i]!;
    else {
      const ch = w[i]!;
      c = /\p{Lu}/u.test(ch) ? "X" : /\p{Ll}/u.test(ch) ? "x" : /\p{N}/u.test(ch) ? "d" : ch;
    }
    if (c !== last || (c !== "X" && c !== "x" && c !== "d")) out += c;
    last = c;
  }
  return out;
}

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const isAllCaps = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);

/** Whether a sentence is written in capitals (a CoNLL-style headline). */
function isHeadline(tokens: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t)) continue;
    letters++;
    if (isAllCaps(t)) caps++;
  }
  return letters >= 2 && caps / letters > 0.8;
}

/**
 * Extract features for every token of a document.
 *
 * @param doc the document's sentences, each a list of token strings
 * @param res gazetteers and clusters
 * @param withOwn include the features of the word alone (`wordInfo(...).own`); the tagger leaves them
 *   out and adds their weights cached per word instead
 * @returns per sentence, per token, the features (FNV-1a hashes of their strings, see `featureHash`)
 */
export function docFeatures(
  doc: readonly (readonly string[])[],
  res: FeatureResources,
  withOwn = true,
): number[][][] {
  // Document-level evidence: words seen capitalised mid-sentence, and seen lower-cased.
  const midCap = new Set<string>();
  const lowerSeen = new Set<string>();
  const heads = doc.map(isHeadline);
  doc.forEach((sent, s) => {
    if (heads[s]) return;
    for (let i = 0; i < sent.length; i++) {
      const w = sent[i]!;
      if (i > 0 && isCap(w) && !isAllCaps(w) && !/^["'(`]/.test(sent[i - 1]!)) midCap.add(w.toLowerCase());
      if (/^\p{Ll}/u.test(w)) lowerSeen.add(w);
    }
  });
  return doc.map((sent, s) => sentenceFeatures(sent, res, heads[s]!, midCap, lowerSeen, withOwn));
}

/** FNV-1a state after hashing `s` from state `h` (hashing "ab" = continuing "a" with "b"). */
export function cont(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a of a feature string (the same value as `hash` in model.ts). */
export const featureHash = (s: string): number => cont(0x811c9dc5, s) >>> 0;

// Hash states of the feature prefixes: a feature "w=putin" hashes as cont(W, "putin").
const P = (s: string): number => cont(0x811c9dc5, s);
const W = P("w=");
const R = P("r=");
const S = P("s=");
const WM1 = P("w-1=");
const WP1 = P("w+1=");
const WM2 = P("w-2=");
const WP2 = P("w+2=");
const WM1W = P("w-1w=");
const WWP1 = P("ww+1=");
const SM1 = P("s-1=");
const SP1 = P("s+1=");
const SM1S = P("s-1s=");
const SSP1 = P("ss+1=");
const SM1SSP1 = P("s-1ss+1=");
const PRE = [0, 1, 2, 3, 4].map((k) => P(`p${k}=`));
const SUF = [0, 1, 2, 3, 4].map((k) => P(`x${k}=`));
const FIRST = P("first|");
const HL = P("hl|");
const HLS = P("hl|s=");
const G0 = P("g=");
const GM1 = P("g-1=");
const GP1 = P("g+1=");
const C = [0, 1, 2, 3, 4, 5].map((k) => P(`c${k}=`));
const CM1 = P("c-1=");
const CP1 = P("c+1=");
const CM1F = P("c-1f=");
const CP1F = P("c+1f=");
const BIAS = featureHash("b");
const HEADLINE = featureHash("hl");
const INITIAL = featureHash("initial");
const D_MID = featureHash("d:mid");
const D_LOW = featureHash("d:low");
const D_LOW2 = featureHash("d:low2");

const f1 = (h: number, a: string): number => cont(h, a) >>> 0;
const f2 = (h: number, a: string, b: string): number => cont(cont(cont(h, a), "|"), b) >>> 0;

/** What the features need of one word, and the features of the word alone (cached per word). */
export interface WordInfo {
  /** Lower case. */
  readonly lower: string;
  /** Lower case, digits folded. */
  readonly w: string;
  readonly shape: string;
  /** Cluster ids, coarse to fine ("" when the word has none). */
  readonly clusters: readonly string[];
  /** Features of the word alone, in extraction order: bias, word, raw, shape (head) ... */
  readonly head: readonly number[];
  /** ... prefixes and suffixes, the single-capital flag, clusters. */
  readonly affixes: readonly number[];
  readonly initial: boolean;
  readonly clusterFeatures: readonly number[];
  /** All of the above features together. */
  readonly own: readonly number[];
  /** The word's share of its neighbours' features (the same hashes, computed once per word). */
  readonly ctx: WordContext;
}

/**
 * Hashes of a word as a neighbour: as the word before (m) or after (p) a token, and FNV states
 * part-way through the pair and triple features, to be continued with the other word.
 */
interface WordContext {
  readonly m1: number;
  readonly p1: number;
  readonly m2: number;
  readonly p2: number;
  readonly sm1: number;
  readonly sp1: number;
  readonly cm1: number;
  readonly cp1: number;
  readonly cm1f: number;
  readonly cp1f: number;
  /** cont(WM1W, w + "|"), continued with the next token's word. */
  readonly wm1w: number;
  /** cont(WWP1, w + "|"), continued with the next word. */
  readonly wwp1: number;
  /** cont(SM1S, shape + "|"), continued with the next token's shape. */
  readonly sm1s: number;
  /** cont(SSP1, shape + "|"), continued with the next shape. */
  readonly ssp1: number;
  /** cont(SM1SSP1, shape + "|"), continued with the next shape, "|" and the one after. */
  readonly sm1ssp1: number;
}

/** The context hashes of a word (`w`, `shape`, `c0`, `c1`: what the neighbour features read of it). */
function wordContext(w: string, sh: string, c0: string, c1: string): WordContext {
  return {
    m1: f1(WM1, w),
    p1: f1(WP1, w),
    m2: f1(WM2, w),
    p2: f1(WP2, w),
    sm1: f1(SM1, sh),
    sp1: f1(SP1, sh),
    cm1: f1(CM1, c0),
    cp1: f1(CP1, c0),
    cm1f: f1(CM1F, c1),
    cp1f: f1(CP1F, c1),
    wm1w: cont(cont(WM1W, w), "|"),
    wwp1: cont(cont(WWP1, w), "|"),
    sm1s: cont(cont(SM1S, sh), "|"),
    ssp1: cont(cont(SSP1, sh), "|"),
    sm1ssp1: cont(cont(SM1SSP1, sh), "|"),
  };
}

/** Sentence boundaries as neighbours: "<s>" before the first token, "</s>" after the last. */
const START = wordContext("<s>", "<s>", "<s>", "<s>");
const END = wordContext("</s>", "</s>", "</s>", "</s>");

/** Words whose info is kept per resources; past this the cache starts again (news reuses words). */
const MAX_CACHED_WORDS = 100_000;
const wordCaches = new WeakMap<FeatureResources, Map<string, WordInfo>>();

/**
 * The info of a token's text, cached: most tokens of an article are words seen before.
 *
 * @param raw the token as the tagger sees it (normalised quotes and dashes)
 * @param res gazetteers and clusters
 */
export function wordInfo(raw: string, res: FeatureResources): WordInfo {
  let cache = wordCaches.get(res);
  if (!cache) wordCaches.set(res, (cache = new Map()));
  const hit = cache.get(raw);
  if (hit) return hit;
  const lower = raw.toLowerCase();
  const w = fold(lower);
  const sh = shape(raw);
  const clusters = (res.clusters.get(w) ?? "").split(" ");
  const head = [BIAS, f1(W, w), f1(R, fold(raw)), f1(S, sh)];
  const affixes: number[] = [];
  const len = w.length;
  for (let k = 1; k <= 4 && k < len; k++)
    affixes.push(f1(PRE[k]!, w.slice(0, k)), f1(SUF[k]!, w.slice(len - k)));
  const initial = raw.length === 1 && /\p{Lu}/u.test(raw);
  const clusterFeatures = clusters.map((c, k) => f1(C[k]!, c));
  const info: WordInfo = {
    lower,
    w,
    shape: sh,
    clusters,
    head,
    affixes,
    initial,
    clusterFeatures,
    own: [...head, ...affixes, ...(initial ? [INITIAL] : []), ...clusterFeatures],
    ctx: wordContext(w, sh, clusters[0]!, clusters[1] ?? ""),
  };
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(raw, info);
  return info;
}

function sentenceFeatures(
  sent: readonly string[],
  res: FeatureResources,
  headline: boolean,
  midCap: ReadonlySet<string>,
  lowerSeen: ReadonlySet<string>,
  withOwn: boolean,
): number[][] {
  const n = sent.length;
  const infos = sent.map((raw) => wordInfo(raw, res));
  const gaz = res.gazetteer.match(infos.map((x) => x.lower));
  const ctx = (i: number): WordContext => (i < 0 ? START : i >= n ? END : infos[i]!.ctx);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const raw = sent[i]!;
    const info = infos[i]!;
    const w = info.w;
    const sh = info.shape;
    const prev = ctx(i - 1);
    const next = ctx(i + 1);
    // The next token's word and shape as the pair features hash them ("</s>" past the end).
    const wp1 = i + 1 < n ? infos[i + 1]!.w : "</s>";
    const sp1 = i + 1 < n ? infos[i + 1]!.shape : "</s>";
    // Features of the word alone are pushed where they always were, so that training sums and
    // updates them in the same order as before (the model rebuilds bit for bit).
    const f: number[] = withOwn ? [...info.head] : [];
    f.push(prev.m1, next.p1, ctx(i - 2).m2, ctx(i + 2).p2);
    f.push(cont(prev.wm1w, w) >>> 0, cont(info.ctx.wwp1, wp1) >>> 0);
    f.push(prev.sm1, next.sp1);
    f.push(cont(prev.sm1s, sh) >>> 0, cont(info.ctx.ssp1, sp1) >>> 0);
    f.push(cont(cont(cont(prev.sm1ssp1, sh), "|"), sp1) >>> 0);
    if (withOwn) f.push(...info.affixes);
    if (i === 0) f.push(f1(FIRST, sh));
    if (headline) f.push(HEADLINE, f1(HL, w), f1(HLS, sh));
    if (withOwn && info.initial) f.push(INITIAL);
    if (/^\p{Lu}/u.test(raw) && (i === 0 || headline || /^["'(`]/.test(sent[i - 1]!))) {
      if (midCap.has(w)) f.push(D_MID);
      if (lowerSeen.has(w)) f.push(D_LOW);
    } else if (isCap(raw) && !midCap.has(w) && lowerSeen.has(w)) f.push(D_LOW2);
    for (const g of gaz[i]!) f.push(f1(G0, g));
    if (i > 0) for (const g of gaz[i - 1]!) f.push(f1(GM1, g));
    if (i + 1 < n) for (const g of gaz[i + 1]!) f.push(f1(GP1, g));
    if (withOwn) f.push(...info.clusterFeatures);
    f.push(prev.cm1, next.cp1, prev.cm1f, next.cp1f);
    out.push(f);
  }
  return out;
}

const S1 = P("s1=");
const S1M1 = P("s1-1=");
const S1P1 = P("s1+1=");
const HX = P("hx=");
const H = P("h=");
const HLONG = P("hl=");

/**
 * Second-stage features from a first-stage tagging of the whole document (Ratinov and Roth's
 * "prediction history" and "context aggregation"): the first-stage label of the token and its
 * neighbours, and for a capitalised word, the types the first stage gave its other occurrences
 * in the document (majority and each type seen) and the type of the longest name containing it.
 *
 * @param doc the document's sentences of tokens
 * @param tags first-stage IOB2 tags
 * @returns per sentence and token, extra features (hashes) to add
 */
export function historyFeatures(
  doc: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
): number[][][] {
  // Per word key: counts of types (incl. O) over its occurrences, and longest-name types.
  const seen = new Map<string, Map<string, number>>();
  const longest = new Map<string, { len: number; type: string }>();
  doc.forEach((sent, s) => {
    const t = tags[s]!;
    let i = 0;
    while (i < sent.length) {
      const tag = t[i]!;
      let j = i + 1;
      if (tag !== "O") while (j < sent.length && t[j] === `I-${tag.slice(2)}`) j++;
      const type = tag === "O" ? "O" : tag.slice(2);
      for (let k = i; k < j; k++) {
        if (!isCap(sent[k]!)) continue;
        const key = sent[k]!.toLowerCase();
        const m = seen.get(key) ?? new Map<string, number>();
        m.set(type, (m.get(type) ?? 0) + 1);
        seen.set(key, m);
        if (type !== "O" && (longest.get(key)?.len ?? 0) < j - i) longest.set(key, { len: j - i, type });
      }
      i = j;
    }
  });
  return doc.map((sent, s) => {
    const t = tags[s]!;
    return sent.map((w, i) => {
      const own = t[i]!;
      const f = [
        f1(S1, own),
        f1(S1M1, i > 0 ? t[i - 1]! : "<s>"),
        f1(S1P1, i + 1 < sent.length ? t[i + 1]! : "</s>"),
      ];
      if (!isCap(w)) return f;
      const counts = seen.get(w.toLowerCase());
      if (!counts) return f;
      // Other occurrences: remove this one.
      const ownType = own === "O" ? "O" : own.slice(2);
      let best = "";
      let bestN = 0;
      let total = 0;
      for (const [type, c] of counts) {
        const n = type === ownType ? c - 1 : c;
        if (n <= 0) continue;
        total += n;
        f.push(f1(HX, type));
        if (n > bestN) [best, bestN] = [type, n];
      }
      if (total > 0) f.push(f1(H, best), f2(H, best, ownType));
      const l = longest.get(w.toLowerCase());
      if (l && l.len > 1) f.push(f1(HLONG, l.type));
      return f;
    });
  });
}
