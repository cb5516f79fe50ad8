/**
 * The attribution rules: within each unit, find cues and, for each, its source (speaker) and content.
 *
 * Patterns (SRC = source phrase, CUE = cue, Q = quoted region, C = reported clause):
 *   SRC CUE [OBJ] [PP] [,:] Q          → direct        ("Berg said: "...")
 *   SRC CUE [OBJ] [that] C             → indirect      ("Haddad said Lindqvist had agreed ...")
 *   Q [,] SRC CUE | Q [,] CUE SRC      → direct        ("..., " he said / "...", said Renard)
 *   C , SRC CUE .                      → indirect      ("..., sources said.")
 *   according to SRC , C | C , according to SRC
 *   ..., CUE-ing [that] C | Q          → speaker is the clause's subject ("..., adding that ...")
 * A quotation inside reported content becomes a partial quote with the same cue and speaker.
 */
import type { Span } from "../../core/index.ts";
import { type Attribution, PENDING, push } from "./attribution.ts";
import { adjunctTail, contentEnd, shortTail, skipToContent } from "./content.ts";
import { BETWEEN, CORE_CUES, CUES, PARTICIPLES, PRONOUNS } from "./cues.ts";
import { askedAttribution, colonAttribution, dashAttribution, findingAttribution } from "./headline.ts";
import {
  CLAUSE_WORDS,
  DETERMINERS,
  isCap,
  isComma,
  isDash,
  isEndPunct,
  isLyAdverb,
  LEADING,
  POSSESSIVES,
  spanOf,
} from "./phrase.ts";
import { skipBetween, sourceLeft, sourceRight, unitSubject } from "./source.ts";
import type { Token } from "./tokens.ts";

export { type Attribution, PENDING } from "./attribution.ts";

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
  if (!CUES.has(t.lower)) return false;
  // A capitalised cue only in a title-case headline ("Bellwether County Says Berg Should Win").
  if (t.text !== t.lower && (i === 0 || !CORE_CUES.has(t.lower) || !titleCase(toks))) return false;
  const prev = toks[i - 1];
  // "Trump's claims" (a possessive), but "He’s claiming" (a split contraction: the token is "’s" alone).
  if (prev && (POSSESSIVES.has(prev.lower) || (/[’']s$/.test(prev.lower) && prev.lower.length > 2)))
    return false;
  if (prev && DETERMINERS.has(prev.lower) && prev.lower !== "one" && prev.lower !== "two") return false;
  // "It goes without saying": no speech.
  if (prev?.lower === "without") return false;
  if (
    prev &&
    (prev.lower === "to" || prev.lower === "be" || prev.lower === "been" || prev.lower === "being") &&
    !CORE_CUES.has(t.lower)
  )
    return false;
  const next = toks[i + 1];
  // Words that are nouns as often as verbs ("a flurry of tweets", "his TV show", "in one tweet"): not after
  // "of", a preposition, a number or a hyphenated or capitalised modifier.
  if (
    NOUN_FORMS.has(t.lower) &&
    prev &&
    (NOUN_LEFT.has(prev.lower) ||
      /-/.test(prev.text) ||
      /^\p{N}/u.test(prev.text) ||
      // "Fox’s show", "the TV show", but "Polls show", "Records show" (a plural subject).
      (isCap(prev) && !/s$/.test(t.lower) && !PRONOUNS.has(prev.lower) && !pluralSubject(prev)) ||
      // "an early tweet", "his latest remarks": an adjective between a determiner and the noun ("the poll
      // shows" is a verb: only the forms that are nouns after an adjective).
      ((t.lower === "tweet" || t.lower === "remarks") &&
        /^\p{Ll}+$/u.test(prev.text) &&
        !BETWEEN.has(prev.lower) &&
        !isLyAdverb(prev) &&
        (DETERMINERS.has(toks[i - 2]?.lower ?? "") || POSSESSIVES.has(toks[i - 2]?.lower ?? ""))))
  )
    return false;
  // "called an emergency meeting", "called into a show", "a group called Lashkar": no speech.
  if (/^call(?:ed|s|ing)?$/.test(t.lower)) {
    if (next && CALL_PARTICLES.has(next.lower)) return false;
    if (
      prev &&
      prev.kind === "word" &&
      !isCap(prev) &&
      /^\p{Ll}+$/u.test(prev.text) &&
      NAMING_NOUN.test(prev.lower) &&
      (isCap(next) || (next?.lower === "the" && (isCap(toks[i + 2]) || toks[i + 2]?.kind === "quote")))
    )
      return false;
    const obj = toks.slice(i + 1, i + 5).map((x) => x.lower);
    if (obj.some((w) => CALLED_EVENTS.has(w)) && ["a", "an", "the"].includes(obj[0] ?? "")) return false;
  }
  return true;
}

/** A capitalised plural noun that can be the subject of "show", "find" ("Polls", "Records"; not "News"). */
function pluralSubject(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+s$/u.test(t.text) && !/(?:ss|us|news)$/.test(t.lower);
}

/** Cue words that are as often nouns. */
const NOUN_FORMS = new Set([
  "tweet",
  "tweets",
  "show",
  "shows",
  "remarks",
  "claims",
  "reports",
  "fears",
  "hopes",
  "calls",
  "thought",
]);
/** Words before a noun use of those. */
const NOUN_LEFT = new Set([
  "of",
  "in",
  "on",
  "at",
  "with",
  "by",
  "from",
  "one",
  "another",
  "latest",
  "recent",
  "late-night",
  "tv",
  "hit",
  "series",
  "flurry",
]);
/** Particles after "called" that make it no speech: "called into", "called off". */
const CALL_PARTICLES = new Set(["into", "in", "off", "up", "back"]);
/** Nouns named by a following "called X": "a group called ...". */
const NAMING_NOUN =
  /^(?:group|organi[sz]ation|company|firm|program|programme|film|book|show|town|village|city|party|movement|network|plan|project|bill|app|website|site|band|ship|operation|militia|faction|tool|document|report|initiative|fund|effort|device|system|campaign)s?$/;
/** Events one calls rather than says: "called an emergency meeting", "called for a vote" stays a cue. */
const CALLED_EVENTS = new Set([
  "meeting",
  "election",
  "elections",
  "session",
  "summit",
  "strike",
  "halt",
  "timeout",
  "recess",
  "conference",
  "hearing",
  "referendum",
]);

/** Prepositions that open an adjunct between a name and its cue: "Clinton, at the debate, said". */
const ADJUNCT_OPENERS = new Set([
  "at",
  "in",
  "on",
  "during",
  "after",
  "before",
  "while",
  "when",
  "like",
  "unlike",
  "as",
  "in",
  "for",
]);

/** Auxiliaries that make an -ing cue a finite progressive verb: "is calling", "were warning". */
const PROGRESSIVE_AUX = new Set([
  "is",
  "are",
  "was",
  "were",
  "am",
  "be",
  "been",
  "’s",
  "'s",
  "’re",
  "'re",
  "’m",
  "'m",
]);

/** Discourse adverbs set off by commas between a source and its cue ("Berg, however, said"). */
const DISCOURSE = new Set([
  "meanwhile",
  "however",
  "too",
  "though",
  "instead",
  "also",
  "still",
  "likewise",
  "later",
]);

/** Pronouns that are a clause's subject. */
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "we", "i"]);

/** Relative and question words that open a clause whose verb follows an inserted attribution ("which he said was"). */
const WH_FRAGMENTS = new Set(["which", "what"]);

/** Words that open a relative clause after a name: "Ada Berg, who runs the lab, said". */
const RELATIVES = new Set(["who", "which", "whose", "whom", "where"]);

/** Are most words of the unit capitalised (a headline in title case)? */
function titleCase(toks: readonly Token[]): boolean {
  const words = toks.filter((t) => t.kind === "word" && /^\p{L}/u.test(t.text));
  return words.length >= 4 && words.filter((t) => isCap(t)).length >= 0.8 * words.length;
}

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

/** Particles that belong to a cue verb (keyed by the verb without -s/-ed/-ing). */
const PARTICLES: ReadonlyMap<string, readonly string[]> = new Map([
  ["call", ["for", "on", "out"]],
  ["point", ["out", "to"]],
  ["pointed", ["out", "to"]],
  ["refer", ["to"]],
  ["referr", ["to"]],
  ["talk", ["about"]],
  ["ask", ["about"]],
  ["respond", ["to"]],
  ["worri", ["about"]],
  ["push", ["for", "back"]],
  ["pushe", ["for", "back"]],
  ["agre", ["with"]],
  ["agree", ["with"]],
  ["argu", ["for"]],
  ["argue", ["for"]],
  ["caution", ["against"]],
  ["wrote", ["about"]],
  ["write", ["about"]],
  ["hint", ["at"]],
  ["comment", ["on"]],
  ["express", ["concern", "confidence"]],
  ["expresse", ["concern", "confidence"]],
  ["spoken", ["out"]],
  ["warn", ["of", "against"]],
  ["speak", ["about", "of", "out"]],
  ["spoke", ["about", "of", "out"]],
  ["lash", ["out"]],
  ["rail", ["against"]],
]);

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
  out.push(
    ...colonAttribution(toks, unit),
    ...askedAttribution(toks, unit),
    ...dashAttribution(toks, unit),
    ...findingAttribution(toks, unit),
  );
  for (let i = 0; i < end; i++) {
    const raising = raisingAt(toks, i, end, unit);
    if (raising) {
      const { subject, ...rest } = raising;
      if (subject) out.push({ ...rest, content: subject });
      out.push(rest);
      continue;
    }
    if (!cueAt(toks, i)) continue;
    const t = toks[i]!;
    // "according to SRC"
    if (t.lower === "according") {
      const src = sourceRight(toks, i + 2, end) ?? accordingSource(toks, i + 2, end);
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
      (BETWEEN.has(toks[cueStart - 1]!.lower) || isLyAdverb(toks[cueStart - 1])) &&
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
    // A passive with its agent: "The plan was criticized by the mayor" → the mayor is the source, the subject
    // is the content.
    const passive = passiveAgent(toks, cueStart, i, cueEnd, end);
    if (passive) {
      push(out, toks, passive.content, cue, passive.source, unit);
      i = passive.after - 1;
      continue;
    }
    // "..., saying ..." attaches to the clause's subject; "is calling for" (a progressive) is a finite verb.
    const participle =
      PARTICIPLES.has(t.lower) && !toks.slice(cueStart, i).some((x) => PROGRESSIVE_AUX.has(x.lower));
    const e = skipBetween(toks, i, 0);
    let srcIdx: [number, number] | null = null;
    let headIdx: [number, number] | null = null;
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
      // "Sanders on Tuesday said", "The ministry last week said": a time phrase between source and cue.
      const te = timeBefore(toks, e);
      if (te < e && (!srcIdx || srcIdx[1] - srcIdx[0] <= e - te)) srcIdx = sourceLeft(toks, te, 0) ?? srcIdx;
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
          // "Ada Berg, 21, a student from Tromsø, said": an age between the name and the appositive.
          if (!base && isComma(open) && /^\p{N}+$/u.test(toks[k - 1]!.text) && isComma(toks[k - 2])) {
            segEnd = k - 2;
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
            headIdx = appositiveName && !isCap(toks[base[1] - 1]) ? [base[0], e - 1] : base;
            // PolNeAR's source span keeps the appositive and its closing comma: "Ada Berg, the mayor's aide,".
            srcIdx = [base[0], e];
            // "Ada Berg, the mayor's aide, who ..., said" / "Ada Berg, the mayor's aide, one of ..., said":
            // the name and its first appositive; a relative clause right after the name is left out.
            const name = isComma(toks[base[0] - 1]) ? sourceLeft(toks, base[0] - 1, 0) : null;
            // "Trump, speaking to veterans, said" / "Clinton, at the debate, said": an adjunct, not an appositive.
            const opener = toks[k + 1];
            const relative =
              RELATIVES.has(opener?.lower ?? "") ||
              (opener !== undefined &&
                !isCap(opener) &&
                (/^\p{Ll}+ing$/u.test(opener.text) || ADJUNCT_OPENERS.has(opener.lower))) ||
              // "Berg, meanwhile, said": a discourse adverb between commas is the narrator's.
              (e - k <= 4 && DISCOURSE.has(opener?.lower ?? ""));
            if (name && isCap(toks[name[1] - 1]) && isComma(open)) {
              headIdx = name;
              srcIdx = [name[0], k + 1];
            } else if (relative && isComma(open)) srcIdx = base;
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
        const full = appositiveRight(toks, r[1], end);
        srcIdx = [r[0], full];
        if (full > r[1]) headIdx = r;
        inverted = true;
        afterCue = full;
      }
    }
    if (!srcIdx && !(CORE_CUES.has(t.lower) && leftIsQuote)) continue;
    // "In an interview with the network RT he blasted ...": a fronted phrase without a comma ends at the
    // subject pronoun.
    if (
      srcIdx &&
      !inverted &&
      srcIdx[1] - srcIdx[0] > 1 &&
      SUBJECT_PRONOUNS.has(toks[srcIdx[1] - 1]!.lower)
    ) {
      srcIdx = [srcIdx[1] - 1, srcIdx[1]];
      headIdx = null;
    }
    const source = srcIdx ? spanOf(toks, srcIdx[0], srcIdx[1]) : null;
    const head = headIdx ? spanOf(toks, headIdx[0], headIdx[1]) : null;
    // Content.
    const rest = afterCue;
    const restEmpty = rest >= end || isEndPunct(toks[rest]);
    const tailLeft = leftIsQuote || (isComma(lb) && !participle);
    const restSplit = isComma(toks[rest]) && (toks[rest + 1]?.kind === "quote" || leftIsQuote);
    // `"A," Berg told a crowd of farmers on Friday.`: a quotation that ends in a comma (or "?", "!") inside
    // its marks is the content; what follows the cue is the narrator's, however long.
    const leftQuote = leftIsQuote ? toks[lb!.kind === "quote" ? leftBoundary : leftBoundary - 1] : undefined;
    const openEnded = leftQuote !== undefined && /[,?!]\s*["”’'»]+$/.test(leftQuote.text);
    if (
      tailLeft &&
      (restEmpty ||
        restSplit ||
        (leftIsQuote && (openEnded || shortTail(toks, rest, end) || adjunctTail(toks, rest, end))))
    ) {
      // Tail pattern: the content is on the left.
      const qIdx = lb!.kind === "quote" ? leftBoundary : leftBoundary - 1;
      const q = toks[qIdx];
      if (q && q.kind === "quote") {
        // A run of quotations, possibly split by the paragraph before (already its own unit).
        push(out, toks, q, cue, source, unit, "direct", head);
      } else if (
        isComma(lb) &&
        leftBoundary > 0 &&
        !(isComma(toks[rest]) && toks[rest + 1]?.kind === "quote")
      ) {
        // "The program, which began in 1990, has grown, they say.": the whole clause before the tail; a
        // relative clause or an aside inside it does not end it.
        const ce = tailClauseEnd(toks, leftBoundary);
        const content = spanOf(toks, 0, ce);
        if (content && ce >= 3) push(out, toks, content, cue, source, unit, undefined, head);
        else continue;
      } else if (!(isComma(toks[rest]) && toks[rest + 1]?.kind === "quote")) continue;
      // "A," he said, "B." / "Asked about it, he said, "B."" (the leading clause is the narrator's)
      if (isComma(toks[rest]) && toks[rest + 1]?.kind === "quote") {
        push(out, toks, toks[rest + 1]!, cue, source, unit, "direct", head);
        i = rest + 1;
      } else if (openEnded && !restEmpty) {
        // `"A," he said of the plan, "B."`: the quotation resumes after the narrator's adjunct.
        const k = splitResume(toks, rest, end);
        if (k > 0) {
          push(out, toks, toks[k]!, cue, source, unit, "direct", head);
          i = k;
        }
      }
    } else if (!restEmpty) {
      const s = skipToContent(toks, i, rest, end);
      const first = toks[s];
      if (!first) {
        // "He said:" at the end of a paragraph: the quotation follows in the next one (resolved by the caller).
        if (toks[end - 1]?.text === ":")
          out.push({ kind: "direct", content: PENDING, cue, source, unit, ...(head ? { head } : {}) });
        continue;
      }
      if (first.kind === "quote" && (s + 1 >= end || isEndPunct(toks[s + 1]) || isComma(toks[s + 1]))) {
        push(out, toks, first, cue, source, unit, "direct", head);
        i = s;
      } else {
        const cls = CUES.get(t.lower);
        const ce = contentEnd(toks, s, end);
        if (ce <= s) continue;
        // "accused Holt of ...", "described the plan as ...", "complained about ...": PolNeAR's cue runs
        // through the object and the preposition; the content is what follows.
        // "accused Holt of lying": PolNeAR's cue is the verb and the content runs from the object ("Holt of lying").
        const p =
          s === cueEnd && !/^(?:accus|compar|liken)/.test(t.lower)
            ? objectPreposition(toks, t.lower, s, ce)
            : -1;
        const theCue = p > 0 ? spanOf(toks, cueStart, p + 1)! : cue;
        const content = spanOf(toks, p > 0 ? p + 1 : s, ce)!;
        if (cls !== "speech" && cls !== "object") continue;
        // "In his state, Berg said, offenders are sent to treatment.": an attribution set off by commas inside
        // the reported clause; the part before it is a fragment of the same content.
        if (isComma(lb) && isComma(toks[rest]) && srcIdx && !participle && !inverted && leftBoundary >= 2) {
          // "a ruling which, she said, was unfair": only the relative word is the fragment.
          const wh = WH_FRAGMENTS.has(toks[leftBoundary - 1]!.lower);
          const before = wh
            ? spanOf(toks, leftBoundary - 1, leftBoundary)
            : spanOf(toks, 0, tailClauseEnd(toks, leftBoundary));
          if (before && before.end > before.start)
            push(out, toks, before, theCue, source, unit, undefined, head);
        }
        // "a sentence which, he said, was fair" / "what she says is a plan": the relative word before the source
        // is a fragment of the content.
        const rel = srcIdx && !inverted ? toks[srcIdx[0] - 1] : undefined;
        if (rel && s === cueEnd && WH_FRAGMENTS.has(rel.lower))
          push(out, toks, spanOf(toks, srcIdx![0] - 1, srcIdx![0])!, theCue, source, unit, undefined, head);
        push(out, toks, content, theCue, source, unit, undefined, head);
      }
    } else if (toks[end - 1]?.text === ":" && cueEnd >= end) {
      // "The mayor said:" ending its paragraph: the quotation follows in the next one.
      out.push({ kind: "direct", content: PENDING, cue, source, unit, ...(head ? { head } : {}) });
    } else continue;
    if (srcIdx && !inverted && !participle) lastSourceIdx = headIdx ?? srcIdx;
  }
  return out;
}

/** Most tokens an appositive after an inverted source has ("said Ada Berg, a lawyer who ..."). */
const MAX_APPOSITIVE = 30;

/**
 * The end of an inverted source with its appositive: "said Ada Berg, a lawyer in Tromsø." → the source runs
 * to the sentence end (PolNeAR keeps the appositive, without a closing comma). Returns `b` when there is none.
 */
export function appositiveRight(toks: readonly Token[], b: number, end: number): number {
  const first = toks[b + 1];
  if (!isComma(toks[b]) || first?.kind !== "word") return b;
  // "said Caddell, speaking of ...": a participle is the narrator's, not an appositive.
  if (PARTICIPLES.has(first.lower) || /^\p{Ll}+ing$/u.test(first.text)) return b;
  let k = b + 1;
  for (; k < end && k - b <= MAX_APPOSITIVE; k++) {
    const t = toks[k]!;
    if (t.kind === "quote" || isEndPunct(t) || (t.kind === "punct" && (t.text === ";" || t.text === ":")))
      break;
    const nx = toks[k + 1];
    if (
      isComma(t) &&
      (nx?.kind === "quote" ||
        PARTICIPLES.has(nx?.lower ?? "") ||
        (nx !== undefined && /^\p{Ll}+ing$/u.test(nx.text)))
    )
      break;
    if (t.lower === "and" && CUES.has(toks[k + 1]?.lower ?? "")) break;
  }
  if (k - b > MAX_APPOSITIVE || toks[k]?.kind === "quote") return b;
  let e = k;
  while (e > b && toks[e - 1]!.kind === "punct" && toks[e - 1]!.text !== ")") e--;
  return e > b + 1 ? e : b;
}

/** Object cues (by stem) and the preposition that links them to their content: "accused X of". */
const OBJECT_PREPS: readonly (readonly [RegExp, string])[] = [
  [/^accus/, "of"],
  [/^(?:compar|liken)/, "to"],
  [/^(?:complain|talk|spoke|speak|ask|told|tell|warn|boast|brag|joke|joking)/, "about"],
];
/** Most tokens of an object between the cue and its preposition. */
const MAX_OBJECT = 5;

/**
 * The index of the preposition after an object cue's object ("accused [the mayor] of"), or -1. The object is
 * a short run of words without clause words or punctuation; content must follow the preposition.
 */
export function objectPreposition(toks: readonly Token[], verb: string, s: number, ce: number): number {
  const prep = OBJECT_PREPS.find(([re]) => re.test(verb))?.[1];
  if (!prep) return -1;
  for (let j = s; j < Math.min(ce - 1, s + MAX_OBJECT + 1); j++) {
    const x = toks[j]!;
    if (x.kind !== "word") return -1;
    if (x.lower === prep) return toks[j + 1]?.kind === "word" || toks[j + 1]?.kind === "quote" ? j : -1;
    if (CLAUSE_WORDS.has(x.lower) || CUES.has(x.lower)) return -1;
  }
  return -1;
}

/** Most tokens of the source after "according to". */
const MAX_ACCORDING = 15;
/** Words that end the source after "according to" ("according to officials who ..." keeps "officials"). */
const ACCORDING_STOPS = new Set([
  "that",
  "which",
  "who",
  "whose",
  "and",
  "but",
  "because",
  "although",
  "though",
  "while",
  "when",
  "if",
]);

/**
 * The source after "according to" when it is no name or known source noun ("according to show insiders",
 * "according to federal statistics"): the words up to a comma, an end mark or a clause word.
 */
export function accordingSource(toks: readonly Token[], s: number, end: number): [number, number] | null {
  let b = s;
  while (b < end && b - s < MAX_ACCORDING) {
    const t = toks[b]!;
    if (t.kind === "quote" || (t.kind === "punct" && !["-", "’", "'", "&", "."].includes(t.text))) break;
    if (t.kind === "punct" && t.text === "." && (b + 1 >= end || isCap(toks[b + 1]))) break;
    if (ACCORDING_STOPS.has(t.lower)) break;
    b++;
  }
  if (b - s >= MAX_ACCORDING || b === s) return null;
  return [s, b];
}

/** The end of a clause before an attribution tail at `lb` (its comma): up to it, without end marks. */
function tailClauseEnd(toks: readonly Token[], lb: number): number {
  for (let k = 0; k < lb; k++) if (toks[k]!.kind === "punct" && toks[k]!.text === ";") return k;
  let e = lb;
  while (e > 0 && toks[e - 1]!.kind === "punct" && /[,:;—–-]/.test(toks[e - 1]!.text)) e--;
  return e;
}

/**
 * The index of a quotation that resumes a split one after the narrator's words (`, "B."` closing the unit or
 * followed by a comma), or -1.
 */
function splitResume(toks: readonly Token[], s: number, end: number): number {
  for (let k = s; k + 1 < end; k++) {
    if (!isComma(toks[k]) || toks[k + 1]!.kind !== "quote") continue;
    const after = toks[k + 2];
    return !after || isEndPunct(after) || isComma(after) ? k + 1 : -1;
  }
  return -1;
}

/** Day and time words of a time phrase between a source and its cue. */
const TIME_PHRASE_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night
  week weekend month year earlier later`.split(/\s+/),
);

/** The start of a time phrase ending just before `e` ("on Tuesday", "last week", "earlier this month"), or `e`. */
function timeBefore(toks: readonly Token[], e: number): number {
  let k = e;
  while (k > 0 && e - k < 4 && TIME_PHRASE_WORDS.has(toks[k - 1]!.lower)) k--;
  if (k === e) return e;
  while (
    k > 0 &&
    e - k < 5 &&
    ["on", "last", "this", "earlier", "late", "early", "in"].includes(toks[k - 1]!.lower)
  )
    k--;
  return k > 0 ? k : e;
}

/** Forms of "be" that make a participle cue passive. */
const PASSIVE_AUX = new Set(["is", "are", "was", "were", "be", "been", "being"]);
/** Most tokens between a passive cue and its "by". */
const MAX_BEFORE_BY = 4;

/**
 * A passive cue with an agent ("The plan was [also] criticized by the mayor"): the agent after "by" is the
 * source and the subject before the auxiliary is the content (PolNeAR's reading). Null when the cue is not a
 * participle after a form of "be", no "by" follows closely, or the agent or subject is no noun phrase.
 */
export function passiveAgent(
  toks: readonly Token[],
  cueStart: number,
  i: number,
  cueEnd: number,
  end: number,
): { content: Span; source: Span; after: number } | null {
  if (!/(?:ed|en|wn)$/.test(toks[i]!.lower)) return null;
  const aux = toks.slice(cueStart, i).findIndex((x) => PASSIVE_AUX.has(x.lower));
  if (aux < 0) return null;
  let by = cueEnd;
  while (by < end && by - cueEnd < MAX_BEFORE_BY && toks[by]!.kind === "word" && toks[by]!.lower !== "by")
    by++;
  if (toks[by]?.lower !== "by") return null;
  const agent = sourceRight(toks, by + 1, end) ?? accordingSource(toks, by + 1, end);
  const subject = sourceLeft(toks, cueStart, 0);
  if (!agent || !subject) return null;
  return {
    content: spanOf(toks, subject[0], subject[1])!,
    source: spanOf(toks, agent[0], agent[1])!,
    after: agent[1],
  };
}

/** Words before a subjectless "asked": "when asked whether ...". */
const ASKED_OPENERS = new Set(["when", "after", "once", "if", "before"]);
/** Words that open an indirect question. */
const QUESTION_WORDS = new Set([
  "whether",
  "if",
  "who",
  "whom",
  "what",
  "which",
  "how",
  "why",
  "where",
  "when",
  "about",
]);

/** Verbs of expectation and appearance: "The vote is expected to ...", "The plan seemed to ...". */
const RAISING = new Set(["expected", "seemed", "seems", "appears", "appeared"]);

/**
 * "X is expected to VP" / "X seemed to VP": PolNeAR marks an attribution without a source whose cue is the
 * verb (with its auxiliary) and whose content is X and the infinitive; the infinitive clause is given here
 * (the subject is a separate fragment that a quote item cannot hold). Null when no "to" follows.
 */
function raisingAt(
  toks: readonly Token[],
  i: number,
  end: number,
  unit: number,
): (Attribution & { subject?: Span }) | null {
  const t = toks[i]!;
  // "..., he said when asked whether ...": the question is an attribution of its own, without a source.
  if (
    t.text === "asked" &&
    ASKED_OPENERS.has(toks[i - 1]?.lower ?? "") &&
    QUESTION_WORDS.has(toks[i + 1]?.lower ?? "")
  ) {
    return sourceless(toks, i, i + 1, end, unit);
  }
  if (t.kind !== "word" || !RAISING.has(t.text) || toks[i + 1]?.lower !== "to") return null;
  const aux = toks[i - 1]?.lower ?? "";
  if (t.text === "expected" && !["is", "are", "was", "were", "be", "been"].includes(aux)) return null;
  const cueStart = t.text === "expected" ? i - 1 : i;
  const a: (Attribution & { subject?: Span }) | null = sourceless(toks, cueStart, i + 1, end, unit);
  // "The vote is expected to pass": the subject is a fragment of the content (PolNeAR: "The vote … to pass").
  const subj = a ? sourceLeft(toks, cueStart, 0) : null;
  if (a && subj) a.subject = spanOf(toks, subj[0], subj[1])!;
  return a;
}

/** An attribution without a source: cue tokens [cueStart, contentStart), content from there (at least two tokens). */
function sourceless(
  toks: readonly Token[],
  cueStart: number,
  contentStart: number,
  end: number,
  unit: number,
): Attribution | null {
  const ce = contentEnd(toks, contentStart, end);
  if (ce <= contentStart + 1) return null;
  return {
    kind: "indirect",
    content: spanOf(toks, contentStart, ce)!,
    cue: spanOf(toks, cueStart, contentStart)!,
    source: null,
    unit,
  };
}
