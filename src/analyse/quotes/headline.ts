/** Attributions without a cue verb: "Name: ..." headlines and transcripts, and "Asked whether ...". */
import type { Span } from "../../core/index.ts";
import { type Attribution, push } from "./attribution.ts";
import { contentEnd } from "./content.ts";
import { CUES } from "./cues.ts";
import { isCap, isComma, isEndPunct, LEADING, spanOf } from "./phrase.ts";
import { plausibleSource, sourceLeft, sourceRight } from "./source.ts";
import type { Token } from "./tokens.ts";

/**
 * A colon as the cue: headlines and transcripts ("Graham: Berg's rhetoric is hurting us.", "TAPPER: And ...")
 * and a name introducing a quotation ("... said pollster Daron Shaw: "...").
 */
export function colonAttribution(toks: readonly Token[], unit: number): Attribution[] {
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
  // "Berg: 1,769." is a tally, not a statement: the content needs words.
  const words = toks.slice(c + 1, ce).filter((t) => t.kind === "word" && /\p{L}/u.test(t.text)).length;
  if (!content || words < MIN_COLON_WORDS) return [];
  const out: Attribution[] = [];
  push(out, toks, content, cue, source, unit);
  return out;
}

/**
 * "Asked whether X, Berg said ...": the question is reported too (cue "Asked", no speaker unless
 * "Asked by Y"), as PolNeAR annotates it.
 */
export function askedAttribution(toks: readonly Token[], unit: number): Attribution[] {
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

/** Fewest words the content after "Name:" has (tallies and labels have none). */
const MIN_COLON_WORDS = 2;

/** Words that head a label, not a speaker, before a colon ("Question:", "The Latest:", "Editor's Note:"). */
export const NOT_SPEAKERS = new Set(
  "question answer latest note update watch read related photos photo video exclusive breaking live opinion analysis review editorial transcript correction name age pay job city".split(
    " ",
  ),
);

/** Lower-case words allowed inside a headline speaker ("Clinton to Planned Parenthood", "Clinton camp"). */
export const TITLE_LINKS = new Set(["of", "the", "camp", "on", "to", "and", "for"]);

/** Dashes that sign a quotation: "..." ― Ada Berg. */
const SIGN_DASHES = new Set(["―", "—", "–", "--"]);
/** Most tokens a signature after a dash has ("Julie A. Diaz Martinez"). */
const MAX_SIGNATURE = 7;

/**
 * A quotation signed with a dash, as in reader comments and epigraphs: `"...” ― Ada Berg`. The dash is the
 * cue and the capitalised name after it (up to the unit's end, an end mark or the next quotation) the source.
 */
export function dashAttribution(toks: readonly Token[], unit: number): Attribution[] {
  const out: Attribution[] = [];
  for (let j = 0; j + 2 < toks.length; j++) {
    const q = toks[j]!;
    const dash = toks[j + 1]!;
    if (q.kind !== "quote" || dash.kind !== "punct" || !SIGN_DASHES.has(dash.text)) continue;
    let k = j + 2;
    while (
      k < toks.length &&
      k - j - 2 < MAX_SIGNATURE &&
      (isCap(toks[k]) || (toks[k]!.text === "." && toks[k - 1]!.text.length === 1))
    )
      k++;
    if (k === j + 2 || !isCap(toks[k - 1])) continue;
    const after = toks[k];
    if (after && after.kind !== "quote" && !isEndPunct(after)) continue;
    out.push({
      kind: "direct",
      content: { start: q.start, end: q.end },
      cue: { start: dash.start, end: dash.end },
      source: { start: toks[j + 2]!.start, end: toks[k - 1]!.end },
      unit,
    });
  }
  return out;
}

/** Nouns of findings that "In ..." attributes a clause to: "In a Monday poll, Berg led by six points." */
const FINDINGS = /^(?:poll|polls|survey|surveys|study|studies|report|reports|analysis|census|audit)$/;
/** Most tokens of the phrase between "In" and its comma. */
const MAX_FINDING = 14;

/**
 * "In SOURCE, CLAUSE" where the source is a poll, survey, study or report ("In a new survey released
 * Monday, 40 percent of voters ..."): the preposition is the cue, as PolNeAR marks it.
 */
export function findingAttribution(toks: readonly Token[], unit: number): Attribution[] {
  let a = 0;
  while (a < toks.length && LEADING.has(toks[a]!.lower) && toks[a]!.lower !== "in") a++;
  if (toks[a]?.lower !== "in") return [];
  let c = a + 1;
  while (c < toks.length && c - a <= MAX_FINDING && !isComma(toks[c]) && toks[c]!.kind !== "quote") c++;
  if (!isComma(toks[c]) || c - a > MAX_FINDING || c === a + 1) return [];
  if (!toks.slice(a + 1, c).some((t) => FINDINGS.test(t.lower))) return [];
  const end = contentEnd(toks, c + 1, toks.length);
  const content = spanOf(toks, c + 1, end);
  if (!content || end - (c + 1) < 3) return [];
  const out: Attribution[] = [];
  push(out, toks, content, spanOf(toks, a, a + 1)!, spanOf(toks, a + 1, c), unit);
  return out;
}
