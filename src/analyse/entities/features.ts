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

/** Word shape: character classes with runs collapsed ("Putin" → "Xx", "U.S." → "X.X.", "1996" → "d"). */
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
 * @returns per sentence, per token, the feature strings
 */
export function docFeatures(doc: readonly (readonly string[])[], res: FeatureResources): string[][][] {
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
  return doc.map((sent, s) => sentenceFeatures(sent, res, heads[s]!, midCap, lowerSeen));
}

function sentenceFeatures(
  sent: readonly string[],
  res: FeatureResources,
  headline: boolean,
  midCap: ReadonlySet<string>,
  lowerSeen: ReadonlySet<string>,
): string[][] {
  const n = sent.length;
  const lower = sent.map((w) => w.toLowerCase());
  const words = lower.map(fold);
  const shapes = sent.map(shape);
  const gaz = res.gazetteer.match(lower);
  const cl = words.map((w) => (res.clusters.get(w) ?? "").split(" "));
  const at = (arr: readonly string[], i: number, pad: string): string =>
    i < 0 ? "<s>" : i >= n ? "</s>" : (arr[i] ?? pad);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const raw = sent[i]!;
    const w = words[i]!;
    const sh = shapes[i]!;
    const f: string[] = ["b", `w=${w}`, `r=${fold(raw)}`, `s=${sh}`];
    f.push(
      `w-1=${at(words, i - 1, "")}`,
      `w+1=${at(words, i + 1, "")}`,
      `w-2=${at(words, i - 2, "")}`,
      `w+2=${at(words, i + 2, "")}`,
    );
    f.push(`w-1w=${at(words, i - 1, "")}|${w}`, `ww+1=${w}|${at(words, i + 1, "")}`);
    f.push(`s-1=${at(shapes, i - 1, "")}`, `s+1=${at(shapes, i + 1, "")}`);
    f.push(`s-1s=${at(shapes, i - 1, "")}|${sh}`, `ss+1=${sh}|${at(shapes, i + 1, "")}`);
    f.push(`s-1ss+1=${at(shapes, i - 1, "")}|${sh}|${at(shapes, i + 1, "")}`);
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++) f.push(`p${k}=${w.slice(0, k)}`, `x${k}=${w.slice(len - k)}`);
    if (i === 0) f.push(`first|${sh}`);
    if (headline) f.push("hl", `hl|${w}`, `hl|s=${sh}`);
    if (raw.length === 1 && /\p{Lu}/u.test(raw)) f.push("initial");
    if (/^\p{Lu}/u.test(raw) && (i === 0 || headline || /^["'(`]/.test(sent[i - 1]!))) {
      if (midCap.has(w)) f.push("d:mid");
      if (lowerSeen.has(w)) f.push("d:low");
    } else if (isCap(raw) && !midCap.has(w) && lowerSeen.has(w)) f.push("d:low2");
    for (const g of gaz[i]!) f.push(`g=${g}`);
    if (i > 0) for (const g of gaz[i - 1]!) f.push(`g-1=${g}`);
    if (i + 1 < n) for (const g of gaz[i + 1]!) f.push(`g+1=${g}`);
    const c = cl[i]!;
    for (const [k, id] of c.entries()) f.push(`c${k}=${id}`);
    const cp = i > 0 ? cl[i - 1]! : ["<s>", "<s>"];
    const cn = i + 1 < n ? cl[i + 1]! : ["</s>", "</s>"];
    f.push(`c-1=${cp[0]}`, `c+1=${cn[0]}`, `c-1f=${cp[1] ?? ""}`, `c+1f=${cn[1] ?? ""}`);
    out.push(f);
  }
  return out;
}

/**
 * Second-stage features from a first-stage tagging of the whole document (Ratinov and Roth's
 * "prediction history" and "context aggregation"): the first-stage label of the token and its
 * neighbours, and for a capitalised word, the types the first stage gave its other occurrences
 * in the document (majority and each type seen) and the type of the longest name containing it.
 *
 * @param doc the document's sentences of tokens
 * @param tags first-stage IOB2 tags
 * @returns per sentence and token, extra features to append
 */
export function historyFeatures(
  doc: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
): string[][][] {
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
        `s1=${own}`,
        `s1-1=${i > 0 ? t[i - 1] : "<s>"}`,
        `s1+1=${i + 1 < sent.length ? t[i + 1] : "</s>"}`,
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
        f.push(`hx=${type}`);
        if (n > bestN) [best, bestN] = [type, n];
      }
      if (total > 0) f.push(`h=${best}`, `h=${best}|${ownType}`);
      const l = longest.get(w.toLowerCase());
      if (l && l.len > 1) f.push(`hl=${l.type}`);
      return f;
    });
  });
}
