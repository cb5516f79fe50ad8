import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Span } from "../../core/index.ts";
import type { Attribution } from "./attribution.ts";
import { findQuoteRegions } from "./marks.ts";
import { headOf, junkSource, mergeTagged, type TaggedSpan } from "./refine.ts";
import { parseSeq, SeqPerceptron, serialiseSeq, viterbi } from "./seq.ts";
import { goldLabels, paragraphs, spansOf } from "./tagger.ts";

/** The span of the first occurrence of `part` in `text` (at or after `from`). */
function at(text: string, part: string, from = 0): Span {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, `${part} not in text`);
  return { start, end: start + part.length };
}

const S = 1;
const C = 2;
const X = 3;

/** Tagged spans of one paragraph from role and phrase pairs. */
function tags(text: string, spans: [number, string][]): TaggedSpan[][] {
  return [spans.map(([role, part]) => ({ role, span: at(text, part) }))];
}

function merge(text: string, tagged: TaggedSpan[][], atts: Attribution[] = []): Attribution[] {
  return mergeTagged(text, atts, tagged, { regions: findQuoteRegions(text), sentences: [] });
}

const cut = (text: string, s: Span | null) => (s ? text.slice(s.start, s.end) : null);

describe("span model: sequence labels", () => {
  it("decodes only BIO-consistent label sequences", () => {
    // Emissions that favour I-C right after O: the decoder must start the span with B-C.
    const em = new Float64Array(2 * 7);
    em[0] = 1; // token 0: O
    em[7 + 4] = 5; // token 1: I-C (not allowed after O)
    em[7 + 3] = 4; // token 1: B-C
    const labels = viterbi(em, 2, new Float32Array(8 * 7));
    assert.deepEqual(labels, [0, 3]);
  });

  it("round-trips a model through its file format", () => {
    const p = new SeqPerceptron(4);
    p.learn({ feats: Int32Array.from([1, 2]), offsets: Int32Array.from([0, 1, 2]), gold: [3, 4] });
    const m = p.averaged();
    const back = parseSeq(serialiseSeq(m));
    assert.equal(back.bits, 4);
    for (let i = 0; i < m.weights.length; i++)
      assert.ok(Math.abs(back.weights[i]! * back.scale - m.weights[i]!) < 1e-3);
  });

  it("tokenizes a pronoun's contracted auxiliary apart and turns labels into spans and back", () => {
    const text = "He’s claiming the vote was fair.\nNext line.";
    const paras = paragraphs(text);
    assert.equal(paras.length, 2);
    assert.deepEqual(
      paras[0]!.slice(0, 3).map((t) => text.slice(t.start, t.end)),
      ["He", "’s", "claiming"],
    );
    const gold = [
      { role: S, span: at(text, "He") },
      { role: C, span: at(text, "’s claiming") },
      { role: X, span: at(text, "the vote was fair") },
    ];
    const labels = goldLabels(paras[0]!, gold);
    assert.deepEqual(
      spansOf(paras[0]!, labels).map((s) => [s.role, cut(text, s.span)]),
      [
        [S, "He"],
        [C, "’s claiming"],
        [X, "the vote was fair"],
      ],
    );
  });
});

describe("span model: grouping tagged spans into attributions", () => {
  it("gives a cue the source and content of its own sentence", () => {
    const text = "Rena Holt met the board. The plan is dead, officials said.";
    const out = merge(
      text,
      tags(text, [
        [S, "Rena Holt"],
        [X, "The plan is dead"],
        [S, "officials"],
        [C, "said"],
      ]),
    );
    assert.equal(out.length, 1);
    assert.equal(cut(text, out[0]!.source), "officials");
    assert.equal(cut(text, out[0]!.content), "The plan is dead");
  });

  it("drops a cue whose nearest source is a bare determiner (a noun: 'a claim that ...')", () => {
    const text = "Rebels said they held the port, a claim that nobody could check.";
    const out = merge(
      text,
      tags(text, [
        [S, "Rebels"],
        [C, "said"],
        [X, "they held the port"],
        [S, "a"],
        [C, "claim"],
        [X, "that nobody could check"],
      ]),
    );
    assert.deepEqual(
      out.map((a) => [cut(text, a.cue), cut(text, a.content)]),
      [["said", "they held the port"]],
    );
  });

  it("gives no source a lone function word or adverb, and adds no cue whose nearest source is one", () => {
    for (const w of ["would", "ever", "from", "From", "grudgingly", "whether"]) assert.ok(junkSource(w), w);
    for (const w of ["he", "who", "another", "many", "Berg", "officials", "Will", "family"])
      assert.ok(!junkSource(w), w);
    const text = "Holt said the port is shut. Few ever conceded that the vote was fair.";
    const out = merge(
      text,
      tags(text, [
        [S, "Holt"],
        [C, "said"],
        [X, "the port is shut"],
        [S, "ever"],
        [C, "conceded"],
        [X, "that the vote was fair"],
      ]),
    );
    assert.deepEqual(
      out.map((a) => [cut(text, a.source), cut(text, a.cue), cut(text, a.content)]),
      [["Holt", "said", "the port is shut"]],
    );
  });

  it("resolves a tagged speaker by the name in its appositive when the phrase before it names no one", () => {
    const text =
      "The port's chief engineer, Ada J. Berg, said the crane is safe. Tomas Holt, a pilot, said it is not.";
    const out = merge(
      text,
      tags(text, [
        [S, "The port's chief engineer, Ada J. Berg,"],
        [C, "said"],
        [X, "the crane is safe"],
      ]),
    );
    assert.equal(cut(text, out[0]!.head ?? null), "Ada J. Berg");
    assert.equal(cut(text, headOf(text, at(text, "Tomas Holt, a pilot,"))), "Tomas Holt");
  });

  it("ends reported content at a semicolon and does not stop one word before the sentence end", () => {
    const text =
      "Residents said the power was off for a week; the utility disagreed. Ada Berg said it would close in May.";
    const second = text.indexOf("Ada Berg");
    const out = merge(text, [
      [
        { role: S, span: at(text, "Residents") },
        { role: C, span: at(text, "said") },
        { role: X, span: at(text, "the power was off for a week; the utility disagreed") },
        { role: S, span: at(text, "Ada Berg") },
        { role: C, span: at(text, "said", second) },
        { role: X, span: at(text, "it would close in") },
      ],
    ]);
    assert.deepEqual(
      out.map((a) => cut(text, a.content)),
      ["the power was off for a week", "it would close in May"],
    );
  });

  it("keeps the rules' speaker head and their content where the model tagged none for the cue", () => {
    const text = "Ada Berg, the mayor's aide, said: the pool will reopen.";
    const rule: Attribution = {
      kind: "indirect",
      content: at(text, "the pool will reopen"),
      cue: at(text, "said"),
      source: at(text, "Ada Berg, the mayor's aide,"),
      head: at(text, "Ada Berg"),
      unit: 0,
    };
    const out = merge(
      text,
      tags(text, [
        [S, "Ada Berg, the mayor's aide,"],
        [C, "said"],
      ]),
      [rule],
    );
    assert.equal(out.length, 1);
    assert.equal(cut(text, out[0]!.content), "the pool will reopen");
    assert.equal(cut(text, out[0]!.head ?? null), "Ada Berg");
  });

  it("drops a rule attribution whose cue the model did not tag", () => {
    const text = "The show was said to be good.";
    const rule: Attribution = {
      kind: "indirect",
      content: at(text, "to be good"),
      cue: at(text, "said"),
      source: null,
      unit: 0,
    };
    assert.deepEqual(merge(text, [[]], [rule]), []);
  });
});

describe("span model: where the rules' attribution stays", () => {
  const rule = (text: string, src: string | null, cue: string, content: string): Attribution => ({
    kind: "indirect",
    content: at(text, content),
    cue: at(text, cue),
    source: src ? at(text, src) : null,
    unit: 0,
  });

  it("keeps the rules' source when the tagged one only adds a day", () => {
    const text = "Nurse Oda Lind on Friday said the ward would close.";
    const out = merge(
      text,
      tags(text, [
        [S, "Nurse Oda Lind on Friday"],
        [C, "said"],
        [X, "the ward would close"],
      ]),
      [rule(text, "Nurse Oda Lind", "said", "the ward would close")],
    );
    assert.equal(cut(text, out[0]!.source), "Nurse Oda Lind");
  });

  it("keeps a rule attribution whose cue is a dash or 'In' though the model tags no cue", () => {
    const text = "In a fresh Kestrel Data poll, Lind trailed Moe by four points.";
    const out = merge(text, tags(text, [[S, "a fresh Kestrel Data poll"]]), [
      rule(text, "a fresh Kestrel Data poll", "In", "Lind trailed Moe by four points"),
    ]);
    assert.equal(cut(text, out[0]!.cue), "In");
    const signed = "“Nobody told us.” ― Ivo Brandl";
    const kept = merge(signed, tags(signed, [[X, "“Nobody told us.”"]]), [
      { ...rule(signed, "Ivo Brandl", "―", "“Nobody told us.”"), kind: "direct" },
    ]);
    assert.equal(cut(signed, kept[0]!.cue), "―");
  });

  it("gives no source where the rules give none and another cue stands between", () => {
    const text = "Lind said it was late when asked whether the ward would close.";
    const out = merge(
      text,
      tags(text, [
        [S, "Lind"],
        [C, "said"],
        [X, "it was late"],
        [C, "asked"],
        [X, "whether the ward would close"],
      ]),
      [rule(text, "Lind", "said", "it was late"), rule(text, null, "asked", "whether the ward would close")],
    );
    const asked = out.find((a) => cut(text, a.cue) === "asked");
    assert.equal(asked?.source, null);
    assert.equal(cut(text, out.find((a) => cut(text, a.cue) === "said")!.source), "Lind");
  });
});
