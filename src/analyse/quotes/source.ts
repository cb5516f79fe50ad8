/** Source (speaker) phrases: scanning left or right of a cue, appositives aside, and a clause's subject. */
import { BETWEEN, CUES, PRONOUNS } from "./cues.ts";
import {
  CLAUSE_WORDS,
  DETERMINERS,
  isCap,
  isComma,
  isLyAdverb,
  LEADING,
  MAX_SOURCE_TOKENS,
  SOURCE_HEADS,
  SOURCE_PUNCT,
  TIME_ONLY,
} from "./phrase.ts";
import type { Token } from "./tokens.ts";

/** Does tokens [a, b) look like a speaker phrase? */
export function plausibleSource(toks: readonly Token[], a: number, b: number): boolean {
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
  if (
    words.every(
      (t) =>
        t.kind !== "word" || /^\p{N}/u.test(t.text) || TIME_ONLY.has(t.lower) || DETERMINERS.has(t.lower),
    )
  )
    return false;
  const last = words[words.length - 1]!;
  if (isCap(last) || isCap(words[0])) return true;
  if (DETERMINERS.has(words[0]!.lower) && n <= 5) return true;
  if (SOURCE_HEADS.has(last.lower.replace(/’s$|'s$/, ""))) return true;
  return words.some((t) => SOURCE_HEADS.has(t.lower) || SOURCE_HEADS.has(t.lower.replace(/s$/, "")));
}

/** Scan left from just before index `e` (exclusive) for a source phrase; returns [a, e) or null. */
export function sourceLeft(toks: readonly Token[], e: number, floor: number): [number, number] | null {
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
      // "Obama and Clinton said", "The campaign and its allies said", "Federal and state officials said".
      const right = toks[a];
      const left = toks[a - 2];
      const nominal = (x: Token | undefined) =>
        x !== undefined && (isCap(x) || SOURCE_HEADS.has(x.lower) || DETERMINERS.has(x.lower));
      if (!(isCap(right) && isCap(left)) && !(nominal(left) && (nominal(right) || isCap(left)))) break;
    } else if (t.kind === "word" && CLAUSE_WORDS.has(t.lower) && !["of", "for", "at", "in"].includes(t.lower))
      break;
    else if (
      t.kind === "word" &&
      ["for", "at", "in"].includes(t.lower) &&
      !isCap(toks[a]) &&
      !/^\p{N}/u.test(toks[a]?.text ?? "") &&
      // "lawyers for the family", "officials at the ministry": a source noun before the preposition.
      !SOURCE_HEADS.has((toks[a - 2]?.lower ?? "").replace(/s$/, "")) &&
      !SOURCE_HEADS.has(toks[a - 2]?.lower ?? "")
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

/** Scan right from index `s` for an inverted source ("said Renard", "said the spokesman"). */
export function sourceRight(toks: readonly Token[], s: number, end: number): [number, number] | null {
  let b = s;
  while (b < end) {
    const t = toks[b]!;
    if (t.kind !== "word") {
      if (t.kind === "punct" && (t.text === "-" || t.text === "’" || t.text === "'")) {
        b++;
        continue;
      }
      // "said Sen. Jo Reed (D-Ore.)": keep the parenthesis with the name.
      if (t.text === "(" && isCap(toks[b - 1])) {
        let c = b + 1;
        while (c < end && c - b < 8 && toks[c]!.text !== ")" && toks[c]!.kind !== "quote") c++;
        if (toks[c]?.text === ")") {
          b = c + 1;
          break;
        }
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

/** The index of the token just before `i` that is not an adverb allowed between source and cue. */
export function skipBetween(toks: readonly Token[], i: number, floor: number): number {
  let e = i;
  while (e > floor && (BETWEEN.has(toks[e - 1]!.lower) || isLyAdverb(toks[e - 1]))) e--;
  return e;
}

/** Lower-case words of a title before a name ("presidential nominee", "former state senator"). */
const ROLE_WORDS = new Set(
  `presidential vice nominee candidate senator governor secretary minister former state senior chief campaign
  party leader chairman spokesman spokeswoman adviser advisor frontrunner front-runner hopeful rival`.split(
    /\s+/,
  ),
);

/** The subject of a unit for a participial cue: the nearest name or pronoun after a boundary. */
export function unitSubject(toks: readonly Token[], before: number): [number, number] | null {
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
      // "Democratic presidential nominee Ada Berg": lower-case title words between capitalised ones.
      const titleRun = (x: number) => {
        let y = x;
        while (y < before && y - x < 3 && ROLE_WORDS.has(toks[y]!.lower)) y++;
        return y > x && isCap(toks[y]) ? y : x;
      };
      while (e < before) {
        if (isCap(toks[e]) || (toks[e]!.lower === "of" && isCap(toks[e + 1]))) e++;
        else if (e > k && titleRun(e) > e) e = titleRun(e);
        else break;
      }
      const nx = toks[e];
      if (nx && nx.kind === "word" && !isCap(nx)) return [k, e];
    }
  }
  return null;
}
