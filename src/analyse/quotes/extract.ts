/**
 * The attribution rules: within each unit, find cues and, for each, its source (speaker) and content.
 *
 * Patterns (SRC = source phrase, CUE = cue, Q = quoted region, C = reported clause):
 *   SRC CUE [OBJ] [PP] [,:] Q          → direct        ("Trump said: "...")
 *   SRC CUE [OBJ] [that] C             → indirect      ("Witkoff said Putin had agreed ...")
 *   Q [,] SRC CUE | Q [,] CUE SRC      → direct        ("..., " he said / "...", said Macron)
 *   C , SRC CUE .                      → indirect      ("..., sources said.")
 *   according to SRC , C | C , according to SRC
 *   ..., CUE-ing [that] C | Q          → speaker is the clause's subject ("..., adding that ...")
 * A quotation inside reported content becomes a partial quote with the same cue and speaker.
 */
import type { Span } from "../../core/index.ts";
import { BETWEEN, CORE_CUES, CUES, PARTICIPLES, PRONOUNS, TAKES_OBJECT } from "./cues.ts";
import type { Token } from "./tokens.ts";

/** The content of an attribution whose quotation is in the next unit ("He said:" ¶ "..."). */
export const PENDING: Span = Object.freeze({ start: -1, end: -1 });

/** One attribution found in a unit, before speaker resolution. */
export interface Attribution {
  readonly kind: "direct" | "partial" | "indirect";
  readonly content: Span;
  readonly cue: Span | null;
  readonly source: Span | null;
  /** Index of the unit it came from. */
  readonly unit: number;
}

/** Words that end a source phrase when scanning left from a cue. */
const CLAUSE_WORDS = new Set(
  `that which because while although though if when whereas since after before as so than where whether
  to of for with by from on in at about into said says is was were are be been has have had did do does
  not never but and or what when where how why let having`.split(/\s+/),
);
/** Leading words stripped from a source phrase. */
const LEADING = new Set(
  `but and so yet still meanwhile however also then now instead later earlier today yesterday tonight last this
  next on in at during monday tuesday wednesday thursday friday saturday sunday week month year morning afternoon
  evening night separately moreover indeed thus`.split(/\s+/),
);
/** Heads of lower-case source phrases ("a campaign operative", "sources", "the poll"). */
const SOURCE_HEADS = new Set(
  `source sources official officials spokesman spokeswoman spokesperson aide aides adviser advisers advisor
  advisors analyst analysts expert experts critic critics people voters supporters report reports study poll polls
  survey statement campaign police prosecutors authorities investigators witnesses residents lawyer lawyers attorney
  government ministry military president leader minister senator lawmakers lawmaker democrats republicans
  administration company spokesperson researchers scientists economists observers diplomats diplomat agency
  operative operatives person man woman official's group organization newspaper paper outlet network memo letter
  document documents data figures percent respondents members member team staff strategist strategists
  officer officers commander envoy candidate nominee`.split(/\s+/),
);
const POSSESSIVES = new Set("his her their its my our your whose".split(" "));
const DETERMINERS = new Set(
  "the a an another some many most several his her their its our one two three few other both these those".split(
    " ",
  ),
);
/** Prepositions that may open a phrase between a cue and its content ("said in a statement that"). */
const PREPS = new Set("in on at during to with after before via through over from".split(" "));
/** Words that start a concessive or narrator's clause that ends indirect content. */
const CONTENT_STOPS = new Set(["though", "although", "whereas", "while", "however", "who", "which", "but"]);

const MAX_SOURCE_TOKENS = 9;

function isCap(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "word" && /^[\p{Lu}\p{N}]/u.test(t.text);
}

function isComma(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && (t.text === "," || t.text === ":");
}

function isDash(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && (t.text === "—" || t.text === "–");
}

function isEndPunct(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && /[.!?;)]/.test(t.text);
}

/** Is this token a cue here (not a noun use such as "the said", "his warning")? */
export function cueAt(toks: readonly Token[], i: number): boolean {
  const t = toks[i]!;
  if (t.kind !== "word") return false;
  if (t.lower === "according") return toks[i + 1]?.lower === "to";
  if (TAIL_ONLY.has(t.lower)) {
    // "...," she continued. / He continued: "..."
    const before = toks.slice(Math.max(0, i - 4), i).some((x) => x.kind === "quote");
    const after = isComma(toks[i + 1]) && toks[i + 2]?.kind === "quote";
    return before || after || (toks[i + 1]?.text === ":" && i + 2 >= toks.length);
  }
  if (!CUES.has(t.lower) || t.text !== t.lower) return false;
  const prev = toks[i - 1];
  if (prev && (POSSESSIVES.has(prev.lower) || /[’']s$/.test(prev.lower))) return false;
  if (prev && DETERMINERS.has(prev.lower) && prev.lower !== "one" && prev.lower !== "two") return false;
  if (
    prev &&
    (prev.lower === "to" || prev.lower === "be" || prev.lower === "been" || prev.lower === "being") &&
    !CORE_CUES.has(t.lower)
  )
    return false;
  return true;
}

/** Words that cannot be a speaker on their own. */
const TIME_ONLY = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january february march april
  may june july august september october november december week month year morning evening`.split(/\s+/),
);

/** Punctuation that may stand inside a source phrase ("Reuters/Ipsos", "Johnson & Johnson", "U.S.-based"). */
const SOURCE_PUNCT = new Set([".", "’", "'", "-", "/", "&"]);

/** Verbs that are cues only next to a quotation: "...," she continued. */
const TAIL_ONLY = new Set([
  "continued",
  "continues",
  "went",
  "recalls",
  "concluded",
  "concludes",
  "agreed",
  "agrees",
]);

/** The span of tokens [a, b) (b exclusive), or null when empty. */
function spanOf(toks: readonly Token[], a: number, b: number): Span | null {
  if (b <= a) return null;
  return { start: toks[a]!.start, end: toks[b - 1]!.end };
}

/** Does tokens [a, b) look like a speaker phrase? */
function plausibleSource(toks: readonly Token[], a: number, b: number): boolean {
  const n = b - a;
  if (n <= 0 || n > MAX_SOURCE_TOKENS) return false;
  const words = toks.slice(a, b);
  if (words.some((t) => t.kind === "quote")) return false;
  if (n === 1 && PRONOUNS.has(words[0]!.lower) && !["that", "this", "which", "you"].includes(words[0]!.lower))
    return true;
  if (
    words.some(
      (t) =>
        CLAUSE_WORDS.has(t.lower) &&
        t.lower !== "of" &&
        t.lower !== "and" &&
        t.lower !== "for" &&
        t.lower !== "at" &&
        t.lower !== "in",
    )
  )
    return false;
  // A cue verb inside ("He criticized X said"), an age or number alone, a time word alone: not a speaker.
  if (words.some((t) => t.kind === "word" && CUES.get(t.lower) === "speech" && t.text === t.lower))
    return false;
  if (words.every((t) => t.kind !== "word" || /^\p{N}/u.test(t.text) || TIME_ONLY.has(t.lower))) return false;
  const last = words[words.length - 1]!;
  if (isCap(last) || isCap(words[0])) return true;
  if (DETERMINERS.has(words[0]!.lower) && n <= 5) return true;
  if (SOURCE_HEADS.has(last.lower.replace(/’s$|'s$/, ""))) return true;
  return words.some((t) => SOURCE_HEADS.has(t.lower));
}

/** Scan left from just before index `e` (exclusive) for a source phrase; returns [a, e) or null. */
function sourceLeft(toks: readonly Token[], e: number, floor: number): [number, number] | null {
  let a = e;
  while (a > floor) {
    const t = toks[a - 1]!;
    if (t.kind === "quote") break;
    if (t.kind === "punct" && t.text === ")") {
      // "Sen. Jo Reed (D-Ore.) said": keep the parenthesis with the name.
      let o = a - 2;
      while (o > floor && a - o < 8 && toks[o]!.text !== "(") o--;
      if (toks[o]?.text === "(" && isCap(toks[o - 1])) {
        a = o;
        continue;
      }
      break;
    }
    if (t.kind === "punct" && !SOURCE_PUNCT.has(t.text)) break;
    if (t.kind === "word" && (t.lower === "and" || t.lower === "or")) {
      const right = toks[a];
      if (!isCap(right) || !isCap(toks[a - 2])) break;
    } else if (t.kind === "word" && CLAUSE_WORDS.has(t.lower) && !["of", "for", "at", "in"].includes(t.lower))
      break;
    else if (
      t.kind === "word" &&
      ["for", "at", "in"].includes(t.lower) &&
      !isCap(toks[a]) &&
      !/^\p{N}/u.test(toks[a]?.text ?? "")
    )
      break;
    a--;
    if (e - a > MAX_SOURCE_TOKENS + 4) return null;
  }
  while (a < e && LEADING.has(toks[a]!.lower) && !(isCap(toks[a]) && a + 1 === e)) a++;
  // "last Friday Russia": drop a leading run of time words up to a capitalised name.
  if (a >= e) return null;
  return plausibleSource(toks, a, e) ? [a, e] : null;
}

/** Scan right from index `s` for an inverted source ("said Macron", "said the spokesman"). */
function sourceRight(toks: readonly Token[], s: number, end: number): [number, number] | null {
  let b = s;
  while (b < end) {
    const t = toks[b]!;
    if (t.kind !== "word") {
      if (t.kind === "punct" && (t.text === "-" || t.text === "’" || t.text === "'")) {
        b++;
        continue;
      }
      break;
    }
    if (b > s && CLAUSE_WORDS.has(t.lower) && t.lower !== "of" && t.lower !== "for") break;
    b++;
    if (b - s > MAX_SOURCE_TOKENS) return null;
  }
  if (toks[b]?.kind === "quote") return null;
  return b > s && plausibleSource(toks, s, b) ? [s, b] : null;
}

/** The end (exclusive token index) of indirect content starting at `s`. */
function contentEnd(toks: readonly Token[], s: number, end: number): number {
  let e = end;
  for (let k = s; k < end; k++) {
    const t = toks[k]!;
    // "...; that's a ticket to ..." and "... and called his standing ..." end the reported clause.
    if (
      (t.kind === "punct" && t.text === ";") ||
      (t.lower === "and" && k > s && CUES.has(toks[k + 1]?.lower ?? ""))
    ) {
      e = k;
      break;
    }
    if (isComma(t) && t.text === ",") {
      const nx = toks[k + 1];
      if (nx && (CONTENT_STOPS.has(nx.lower) || (nx.lower === "according" && toks[k + 2]?.lower === "to"))) {
        e = k;
        break;
      }
      // ", saying ...", ", adding that ..." start another attribution.
      if (nx && PARTICIPLES.has(nx.lower)) {
        e = k;
        break;
      }
      // ", he said." / ", officials said"
      const tail = sourceLeftTail(toks, k + 1, end);
      if (tail) {
        e = k;
        break;
      }
    }
  }
  while (e > s && isEndPunct(toks[e - 1]) && toks[e - 1]!.text !== ")") e--;
  while (e > s && toks[e - 1]!.kind === "punct" && /[,:;—–-]/.test(toks[e - 1]!.text)) e--;
  return e;
}

/** Is tokens [s, end) an attribution tail: "he said." / "said Macron."? */
function sourceLeftTail(toks: readonly Token[], s: number, end: number): boolean {
  for (let k = s; k < Math.min(end, s + MAX_SOURCE_TOKENS + 1); k++) {
    const t = toks[k]!;
    if (t.kind === "word" && CORE_CUES.has(t.lower) && !t.lower.endsWith("ing")) {
      let after = k + 1;
      while (after < end && toks[after]!.kind === "word") after++;
      return after >= end || isEndPunct(toks[after]) || isComma(toks[after]);
    }
    if (t.kind !== "word") return false;
  }
  return false;
}

/** Is [s, end) a short trailing phrase after a cue ("told CNBC Saturday.", "said in a statement.")? */
function shortTail(toks: readonly Token[], s: number, end: number): boolean {
  let words = 0;
  for (let k = s; k < end; k++) {
    const t = toks[k]!;
    if (t.kind === "quote" || t.lower === "that") return false;
    if (t.kind === "word") words++;
    else if (!isEndPunct(t) && !isComma(t)) return false;
  }
  return words <= 10;
}

/** Skip an indirect object and a prepositional phrase after a cue; return the index where content starts. */
function skipToContent(toks: readonly Token[], cue: number, s: number, end: number): number {
  let k = s;
  const t = toks[cue]!;
  // "told CNN that", "warned reporters that", "told him:"
  if (TAKES_OBJECT.has(t.lower)) {
    let j = k;
    while (
      j < end &&
      j - k < 5 &&
      toks[j]!.kind === "word" &&
      toks[j]!.lower !== "that" &&
      toks[j]!.lower !== "to"
    )
      j++;
    const nx = toks[j];
    if (j > k && nx && (nx.lower === "that" || nx.kind === "quote" || isComma(nx))) k = j;
    else if (
      j > k &&
      (isCap(toks[k]) ||
        ["him", "her", "them", "us", "me", "reporters", "journalists"].includes(toks[k]!.lower))
    ) {
      let o = k + 1;
      while (o < end && isCap(toks[o])) o++;
      k = o;
    }
  }
  // "said in a statement that", "said on Twitter:", "said Monday that"
  const p = toks[k];
  if (
    p &&
    (PREPS.has(p.lower) ||
      /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/.test(p.lower))
  ) {
    for (let j = k + 1; j < Math.min(end, k + 8); j++) {
      const x = toks[j]!;
      if (CLAUSE_WORDS.has(x.lower) && x.lower !== "that" && !PREPS.has(x.lower) && x.lower !== "of") break;
      if (x.kind === "quote" || x.lower === "that" || isComma(x)) {
        k = j;
        break;
      }
      if (x.kind !== "word" && x.text !== "." && x.text !== "-") break;
    }
  }
  // "said earlier on Friday during a news conference that ...": a nearby "that" past prepositional phrases.
  if (toks[k]?.lower !== "that" && toks[k]?.kind !== "quote") {
    for (let j = k; j < Math.min(end, k + 12); j++) {
      const x = toks[j]!;
      if (x.lower === "that" && j > k) {
        k = j;
        break;
      }
      if (x.kind !== "word" && !isComma(x) && x.text !== ".") break;
      if (CLAUSE_WORDS.has(x.lower) && !PREPS.has(x.lower) && x.lower !== "of") break;
      if (
        x.kind === "word" &&
        !isCap(x) &&
        !PREPS.has(x.lower) &&
        !TIME_WORDS.has(x.lower) &&
        !DETERMINERS.has(x.lower) &&
        !PP_NOUNS.has(x.lower)
      )
        break;
    }
  }
  while (k < end && isComma(toks[k])) k++;
  // "on Friday he met ...": a leading time phrase is not part of the content.
  if (toks[k]?.lower !== "that") {
    let j = k;
    if (
      toks[j] &&
      ["on", "in", "at", "during", "earlier", "last", "this", "late", "early"].includes(toks[j]!.lower)
    )
      j++;
    if (j < end && TIME_WORDS.has(toks[j]!.lower) && toks[j + 1]?.kind === "word") {
      j++;
      while (j < end && isComma(toks[j])) j++;
      k = j;
    }
  }
  return k;
}

const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night
  week weekend month year earlier later`.split(/\s+/),
);
/** Nouns of phrases between a cue and "that": "in a statement", "during a news conference", "on Twitter". */
const PP_NOUNS = new Set(
  `statement interview news conference press briefing speech rally release email letter post tweet call appearance
  debate hearing meeting radio television tv video op-ed column memo remarks event town hall an a the his her their
  earlier later also previously recently morning afternoon evening night week`.split(/\s+/),
);
/** Particles that belong to a cue verb (keyed by the verb without -s/-ed/-ing). */
const PARTICLES: ReadonlyMap<string, readonly string[]> = new Map([
  ["call", ["for", "on"]],
  ["point", ["out", "to"]],
  ["pointed", ["out", "to"]],
  ["refer", ["to"]],
  ["referr", ["to"]],
  ["talk", ["about"]],
  ["ask", ["about"]],
  ["warn", ["of", "against"]],
  ["speak", ["about", "of"]],
  ["spoke", ["about", "of"]],
  ["lash", ["out"]],
  ["rail", ["against"]],
]);

/** The index of the token just before `i` that is not an adverb allowed between source and cue. */
function skipBetween(toks: readonly Token[], i: number, floor: number): number {
  let e = i;
  while (e > floor && (BETWEEN.has(toks[e - 1]!.lower) || /^\p{Ll}+ly$/u.test(toks[e - 1]!.text))) e--;
  return e;
}

/** The subject of a unit for a participial cue: the nearest name or pronoun after a boundary. */
function unitSubject(toks: readonly Token[], before: number): [number, number] | null {
  for (let k = before - 1; k >= 0; k--) {
    const t = toks[k]!;
    const prev = toks[k - 1];
    const atBoundary =
      !prev || isComma(prev) || prev.lower === "and" || prev.lower === "but" || LEADING.has(prev.lower);
    if (!atBoundary || CLAUSE_WORDS.has(t.lower) || LEADING.has(t.lower)) continue;
    if (t.kind === "word" && PRONOUNS.has(t.lower) && !["that", "this", "which", "it"].includes(t.lower))
      return [k, k + 1];
    if (t.kind === "word" && DETERMINERS.has(t.lower)) {
      // "The judge rubbed his chin and then said": the noun phrase up to its head, or to a verb-like word.
      let h = k + 1;
      for (; h < Math.min(before, k + 5); h++) {
        const x = toks[h]!;
        if (SOURCE_HEADS.has(x.lower)) return [k, h + 1];
        if (x.kind !== "word" || CLAUSE_WORDS.has(x.lower) || CUES.has(x.lower) || /ed$/.test(x.lower)) break;
      }
      if (h > k + 1 && h - k <= 4) return [k, h];
      continue;
    }
    if (isCap(t) && !CUES.has(t.lower) && !LEADING.has(t.lower)) {
      let e = k;
      while (e < before && (isCap(toks[e]) || (toks[e]!.lower === "of" && isCap(toks[e + 1])))) e++;
      const nx = toks[e];
      if (nx && nx.kind === "word" && !isCap(nx)) return [k, e];
    }
  }
  return null;
}

/**
 * Find attributions in one unit.
 *
 * @param toks - the unit's tokens
 * @param unit - the unit's index (kept on each attribution)
 * @returns attributions in cue order; quotations inside reported content are added as partial quotes
 */
export function attributeUnit(toks: readonly Token[], unit: number): Attribution[] {
  const out: Attribution[] = [];
  const end = toks.length;
  let lastSourceIdx: [number, number] | null = null;
  out.push(...colonAttribution(toks, unit), ...askedAttribution(toks, unit));
  for (let i = 0; i < end; i++) {
    if (!cueAt(toks, i)) continue;
    const t = toks[i]!;
    // "according to SRC"
    if (t.lower === "according") {
      const src = sourceRight(toks, i + 2, end);
      const cue = spanOf(toks, i, i + 2)!;
      const source = src ? spanOf(toks, src[0], src[1]) : null;
      const after = src ? src[1] : i + 2;
      let content: Span | null = null;
      if (isComma(toks[i - 1])) {
        const ce = contentEnd(toks, 0, i - 1);
        content = spanOf(toks, 0, ce);
      } else if (i === 0 || LEADING.has(toks[i - 1]!.lower)) {
        let s = after;
        while (s < end && isComma(toks[s])) s++;
        content = spanOf(toks, s, contentEnd(toks, s, end));
      }
      if (content) push(out, toks, content, cue, source, unit);
      i = after - 1;
      continue;
    }
    // PolNeAR's cue spans take in auxiliaries and adverbs before the verb ("has also said") and a particle
    // after it ("called for", "pointed out", "referring to").
    let cueStart = i;
    while (
      cueStart > 0 &&
      (BETWEEN.has(toks[cueStart - 1]!.lower) || /^\p{Ll}+ly$/u.test(toks[cueStart - 1]!.text)) &&
      toks[cueStart - 1]!.lower !== "then"
    )
      cueStart--;
    let cueEnd = i + 1;
    const particle = toks[cueEnd]?.lower ?? "";
    if (PARTICLES.get(t.lower.replace(/(?:s|ed|ing)$/, ""))?.includes(particle)) cueEnd++;
    if (toks[cueEnd]?.lower === "in" && toks[cueEnd + 1]?.lower === "a") {
      const st = toks[cueEnd + 2]?.lower === "written" ? cueEnd + 3 : cueEnd + 2;
      if (toks[st]?.lower === "statement") cueEnd = st + 1;
    }
    const colon = toks[cueEnd];
    if (colon?.text === ":" && colon.start === toks[cueEnd - 1]!.end) cueEnd++;
    const cue = spanOf(toks, cueStart, cueEnd)!;
    const participle = PARTICIPLES.has(t.lower);
    const e = skipBetween(toks, i, 0);
    let srcIdx: [number, number] | null = null;
    const conj = e > 0 && ["and", "then", "but"].includes(toks[e - 1]!.lower);
    if (conj) {
      srcIdx = lastSourceIdx ?? unitSubject(toks, e - 1);
    } else if (participle && (isComma(toks[e - 1]) || e === 0 || toks[e - 1]!.kind === "word")) {
      // "..., saying that ..." / "he hinted ..., saying ..." → the clause's subject.
      srcIdx = lastSourceIdx ?? unitSubject(toks, i);
      if (srcIdx && !isComma(toks[e - 1]) && e > 0 && toks[e - 1]!.kind === "word") {
        const direct = sourceLeft(toks, e, 0);
        if (direct) srcIdx = direct;
      }
    } else {
      srcIdx = sourceLeft(toks, e, 0);
    }
    // "Chris Cox, who runs the NRA's lobbying arm, says": the source before an appositive.
    const closer = toks[e - 1];
    if (!srcIdx && !participle && closer && (isComma(closer) || isDash(closer)) && e >= 3) {
      let segEnd = e - 1;
      for (let k = e - 2; k > 0 && e - k <= 24; k--) {
        const open = toks[k]!;
        if (isComma(open) || open.kind === "quote" || isDash(open)) {
          const base = sourceLeft(toks, k, 0);
          // "Clinton, 35, the daughter of ..., said" / "Stacy Baker of Columbia, South Carolina, said":
          // look past an age or a short place part.
          if (!base && open.kind !== "quote" && k - 1 > 0 && segEnd - k <= 3) {
            segEnd = k;
            continue;
          }
          if (
            base &&
            open.kind !== "quote" &&
            (isCap(toks[base[1] - 1]) ||
              PRONOUNS.has(toks[base[0]]!.lower) ||
              DETERMINERS.has(toks[base[0]]!.lower))
          ) {
            // "One Republican hopeful, Carly Fiorina, says": a name in the appositive belongs to the source.
            const appositiveName =
              e - k <= 6 && toks.slice(k + 1, e - 1).every((x) => isCap(x) || x.text === ".");
            srcIdx = appositiveName && !isCap(toks[base[1] - 1]) ? [base[0], e - 1] : base;
          }
          break;
        }
      }
    }
    let inverted = false;
    let afterCue = cueEnd;
    const leftBoundary = srcIdx && !participle ? srcIdx[0] - 1 : e - 1;
    const lb = toks[leftBoundary];
    const leftIsQuote =
      lb !== undefined && (lb.kind === "quote" || (isComma(lb) && toks[leftBoundary - 1]?.kind === "quote"));
    if (!srcIdx && (leftIsQuote || isComma(lb)) && CUES.get(t.lower) === "speech") {
      const r = sourceRight(toks, i + 1, end);
      if (r) {
        srcIdx = r;
        inverted = true;
        afterCue = r[1];
      }
    }
    if (!srcIdx && !(CORE_CUES.has(t.lower) && leftIsQuote)) continue;
    const source = srcIdx ? spanOf(toks, srcIdx[0], srcIdx[1]) : null;
    // Content.
    const rest = afterCue;
    const restEmpty = rest >= end || isEndPunct(toks[rest]);
    const tailLeft = leftIsQuote || (isComma(lb) && !participle);
    const restSplit = isComma(toks[rest]) && (toks[rest + 1]?.kind === "quote" || leftIsQuote);
    if (tailLeft && (restEmpty || restSplit || (leftIsQuote && shortTail(toks, rest, end)))) {
      // Tail pattern: the content is on the left.
      const qIdx = lb!.kind === "quote" ? leftBoundary : leftBoundary - 1;
      const q = toks[qIdx];
      if (q && q.kind === "quote") {
        // A run of quotations, possibly split by the paragraph before (already its own unit).
        push(out, toks, q, cue, source, unit, "direct");
      } else if (
        isComma(lb) &&
        leftBoundary > 0 &&
        !(isComma(toks[rest]) && toks[rest + 1]?.kind === "quote")
      ) {
        const ce = contentEnd(toks, 0, leftBoundary);
        const content = spanOf(toks, 0, ce);
        if (content && ce >= 3) push(out, toks, content, cue, source, unit);
        else continue;
      } else if (!(isComma(toks[rest]) && toks[rest + 1]?.kind === "quote")) continue;
      // "A," he said, "B." / "Asked about it, he said, "B."" (the leading clause is the narrator's)
      if (isComma(toks[rest]) && toks[rest + 1]?.kind === "quote") {
        push(out, toks, toks[rest + 1]!, cue, source, unit, "direct");
        i = rest + 1;
      }
    } else if (!restEmpty) {
      const s = skipToContent(toks, i, rest, end);
      const first = toks[s];
      if (!first) {
        // "He said:" at the end of a paragraph: the quotation follows in the next one (resolved by the caller).
        if (toks[end - 1]?.text === ":") out.push({ kind: "direct", content: PENDING, cue, source, unit });
        continue;
      }
      if (first.kind === "quote" && (s + 1 >= end || isEndPunct(toks[s + 1]) || isComma(toks[s + 1]))) {
        push(out, toks, first, cue, source, unit, "direct");
        i = s;
      } else {
        const cls = CUES.get(t.lower);
        const ce = contentEnd(toks, s, end);
        if (ce <= s) continue;
        const content = spanOf(toks, s, ce)!;
        if (cls === "speech" || cls === "object") push(out, toks, content, cue, source, unit);
      }
    } else if (toks[end - 1]?.text === ":" && cueEnd >= end) {
      // "The mayor said:" ending its paragraph: the quotation follows in the next one.
      out.push({ kind: "direct", content: PENDING, cue, source, unit });
    } else continue;
    if (srcIdx && !inverted && !participle) lastSourceIdx = srcIdx;
  }
  return out;
}

/**
 * A colon as the cue: headlines and transcripts ("Graham: Trump's rhetoric is hurting us.", "TAPPER: And ...")
 * and a name introducing a quotation ("... said pollster Daron Shaw: "...").
 */
function colonAttribution(toks: readonly Token[], unit: number): Attribution[] {
  const c = toks.findIndex((t) => t.kind === "punct" && t.text === ":");
  if (c < 1 || c + 1 >= toks.length || toks[c + 1]!.start === toks[c]!.end) return [];
  const left = toks.slice(0, c);
  if (left.some((t) => NOT_SPEAKERS.has(t.lower))) return [];
  // "Cruz continued:" / "Breitbart News responded:" + a quotation: any verb right before the colon is the cue.
  const verb = toks[c - 1]!;
  if (
    c >= 2 &&
    verb.kind === "word" &&
    verb.text === verb.lower &&
    /(?:ed|s)$/.test(verb.lower) &&
    !CUES.has(verb.lower) &&
    toks[c + 1]?.kind === "quote" &&
    verb.end === toks[c]!.start
  ) {
    const src = sourceLeft(toks, c - 1, 0);
    if (src) {
      const q = toks[c + 1]!;
      const cue = { start: verb.start, end: toks[c]!.end };
      return [
        {
          kind: "direct",
          content: { start: q.start, end: q.end },
          cue,
          source: spanOf(toks, src[0], src[1]),
          unit,
        },
      ];
    }
  }
  if (left.some((t) => t.kind === "quote" || (t.kind === "word" && CUES.has(t.lower)))) return [];
  const cue = { start: toks[c]!.start, end: toks[c]!.end };
  const next = toks[c + 1]!;
  const quoteOnly = next.kind === "quote" && (c + 2 >= toks.length || isEndPunct(toks[c + 2]));
  let a = 0;
  if (c <= 7 && isCap(toks[c - 1])) {
    while (a < c && LEADING.has(toks[a]!.lower) && !isCap(toks[a])) a++;
    if (
      !plausibleSource(toks, a, c) ||
      toks.slice(a, c).some((t) => t.kind === "word" && !isCap(t) && !TITLE_LINKS.has(t.lower))
    ) {
      if (!quoteOnly) return [];
      a = c;
    }
  } else if (quoteOnly && isCap(toks[c - 1])) {
    a = c;
  } else return [];
  if (a === c) {
    while (a > 0 && (isCap(toks[a - 1]) || toks[a - 1]!.text === ".")) a--;
    if (a === c) return [];
  }
  const source = spanOf(toks, a, c);
  if (quoteOnly)
    return [{ kind: "direct", content: { start: next.start, end: next.end }, cue, source, unit }];
  const ce = contentEnd(toks, c + 1, toks.length);
  const content = spanOf(toks, c + 1, ce);
  if (!content) return [];
  const out: Attribution[] = [];
  push(out, toks, content, cue, source, unit);
  return out;
}

/**
 * "Asked whether X, Trump said ...": the question is reported too (cue "Asked", no speaker unless
 * "Asked by Y"), as PolNeAR annotates it.
 */
function askedAttribution(toks: readonly Token[], unit: number): Attribution[] {
  if (toks[0]?.text !== "Asked" || toks.length < 4) return [];
  let s = 1;
  let source: Span | null = null;
  if (toks[1]?.lower === "by") {
    const src = sourceRight(toks, 2, toks.length);
    if (!src) return [];
    source = spanOf(toks, src[0], src[1]);
    s = src[1];
  }
  let e = s;
  while (e < toks.length && !isComma(toks[e])) {
    const t = toks[e]!;
    e++;
    if (t.kind === "quote" && /,["”'’]+$/.test(t.text)) break;
  }
  if (e >= toks.length || e - s < 2) return [];
  const content = spanOf(toks, s, e);
  const cue = { start: toks[0].start, end: toks[0].end };
  return content ? [{ kind: "indirect", content, cue, source, unit }] : [];
}

/** Words that head a label, not a speaker, before a colon ("Question:", "The Latest:", "Editor's Note:"). */
const NOT_SPEAKERS = new Set(
  "question answer latest note update watch read related photos photo video exclusive breaking live opinion analysis review editorial transcript".split(
    " ",
  ),
);

/** Lower-case words allowed inside a headline speaker ("Clinton to Planned Parenthood", "Clinton camp"). */
const TITLE_LINKS = new Set(["of", "the", "camp", "on", "to", "and", "for"]);

/** Add an attribution; for indirect content, also each quotation inside it as a partial quote. */
function push(
  out: Attribution[],
  toks: readonly Token[],
  content: Span,
  cue: Span,
  source: Span | null,
  unit: number,
  kind?: "direct",
): void {
  if (kind === "direct") {
    out.push({ kind: "direct", content: { start: content.start, end: content.end }, cue, source, unit });
    return;
  }
  const quotes = toks.filter((t) => t.kind === "quote" && t.start >= content.start && t.end <= content.end);
  const whole = quotes.length === 1 && quotes[0]!.start === content.start && quotes[0]!.end === content.end;
  out.push({ kind: whole ? "direct" : "indirect", content, cue, source, unit });
  if (!whole)
    for (const q of quotes)
      out.push({ kind: "partial", content: { start: q.start, end: q.end }, cue, source, unit });
}
