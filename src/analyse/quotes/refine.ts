/**
 * The learned span model on top of the rules: tags Source, Cue and Content spans (seq.ts over tagger.ts
 * features, which include the rules' own attributions) and merges them with the rules' attributions.
 */
import { existsSync, readFileSync } from "node:fs";
import learned from "../../../models/quotes/cues.json" with { type: "json" };
import type { Entity, Span } from "../../core/index.ts";
import type { Attribution } from "./attribution.ts";
import type { QuoteRegion } from "./marks.ts";
import { decodeSeq, parseSeq, type SeqModel } from "./seq.ts";
import { featurize, paragraphs, sentenceEdges, spansOf } from "./tagger.ts";

/**
 * The span model file, opt-in: LEDE_QUOTES_MODEL names it (`npm run train -- quotes --spans` writes
 * models/quotes/spans.bin.gz). Unset: the rules alone (the default; see README "Scores" for why).
 */
export const SPAN_MODEL = process.env.LEDE_QUOTES_MODEL ?? "";

let model: SeqModel | null | undefined;

/** The span model, loaded once; null when the file is missing (rules only). */
export function spanModel(): SeqModel | null {
  if (model === undefined)
    model = SPAN_MODEL && existsSync(SPAN_MODEL) ? parseSeq(readFileSync(SPAN_MODEL)) : null;
  return model;
}

/** Use another model (training and tests); null for rules only. */
export function setSpanModel(m: SeqModel | null): void {
  model = m;
}

const RATES = new Map(
  Object.entries(learned.words as unknown as Record<string, [number, number]>).map(([w, [c, t]]) => [
    w,
    1 + Math.min(9, Math.floor((c / t) * 10)),
  ]),
);

/** The learned lexicon's cue rate of a word in tenths plus one (0: not in the lexicon). */
export function cueRate(word: string): number {
  return RATES.get(word) ?? 0;
}

/** The context the model reads besides the text and the attributions. */
export interface RefineContext {
  readonly regions: readonly QuoteRegion[];
  readonly sentences: readonly Span[];
  readonly entities: readonly Entity[];
}

/** A tagged span: role 1 source, 2 cue, 3 content. */
export interface TaggedSpan {
  readonly role: number;
  readonly span: Span;
}

/** Tag a text's spans with a model, given the rules' attributions. */
export function tagSpans(
  body: string,
  atts: readonly Attribution[],
  ctx: RefineContext,
  m: SeqModel,
): TaggedSpan[][] {
  const paras = paragraphs(body);
  const feats = featurize({ text: body, atts, ...ctx }, paras, m.bits, cueRate);
  return paras.map((toks, p) => spansOf(toks, decodeSeq(m, feats[p]!.feats, feats[p]!.offsets)));
}

/** Farthest a source may stand from its cue (characters between them). */
const MAX_SOURCE_GAP = 160;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const gap = (a: Span, b: Span): number => Math.max(0, a.start - b.end, b.start - a.end);

/**
 * The rules' attributions replaced by the span model's (unchanged without a model). Each tagged cue becomes
 * an attribution with the nearest tagged source in its paragraph and the tagged contents nearest to it; the
 * rules' attribution with an overlapping cue gives the speaker's head (for resolution) and, when the model
 * tagged no content for the cue, the content. Contents with no cue in their paragraph continue the previous
 * paragraph's attribution (a quotation over paragraphs), as the rules' orphans do.
 *
 * @param body the text
 * @param atts the rules' attributions, in order of content
 * @param ctx quoted regions, sentences and entities
 */
export function refineAttributions(body: string, atts: Attribution[], ctx: RefineContext): Attribution[] {
  const m = spanModel();
  if (!m) return atts;
  return mergeTagged(body, atts, tagSpans(body, atts, ctx, m), ctx);
}

/** How tagged spans change the rules' attributions (for experiments; the defaults are what runs). */
export interface MergeOptions {
  /** Replace the content of a rule attribution whose cue the model also tagged by the tagged content. */
  readonly contents: boolean;
  /** Drop rule attributions whose cue the model did not tag. */
  readonly drop: boolean;
  /** Add attributions for cues the rules missed. */
  readonly add?: boolean;
  /** ... only those with a source. */
  readonly sourced?: boolean;
}

const DEFAULT_MERGE: MergeOptions = { contents: true, drop: true, add: true };

/** Words that are no speaker alone ("a" tagged before the noun cue of "a claim that ..."). */
const NOT_SOURCE =
  /^(?:a|an|the|this|that|these|those|its|his|her|their|our|my|your|some|any|one|[^\p{L}]+)$/iu;

/** Whether a tagged source holds a word that can name a speaker. */
function validSource(body: string, s: Span): boolean {
  return (body.slice(s.start, s.end).match(/\S+/g) ?? []).some((w) => !NOT_SOURCE.test(w));
}

/** Prepositions, conjunctions and wh-words: no speaker alone, whatever their case ("From", "Whether"). */
const CLOSED_WORDS = new Set(
  `about above across after against along amid amidst among around as at before behind below beneath beside
  besides between beyond by despite down during except for from in inside into like near of off on onto out
  outside over past per plus since than through throughout toward towards under underneath unlike until upon via
  with within without and but or nor because although though unless whereas whether while when where why how
  whenever wherever whose every no`.split(/\s+/),
);
/** Auxiliaries, modals and adverbs: no speaker alone when written in lower case ("would", "ever"). */
const LOWER_ONLY = new Set(
  `am is are was were be been being has have had having do does did would will shall should could can may might
  must ought ever never also not too very just only even still already always often soon then now there here
  however moreover perhaps maybe almost quite rather yet again once away back any so if to up`.split(/\s+/),
);
/** Words in -ly that are no adverbs ("family", "ally"). */
const LY_NOUNS =
  /^(?:family|ally|rally|italy|assembly|monopoly|supply|reply|bully|lily|holly|kelly|daily|weekly)$/;

/**
 * A source that is one function word (a preposition, conjunction, auxiliary or adverb: "would", "ever",
 * "from", "grudgingly"), with no noun, name or pronoun: no speaker. Determiners that stand for people
 * ("another", "many", "most") and pronouns stay.
 */
export function junkSource(text: string): boolean {
  const t = text.trim().replace(/[,.;:]+$/, "");
  if (!/^[\p{L}’'-]+$/u.test(t)) return false;
  const w = t.toLowerCase();
  if (CLOSED_WORDS.has(w)) return true;
  if (t !== w) return false;
  return LOWER_ONLY.has(w) || (/^\p{Ll}{3,}ly$/u.test(w) && !LY_NOUNS.test(w));
}

/**
 * Reported content (not a quotation) ends at a semicolon outside quotation marks: in PolNeAR train an
 * indirect content stops before "; " 98 times and runs over it 41 times.
 */
function cutAtSemicolon(body: string, c: Span, regions: readonly QuoteRegion[]): Span {
  if (/^["“«']/.test(body[c.start] ?? "")) return c;
  const inner = body.slice(c.start, c.end);
  for (let k = inner.indexOf(";"); k >= 0; k = inner.indexOf(";", k + 1)) {
    const i = c.start + k;
    if (regions.some((r) => r.start <= i && i < r.end)) continue;
    let end = i;
    while (end > c.start && /\s/.test(body[end - 1]!)) end--;
    return end > c.start ? { start: c.start, end } : c;
  }
  return c;
}

/** A name of two to five capitalised words between an appositive's commas (" Ada J. Berg,"). */
const APPOSITIVE_NAME = /^\s+(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,4})\s*(?:,|$)/u;

/**
 * A tagged speaker's head for resolution: the phrase before its appositive ("Ada Berg, a lawyer" → "Ada
 * Berg"), or the name in the appositive when the phrase before it names no one ("the port's chief engineer,
 * Ada Berg," → "Ada Berg").
 */
export function headOf(body: string, s: Span): Span {
  const text = body.slice(s.start, s.end);
  const comma = text.indexOf(",");
  if (comma <= 0) return s;
  const m = /\s\p{Lu}/u.test(text.slice(0, comma)) ? null : APPOSITIVE_NAME.exec(text.slice(comma + 1));
  if (m) {
    const start = s.start + comma + 1 + m[0].indexOf(m[1]!);
    return { start, end: start + m[1]!.length };
  }
  return { start: s.start, end: s.start + comma };
}

/** A title before a name, whose period ends no sentence. */
const TITLE_ABBR = /^(?:Sen|Gov|Rep|Mr|Mrs|Ms|Dr|Gen|St|Lt|Col|Sgt|Jr|Sr)$/;

/**
 * Reported content does not stop one word before its sentence's end ("would close in [May]."): that word
 * joins it (in PolNeAR train fewer than 1 in 50 contents stop there, most before a title such as "Sen.").
 */
function toSentenceEnd(body: string, c: Span): Span {
  if (/^["“«']/.test(body[c.start] ?? "")) return c;
  const m = /^ ([\p{L}\p{N}][\p{L}\p{N}’'-]*)[.!?](?:\s|$)/u.exec(body.slice(c.end, c.end + 40));
  if (!m || TITLE_ABBR.test(m[1]!)) return c;
  return { start: c.start, end: c.end + 1 + m[1]!.length };
}

/** A rule cue the model is not asked about: a dash or colon signature, or a preposition ("In" a poll). */
function keptCue(body: string, cue: Span): boolean {
  const t = body.slice(cue.start, cue.end);
  return !/\p{L}/u.test(t) || /^in$/i.test(t);
}

/** A source without a trailing day ("Ada Berg on Tuesday" → "Ada Berg"): in PolNeAR train 89 sources stop
 * before such a day and 49 hold it. */
function withoutDay(body: string, s: Span): Span {
  const m = /\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)$/.exec(
    body.slice(s.start, s.end),
  );
  return m && m.index > 0 ? { start: s.start, end: s.start + m.index } : s;
}

/** Group tagged spans (per paragraph) into attributions; see `refineAttributions`. */
export function mergeTagged(
  body: string,
  atts: readonly Attribution[],
  tagged: readonly (readonly TaggedSpan[])[],
  ctx: Pick<RefineContext, "regions" | "sentences">,
  opts: MergeOptions = DEFAULT_MERGE,
): Attribution[] {
  const regions = ctx.regions;
  const starts = [...sentenceEdges({ text: body, sentences: ctx.sentences }).sentStart].sort((a, b) => a - b);
  /** Index of the sentence holding a character offset. */
  const sentenceAt = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** Sentences between two spans (0: they share one). */
  const apart = (a: Span, b: Span): number => {
    const a0 = sentenceAt(a.start);
    const a1 = sentenceAt(Math.max(a.start, a.end - 1));
    const b0 = sentenceAt(b.start);
    const b1 = sentenceAt(Math.max(b.start, b.end - 1));
    return Math.max(0, a0 - b1, b0 - a1);
  };
  const cost = (a: Span, b: Span): number => apart(a, b) * 100_000 + gap(a, b);
  const out: Attribution[] = [];
  const all = tagged.flat();
  const tagCues = all.filter((t) => t.role === 2).map((t) => t.span);
  // The rules' attributions, with the model's cue and source spans where they overlap the rules'.
  const kept = new Set<Attribution>();
  for (const a of atts) {
    const cue = a.cue ? tagCues.find((c) => overlaps(c, a.cue!)) : undefined;
    if (a.cue && !cue && opts.drop && a.kind !== "partial" && !keptCue(body, a.cue)) continue;
    kept.add(a);
  }
  // Attributions of cues the rules missed and cueless contents: added last, where no other content is.
  const extra: Attribution[][] = [];
  tagged.forEach((para, p) => {
    const cues = para.filter((t) => t.role === 2).map((t) => t.span);
    const sources = para.filter((t) => t.role === 1).map((t) => t.span);
    const contents = para
      .filter((t) => t.role === 3)
      .map((t) => cutAtSemicolon(body, toSentenceEnd(body, t.span), regions));
    const byCue = cues.map(() => [] as Span[]);
    for (const c of contents) {
      let best = -1;
      for (let k = 0; k < cues.length; k++)
        if (best < 0 || cost(cues[k]!, c) < cost(cues[best]!, c)) best = k;
      if (best >= 0) byCue[best]!.push(c);
      // A content with no cue in its paragraph, where the rules have none: a quotation's continuation.
      else extra.push(withPartials(body, c, null, null, null, p, regions));
    }
    /** Whether another tagged or rule cue stands between a source and a cue. */
    const cueBetween = (s: Span, c: Span): boolean =>
      [...cues, ...atts.flatMap((a) => (a.cue ? [a.cue] : []))].some(
        (o) => !overlaps(o, c) && o.start >= Math.min(s.end, c.end) && o.end <= Math.max(s.start, c.start),
      );
    cues.forEach((cue, k) => {
      let source: Span | null = null;
      let bestD = Number.POSITIVE_INFINITY;
      let bare = false;
      for (const s of sources) {
        const d = gap(s, cue) + (s.start > cue.start ? 40 : 0);
        if (gap(s, cue) <= MAX_SOURCE_GAP && apart(s, cue) === 0 && d < bestD) {
          source = s;
          bestD = d;
        }
      }
      if (source && !validSource(body, source)) {
        source = null;
        bare = true;
      }
      if (source && junkSource(body.slice(source.start, source.end))) {
        source = null;
        bare = true;
      }
      const rules = atts.filter((a) => kept.has(a) && a.cue && overlaps(a.cue, cue));
      const contents = byCue[k]!;
      const ruleSrc = rules.find((a) => a.kind !== "partial")?.source ?? null;
      // The rules' source where the tagged one only adds a day ("Ada Berg on Tuesday").
      if (source && ruleSrc && source.start === ruleSrc.start && withoutDay(body, source).end === ruleSrc.end)
        source = ruleSrc;
      // No source where the rules give none and another cue stands between ("Berg said when asked whether").
      if (source && rules.length > 0 && rules.every((a) => !a.source) && cueBetween(source, cue))
        source = null;
      if (rules.length === 0) {
        // A cue the rules missed, unless its nearest source is a bare determiner (the noun of "a claim that
        // ..." is then no cue): its contents where the rules claim none.
        if (bare || opts.add === false || (opts.sourced && !source)) return;
        for (const c of byCue[k]!)
          extra.push(withPartials(body, c, cue, source, source ? headOf(body, source) : null, p, regions));
        return;
      }
      for (const a of rules) {
        kept.delete(a);
        const src = source && a.source && overlaps(source, a.source) ? source : (a.source ?? source);
        const head =
          a.head && src && a.head.start >= src.start && a.head.end <= src.end
            ? a.head
            : a.source && src && a.source.start === src.start && a.source.end === src.end
              ? (a.head ?? null)
              : src
                ? headOf(body, src)
                : null;
        const h = head ? { head } : {};
        if (opts.contents && a.kind !== "partial" && contents.length > 0) continue;
        out.push({ kind: a.kind, content: a.content, cue, source: src, unit: a.unit, ...h });
      }
      if (opts.contents && rules.some((a) => a.kind !== "partial") && contents.length > 0) {
        const a = rules[0]!;
        for (const c of contents)
          out.push(...withPartials(body, c, cue, source ?? a.source, a.head ?? null, p, regions));
      }
    });
  });
  for (const a of atts) if (kept.has(a)) out.push(a);
  const taken = out.filter((a) => a.kind !== "partial").map((a) => a.content);
  for (const group of extra) {
    const c = group[0]!.content;
    if (taken.some((t) => overlaps(t, c))) continue;
    out.push(...group);
    taken.push(c);
  }
  return out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
}

/** An attribution for a content span, and a partial quote for each quotation inside indirect content. */
function withPartials(
  body: string,
  content: Span,
  cue: Span | null,
  source: Span | null,
  head: Span | null,
  unit: number,
  regions: readonly QuoteRegion[],
): Attribution[] {
  const inside = regions.filter((r) => r.start >= content.start && r.end <= content.end);
  const whole = inside.length === 1 && inside[0]!.start === content.start && inside[0]!.end === content.end;
  // A quotation with its closing comma or period inside the marks, tagged with the marks: direct.
  const direct =
    whole ||
    (/^["“”«']/.test(body[content.start] ?? "") &&
      /["”»']$/.test(body[content.end - 1] ?? "") &&
      inside.length <= 1);
  const h = head && (!source || head.start !== source.start || head.end !== source.end) ? { head } : {};
  const out: Attribution[] = [{ kind: direct ? "direct" : "indirect", content, cue, source, unit, ...h }];
  if (!direct)
    for (const r of inside)
      out.push({ kind: "partial", content: { start: r.start, end: r.end }, cue, source, unit, ...h });
  return out;
}
