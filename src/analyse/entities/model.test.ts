import assert from "node:assert/strict";
import { test } from "node:test";
import { chunks, prf, score, toIob2 } from "./conll.ts";
import { fromIob2, LABELS, labelId, NUM_LABELS, toIob2Tags } from "./labels.ts";
import { FeatureIndex, parseModel, serialiseModel, TRANSITIONS, viterbi } from "./model.ts";
import { type Example, Perceptron, rng } from "./perceptron.ts";

test("IOB1 → IOB2 and chunks, conlleval style", () => {
  assert.deepEqual(toIob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]), [
    "B-PER",
    "I-PER",
    "O",
    "B-LOC",
    "B-LOC",
  ]);
  assert.deepEqual(chunks(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]), [
    { start: 0, end: 2, type: "PER" },
    { start: 3, end: 4, type: "LOC" },
    { start: 4, end: 5, type: "LOC" },
  ]);
  const counts = new Map();
  score(chunks(["B-PER", "I-PER", "O"]), chunks(["B-PER", "O", "B-ORG"]), counts);
  assert.deepEqual(counts.get("all"), { tp: 0, fp: 2, fn: 1 });
  assert.equal(prf({ tp: 1, fp: 1, fn: 1 }).f1, 0.5);
});

test("BILOU round trip", () => {
  const tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"];
  const ids = fromIob2(tags);
  assert.deepEqual(
    ids.map((i) => LABELS[i]),
    ["B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-ORG", "L-ORG"],
  );
  assert.deepEqual(toIob2Tags(ids), tags);
});

test("Viterbi never produces an ill-formed label sequence", () => {
  // Emissions that prefer I-PER everywhere: the decoder must still start and end a name properly.
  const n = 3;
  const em = new Float64Array(n * NUM_LABELS);
  for (let t = 0; t < n; t++) em[t * NUM_LABELS + labelId("I-PER")] = 5;
  const out = viterbi(em, n, new Float32Array(TRANSITIONS)).map((i) => LABELS[i]);
  assert.deepEqual(out, ["B-PER", "I-PER", "L-PER"]);
});

test("the perceptron learns a toy task, and the model survives serialisation", () => {
  // Feature 0: "capitalised", feature 1: "lower-case"; capitalised tokens are single-token people.
  const ex = (caps: boolean[]): Example => {
    const feats: number[] = [];
    const offsets = [0];
    for (const c of caps) {
      feats.push(c ? 0 : 1);
      offsets.push(feats.length);
    }
    return {
      feats: Int32Array.from(feats),
      offsets: Int32Array.from(offsets),
      gold: caps.map((c) => (c ? labelId("U-PER") : 0)),
    };
  };
  const data = [ex([true, false, false]), ex([false, true, false]), ex([false, false, true])];
  const p = new Perceptron(2);
  for (let e = 0; e < 5; e++) for (const d of data) p.learn(d);
  const avg = p.averaged();
  const hashes = Uint32Array.from([11, 22]);
  const model = parseModel(serialiseModel(hashes, avg.weights, avg.transitions));
  assert.equal(model.rows.get(22), 1);
  assert.equal(model.rows.get(33), -1);
  const em = new Float32Array(2 * NUM_LABELS);
  for (const [t, h] of [22, 11].entries()) {
    const row = model.rows.get(h);
    for (let l = 0; l < NUM_LABELS; l++) em[t * NUM_LABELS + l] = model.weights[row * NUM_LABELS + l]!;
  }
  assert.deepEqual(
    viterbi(em, 2, model.transitions).map((i) => LABELS[i]),
    ["O", "U-PER"],
  );
});

test("the feature index finds every row", () => {
  const hashes = Array.from({ length: 1000 }, (_, i) => (i * 2654435761) >>> 0);
  const index = new FeatureIndex(hashes);
  for (const [r, h] of hashes.entries()) assert.equal(index.get(h), r);
});

test("Viterbi keeps to per-token label masks", () => {
  // Emissions prefer a PER name over both tokens; the masks allow only O or MISC on the first.
  const n = 2;
  const em = new Float64Array(n * NUM_LABELS);
  em[labelId("B-PER")] = 5;
  em[NUM_LABELS + labelId("L-PER")] = 5;
  em[NUM_LABELS + labelId("U-LOC")] = 1;
  const bit = (l: string): number => 1 << labelId(l);
  const masks = Uint32Array.from([bit("O") | bit("U-MISC") | bit("B-MISC"), ~0 >>> 0]);
  const out = viterbi(em, n, new Float32Array(TRANSITIONS), masks).map((i) => LABELS[i]);
  assert.deepEqual(out, ["O", "U-LOC"]);
  assert.deepEqual(
    viterbi(em, n, new Float32Array(TRANSITIONS)).map((i) => LABELS[i]),
    ["B-PER", "L-PER"],
  );
});

test("partial labels: no update where the prediction fits the masks; weighted updates", () => {
  // Feature 0 marks a place, feature 1 a word gold data calls MISC, feature 2 plain words.
  const bit = (l: string): number => 1 << labelId(l);
  const oOrMisc = ["O", "B-MISC", "I-MISC", "L-MISC", "U-MISC"].reduce((m, l) => m | bit(l), 0);
  const sentence = (gold: string[], partial: boolean, weight?: number): Example => ({
    feats: Int32Array.from([0, 1, 2]),
    offsets: Int32Array.from([0, 1, 2, 3]),
    gold: gold.map(labelId),
    ...(partial ? { masks: Uint32Array.from(gold.map((g) => (g === "O" ? oOrMisc : bit(g)))) } : {}),
    ...(weight !== undefined ? { weight } : {}),
  });
  const p = new Perceptron(3);
  const full = sentence(["U-LOC", "U-MISC", "O"], false);
  for (let e = 0; e < 5; e++) p.learn(full);
  assert.deepEqual(
    p.learn(full).map((l) => LABELS[l]),
    ["U-LOC", "U-MISC", "O"],
  );
  // Silver marks only the place: the MISC the model predicts is allowed, so nothing changes.
  const before = Float64Array.from(p.w);
  p.learn(sentence(["U-LOC", "O", "O"], true));
  assert.deepEqual(p.w, before);
  // Read as full labels, the same sentence would push feature 1 towards O, by the update's weight.
  const misc = labelId("U-MISC");
  const w1 = p.w[1 * NUM_LABELS + misc]!;
  p.learn(sentence(["U-LOC", "O", "O"], false, 0.5));
  assert.equal(p.w[1 * NUM_LABELS + misc], w1 - 0.5);
});

test("dropout hides features while learning, deterministically", () => {
  const ex: Example = {
    feats: Int32Array.from([0, 1, 2, 3]),
    offsets: Int32Array.from([0, 4]),
    gold: [labelId("U-PER")],
  };
  const run = (dropout: number): Float64Array => {
    const p = new Perceptron(4, dropout, rng(7));
    for (let e = 0; e < 3; e++) p.learn(ex);
    return p.w;
  };
  assert.deepEqual(run(0.5), run(0.5));
  const none = run(0);
  const some = run(0.5);
  // Without dropout every feature gets the same update; with it some miss updates.
  const per = labelId("U-PER");
  assert.ok([0, 1, 2, 3].every((f) => none[f * NUM_LABELS + per] === none[per]));
  assert.ok([0, 1, 2, 3].some((f) => some[f * NUM_LABELS + per] !== some[per]));
});
