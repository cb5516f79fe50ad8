/** Real synthesis: eSpeak NG (WebAssembly) → PCM → MP3, decoded back and checked. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { MPEGDecoder } from "mpg123-decoder";
import {
  decodeWav,
  EspeakWasmEngine,
  encodeMp3,
  encodeMp3Native,
  encodeWav,
  LAME_CLI,
  narrate,
} from "./index.ts";

const text = "The council met on 3 March.\n\nIt voted to rebuild the bridge. Work starts in 2026.";
const sentences = [
  { start: 0, end: 27 },
  { start: 29, end: 60 },
  { start: 61, end: 82 },
];

test("narration has a mark per sentence, in order, inside the audio", async () => {
  assert.equal(text.slice(29, 60), "It voted to rebuild the bridge.");
  const n = await narrate({ title: "Bridge to be rebuilt", text }, sentences, new EspeakWasmEngine());
  assert.equal(n.sampleRate, 22050);
  assert.ok(n.durationMs > 3000 && n.durationMs < 20000, `duration ${n.durationMs}`);
  assert.deepEqual(
    n.marks.map((m) => m.kind),
    ["title", "sentence", "sentence", "sentence"],
  );
  for (let i = 0; i < n.marks.length; i++) {
    const m = n.marks[i]!;
    assert.ok(m.endMs > m.startMs, "each mark has a length");
    assert.ok(m.endMs <= n.durationMs);
    if (i > 0) assert.ok(m.startMs >= n.marks[i - 1]!.endMs, "marks do not overlap");
  }
  // The pause between paragraphs is longer than the one between sentences of a paragraph.
  const gap = (i: number) => n.marks[i + 1]!.startMs - n.marks[i]!.endMs;
  assert.ok(gap(1) > gap(2));
  // There is sound: not all samples are silent.
  let loud = 0;
  for (const s of n.samples) if (Math.abs(s) > 1000) loud++;
  assert.ok(loud > n.samples.length * 0.05);

  const encoders: Array<[string, () => Promise<Buffer>]> = [
    ["lamejs", async () => encodeMp3(n.samples, n.sampleRate)],
  ];
  if (existsSync(LAME_CLI)) encoders.push(["lame", () => encodeMp3Native(n.samples, n.sampleRate)]);
  else if (process.env.CI === "true") assert.fail(`${LAME_CLI} missing: install the Debian package lame`);
  for (const [name, encode] of encoders) {
    const mp3 = await encode();
    assert.equal(mp3[0], 0xff, `${name}: starts with an MPEG frame sync`);
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(mp3);
    decoder.free();
    assert.equal(decoded.sampleRate, 22050);
    const seconds = decoded.samplesDecoded / decoded.sampleRate;
    assert.ok(
      Math.abs(seconds * 1000 - n.durationMs) < 200,
      `${name}: decoded ${seconds}s vs ${n.durationMs}ms`,
    );
  }

  const wav = decodeWav(encodeWav(n.samples, n.sampleRate));
  assert.equal(wav.sampleRate, 22050);
  assert.deepEqual(wav.samples.subarray(0, 1000), n.samples.subarray(0, 1000));
});

test("the Debian espeak-ng engine, where installed, narrates with sentences in parallel and in order", async (t) => {
  const { EspeakCliEngine, hasEspeakCli } = await import("./index.ts");
  if (!hasEspeakCli()) {
    if (process.env.CI === "true")
      assert.fail("/usr/bin/espeak-ng missing: install the Debian package espeak-ng");
    t.skip("needs the Debian package espeak-ng");
    return;
  }
  const n = await narrate({ title: null, text }, sentences, new EspeakCliEngine());
  assert.equal(n.marks.length, 3);
  for (let i = 1; i < n.marks.length; i++) assert.ok(n.marks[i]!.startMs >= n.marks[i - 1]!.endMs);
  assert.ok(n.durationMs > 3000);
});

test("streamed narration: audio reaches the encoder in order, and the MP3 decodes to the same length", async () => {
  const { narrateMp3, lamejsStream, wasmLameStream, lameStream, MP3_DELAY_SAMPLES } = await import(
    "./index.ts"
  );
  const engine = new EspeakWasmEngine();
  const article = { title: "Bridge to be rebuilt", text };
  // The pieces handed to `onAudio` are the track itself, in order.
  const pieces: Int16Array[] = [];
  const whole = await narrate(article, sentences, engine, { onAudio: (pcm) => pieces.push(pcm.slice()) });
  const joined = new Int16Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    joined.set(p, at);
    at += p.length;
  }
  assert.equal(joined.length, whole.samples.length);
  assert.deepEqual(joined, whole.samples);
  const streamed = await narrate(article, sentences, engine, { keepSamples: false });
  assert.equal(streamed.samples.length, 0);
  // eSpeak varies a sample or so between runs: the same marks within a few milliseconds.
  const near = (a: readonly { startMs: number; endMs: number; kind: string }[], label: string, shift = 0) => {
    assert.deepEqual(
      a.map((m) => m.kind),
      whole.marks.map((m) => m.kind),
      label,
    );
    a.forEach((m, i) => {
      assert.ok(Math.abs(m.startMs - shift - whole.marks[i]!.startMs) <= 20, `${label}: start of mark ${i}`);
      assert.ok(Math.abs(m.endMs - shift - whole.marks[i]!.endMs) <= 20, `${label}: end of mark ${i}`);
    });
  };
  near(streamed.marks, "kept or not");

  const encoders: Array<[string, (rate: number) => import("./index.ts").Mp3Stream]> = [
    ["lamejs worker", (rate) => lamejsStream(rate)],
    ["wasm LAME worker", (rate) => wasmLameStream(rate)],
  ];
  if (existsSync(LAME_CLI)) encoders.push(["lame", (rate) => lameStream(rate)]);
  for (const [name, encoder] of encoders) {
    const n = await narrateMp3(article, sentences, engine, { encoder });
    // MP3 marks are late by the codec's delay, as the MP3's audio is.
    near(n.marks, name, Math.round((MP3_DELAY_SAMPLES / whole.sampleRate) * 1000));
    assert.equal(n.durationMs, n.marks.at(-1)!.endMs, name);
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(n.mp3);
    decoder.free();
    const ms = (decoded.samplesDecoded / decoded.sampleRate) * 1000;
    assert.ok(Math.abs(ms - n.durationMs) < 200, `${name}: decoded ${ms} ms vs ${n.durationMs} ms`);
    // The speech is where the marks say: the decoded audio is loud inside the last sentence.
    const last = n.marks.at(-1)!;
    const from = Math.floor((last.startMs / 1000) * decoded.sampleRate);
    const to = Math.floor((last.endMs / 1000) * decoded.sampleRate);
    let loud = 0;
    for (let i = from; i < to; i++) if (Math.abs(decoded.channelData[0]![i]!) > 0.03) loud++;
    assert.ok(loud > (to - from) * 0.05, `${name}: speech inside the last mark`);
  }
});

test("MP3 marks include the codec's delay: a sentence is heard exactly when its mark starts", async () => {
  const { narrateMp3, lamejsStream, wasmLameStream, lameStream } = await import("./index.ts");
  // A voice whose every sentence is loud from its first sample, so its onset is measurable.
  const tone = {
    id: "tone",
    voiceName: "tone",
    sampleRate: 22050,
    async synthesize() {
      const pcm = new Int16Array(4410);
      for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(12000 * Math.sin(i * 0.3));
      return pcm;
    },
  };
  const body = "First part here. Second part there.";
  const bodySentences = [
    { start: 0, end: 16 },
    { start: 17, end: 35 },
  ];
  const encoders: Array<[string, (rate: number) => import("./index.ts").Mp3Stream]> = [
    ["lamejs worker", (rate) => lamejsStream(rate)],
    ["wasm LAME worker", (rate) => wasmLameStream(rate)],
  ];
  if (existsSync(LAME_CLI)) encoders.push(["lame", (rate) => lameStream(rate)]);
  for (const [name, encoder] of encoders) {
    const n = await narrateMp3({ title: null, text: body }, bodySentences, tone, { encoder });
    const decoder = new MPEGDecoder();
    await decoder.ready;
    const decoded = decoder.decode(n.mp3);
    decoder.free();
    const ch = decoded.channelData[0]!;
    for (const m of n.marks) {
      // The first loud sample at or after 30 ms before the mark: within 3 ms of it.
      const from = Math.max(0, Math.floor(((m.startMs - 30) / 1000) * decoded.sampleRate));
      let onset = from;
      while (onset < ch.length && Math.abs(ch[onset]!) < 0.05) onset++;
      const onsetMs = (onset / decoded.sampleRate) * 1000;
      assert.ok(
        Math.abs(onsetMs - m.startMs) <= 3,
        `${name}: heard at ${onsetMs} ms, marked ${m.startMs} ms`,
      );
    }
  }
});

test("a failing engine stops the encoder and the error reaches the caller", async () => {
  const { narrateMp3 } = await import("./index.ts");
  let calls = 0;
  const flaky = {
    id: "flaky",
    voiceName: "flaky",
    sampleRate: 22050,
    async synthesize() {
      if (++calls === 2) throw new Error("voice lost");
      return new Int16Array(2205).fill(1000);
    },
  };
  await assert.rejects(narrateMp3({ title: "T", text }, sentences, flaky), /voice lost/);
});

test("a batch is cut back into sentences only at breaks that stand clearly apart", async () => {
  const { splitAtBreaks } = await import("./engines/espeak-cli.ts");
  const rate = 1000;
  const sound = (n: number, gapAt = -1, gap = 0) => {
    const a = new Int16Array(n).fill(500);
    if (gapAt >= 0) a.fill(0, gapAt, gapAt + gap);
    return a;
  };
  const join = (...parts: Int16Array[]) => {
    const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  const tail = new Int16Array(40);
  // Three sentences (the second with a 100 ms pause inside), 2 s breaks, 40 ms of trailing silence.
  const pcm = join(
    sound(300),
    new Int16Array(2000),
    sound(500, 200, 100),
    new Int16Array(2000),
    sound(250),
    tail,
  );
  const pieces = splitAtBreaks(pcm, 3, rate)!;
  assert.deepEqual(
    pieces.map((p) => p.length),
    [340, 540, 290],
    "each sentence keeps its sound and gets the trailing silence",
  );
  assert.equal(pieces[1]![250], 0, "the pause inside a sentence stays");
  assert.equal(splitAtBreaks(pcm, 4, rate), null, "fewer breaks than expected");
  assert.equal(splitAtBreaks(pcm, 2, rate), null, "two breaks alike where one was expected");
  const close = join(sound(300), new Int16Array(700), sound(1000, 200, 600), tail);
  assert.equal(splitAtBreaks(close, 2, rate), null, "a break hardly longer than a pause is not trusted");
  const short = join(sound(300), new Int16Array(300), sound(300), tail);
  assert.equal(splitAtBreaks(short, 2, rate), null, "a break under half a second is not trusted");
});

test("the Debian espeak-ng engine says a batch as the same sentences it says one by one", async (t) => {
  const { EspeakCliEngine, hasEspeakCli } = await import("./index.ts");
  if (!hasEspeakCli()) {
    if (process.env.CI === "true")
      assert.fail("/usr/bin/espeak-ng missing: install the Debian package espeak-ng");
    t.skip("needs the Debian package espeak-ng");
    return;
  }
  const engine = new EspeakCliEngine();
  const says = [
    "The council met on the third of March.",
    "It voted to rebuild the bridge, said the mayor, Anna Berg.",
    "Work starts <soon> & ends late.",
    "Yes.",
  ];
  for (const wordsPerMinute of [90, 165, 400]) {
    const batch = await engine.synthesizeBatch(says, { wordsPerMinute });
    assert.equal(batch.length, says.length);
    for (let i = 0; i < says.length; i++) {
      const alone = await engine.synthesize(says[i]!, { wordsPerMinute });
      const loud = (a: Int16Array) => a.filter((s) => Math.abs(s) > 500).length;
      // The same speech: about as much sound (eSpeak's timing varies a little with context).
      const ratio = loud(batch[i]!) / loud(alone);
      assert.ok(ratio > 0.85 && ratio < 1.15, `${wordsPerMinute} wpm, sentence ${i}: ${ratio}`);
    }
  }
});
