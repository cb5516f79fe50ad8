/**
 * The learned span model on top of the rules: tags Source, Cue and Content spans (seq.ts over tagger.ts
 * features, which include the rules' own attributions) and merges them with the rules' attributions.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Entity, Span } from "../../core/index.ts";
import learned from "../../../models/quotes/cues.json" with { type: "json" };
import type { Attribution } from "./attribution.ts";
import type { QuoteRegion } from "./marks.ts";
import { decodeSeq, parseSeq, type SeqModel } from "./seq.ts";
import { featurize, paragraphs, spansOf } from "./tagger.ts";

/** Where the span model is, unless LEDE_QUOTES_MODEL names another file ("none": rules only). */
export const SPAN_MODEL = process.env.LEDE_QUOTES_MODEL ?? resolve(import.meta.dirname, "../../../models/quotes/spans.bin.gz");

let model: SeqModel | null | undefined;

/** The span model, loaded once; null when the file is missing (rules only). */
export function spanModel(): SeqModel | null {
  if (model === undefined) model = existsSync(SPAN_MODEL) ? parseSeq(readFileSync(SPAN_MODEL)) : null;
  return model;
}

/** Use another model (training and tests); null for rules only. */
export function setSpanModel(m: SeqModel | null): void {
  model = m;
}

const RATES = learned.words as unknown as Record<string, [number, number]>;

/** The learned lexicon's cue rate of a word in tenths (0 unknown), 11 for a word seen as a cue fewer than 4 times. */
export function cueRate(word: string): number {
  const e = RATES[word];
  if (!e) return 0;
  return 1 + Math.min(9, Math.floor((e[0] / e[1]) * 10));
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

/**
 * The rules' attributions adjusted by the span model (unchanged without a model).
 *
 * @param body the text
 * @param atts the rules' attributions, in order of content
 * @param ctx quoted regions, sentences and entities
 */
export function refineAttributions(body: string, atts: Attribution[], ctx: RefineContext): Attribution[] {
  const m = spanModel();
  if (!m) return atts;
  void tagSpans(body, atts, ctx, m);
  return atts;
}
