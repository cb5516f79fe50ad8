/**
 * Narrate an article: its title, then each sentence, as one audio track with a timing mark per
 * sentence so the reader can highlight the sentence being spoken.
 */
import type { Span } from "../core/index.ts";
import { DEFAULT_WPM, type SpeechEngine } from "./engine.ts";
import { concatPcm } from "./engines/espeak-wasm.ts";
import { type Lexicon, speechText } from "./speech-text.ts";

/** Silence after the title, between paragraphs and between sentences, in milliseconds. */
export const PAUSES = { afterTitleMs: 600, paragraphMs: 350, sentenceMs: 60 } as const;

/** Most pieces said in one engine call (for engines that batch). */
const BATCH_MAX = 24;
/** Batches per lane, so that lanes finishing at different times still share the work. */
const BATCHES_PER_LANE = 2;

/** Where one sentence (or the title) sits in the audio. */
export interface NarrationMark {
  readonly kind: "title" | "sentence";
  /** Offsets into `article.text` (0, 0 for the title). */
  readonly start: number;
  readonly end: number;
  readonly startMs: number;
  readonly endMs: number;
}

export interface Narration {
  readonly samples: Int16Array;
  readonly sampleRate: number;
  readonly durationMs: number;
  readonly marks: readonly NarrationMark[];
  readonly engine: string;
  readonly voice: string;
}

export interface NarrateOptions {
  readonly lexicon?: Lexicon;
  readonly wordsPerMinute?: number;
  /** Called after each sentence with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called with the audio in order (pauses included) as soon as each piece and all before it are
   * made, so an encoder can work while later sentences are still being synthesised.
   */
  readonly onAudio?: (samples: Int16Array, sampleRate: number) => void;
  /** Keep the whole track in `samples` (default true; false leaves it empty, for streaming). */
  readonly keepSamples?: boolean;
}

/**
 * @param article the title (may be null) and text
 * @param sentences sentence spans into `article.text`
 * @param engine the speech engine
 * @param options lexicon, rate, progress
 */
export async function narrate(
  article: { readonly title: string | null; readonly text: string },
  sentences: readonly Span[],
  engine: SpeechEngine,
  options: NarrateOptions = {},
): Promise<Narration> {
  const wpm = { wordsPerMinute: options.wordsPerMinute ?? DEFAULT_WPM };
  // What to say, in order: the title, then each sentence with the pause before it.
  const parts: Array<{
    kind: NarrationMark["kind"];
    start: number;
    end: number;
    say: string;
    pauseMs: number;
  }> = [];
  if (article.title)
    parts.push({
      kind: "title",
      start: 0,
      end: 0,
      say: speechText(article.title, options.lexicon),
      pauseMs: 0,
    });
  let prevEnd = -1;
  for (const s of sentences) {
    const pauseMs =
      parts.length === 0
        ? 0
        : prevEnd < 0
          ? PAUSES.afterTitleMs
          : article.text.slice(prevEnd, s.start).includes("\n\n")
            ? PAUSES.paragraphMs
            : PAUSES.sentenceMs;
    parts.push({
      kind: "sentence",
      start: s.start,
      end: s.end,
      say: speechText(article.text.slice(s.start, s.end), options.lexicon),
      pauseMs,
    });
    prevEnd = s.end;
  }
  // Synthesise with as many calls in flight as the engine allows (separate processes for the system
  // engine; one for the WebAssembly build, which is synchronous). Each finished piece is placed in
  // order: the pieces before it that are all done are emitted (with their pauses) and marked.
  // The rate is read once the first piece is made (an HTTP voice server tells it with its audio).
  let rate = engine.sampleRate;
  const ms = (n: number) => Math.round((n / rate) * 1000);
  const keep = options.keepSamples ?? true;
  const audio: Array<Int16Array | null> = parts.map(() => null);
  const chunks: Int16Array[] = [];
  const marks: NarrationMark[] = [];
  let samples = 0;
  let emitted = 0;
  const emit = (pcm: Int16Array) => {
    if (keep) chunks.push(pcm);
    options.onAudio?.(pcm, rate);
    samples += pcm.length;
  };
  const flush = () => {
    if (samples === 0) rate = engine.sampleRate;
    while (emitted < parts.length && audio[emitted] !== null) {
      const p = parts[emitted]!;
      const pcm = audio[emitted]!;
      audio[emitted] = null; // emitted: let it go
      emitted++;
      if (pcm.length === 0) continue;
      if (p.pauseMs > 0 && samples > 0) emit(new Int16Array(Math.round((p.pauseMs / 1000) * rate)));
      const at = samples;
      emit(pcm);
      marks.push({ kind: p.kind, start: p.start, end: p.end, startMs: ms(at), endMs: ms(samples) });
    }
  };
  // The work, in order: single pieces, or batches of pieces for an engine that says many at once
  // more cheaply (enough batches to keep every lane busy, each at most BATCH_MAX pieces).
  const lanes = Math.max(1, engine.concurrency ?? 1);
  const todo = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.say !== "");
  for (let i = 0; i < parts.length; i++) if (parts[i]!.say === "") audio[i] = new Int16Array(0);
  const size = engine.synthesizeBatch
    ? Math.max(1, Math.min(BATCH_MAX, Math.ceil(todo.length / (lanes * BATCHES_PER_LANE))))
    : 1;
  const batches: number[][] = [];
  for (let i = 0; i < todo.length; i += size) batches.push(todo.slice(i, i + size).map((t) => t.i));
  let next = 0;
  let done = parts.filter((p) => p.kind === "sentence" && p.say === "").length;
  let failed = false;
  const lane = async () => {
    while (next < batches.length && !failed) {
      const batch = batches[next++]!;
      const texts = batch.map((i) => parts[i]!.say);
      try {
        const pcm =
          batch.length > 1 && engine.synthesizeBatch
            ? await engine.synthesizeBatch(texts, wpm)
            : [await engine.synthesize(texts[0]!, wpm)];
        if (pcm.length !== batch.length) throw new Error(`narrate: ${engine.id} lost pieces of a batch`);
        batch.forEach((i, k) => {
          audio[i] = pcm[k]!;
        });
      } catch (e) {
        failed = true;
        throw e;
      }
      flush();
      const said = batch.filter((i) => parts[i]!.kind === "sentence").length;
      for (let k = 0; k < said; k++) options.onProgress?.(++done, sentences.length);
    }
  };
  flush();
  await Promise.all(Array.from({ length: lanes }, lane));
  if (engine.sampleRate !== rate)
    throw new Error(`narrate: the engine changed its sample rate (${rate} to ${engine.sampleRate})`);
  return {
    samples: keep ? concatPcm(chunks) : new Int16Array(0),
    sampleRate: rate,
    durationMs: ms(samples),
    marks,
    engine: engine.id,
    voice: engine.voiceName,
  };
}
