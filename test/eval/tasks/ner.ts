/**
 * `npm run eval -- ner`: named entities, conlleval exact-match P/R/F1 per type and overall, on
 * CoNLL-2003 dev (in domain) and Wikigold (out of domain), 4-class and 3-class (without MISC).
 *
 * Every system reads the same text: each document's sentences one a line, tokens joined by spaces.
 * A predicted name counts when its character span covers exactly the gold tokens with the gold type.
 * Rows: "lede" (findEntities, name mentions), "lede-tagger" (the tagger alone, on the gold tokens),
 * "compromise" (people/places/organizations), "wink-nlp" (wink-eng-lite-web-model entities).
 */
import { join } from "node:path";
import nlp from "compromise";
import winkModel from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import {
  type Chunk,
  type Counts,
  chunks,
  prf,
  readConll,
  score,
  type TaggedDoc,
} from "../../../src/analyse/entities/conll.ts";
import { findEntities, tagDocument } from "../../../src/analyse/entities/index.ts";
import type { Span } from "../../../src/core/index.ts";
import type { EvalTask, SystemScores } from "../harness.ts";

interface DocText {
  readonly text: string;
  readonly sentences: Span[];
  /** Per sentence, the character span of each gold token. */
  readonly tokens: Span[][];
}

/** A system: a document's text → typed character spans (type PER, ORG, LOC or MISC). */
type System = (doc: DocText, gold: TaggedDoc) => { start: number; end: number; type: string }[] | string[][];

function layout(doc: TaggedDoc): DocText {
  let text = "";
  const sentences: Span[] = [];
  const tokens: Span[][] = [];
  for (const s of doc.sentences) {
    const start = text.length;
    const spans: Span[] = [];
    s.tokens.forEach((t, i) => {
      if (i > 0) text += " ";
      spans.push({ start: text.length, end: text.length + t.length });
      text += t;
    });
    sentences.push({ start, end: text.length });
    tokens.push(spans);
    text += "\n";
  }
  return { text, sentences, tokens };
}

/** Map character spans to token chunks per sentence; spans that do not align are kept as misses. */
function toChunks(doc: DocText, spans: readonly { start: number; end: number; type: string }[]): Chunk[][] {
  const out: Chunk[][] = doc.sentences.map(() => []);
  for (const sp of spans) {
    const text = doc.text;
    let start = sp.start;
    let end = sp.end;
    while (start < end && /\s/.test(text[start]!)) start++;
    const s = doc.sentences.findIndex((x) => x.start <= start && start < x.end);
    if (s < 0) continue;
    const toks = doc.tokens[s]!;
    const a = toks.findIndex((t) => t.start === start);
    let b = toks.findIndex((t) => t.end === end);
    // Peers include trailing punctuation in their spans ("Tianjin."): trim it when it does not align.
    while (b < 0 && end > start && /[\s.,;:!?'"]/.test(text[end - 1]!)) {
      end--;
      b = toks.findIndex((t) => t.end === end);
    }
    // A misaligned span can never match gold; give it an impossible range so it counts as a false positive.
    out[s]!.push(
      a < 0 || b < a
        ? { start: -1 - out[s]!.length, end: -1, type: sp.type }
        : { start: a, end: b + 1, type: sp.type },
    );
  }
  return out;
}

const TYPE: Readonly<Record<string, string>> = { PERSON: "PER", ORG: "ORG", LOC: "LOC", MISC: "MISC" };

const lede: System = (doc) =>
  findEntities(doc.text, doc.sentences).flatMap((e) =>
    e.mentions
      .filter((m) => m.kind === "name")
      .map((m) => ({ start: m.start, end: m.end, type: TYPE[e.type]! })),
  );

const ledeTagger: System = (_doc, gold) => tagDocument(gold.sentences.map((s) => s.tokens));

const compromise: System = (doc) => {
  const d = nlp(doc.text);
  const out: { start: number; end: number; type: string }[] = [];
  const add = (list: { offset: { start: number; length: number } }[], type: string): void => {
    for (const x of list) out.push({ start: x.offset.start, end: x.offset.start + x.offset.length, type });
  };
  add(d.people().json({ offset: true }), "PER");
  add(d.places().json({ offset: true }), "LOC");
  add(d.organizations().json({ offset: true }), "ORG");
  return out;
};

const wink = winkNLP(winkModel);
/** wink-eng-lite-web-model's entity types that map to CoNLL's (it has no person or organisation types). */
const WINK_TYPES: Readonly<Record<string, string>> = {};
const winkSystem: System = (doc) => {
  const d = wink.readDoc(doc.text);
  const types = d.entities().out(wink.its.type) as string[];
  const spans = d.entities().out(wink.its.span) as [number, number][];
  const toks = d.tokens().out(wink.its.span) as unknown as [number, number][];
  void toks;
  return types.flatMap((t, i) =>
    WINK_TYPES[t] && spans[i] ? [{ start: 0, end: 0, type: WINK_TYPES[t]! }] : [],
  );
};

const SYSTEMS: Readonly<Record<string, System>> = {
  lede,
  "lede-tagger": ledeTagger,
  compromise,
  "wink-nlp": winkSystem,
};

function metrics(
  prefix: string,
  four: Map<string, Counts>,
  three: Map<string, Counts>,
): Record<string, number> {
  const m: Record<string, number> = {};
  const all = prf(four.get("all") ?? { tp: 0, fp: 0, fn: 0 });
  m[`${prefix}_f1`] = all.f1;
  m[`${prefix}_p`] = all.p;
  m[`${prefix}_r`] = all.r;
  for (const t of ["PER", "ORG", "LOC", "MISC"])
    m[`${prefix}_${t}_f1`] = prf(four.get(t) ?? { tp: 0, fp: 0, fn: 0 }).f1;
  m[`${prefix}_f1_3class`] = prf(three.get("all") ?? { tp: 0, fp: 0, fn: 0 }).f1;
  return m;
}

const task: EvalTask = {
  name: "ner",
  description: "named entities: conlleval exact-match P/R/F1 on CoNLL-2003 dev and Wikigold",
  async run(ctx) {
    const sets: [string, TaggedDoc[]][] = [
      ["conll", readConll(join(ctx.dataDir, "ner/conll2003/dev.txt"))],
      ["wikigold", readConll(join(ctx.dataDir, "ner/wikigold/wikigold.conll.txt"))],
    ];
    const rows = new Map<string, Record<string, number>>();
    const items: Record<string, number> = {};
    for (const [name, all] of sets) {
      const docs = ctx.limit === undefined ? all : all.slice(0, ctx.limit);
      items[`${name}_docs`] = docs.length;
      items[`${name}_entities`] = docs.reduce(
        (n, d) => n + d.sentences.reduce((k, s) => k + chunks(s.tags).length, 0),
        0,
      );
      const texts = docs.map(layout);
      for (const [system, run] of Object.entries(SYSTEMS)) {
        ctx.progress(`${name}: ${system}`);
        const four = new Map<string, Counts>();
        const three = new Map<string, Counts>();
        docs.forEach((doc, i) => {
          const out = run(texts[i]!, doc);
          const pred =
            Array.isArray(out[0]) || (out.length === 0 && system === "lede-tagger")
              ? (out as string[][]).map((tags) => chunks(tags))
              : toChunks(texts[i]!, out as { start: number; end: number; type: string }[]);
          doc.sentences.forEach((s, j) => {
            const gold = chunks(s.tags);
            score(gold, pred[j] ?? [], four);
            score(gold, pred[j] ?? [], three, (t) => t !== "MISC");
          });
        });
        rows.set(system, { ...rows.get(system), ...metrics(name, four, three) });
      }
    }
    const out: SystemScores[] = [...rows.entries()].map(([system, m]) => ({ system, metrics: m }));
    return {
      rows: out,
      items,
      notes: [
        "compromise has no MISC type: compare its *_f1_3class",
        "wink-nlp's wink-eng-lite-web-model tags dates, numbers, e-mails, hashtags and the like; it has no person, organisation or place type, so it scores 0",
        "lede-tagger: the statistical tagger alone on gold tokens; lede: findEntities on the text (tokenisation, document consistency)",
      ],
    };
  },
};

export default task;
