/** Content of reported speech: where it starts after a cue and where it ends. */
import { BETWEEN, CORE_CUES, CUES, PARTICIPLES, TAKES_OBJECT } from "./cues.ts";
import {
  CLAUSE_WORDS,
  CONTENT_STOPS,
  DETERMINERS,
  isCap,
  isComma,
  isEndPunct,
  MAX_SOURCE_TOKENS,
  PREPS,
} from "./phrase.ts";
import type { Token } from "./tokens.ts";

/** The end (exclusive token index) of indirect content starting at `s`. */
export function contentEnd(toks: readonly Token[], s: number, end: number): number {
  let e = end;
  for (let k = s; k < end; k++) {
    const t = toks[k]!;
    // "...; that's a ticket to ..." and "... and called his standing ..." end the reported clause.
    if (
      (t.kind === "punct" && t.text === ";") ||
      (t.lower === "and" && k > s && CUES.has(toks[k + 1]?.lower ?? "")) ||
      ((t.lower === "and" || t.lower === "but") && k > s && subjectThenCue(toks, k + 1, end))
    ) {
      e = k;
      break;
    }
    // `... because “...,” she said.`: the quotation belongs to its own tail attribution.
    if (t.kind === "quote" && k > s && sourceLeftTail(toks, k + 1, end)) {
      e = k;
      break;
    }
    if (isComma(t) && t.text === ",") {
      const nx = toks[k + 1];
      // "..., but that it ..." / "..., but not ...": the second half of the same report goes on.
      const goesOn = nx?.lower === "but" && BUT_GOES_ON.has(toks[k + 2]?.lower ?? "");
      if (
        nx &&
        !goesOn &&
        (CONTENT_STOPS.has(nx.lower) || (nx.lower === "according" && toks[k + 2]?.lower === "to"))
      ) {
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

/** Words after ", but" that continue the reported clause rather than end it ("..., but that ...", "but not"). */
const BUT_GOES_ON = new Set(["that", "not", "also", "only", "instead", "rather", "because"]);

/** Subject pronouns that open a new attribution after "and": "... and she said ...". */
const SUBJECTS = new Set(["he", "she", "they", "we", "i"]);

/**
 * Does a new attribution start at `s`: a name or a subject pronoun, then a speech cue ("... and Berg said,
 * ...", "... but he insisted ...")? Then the reported clause before it ends there.
 */
export function subjectThenCue(toks: readonly Token[], s: number, end: number): boolean {
  let k = s;
  if (SUBJECTS.has(toks[k]?.lower ?? "")) k++;
  else while (k < end && k - s < 4 && isCap(toks[k])) k++;
  if (k === s) return false;
  while (k < end && BETWEEN.has(toks[k]!.lower)) k++;
  const cue = toks[k];
  return cue !== undefined && cue.text === cue.lower && CUES.get(cue.lower) === "speech";
}

/** Is tokens [s, end) an attribution tail: "he said." / "said Renard."? */
export function sourceLeftTail(toks: readonly Token[], s: number, end: number): boolean {
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
export function shortTail(toks: readonly Token[], s: number, end: number): boolean {
  let words = 0;
  for (let k = s; k < end; k++) {
    const t = toks[k]!;
    if (t.kind === "quote" || t.lower === "that") return false;
    if (t.kind === "word") words++;
    else if (!isEndPunct(t) && !isComma(t)) return false;
  }
  return words <= 10;
}

/** Words that open the narrator's adjunct after a tail attribution: `"...," Berg told Holt, after he ...`. */
const ADJUNCT_TAIL = new Set([
  "after",
  "before",
  "as",
  "when",
  "while",
  "because",
  "during",
  "since",
  "until",
]);

/**
 * Is [s, end) an object of at most a few capitalised words or an object pronoun, then a comma and the
 * narrator's adjunct ("told Holt, after the hearing ...")? Then the attribution is a tail of the quotation
 * before it, not a cue of what follows.
 */
export function adjunctTail(toks: readonly Token[], s: number, end: number): boolean {
  let k = s;
  while (k < end && k - s < 4 && (isCap(toks[k]) || OBJECT_PRONOUNS.has(toks[k]!.lower))) k++;
  return isComma(toks[k]) && ADJUNCT_TAIL.has(toks[k + 1]?.lower ?? "");
}
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "us", "me", "reporters"]);

/** Skip an indirect object and a prepositional phrase after a cue; return the index where content starts. */
export function skipToContent(toks: readonly Token[], cue: number, s: number, end: number): number {
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
    // "told CNN that ...", "told Fox News: "..."": skip the object; "told him she worries he's "..."" is content.
    const named = toks.slice(k, j).every((x) => isCap(x));
    if (j > k && nx && (nx.lower === "that" || ((nx.kind === "quote" || isComma(nx)) && named))) k = j;
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

export const TIME_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night
  week weekend month year earlier later`.split(/\s+/),
);
/** Nouns of phrases between a cue and "that": "in a statement", "during a news conference", "on Twitter". */
export const PP_NOUNS = new Set(
  `statement interview news conference press briefing speech rally release email letter post tweet call appearance
  debate hearing meeting radio television tv video op-ed column memo remarks event town hall an a the his her their
  earlier later also previously recently morning afternoon evening night week`.split(/\s+/),
);
